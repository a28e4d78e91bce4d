import Testing
@testable import LinearProgramming

/// The certificate must reject a wrong answer, not only accept a right one
/// (issue #8 item 18). Each case feeds `LinearProgram.certificate` a known-bad
/// point or dual vector for a small LP solved by hand, and expects the one
/// matching measure to exceed the tolerance while the measures the change does
/// not touch stay at 0.
///
/// The LP: maximize 3a + 2b subject to
///   r1: a + b ≤ 4,  r2: a + 3b ≤ 9,  r3: a ≤ 3,  a, b ≥ 0.
/// By hand: r1 and r3 bind at a = 3, b = 1 (objective 11); r2 is slack
/// (3 + 3 = 6 < 9). Duals from the basic columns: b gives y1 = 2, then
/// a gives y1 + y3 = 3, so y3 = 1; y2 = 0. Dual objective 4·2 + 3·1 = 11.
@Suite struct CertificateRejectionTests {
  static let tolerance = 1e-7

  static func model(sense: ObjectiveSense = .maximize) throws -> LinearProgram {
    let lp = LinearProgram(name: "certificate", sense: sense)
    let a = try lp.addVariable(name: "a"), b = try lp.addVariable(name: "b")
    try lp.addConstraint(a + b <= 4, name: "r1")
    try lp.addConstraint(a + 3 * b <= 9, name: "r2")
    try lp.addConstraint(LinearExpression(a) <= 3, name: "r3")
    let objective = 3 * a + 2 * b
    try lp.setObjective(sense == .maximize ? objective : -1 * objective)
    return lp
  }

  static let optimum: [Double] = [3, 1]
  static let duals: [Double] = [2, 0, 1]

  /// The right answer passes with every measure at 0, and GLPK finds the same.
  @Test func theHandSolutionHolds() throws {
    let lp = try Self.model()
    let c = lp.certificate(values: Self.optimum, duals: Self.duals, objective: 11)
    #expect(c.holds(tolerance: 1e-12), "\(c)")
    #expect(c.maxBoundViolation == 0 && c.maxRowViolation == 0)
    #expect(c.maxDualInfeasibility == 0 && c.maxComplementarityViolation == 0 && c.relativeGap == 0)
    #expect(c.dualObjective == 11)
    let s = try lp.solve()
    #expect(s.isOptimal && close(s.objectiveValue, 11, 1e-12))
    #expect(zip(s.values, Self.optimum).allSatisfy { close($0, $1, 1e-12) }, "\(s.values)")
    #expect(zip(s.duals ?? [], Self.duals).allSatisfy { close($0, $1, 1e-12) }, "\(String(describing: s.duals))")
  }

  /// b = −0.5 breaks b ≥ 0 (every row still holds): (0 − (−0.5)) / (1 + 0) = 0.5.
  @Test func aPointBreakingABound() throws {
    let lp = try Self.model()
    let c = lp.certificate(values: [3, -0.5], duals: nil, objective: 8)
    #expect(close(c.maxBoundViolation, 0.5, 1e-12), "\(c)")
    #expect(c.maxRowViolation == 0, "\(c)")
    #expect(!c.holds(tolerance: Self.tolerance))
  }

  /// An upper bound too: x ∈ [0, 2] at 2.5 is (2.5 − 2) / (1 + 2) = 1/6 outside.
  @Test func aPointBreakingAnUpperBound() throws {
    let lp = LinearProgram(name: "upper", sense: .maximize)
    let x = try lp.addVariable(name: "x", bounds: 0...2)
    try lp.setObjective(LinearExpression(x))
    let c = lp.certificate(values: [2.5], duals: nil, objective: 2.5)
    #expect(close(c.maxBoundViolation, 1.0 / 6, 1e-12), "\(c)")
    #expect(!c.holds(tolerance: Self.tolerance))
    #expect(lp.certificate(values: [2], duals: nil, objective: 2).holds(tolerance: 1e-12))
  }

  /// b = 1.5 breaks r1 (4.5 > 4; bounds hold): 0.5 / (1 + 4) = 0.1.
  @Test func aPointBreakingARow() throws {
    let lp = try Self.model()
    let c = lp.certificate(values: [3, 1.5], duals: nil, objective: 12)
    #expect(close(c.maxRowViolation, 0.1, 1e-12), "\(c)")
    #expect(c.maxBoundViolation == 0, "\(c)")
    #expect(!c.holds(tolerance: Self.tolerance))
  }

