import Testing
@testable import LinearProgramming

/// Replacing a row's coefficients in place (``LinearProgram/replaceTerms(ofRows:rowStarts:columns:coefficients:)``),
/// re-solved from the previous basis, against optima derived by hand.
///
/// The LP: max x + y  s.t.  r0: x + 2y ≤ 4,  r1: 3x + y ≤ 6,  x, y ≥ 0.
/// Optimum where both rows bind: x = 8/5, y = 6/5, objective 14/5.
@Suite struct RowEditTests {
  static func model() throws -> LinearProgram {
    let lp = LinearProgram(name: "row-edits", sense: .maximize)
    try lp.addVariables(count: 2, cost: [1, 1], names: ["x", "y"])
    try lp.addConstraints(rowStarts: [0, 2, 4], columns: [0, 1, 0, 1], coefficients: [1, 2, 3, 1],
                          lower: [-.infinity, -.infinity], upper: [4, 6], names: ["r0", "r1"])
    return lp
  }

  static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-9 * max(1, abs(b)) } ?? false }

  @Test func sameLengthEditReSolvesWarm() throws {
    let lp = try Self.model()
    #expect(Self.close(try lp.solve().objectiveValue, 14.0 / 5))
    // r0 becomes x + y ≤ 4: on x + y = 4 the point must keep 3x + y ≤ 6, so x ≤ 1: objective 4.
    #expect(try lp.replaceTerms(ofRows: [0], rowStarts: [0, 2], columns: [0, 1], coefficients: [1, 1]) == 1)
    let warm = try lp.solve()
    #expect(Self.close(warm.objectiveValue, 4), "\(warm.objectiveValue ?? .nan)")
    #expect(warm.certificate?.holds() == true)
    #expect(warm.algorithm == .primal, "a coefficient edit runs the primal simplex")
    #expect(try lp.terms(ofRow: 0).map(\.coefficient) == [1, 1])
  }

  @Test func editThatDropsATermRebuildsTheRows() throws {
    let lp = try Self.model()
    _ = try lp.solve()
    // r0 becomes y ≤ 4 (x's term merged to 0 and dropped): vertices (0,4) → 4, (2/3,4) → 14/3, (2,0) → 2.
    #expect(try lp.replaceTerms(ofRows: [0], rowStarts: [0, 3], columns: [0, 1, 0], coefficients: [1, 1, -1]) == 1)
    #expect(lp.nonZeroCount == 3)
    #expect(try lp.terms(ofRow: 1).map(\.coefficient) == [3, 1], "the next row is intact")
    let warm = try lp.solve()
    #expect(Self.close(warm.objectiveValue, 14.0 / 3), "\(warm.objectiveValue ?? .nan)")
    #expect(warm.certificate?.holds() == true)
    // And back: x + 2y ≤ 4 again gives the first optimum.
    try lp.replaceTerms(ofRows: [0], rowStarts: [0, 2], columns: [0, 1], coefficients: [1, 2])
    #expect(Self.close(try lp.solve().objectiveValue, 14.0 / 5))
  }

  @Test func identicalTermsAreNotAnEdit() throws {
    let lp = try Self.model()
    _ = try lp.solve()
    #expect(try lp.replaceTerms(ofRows: [1, 0], rowStarts: [0, 2, 4], columns: [0, 1, 0, 1], coefficients: [3, 1, 1, 2]) == 0)
    // A right-hand-side edit alone then still runs the dual simplex: r1 to 3 → x = 2/5, y = 9/5, objective 11/5.
    try lp.setBounds(lp.constraint(at: 1), lower: -.infinity, upper: 3)
    let s = try lp.solve()
    #expect(s.algorithm == .dual)
    #expect(Self.close(s.objectiveValue, 11.0 / 5), "\(s.objectiveValue ?? .nan)")
  }

  @Test func badArgumentsAreRefusedBeforeGLPK() throws {
    let lp = try Self.model()
    #expect(throws: LPError.self) { try lp.replaceTerms(ofRows: [0, 0], rowStarts: [0, 1, 2], columns: [0, 1], coefficients: [1, 1]) }
    #expect(throws: LPError.self) { try lp.replaceTerms(ofRows: [2], rowStarts: [0, 1], columns: [0], coefficients: [1]) }
    #expect(throws: LPError.self) { try lp.replaceTerms(ofRows: [0], rowStarts: [0, 1], columns: [5], coefficients: [1]) }
    #expect(throws: LPError.self) { try lp.replaceTerms(ofRows: [0], rowStarts: [0, 1], columns: [0], coefficients: [.nan]) }
    #expect(throws: LPError.self) { try lp.replaceTerms(ofRows: [0], rowStarts: [0, 2], columns: [0], coefficients: [1]) }
    #expect(try lp.terms(ofRow: 0).map(\.coefficient) == [1, 2], "a refused edit changes nothing")
  }
}
