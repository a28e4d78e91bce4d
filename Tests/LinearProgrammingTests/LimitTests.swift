import Testing
@testable import LinearProgramming

/// Limits stop the solver on time, with the best point found so far.
///
/// A limit check, not a performance test: the wall time of the call is
/// measured only to see that the limit is honoured, with generous bounds (the
/// machine is shared; an ignored limit runs for minutes, far beyond them).
@Suite struct LimitTests {
  /// A market split instance (Cornuéjols and Dawande, 1998): m rows, n = 10(m − 1)
  /// binaries, a_ij uniform in 0…99, d_i = ⌊Σ_j a_ij / 2⌋. Branch-and-bound cannot
  /// close such instances in minutes (the LP bound stays 0 while integer points
  /// are off by a few units). With `slack`, the rows become
  /// Σ a_ij x_j + s⁺_i − s⁻_i = d_i and the objective min Σ (s⁺ + s⁻), so every
  /// x is feasible and GLPK finds incumbents; without, it is the pure feasibility
  /// problem, which usually has no solution at all.
  static func marketSplit(rows m: Int, seed: UInt64, slack: Bool) throws -> LinearProgram {
    var rng = SplitMix64(seed: seed)
    let n = 10 * (m - 1)
    let lp = LinearProgram(name: "market-split-\(m)-\(seed)")
    let x = try (0..<n).map { try lp.addVariable(name: "x\($0)", kind: .binary) }
    var objective = LinearExpression()
    for i in 0..<m {
      let a = (0..<n).map { _ in Double(rng.int(0...99)) }
      let d = (a.reduce(0, +) / 2).rounded(.down)
      var row = LinearExpression.sum(zip(x, a))
      if slack {
        let up = try lp.addVariable(name: "s+\(i)"), down = try lp.addVariable(name: "s-\(i)")
        row += LinearExpression(up) - LinearExpression(down)
        objective += LinearExpression(up) + LinearExpression(down)
      }
      try lp.addConstraint(row == d, name: "split\(i)")
    }
    try lp.setObjective(objective)
    return lp
  }

  @Test func timeLimitStopsAHardMIPWithItsBestPoint() throws {
    let lp = try Self.marketSplit(rows: 6, seed: 1998, slack: true)
    let start = now()
    let s = try lp.solve(SolverOptions(timeLimit: 2))
    let wall = now() - start
    print("LimitTests: market split 6 × 50 with slacks: \(s.termination) after \(String(format: "%.2f", wall)) s, objective \(s.objectiveValue.map { "\($0)" } ?? "none"), bound \(s.mip?.bestBound.map { "\($0)" } ?? "none")")
    // Generous: on a shared 2-core machine wall time stretches; an ignored limit
    // runs for minutes on this instance (branch-and-bound cannot close it).
    #expect(wall < 2 + 30, "the 2 s limit took \(wall) s")
    #expect(s.termination == .timeLimit, "\(s.rawStatus)")
    #expect(s.primalStatus == .feasible, "with slacks every x is feasible: GLPK should have an incumbent")
    if s.primalStatus == .feasible {
      let c = s.certificate!
      #expect(c.maxIntegralityViolation! <= 1e-9 && c.maxBoundViolation <= 1e-9 && c.maxRowViolation <= 1e-9, "\(c)")
      #expect(s.objectiveValue! >= 0)
      if let bound = s.mip?.bestBound { #expect(bound <= s.objectiveValue! + 1e-9) }
      #expect(inconsistencies(s, lp) == [])
    }
  }

  @Test func timeLimitOnAHardFeasibilityMIP() throws {
    let lp = try Self.marketSplit(rows: 6, seed: 7, slack: false)
    let start = now()
    let s = try lp.solve(SolverOptions(timeLimit: 1))
    let wall = now() - start
    #expect(wall < 1 + 30, "the 1 s limit took \(wall) s")  // generous, as above
    #expect(s.termination == .timeLimit, "\(s.rawStatus)")
    // Whatever was found (usually nothing), the solution is consistent.
    #expect(inconsistencies(s, lp) == [])
  }

  /// A time limit of 0 stops the simplex at once; the status says so.
  @Test func zeroTimeLimitOnAnLP() throws {
    let t = try Transportation(sources: 30, sinks: 300, seed: 3)
    let s = try t.lp.solve(SolverOptions(algorithm: .primal, timeLimit: 0))
    #expect(s.termination == .timeLimit, "\(s.rawStatus)")
    #expect(inconsistencies(s, t.lp) == [])
    // The limit applies to that solve only.
    #expect(try t.lp.solve().termination == .optimal)
  }

  /// A MIP gap stops branch-and-cut early with a proven bound within the gap.
  ///
  /// The instance's LP bound is 0 and its first incumbent is far above it
  /// (130 with GLPK 5; a full search reaches 3 and runs on past 20 s), so the
  /// relative gap at the first incumbent is about 1 (100 %). With `mipGap: 10`
  /// GLPK must stop there and say so (GLP_EMIPGAP / "within the gap"), with a
  /// gap above 0 and at most 10. If the option were ignored, the search would
  /// run into the 20 s limit and the status would be `timeLimit`: the test fails.
  @Test func mipGapStopsEarly() throws {
    let lp = try Self.marketSplit(rows: 4, seed: 11, slack: true)
    let s = try lp.solve(SolverOptions(timeLimit: 20, mipGap: 10))
    #expect(s.termination == .optimal, "\(s.rawStatus)")
    #expect(s.rawStatus.contains("gap tolerance"), "stopped by the gap, not proven optimal: \(s.rawStatus)")
    #expect(s.primalStatus == .feasible)
    let z = try #require(s.objectiveValue), bound = try #require(s.mip?.bestBound), gap = try #require(s.mip?.gap)
    #expect(z - bound >= 1, "an early stop leaves a real gap: objective \(z), bound \(bound)")
    #expect(gap > 0.01 && gap <= 10, "gap \(gap)")
    #expect(inconsistencies(s, lp) == [])
  }
}
