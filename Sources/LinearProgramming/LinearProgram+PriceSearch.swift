import Foundation

/// What ``LinearProgram/priceSearchBasis(_:blocks:prices:maxPasses:timeLimit:)`` found.
public struct PriceSearch: Sendable {
  /// The starting basis of the whole LP: the last pass's blocks (the first pass's when the
  /// search gave up), coupling rows' slacks basic.
  public var basis: Basis
  /// The blocks' joint point, one value per column (the basic point of `basis`; a column
  /// that spans all times at the value the blocks took it at).
  public var values: [Double]
  /// The coupling rows' prices that pass used, per row of the LP, as row duals
  /// (GLPK's convention, that of ``Solution/duals``; 0 on every other row).
  public var prices: [Double]
  /// Block passes run (1: the starting prices already gave a joint point that satisfies
  /// every coupling row).
  public var passes: Int
  /// Coupling rows that pass's joint point violates (0 when the search succeeded).
  public var violated: Int
}

extension LinearProgram {
  /// A block-crash starting basis whose blocks, solved apart, jointly satisfy the coupling
  /// rows: the price search of `GLPK-NOTES.md` ("Speed on hourly models", item 3).
  ///
  /// The block crash (``blockCrashBasis(_:blocks:timeLimit:costShift:)``) leaves the coupling
  /// rows (time −1, e.g. an annual minimum share) out of its blocks. Each block then
  /// optimizes its own hours as if those rows were not there, and the blocks' joint point
  /// can violate them by a lot: the primal simplex of the full LP then spends a first
  /// phase (often most of its iterations) undoing what every block did. A Lagrangian
  /// price on a coupling row fixes that at the source: with the row's dual π added to the
  /// costs (cost_j − π·a_ij, ``couplingPrices(_:duals:)``), each block trades against the
  /// row as the full LP would at that price. At the full LP's optimal duals the blocks'
  /// optima are (up to ties and the storage carried between blocks) the full optimum.
  ///
  /// Those duals are unknown, so they are searched for, one block pass at a time:
  /// 1. Start from `prices` (e.g. the duals of a close LP's optimum: the base of an
  ///    outage), or from 0.
  /// 2. Solve every block (each warm from its basis of the previous pass) and add up
  ///    each coupling row over the blocks' joint point.
  /// 3. Stop when every coupling row holds (within a relative 1e-9). Otherwise, for each
  ///    violated row, make its price push harder toward the violated bound: double it when
  ///    it already pushes that way, else give it a small push (1e-3 of the row's typical
  ///    cost per unit of its coefficients). A price that pushes the wrong way or not at
  ///    all is what the base's duals give when an edit changes which rows bind.
  ///    Doubling, not a shrinking subgradient step: in an LP the joint point moves only
  ///    when a price passes a breakpoint, so small steps change nothing for many passes.
  ///
  /// The sign of a push: a row below its lower bound needs more of `a_i·x`; in a
  /// maximization that is a larger cost on the row's positive terms, so π goes down
  /// (cost − π·a grows); in a minimization π goes up. A row above its upper bound: the
  /// opposite. (GLPK's row duals follow cost_j − Σ π_i·a_ij = reduced cost for either sense.)
  ///
  /// When the rows still fail after `maxPasses`, the search gave up and the crash at the
  /// starting prices (the first pass) is returned: prices doubled without success distort
  /// the blocks more than they help. Rows that compete (min-shares of one total, when an
  /// outage shrinks the total) can do that: doubling every violated row's price together
  /// leaves their ratio, and so the blocks' split, where it was. Measured on the hourly
  /// model with the Black Sea cable out all year: after 16 passes the last pass's crash took
  /// 19,690 primal iterations against 15,248 for a cold solve.
  ///
  /// A price found by doubling can overshoot the optimal dual by up to 2×: the joint point
  /// then satisfies the row with room to spare, and the primal simplex's second phase
  /// moves it back. The basis is a block-crash basis either way (one basic per row), so
  /// the search can only change where the primal simplex starts, never its optimum.
  ///
  /// - Parameter prices: Starting row duals, one per row of this LP (only coupling rows
  ///   are read); nil: all 0.
  /// - Parameter maxPasses: Block passes at most (then, with rows still violated, the
  ///   first pass's basis is returned).
  /// - Parameter timeLimit: Seconds all passes may take together (nil: no limit).
  /// - Returns: The search's basis and prices, or nil when a block could not be solved
  ///   to optimality or the time ran out (the caller then starts cold).
  public func priceSearchBasis(_ structure: TimeStructure, blocks: Int, prices: [Double]? = nil,
                               maxPasses: Int = 16, timeLimit: Double? = nil) throws(LPError) -> PriceSearch? {
    let deadline = timeLimit.map { MonotonicClock.now() + $0 }
    let parts = try timeBlocks(structure, blocks: blocks)
    let m = constraintCount
    guard maxPasses > 0 else { throw .invalidArgument("a price search needs at least 1 pass, not \(maxPasses)") }
    if let prices, prices.count != m {
      throw .invalidArgument("\(prices.count) starting prices for an LP of \(m) rows")
    }
    var price = [Double](repeating: 0, count: m)
    for i in parts.coupling { price[i] = prices?[i] ?? 0 }
    // A maximization pushes a row up by lowering its dual (σ = 1); a minimization by raising it.
    let sigma: Double = sense == .maximize ? 1 : -1
    let trace = ProcessInfo.processInfo.environment["CORRIDOR_TRACE"] == "1"
    var warm: [Basis]? = nil
    var pass = 0
    var first: PriceSearch? = nil  // the crash at the starting prices
    while true {
      pass += 1
      let shift = couplingPrices(structure, duals: price)
      guard let result = try crashPass(parts, costShift: shift, warm: warm, deadline: deadline) else { return nil }
      warm = result.blockBases
      var violations: [(row: Int, direction: Double)] = []
      var report: [String] = []
      for i in parts.coupling {
        var activity = 0.0
        for k in rowStart[i]..<rowStart[i + 1] { activity += matValue[k] * result.values[Int(matIndex[k])] }
        let below = rowLower[i] - activity, above = activity - rowUpper[i]
        let tolerance = 1e-9 * max(1, abs(activity))
        let direction: Double = below > tolerance ? 1 : above > tolerance ? -1 : 0  // +1: push a_i·x up
        if direction != 0 { violations.append((i, direction)) }
        if trace, below.isFinite || above.isFinite {
          report.append("row \(i) \(direction == 0 ? "holds" : "violated by \(max(below, above))") at price \(price[i])")
        }
      }
      if trace {
        FileHandle.standardError.write(Data("corridor trace: price search pass \(pass): \(report.joined(separator: "; ")), at \(MonotonicClock.now()) s\n".utf8))
      }
      if violations.isEmpty {
        return PriceSearch(basis: result.basis, values: result.values, prices: price, passes: pass, violated: 0)
      }
      if pass == 1 {
        first = PriceSearch(basis: result.basis, values: result.values, prices: price, passes: 1, violated: violations.count)
      }
      if pass >= maxPasses, var first {
        first.passes = pass
        return first
      }
      for (i, direction) in violations {
        let push = -sigma * direction * price[i]  // > 0: the price already pushes the right way
        price[i] = push > 0 ? 2 * price[i] : -sigma * direction * typicalPrice(row: i)
      }
    }
  }

  /// A first price for coupling row `i` that had none: 1e-3 of its columns' mean |cost|
  /// per unit of its mean |coefficient| (1e-3 when its columns cost nothing).
  func typicalPrice(row i: Int) -> Double {
    var cost = 0.0, coefficient = 0.0, count = 0
    for k in rowStart[i]..<rowStart[i + 1] {
      cost += abs(self.cost[Int(matIndex[k])])
      coefficient += abs(matValue[k])
      count += 1
    }
    guard count > 0, coefficient > 0, cost > 0 else { return 1e-3 }
    return 1e-3 * cost / coefficient
  }
}