  /// Sign-flipped duals at the right point: a maximisation's ≤ row needs y ≥ 0.
  /// With y = (−2, 0, −1) the rows' multipliers point the wrong way (2 at most,
  /// over 1 + max|c| = 4) and the reduced costs d = c − Aᵀy = (6, 4) say both
  /// columns should grow without limit (6 / 4 = 1.5).
  @Test func aSignFlippedDual() throws {
    let lp = try Self.model()
    let c = lp.certificate(values: Self.optimum, duals: Self.duals.map { -$0 }, objective: 11)
    let inf = try #require(c.maxDualInfeasibility)
    #expect(close(inf, 1.5, 1e-12), "\(c)")
    #expect(c.maxBoundViolation == 0 && c.maxRowViolation == 0)
    #expect(!c.holds(tolerance: Self.tolerance))
  }

  /// The same duals with the sense flipped: for min −3a − 2b the right duals are
  /// (−2, 0, −1), so the maximisation's (2, 0, 1) are the wrong sign there.
  @Test func theSenseDecidesTheSign() throws {
    let lp = try Self.model(sense: .minimize)
    let right = lp.certificate(values: Self.optimum, duals: Self.duals.map { -$0 }, objective: -11)
    #expect(right.holds(tolerance: 1e-12), "\(right)")
    let wrong = lp.certificate(values: Self.optimum, duals: Self.duals, objective: -11)
    #expect((wrong.maxDualInfeasibility ?? 0) > Self.tolerance, "\(wrong)")
  }

  /// A dual on the slack row r2, with y1 and y3 moved so that every reduced cost
  /// stays 0 and every sign is right (y = (0.5, 0.5, 2)): dual feasible, but r2
  /// has slack 9 − 6 = 3, so complementarity fails by 0.5 · 3 = 1.5 (over
  /// max(1, 11)), and the dual objective 4·0.5 + 9·0.5 + 3·2 = 12.5 misses 11.
  @Test func aDualOnASlackRow() throws {
    let lp = try Self.model()
    let c = lp.certificate(values: Self.optimum, duals: [0.5, 0.5, 2], objective: 11)
    #expect(c.maxDualInfeasibility == 0, "every sign is right: \(c)")
    let compl = try #require(c.maxComplementarityViolation), gap = try #require(c.relativeGap)
    #expect(close(compl, 1.5 / 11, 1e-12), "\(c)")
    #expect(close(gap, 1.5 / 11, 1e-12), "\(c)")
    #expect(c.dualObjective == 12.5)
    #expect(!c.holds(tolerance: Self.tolerance))
  }

  /// The right point and duals with a wrong objective value: only the gap sees it.
  @Test func aWrongObjectiveValue() throws {
    let lp = try Self.model()
    let c = lp.certificate(values: Self.optimum, duals: Self.duals, objective: 12)
    #expect(close(c.relativeGap ?? 0, 1.0 / 12, 1e-12), "\(c)")
    #expect(c.maxDualInfeasibility == 0)
    #expect(!c.holds(tolerance: Self.tolerance))
  }

  /// A small violation just beyond the tolerance is caught; one inside it is not.
  @Test func theToleranceIsTheLine() throws {
    let lp = try Self.model()
    // r1 exceeded by 1e-6: 1e-6 / 5 = 2e-7 > 1e-7.
    #expect(!lp.certificate(values: [3, 1 + 1e-6], duals: nil, objective: 11).holds(tolerance: Self.tolerance))
    // by 1e-7: 2e-8, inside.
    #expect(lp.certificate(values: [3, 1 + 1e-7], duals: nil, objective: 11).holds(tolerance: Self.tolerance))
  }

  /// An integer variable at 0.4 breaks integrality by 0.4.
  @Test func aFractionalInteger() throws {
    let lp = LinearProgram(name: "integrality", sense: .maximize)
    let n = try lp.addVariable(name: "n", bounds: 0...5, kind: .integer)
    try lp.addConstraint(2 * n <= 5)
    try lp.setObjective(LinearExpression(n))
    let bad = lp.certificate(values: [2.4], duals: nil, objective: 2.4)
    #expect(close(bad.maxIntegralityViolation ?? 0, 0.4, 1e-12), "\(bad)")
    #expect(!bad.holds(tolerance: Self.tolerance))
    #expect(lp.certificate(values: [2], duals: nil, objective: 2).holds(tolerance: 1e-12))
  }
}
