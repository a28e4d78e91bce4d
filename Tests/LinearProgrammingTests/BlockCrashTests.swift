import Testing
@testable import LinearProgramming

/// The block-crash start on a time-chained LP: a store that buys at a varying
/// price and sells later, with an annual cap coupling all hours.
@Suite struct BlockCrashTests {
  /// T hours; per hour: buy b_t ≤ 10, sell s_t ≤ 10, level l_t ≤ 50;
  /// l_t = l_{t−1} + 0.9 b_t − s_t (cyclic); Σ s_t ≤ 0.3·10·T (coupling row).
  /// maximize Σ p_t (s_t − b_t) with p_t deterministic.
  func storageLP(hours T: Int) throws -> (LinearProgram, TimeStructure) {
    let lp = LinearProgram(sense: .maximize)
    var price: [Double] = []
    for t in 0..<T { price.append(50 + 30 * Double((t * 7919) % 24) / 23 - Double(t % 5)) }
    let buy = try lp.addVariables(count: T, upper: Array(repeating: 10, count: T), cost: price.map { -$0 })
    let sell = try lp.addVariables(count: T, upper: Array(repeating: 10, count: T), cost: price)
    let level = try lp.addVariables(count: T, upper: Array(repeating: 50, count: T))
    var colTime: [Int32] = []
    for _ in 0..<3 { colTime += (0..<T).map { Int32($0) } }
    var rowTime: [Int32] = []
    for t in 0..<T {
      let prev = (t + T - 1) % T
      let row = LinearExpression.sum([
        (try lp.variable(at: level.lowerBound + t), 1.0), (try lp.variable(at: level.lowerBound + prev), -1.0),
        (try lp.variable(at: buy.lowerBound + t), -0.9), (try lp.variable(at: sell.lowerBound + t), 1.0),
      ])
      try lp.addConstraint(row == 0)
      rowTime.append(Int32(t))
    }
    let cap = LinearExpression.sum(try sell.map { (try lp.variable(at: $0), 1.0) })
    try lp.addConstraint(cap <= 0.3 * 10 * Double(T))
    rowTime.append(-1)
    return (lp, TimeStructure(columnTime: colTime, rowTime: rowTime, timeCount: T))
  }

  @Test(arguments: [1, 4, 12])
  func crashStartReachesTheColdOptimum(blocks: Int) throws {
    let (cold, _) = try storageLP(hours: 240)
    let reference = try cold.solve(SolverOptions(algorithm: .primal))
    #expect(reference.isOptimal)
    let (lp, structure) = try storageLP(hours: 240)
    let basis = try #require(try lp.blockCrashBasis(structure, blocks: blocks))
    #expect(basis.variables.count == lp.variableCount && basis.constraints.count == lp.constraintCount)
    let basics = basis.variables.filter { $0 == .basic }.count + basis.constraints.filter { $0 == .basic }.count
    #expect(basics == lp.constraintCount, "one basic per row")
    try lp.setStartingBasis(basis)
    let s = try lp.solve(SolverOptions(algorithm: .primal))
    #expect(s.isOptimal)
    let z = try #require(s.objectiveValue), z0 = try #require(reference.objectiveValue)
    #expect(abs(z - z0) <= 1e-9 * max(1, abs(z0)), "crash start \(z) vs cold \(z0)")
    #expect(s.certificate?.holds(tolerance: 1e-7) == true)
  }

  @Test func rejectsAStructureOfTheWrongShape() throws {
    let (lp, structure) = try storageLP(hours: 10)
    var bad = structure
    bad.columnTime.removeLast()
    #expect(throws: LPError.self) { try lp.blockCrashBasis(bad, blocks: 2) }
    bad = structure
    bad.rowTime[0] = 99
    #expect(throws: LPError.self) { try lp.blockCrashBasis(bad, blocks: 2) }
  }
}
