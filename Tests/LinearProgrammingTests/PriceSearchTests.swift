import Testing
@testable import LinearProgramming

/// The price search of the block crash (`priceSearchBasis`) on an LP small enough to solve
/// by hand: two exporters share one cable; an annual minimum share of the second couples
/// every hour, and the first is worth more, so blocks solved without that row break it.
@Suite struct PriceSearchTests {
  /// T hours; per hour: a_t, b_t ∈ [0, 10] and a_t + b_t ≤ 10 (maximize) or ≥ 10 (minimize);
  /// the coupling row Σ_t (0.7·b_t − 0.3·a_t) ≥ 0 (b at least 30 % of the total).
  /// Maximize Σ 5·a_t + 3·b_t, or minimize Σ 3·a_t + 5·b_t.
  ///
  /// By hand. Maximize: each hour fills the cable (10); every unit moved from a to b costs
  /// 2 and adds 0.7 + 0.3 = 1 to the coupling row, so the optimum moves just enough:
  /// b = 3·T, a = 7·T, objective 5·7T + 3·3T = 44·T, and the row's dual is −2 (one more unit
  /// of right-hand side costs 2). Priced in (cost − π·a_ij), π = −2 makes a and b worth 4.4
  /// each: below that (|π| < 2) every block takes a only and breaks the row, beyond it b only.
  /// Minimize: the mirror: cost 3·7T + 5·3T = 36·T, dual +2.
  func sharedCable(hours T: Int, sense: ObjectiveSense) throws -> (LinearProgram, TimeStructure) {
    let lp = LinearProgram(sense: sense)
    let (ca, cb) = sense == .maximize ? (5.0, 3.0) : (3.0, 5.0)
    let a = try lp.addVariables(count: T, upper: Array(repeating: 10, count: T), cost: Array(repeating: ca, count: T))
    let b = try lp.addVariables(count: T, upper: Array(repeating: 10, count: T), cost: Array(repeating: cb, count: T))
    let colTime = (0..<T).map { Int32($0) } + (0..<T).map { Int32($0) }
    var rowTime: [Int32] = []
    for t in 0..<T {
      let cable = LinearExpression.sum([(try lp.variable(at: a.lowerBound + t), 1.0), (try lp.variable(at: b.lowerBound + t), 1.0)])
      try lp.addConstraint(sense == .maximize ? cable <= 10 : cable >= 10)
      rowTime.append(Int32(t))
    }
    let share = LinearExpression.sum(try (0..<T).flatMap { t in
      [(try lp.variable(at: b.lowerBound + t), 0.7), (try lp.variable(at: a.lowerBound + t), -0.3)]
    })
    try lp.addConstraint(share >= 0)
    rowTime.append(-1)
    return (lp, TimeStructure(columnTime: colTime, rowTime: rowTime, timeCount: T))
  }

  /// The coupling row Σ (0.7·b − 0.3·a) at a point.
  func share(_ x: [Double], hours T: Int) -> Double {
    (0..<T).reduce(0.0) { $0 + 0.7 * x[T + $1] - 0.3 * x[$1] }
  }

  @Test(arguments: [ObjectiveSense.maximize, .minimize])
  func searchSatisfiesTheCouplingRowAndReachesTheColdOptimum(sense: ObjectiveSense) throws {
    let T = 48
    // Without prices the blocks break the row: every hour takes a only (share −0.3·10·T).
    let (plain, structure) = try sharedCable(hours: T, sense: sense)
    let crash = try #require(try plain.crashPass(plain.timeBlocks(structure, blocks: 4), costShift: nil, warm: nil, deadline: nil))
    let before = share(crash.values, hours: T)
    #expect(before < -1, "the plain crash should break the share row (\(before))")

    let (lp, _) = try sharedCable(hours: T, sense: sense)
    let search = try #require(try lp.priceSearchBasis(structure, blocks: 4, maxPasses: 20))
    #expect(search.violated == 0 && search.passes > 1, "\(search.passes) passes, \(search.violated) rows violated")
    // The price that satisfies the row is beyond the tie at |π| = 2 (hand derivation above),
    // pushing the right way: below 0 for a maximization, above for a minimization.
    let pi = search.prices[T]
    #expect(sense == .maximize ? pi < -2 : pi > 2, "price \(pi)")
    #expect(search.prices[0..<T].allSatisfy { $0 == 0 }, "only coupling rows carry a price")
    let after = share(search.values, hours: T)
    #expect(after >= -1e-9, "the searched crash should satisfy the share row (\(after))")

    // From the searched basis, the primal simplex reaches the hand optimum and a cold solve's.
    try lp.setStartingBasis(search.basis)
    let s = try lp.solve(SolverOptions(algorithm: .primal))
    let (cold, _) = try sharedCable(hours: T, sense: sense)
    let reference = try cold.solve(SolverOptions(algorithm: .primal, warmStart: false))
    let z = try #require(s.objectiveValue), z0 = try #require(reference.objectiveValue)
    let hand = (sense == .maximize ? 44.0 : 36.0) * Double(T)
    #expect(abs(z0 - hand) <= 1e-9 * hand, "cold \(z0) against \(hand) by hand")
    #expect(abs(z - z0) <= 1e-9 * max(1, abs(z0)), "searched start \(z) against cold \(z0)")
    #expect(s.certificate?.holds(tolerance: 1e-7) == true)
    #expect(abs((s.duals?[T] ?? .nan) - (sense == .maximize ? -2 : 2)) <= 1e-9, "the share row's dual")
  }

  @Test func startingPricesThatAlreadyHoldTakeOnePass() throws {
    let (lp, structure) = try sharedCable(hours: 24, sense: .maximize)
    var prices = [Double](repeating: 0, count: lp.constraintCount)
    prices[24] = -2.5  // beyond the tie: every block takes b only, the row holds
    let search = try #require(try lp.priceSearchBasis(structure, blocks: 3, prices: prices))
    #expect(search.passes == 1 && search.violated == 0)
    #expect(abs(search.prices[24] - -2.5) <= 1e-12)
  }

  @Test func aSearchThatGivesUpReturnsTheCrashAtTheStartingPrices() throws {
    // Two passes are too few (the price must pass |π| = 2 from a first push of 0.008): the
    // search gives up and returns the first pass, at price 0, where every hour takes a only.
    let T = 24
    let (lp, structure) = try sharedCable(hours: T, sense: .maximize)
    let search = try #require(try lp.priceSearchBasis(structure, blocks: 3, maxPasses: 2))
    #expect(search.passes == 2 && search.violated == 1)
    #expect(search.prices[T] == 0, "the starting price, not the last one tried (\(search.prices[T]))")
    #expect(abs(share(search.values, hours: T) - -0.3 * 10 * Double(T)) <= 1e-9, "a only in every hour")
  }

  @Test func rejectsPricesOfTheWrongLength() throws {
    let (lp, structure) = try sharedCable(hours: 4, sense: .maximize)
    #expect(throws: LPError.self) { try lp.priceSearchBasis(structure, blocks: 2, prices: [0]) }
    #expect(throws: LPError.self) { try lp.priceSearchBasis(structure, blocks: 2, maxPasses: 0) }
  }
}
