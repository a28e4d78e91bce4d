import Foundation
import Testing
@testable import LinearProgramming

/// Every invalid use of the layer throws an ``LPError`` and the process lives.
///
/// Each call below would reach GLPK with an argument GLPK aborts on (see
/// shared/GLPK-NOTES.md) or silently accepts and then mis-solves, if the layer
/// did not validate it first; a test process that is still running after
/// these tests is the proof that none got through. Each test also checks that
/// a rejected call left the model as it was and that the model still solves.

/// Runs `body`, expects an ``LPError`` that `matches`, and returns it.
@discardableResult
func expectLPError(
  _ label: String, sourceLocation: SourceLocation = #_sourceLocation,
  _ matches: (LPError) -> Bool, _ body: () throws -> Void
) -> LPError? {
  do {
    try body()
    Issue.record("\(label): no error was thrown", sourceLocation: sourceLocation)
    return nil
  } catch let e as LPError {
    #expect(matches(e), "\(label): unexpected \(e)", sourceLocation: sourceLocation)
    #expect(!e.description.isEmpty, sourceLocation: sourceLocation)
    return e
  } catch {
    Issue.record("\(label): not an LPError: \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

extension LPError {
  var isNonFinite: Bool { if case .nonFiniteValue = self { true } else { false } }
  var isInvalidBounds: Bool { if case .invalidBounds = self { true } else { false } }
  var isForeignHandle: Bool { if case .foreignHandle = self { true } else { false } }
  var isInvalidName: Bool { if case .invalidName = self { true } else { false } }
  var isDuplicateName: Bool { if case .duplicateName = self { true } else { false } }
  var isInvalidArgument: Bool { if case .invalidArgument = self { true } else { false } }
  var isNotSolved: Bool { if case .notSolved = self { true } else { false } }
  var isSensitivityUnavailable: Bool { if case .sensitivityUnavailable = self { true } else { false } }
  var isWrongThread: Bool { if case .wrongThread = self { true } else { false } }
  var isFileUnavailable: Bool { if case .fileUnavailable = self { true } else { false } }
  var isReadFailed: Bool { if case .readFailed = self { true } else { false } }
  var isWriteFailed: Bool { if case .writeFailed = self { true } else { false } }
  var isMathProg: Bool { if case .mathProg = self { true } else { false } }
  var isMathProgSequence: Bool { if case .mathProgSequence = self { true } else { false } }
  /// The message carried by file and MathProg errors.
  var message: String {
    switch self {
    case let .readFailed(_, m), let .fileUnavailable(_, m), let .writeFailed(_, m), let .mathProg(m): return m
    default: return description
    }
  }
}

/// A small model every test can spoil: min x + y, x + y ≥ 1, x ∈ [0, 4], y ≥ 0.
struct SmallModel {
  let lp = LinearProgram(name: "small")
  let x: Variable
  let y: Variable
  let row: Constraint
  init() throws {
    x = try lp.addVariable(name: "x", bounds: 0...4)
    y = try lp.addVariable(name: "y")
    row = try lp.addConstraint(x + y >= 1, name: "row")
    try lp.setObjective(x + 2 * y)
  }
  /// Counts that a rejected call must leave untouched.
  var shape: [Int] { [lp.variableCount, lp.constraintCount, lp.nonZeroCount] }
  /// The model still solves to its optimum 1 (x = 1).
  func stillSolves(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let s = try lp.solve()
    #expect(s.termination == .optimal, sourceLocation: sourceLocation)
    #expect(close(s.objectiveValue ?? .nan, 1, 1e-9), "objective \(String(describing: s.objectiveValue))", sourceLocation: sourceLocation)
  }
}

@Suite struct AbuseTests {
  // MARK: Numbers

  @Test func nonFiniteCoefficientsAndBounds() throws {
    let m = try SmallModel()
    let (x, y, lp) = (m.x, m.y, m.lp)
    let shape = m.shape
    for bad in [Double.nan, .infinity, -.infinity] {
      expectLPError("constraint coefficient \(bad)", \.isNonFinite) { try lp.addConstraint(bad * x + y <= 1) }
      expectLPError("constraint constant \(bad)", \.isNonFinite) { try lp.addConstraint(x + bad <= 1) }
      expectLPError("objective coefficient \(bad)", \.isNonFinite) { try lp.setObjective(bad * x + y) }
      expectLPError("objective constant \(bad)", \.isNonFinite) { try lp.setObjective(x + bad) }
      expectLPError("setCost \(bad)", \.isNonFinite) { try lp.setCost(x, bad) }
      expectLPError("addVariable cost \(bad)", \.isNonFinite) { try lp.addVariable(cost: bad) }
      expectLPError("bulk objective \(bad)", \.isNonFinite) { try lp.setObjective(coefficients: [1, bad]) }
      expectLPError("bulk objective constant \(bad)", \.isNonFinite) { try lp.setObjective(coefficients: [1, 1], constant: bad) }
      expectLPError("bulk variable cost \(bad)", \.isNonFinite) { try lp.addVariables(count: 2, cost: [0, bad]) }
      expectLPError("bulk row coefficient \(bad)", \.isNonFinite) {
        try lp.addConstraints(rowStarts: [0, 2], columns: [0, 1], coefficients: [1, bad], lower: [0], upper: [1])
      }
    }
    // NaN bounds are never valid; +∞ as a lower or −∞ as an upper bound neither.
    expectLPError("NaN variable bound", \.isNonFinite) { try lp.addVariable(lower: .nan) }
    expectLPError("+∞ lower bound", \.isNonFinite) { try lp.addVariable(lower: .infinity) }
    expectLPError("−∞ upper bound", \.isNonFinite) { try lp.addVariable(upper: -.infinity) }
    expectLPError("NaN row bound", \.isNonFinite) { try lp.addConstraint(x + y <= .nan) }
    expectLPError("NaN setBounds", \.isNonFinite) { try lp.setBounds(x, lower: 0, upper: .nan) }
    // Binary variables clamp their bounds to 0...1; NaN must not vanish in the clamp.
    expectLPError("NaN lower bound of a binary", \.isNonFinite) { try lp.addVariable(lower: .nan, kind: .binary) }
    expectLPError("NaN upper bound of a binary", \.isNonFinite) { try lp.addVariable(upper: .nan, kind: .binary) }
    expectLPError("NaN bulk binary bound", { $0.isNonFinite || $0.isInvalidBounds }) { try lp.addVariables(count: 1, lower: [.nan], kind: .binary) }
    expectLPError("NaN row setBounds", \.isNonFinite) { try lp.setBounds(m.row, lower: .nan, upper: 1) }
    expectLPError("bulk NaN lower", { $0.isNonFinite || $0.isInvalidBounds }) { try lp.addVariables(count: 1, lower: [.nan]) }
    expectLPError("bulk NaN row bound", \.isNonFinite) {
      try lp.addConstraints(rowStarts: [0, 1], columns: [0], coefficients: [1], lower: [.nan], upper: [1])
    }
    // Repeated terms whose sum overflows to infinity.
    expectLPError("merged overflow in a row", \.isNonFinite) { try lp.addConstraint(1e308 * x + 1e308 * x <= 1) }
    expectLPError("merged overflow in the objective", \.isNonFinite) { try lp.setObjective(1e308 * x + 1e308 * x) }
    expectLPError("merged overflow in a bulk row", \.isNonFinite) {
      try lp.addConstraints(rowStarts: [0, 2], columns: [0, 0], coefficients: [1e308, 1e308], lower: [0], upper: [1])
    }
    #expect(m.shape == shape)
    #expect(lp.objectiveCoefficients == [1, 2])
    // setBounds of a binary with NaN.
    let b = try lp.addVariable(name: "b", kind: .binary)
    expectLPError("NaN setBounds of a binary", \.isNonFinite) { try lp.setBounds(b, lower: .nan, upper: 1) }
    #expect(try lp.bounds(of: b) == (0, 1))
    try m.stillSolves()
  }

  @Test func lowerAboveUpper() throws {
    let m = try SmallModel()
    let (x, lp) = (m.x, m.lp)
    let shape = m.shape
    expectLPError("addVariable", \.isInvalidBounds) { try lp.addVariable(name: "z", lower: 2, upper: 1) }
    expectLPError("binary forced outside 0...1", \.isInvalidBounds) { try lp.addVariable(lower: 2, upper: 3, kind: .binary) }
    expectLPError("addConstraint", \.isInvalidBounds) { try lp.addConstraint(LinearConstraint(LinearExpression(x), lower: 2, upper: 1)) }
    expectLPError("setBounds(variable)", \.isInvalidBounds) { try lp.setBounds(x, lower: 3, upper: 1) }
    expectLPError("setBounds(constraint)", \.isInvalidBounds) { try lp.setBounds(m.row, lower: 3, upper: 1) }
    expectLPError("addVariables", \.isInvalidBounds) { try lp.addVariables(count: 2, lower: [0, 5], upper: [1, 4]) }
    expectLPError("addConstraints", \.isInvalidBounds) {
      try lp.addConstraints(rowStarts: [0, 1], columns: [0], coefficients: [1], lower: [5], upper: [4])
    }
    // Making a variable binary forces 0...1 within its bounds: [2, 5] has no such value.
    let big = try lp.addVariable(name: "big", bounds: 2...5)
    expectLPError("setKind(.binary) outside 0...1", \.isInvalidBounds) { try lp.setKind(big, .binary) }
    #expect(try lp.kind(of: big) == .continuous)
    #expect(try lp.bounds(of: big) == (2, 5))
    #expect(m.shape == [shape[0] + 1] + shape.dropFirst())
    #expect(try lp.bounds(of: x) == (0, 4))
    #expect(lp.variable(named: "z") == nil)
    try m.stillSolves()
  }

  // MARK: Handles

  @Test func handlesOfAnotherModel() throws {
    let m = try SmallModel()
    let other = LinearProgram()
    let alien = try other.addVariable(name: "alien")
    let alienRow = try other.addConstraint(alien <= 1)
    let lp = m.lp
    let shape = m.shape
    expectLPError("in a constraint", \.isForeignHandle) { try lp.addConstraint(m.x + alien <= 1) }
    expectLPError("in the objective", \.isForeignHandle) { try lp.setObjective(m.x + alien) }
    expectLPError("setBounds", \.isForeignHandle) { try lp.setBounds(alien, lower: 0, upper: 1) }
    expectLPError("setCost", \.isForeignHandle) { try lp.setCost(alien, 1) }
    expectLPError("setKind", \.isForeignHandle) { try lp.setKind(alien, .integer) }
    expectLPError("bounds(of:)", \.isForeignHandle) { _ = try lp.bounds(of: alien) }
    expectLPError("name(of:)", \.isForeignHandle) { _ = try lp.name(of: alien) }
    expectLPError("row setBounds", \.isForeignHandle) { try lp.setBounds(alienRow, lower: 0, upper: 1) }
    expectLPError("terms(of:)", \.isForeignHandle) { _ = try lp.terms(of: alienRow) }
    expectLPError("variable(at:) past the end", \.isForeignHandle) { _ = try lp.variable(at: 2) }
    expectLPError("variable(at:) negative", \.isForeignHandle) { _ = try lp.variable(at: -1) }
    expectLPError("constraint(at:) past the end", \.isForeignHandle) { _ = try lp.constraint(at: 1) }
    try m.stillSolves()
    expectLPError("costRange", \.isForeignHandle) { _ = try lp.costRange(of: alien) }
    expectLPError("rightHandSideRange", \.isForeignHandle) { _ = try lp.rightHandSideRange(of: alienRow) }
    #expect(m.shape == shape)
    // The handle of the other model still works there.
    #expect(try other.solve().termination == .optimal)
  }

  /// `Solution.value(_:)` does not throw: a handle of another model is a
  /// programming error that stops the process with a message (a Swift
  /// precondition, not a GLPK abort), like an array index out of range.
  @Test func valueOfAForeignHandleTraps() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let lp = LinearProgram()
      let x = try! lp.addVariable(name: "x", bounds: 0...1, cost: 1)
      try! lp.addConstraint(x <= 1)
      let s = try! lp.solve()
      let other = LinearProgram()
      let alien = try! other.addVariable()
      _ = s.value(alien)
    }
    if let result {
      let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(stderr.contains("belongs to another model"), "\(stderr)")
    }
  }

  // MARK: Names

  @Test func invalidNames() throws {
    let m = try SmallModel()
    let lp = m.lp
    let shape = m.shape
    let long = String(repeating: "n", count: 256)
    expectLPError("256 bytes", \.isInvalidName) { try lp.addVariable(name: long) }
    expectLPError("256 bytes in UTF-8 (128 × é)", \.isInvalidName) { try lp.addVariable(name: String(repeating: "é", count: 128)) }
    expectLPError("256-byte row name", \.isInvalidName) { try lp.addConstraint(m.x <= 1, name: long) }
    expectLPError("empty", \.isInvalidName) { try lp.addVariable(name: "") }
    expectLPError("empty row name", \.isInvalidName) { try lp.addConstraint(m.x <= 1, name: "") }
    for control in ["a\tb", "line\nbreak", "nul\u{0}", "bell\u{7}", "del\u{7F}"] {
      expectLPError("control character in \(control.debugDescription)", \.isInvalidName) { try lp.addVariable(name: control) }
      expectLPError("control character in row name \(control.debugDescription)", \.isInvalidName) {
        try lp.addConstraint(m.x <= 1, name: control)
      }
      expectLPError("control character in bulk names", \.isInvalidName) { try lp.addVariables(count: 1, names: [control]) }
    }
    expectLPError("duplicate variable", \.isDuplicateName) { try lp.addVariable(name: "x") }
    expectLPError("row named like a variable", \.isDuplicateName) { try lp.addConstraint(m.x <= 1, name: "x") }
    expectLPError("variable named like a row", \.isDuplicateName) { try lp.addVariable(name: "row") }
    expectLPError("duplicate within a batch", \.isDuplicateName) { try lp.addVariables(count: 2, names: ["p", "p"]) }
    expectLPError("batch name already used", \.isDuplicateName) {
      try lp.addConstraints(rowStarts: [0, 1], columns: [0], coefficients: [1], lower: [0], upper: [1], names: ["row"])
    }
    #expect(m.shape == shape)
    // 255 bytes is the limit, and such names reach GLPK and its files.
    let v = try lp.addVariable(name: String(repeating: "€", count: 85), bounds: 0...1)  // 3 bytes each
    try lp.addConstraint(LinearExpression(v) <= 1, name: String(repeating: "r", count: 255))
    try m.stillSolves()
    try withTemporaryFolder("names") { dir in
      try lp.write(to: dir.appendingPathComponent("m.mps").path, format: .freeMPS)
      try lp.write(to: dir.appendingPathComponent("m.lp").path, format: .cplexLP)
    }
  }

  /// The model's own name is a plain property: names GLPK cannot store are
  /// not passed to it (rather than aborting), and files are still written.
  @Test func modelNamesGLPKCannotStore() throws {
    for name in ["tab\there", "newline\n", String(repeating: "m", count: 300), ""] {
      let m = try SmallModel()
      m.lp.name = name
      try m.stillSolves()
      try withTemporaryFolder("model-name") { dir in
        try m.lp.write(to: dir.appendingPathComponent("m.mps").path, format: .freeMPS)
      }
    }
  }

  // MARK: Bulk shapes

  @Test func bulkArraysOfTheWrongShape() throws {
    let m = try SmallModel()
    let lp = m.lp
    let shape = m.shape
    expectLPError("negative count", \.isInvalidArgument) { try lp.addVariables(count: -1) }
    expectLPError("lower too short", \.isInvalidArgument) { try lp.addVariables(count: 3, lower: [0, 0]) }
    expectLPError("upper too long", \.isInvalidArgument) { try lp.addVariables(count: 1, upper: [1, 2]) }
    expectLPError("cost too short", \.isInvalidArgument) { try lp.addVariables(count: 2, cost: [1]) }
    expectLPError("names too short", \.isInvalidArgument) { try lp.addVariables(count: 2, names: ["a"]) }
    expectLPError("bulk objective length", \.isInvalidArgument) { try lp.setObjective(coefficients: [1]) }
    let rows: [(String, [Int], [Int32], [Double], [Double], [Double], [String])] = [
      ("rowStarts empty", [], [], [], [], [], []),
      ("rowStarts not starting at 0", [1, 2], [0, 1], [1, 1], [0], [1], []),
      ("rowStarts not ending at columns.count", [0, 1], [0, 1], [1, 1], [0], [1], []),
      ("rowStarts decreasing", [0, 2, 1, 2], [0, 1], [1, 1], [0, 0, 0], [1, 1, 1], []),
      ("coefficients shorter than columns", [0, 2], [0, 1], [1], [0], [1], []),
      ("lower too short", [0, 1, 2], [0, 1], [1, 1], [0], [1, 1], []),
      ("upper too short", [0, 1, 2], [0, 1], [1, 1], [0, 0], [1], []),
      ("names of the wrong count", [0, 1], [0], [1], [0], [1], ["a", "b"]),
    ]
    for (label, starts, cols, coefs, lo, hi, names) in rows {
      expectLPError(label, \.isInvalidArgument) {
        try lp.addConstraints(rowStarts: starts, columns: cols, coefficients: coefs, lower: lo, upper: hi, names: names)
      }
    }
    for column: Int32 in [-1, 2, 1000, .max] {
      expectLPError("column \(column)", \.isForeignHandle) {
        try lp.addConstraints(rowStarts: [0, 2], columns: [0, column], coefficients: [1, 1], lower: [0], upper: [1])
      }
    }
    #expect(m.shape == shape)
    try m.stillSolves()
    // A valid bulk call with repeated columns and zeros still works after all that.
    let r = try lp.addConstraints(rowStarts: [0, 3], columns: [0, 0, 1], coefficients: [1, 1, 0], lower: [-.infinity], upper: [8])
    #expect(try lp.terms(of: lp.constraint(at: r.lowerBound)).map(\.coefficient) == [2])
  }

  // MARK: Sensitivity analysis in the wrong state

  @Test func rangingWithoutAUsableBasis() throws {
    let m = try SmallModel()
    let lp = m.lp
    expectLPError("before any solve", \.isNotSolved) { _ = try lp.costRange(of: m.x) }
    expectLPError("before any solve (rhs)", \.isNotSolved) { _ = try lp.rightHandSideRange(of: m.row) }
    try m.stillSolves()
    _ = try lp.costRange(of: m.x)
    _ = try lp.rightHandSideRange(of: m.row)
    try lp.setCost(m.y, 3)
    expectLPError("after an edit", \.isNotSolved) { _ = try lp.costRange(of: m.x) }
    expectLPError("after an edit (rhs)", \.isNotSolved) { _ = try lp.rightHandSideRange(of: m.row) }
    _ = try lp.solve(SolverOptions(algorithm: .interior, crossover: false))
    expectLPError("after interior point", \.isSensitivityUnavailable) { _ = try lp.costRange(of: m.x) }
    expectLPError("after interior point (rhs)", \.isSensitivityUnavailable) { _ = try lp.rightHandSideRange(of: m.row) }
    _ = try lp.solve(SolverOptions(algorithm: .primal, presolve: true))
    expectLPError("after presolve", \.isSensitivityUnavailable) { _ = try lp.costRange(of: m.x) }
    expectLPError("after presolve (rhs)", \.isSensitivityUnavailable) { _ = try lp.rightHandSideRange(of: m.row) }
    _ = try lp.solve(SolverOptions(algorithm: .primal, iterationLimit: 0))
    expectLPError("after an iteration limit", { $0.isSensitivityUnavailable }) { _ = try lp.costRange(of: m.x) }
    // Infeasible (x + y ≤ −1 with x, y ≥ 0): no optimal basis to analyse.
    try lp.setBounds(m.row, lower: -.infinity, upper: -1)
    #expect(try lp.solve().termination == .infeasible)
    expectLPError("after an infeasible solve", \.isSensitivityUnavailable) { _ = try lp.costRange(of: m.x) }
    expectLPError("after an infeasible solve (rhs)", \.isSensitivityUnavailable) { _ = try lp.rightHandSideRange(of: m.row) }
    // And back to a usable basis.
    try lp.setBounds(m.row, lower: 1, upper: .infinity)
    _ = try lp.solve()
    _ = try lp.costRange(of: m.y)
  }

  @Test func rangingAMIP() throws {
    let lp = LinearProgram(sense: .maximize)
    let a = try lp.addVariable(name: "a", bounds: 0...3, kind: .integer)
    let r = try lp.addConstraint(2 * a <= 5)
    try lp.setObjective(LinearExpression(a))
    #expect(try lp.solve().objectiveValue == 2)
    expectLPError("cost range", \.isSensitivityUnavailable) { _ = try lp.costRange(of: a) }
    expectLPError("rhs range", \.isSensitivityUnavailable) { _ = try lp.rightHandSideRange(of: r) }
    _ = try lp.solve(SolverOptions(mipDuals: true))
    expectLPError("cost range with mipDuals", \.isSensitivityUnavailable) { _ = try lp.costRange(of: a) }
  }

  /// Every variable and row of a solved LP, whatever its basis status, can be
  /// ranged (GLPK aborts on a non-basic variable in glp_analyze_coef and on a
  /// basic one in glp_analyze_bound: the layer picks the right call), and the
  /// statuses and ranges are the ones derived by hand below.
  ///
  /// max 2x + y − z, x ∈ [0, 3], y, z ≥ 0, f free, k = 2:
  ///   r1: x + y + z ≤ 10   r2: x − y ≥ −20   r3: 0 ≤ y + k ≤ 100
  ///   r4: f − y = 0        r5: z + k ≥ 1
  /// x is worth 2 per unit of r1, y 1, z −1: x goes to its bound 3, y takes the
  /// rest of r1 (7), z stays 0, f = y = 7. Objective 13, unique and not
  /// degenerate (every basic value is off its bounds), so the basis is too:
  /// basic y, f and the slack rows r2 (−4), r3 (9), r5 (2); x at its upper
  /// bound, z at its lower, k fixed, r1 at its upper bound, r4 fixed.
  /// Duals: y basic gives y₁ = 1 (r1), f basic gives y₄ = 0; reduced costs
  /// x: 2 − 1 = 1, z: −1 − 1 = −2, k: 0.
  /// Cost ranges (where the basis stays optimal):
  ///   x ≥ 1 (it stays at 3 while it beats y), z ≤ 1 (until it beats y),
  ///   k any (fixed), y ∈ [0, 2] (below 0 r1's dual would turn negative,
  ///   above 2 y beats x), f ∈ [−1, 1] (f = y, so f's cost adds to y's: 1 + c_f ∈ [0, 2]).
  /// Right-hand-side ranges: r1 ∈ [3, 26] (y = b − 3 ≥ 0; r2: 3 − (b − 3) ≥ −20;
  ///   r3 allows b ≤ 101), r4 any (f is free and absorbs it); the slack rows from
  ///   their activity on: r2 ≤ −4, r3's upper bound ≥ 9, r5 ≤ 2.
  @Test func rangingEveryBasisStatus() throws {
    let lp = LinearProgram(sense: .maximize)
    let x = try lp.addVariable(name: "x", bounds: 0...3)          // at its upper bound
    let y = try lp.addVariable(name: "y")                         // basic
    let z = try lp.addVariable(name: "z", cost: -1)               // at its lower bound
    let f = try lp.addVariable(name: "f", lower: -.infinity)      // free, basic (f = y)
    let k = try lp.addVariable(name: "k", bounds: 2...2)          // fixed
    let r1 = try lp.addConstraint(x + y + z <= 10)                // binding
    let r2 = try lp.addConstraint(x - y >= -20)                   // slack
    let r3 = try lp.addConstraint(LinearConstraint(y + k, in: 0...100))  // ranged, slack
    let r4 = try lp.addConstraint(f - y == 0)                     // equality
    let r5 = try lp.addConstraint(z + k >= 1)                     // slack ≥ row
    try lp.setObjective(2 * x + y - z)
    let s = try lp.solve()
    #expect(s.termination == .optimal)
    #expect(close(s.objectiveValue, 13, 1e-12))
    for (v, want) in [(x, 3.0), (y, 7), (z, 0), (f, 7), (k, 2)] {
      #expect(close(s.value(v), want, 1e-12), "\(v) = \(s.value(v)), by hand \(want)")
    }
    let basis = try #require(s.basis)
    #expect(basis.variables == [.atUpper, .basic, .atLower, .basic, .fixed], "\(basis.variables)")
    #expect(basis.constraints == [.atUpper, .basic, .basic, .fixed, .basic], "\(basis.constraints)")
    for (c, want) in [(r1, 1.0), (r2, 0), (r3, 0), (r4, 0), (r5, 0)] {
      #expect(close(s.dual(c), want, 1e-12), "dual of \(c): \(String(describing: s.dual(c))), by hand \(want)")
    }
    for (v, want) in [(x, 1.0), (y, 0), (z, -2), (f, 0), (k, 0)] {
      #expect(close(s.reducedCost(v), want, 1e-12), "reduced cost of \(v): \(String(describing: s.reducedCost(v))), by hand \(want)")
    }
    let costRanges: [(Variable, Double, Double)] = [
      (x, 1, .infinity), (y, 0, 2), (z, -.infinity, 1), (f, -1, 1), (k, -.infinity, .infinity),
    ]
    for (v, lo, hi) in costRanges {
      let r = try lp.costRange(of: v)
      let name = try lp.name(of: v) ?? "?"
      #expect(close(r.lower, lo, 1e-9) && close(r.upper, hi, 1e-9), "cost range of \(name): \(r), by hand [\(lo), \(hi)]")
    }
    let rhsRanges: [(Constraint, Double, Double)] = [
      (r1, 3, 26), (r2, -.infinity, -4), (r3, 9, .infinity), (r4, -.infinity, .infinity), (r5, -.infinity, 2),
    ]
    for (c, lo, hi) in rhsRanges {
      let r = try lp.rightHandSideRange(of: c)
      #expect(close(r.lower, lo, 1e-9) && close(r.upper, hi, 1e-9), "rhs range of \(c): \(r), by hand [\(lo), \(hi)]")
    }
  }

  // MARK: MathProg

  @Test func mathProgSyntaxErrorNamesFileAndLine() throws {
    try withTemporaryFolder("gmpl-syntax") { dir in
      let path = try writeFile(dir, "bad.mod", "var x >= 0;\nminimize z: x;\ns.t. c: x >= 1 +;\nsolve;\nend;\n")
      let e = expectLPError("syntax error", \.isMathProg) { _ = try MathProgModel(model: path) }
      #expect(e?.message.contains("bad.mod:3") == true, "\(e?.message ?? "")")
    }
  }

  @Test func mathProgDataErrorNamesFileAndLine() throws {
    try withTemporaryFolder("gmpl-data") { dir in
      let model = try writeFile(dir, "m.mod", "set I;\nparam a{I};\nvar x{I} >= 0;\nminimize z: sum{i in I} a[i] * x[i];\ns.t. c{i in I}: x[i] >= 1;\nsolve;\nend;\n")
      let data = try writeFile(dir, "bad.dat", "data;\nset I := 1 2 3;\nparam a := 1 5 2 oops 3 7;\nend;\n")
      let e = expectLPError("data error", \.isMathProg) { _ = try MathProgModel(model: model, data: [data]) }
      #expect(e?.message.contains("bad.dat:3") == true, "\(e?.message ?? "")")
      // A data value for a parameter that is not numeric is found only when generating.
      let data2 = try writeFile(dir, "sym.dat", "data;\nset I := 1 2;\nparam a := 1 5;\nend;\n")
      expectLPError("missing data when generating", \.isMathProg) { _ = try MathProgModel(model: model, data: [data2]) }
      // The good data works.
      let good = try writeFile(dir, "good.dat", "data;\nset I := 1 2 3;\nparam a := 1 5 2 4 3 7;\nend;\n")
      let g = try MathProgModel(model: model, data: [good])
      #expect(try g.program.solve().objectiveValue == 16)
    }
  }

  @Test func mathProgMissingFiles() throws {
    expectLPError("missing model", \.isFileUnavailable) { _ = try MathProgModel(model: "/nonexistent/model.mod") }
    try withTemporaryFolder("gmpl-missing") { dir in
      let model = try writeFile(dir, "m.mod", "var x >= 1;\nminimize z: x;\nend;\n")
      expectLPError("missing data", \.isFileUnavailable) { _ = try MathProgModel(model: model, data: [dir.path + "/none.dat"]) }
      expectLPError("folder as model", \.isFileUnavailable) { _ = try MathProgModel(model: dir.path) }
    }
  }

  static let postsolveModel = """
    var x >= 0, <= 3;
    maximize z: x;
    s.t. c: x <= 2;
    solve;
    printf "x = %g\\n", x;
    end;
    """

  @Test func mathProgPostsolveOutOfOrder() throws {
    try withTemporaryFolder("gmpl-post") { dir in
      let path = try writeFile(dir, "m.mod", Self.postsolveModel)
      let g = try MathProgModel(model: path)
      expectLPError("postsolve before solve", \.isNotSolved) { _ = try g.postsolve() }
      _ = try g.program.solve()
      let out = try g.postsolve()
      #expect(out.contains("x = 2"), "\(out)")
      // GLPK allows one postsolve per translation (a second one aborts).
      expectLPError("second postsolve", \.isMathProgSequence) { _ = try g.postsolve() }
    }
  }

  /// The postsolve step writes the solution back into the model's variables:
  /// it needs the LP exactly as generated (GLPK aborts on another shape).
  @Test func mathProgPostsolveAfterTheProgramChangedShape() throws {
    try withTemporaryFolder("gmpl-shape") { dir in
      let path = try writeFile(dir, "m.mod", Self.postsolveModel)
      let g = try MathProgModel(model: path)
      let extra = try g.program.addVariable(name: "extra", bounds: 0...1)
      try g.program.addConstraint(LinearExpression(extra) <= 1)
      #expect(try g.program.solve().termination == .optimal)
      expectLPError("postsolve of a changed program", { $0.isMathProgSequence || $0.isInvalidArgument }) { _ = try g.postsolve() }
    }
  }

  @Test func mathProgStepAfterAFailedOne() throws {
    try withTemporaryFolder("gmpl-failed") { dir in
      // The check after solve fails in postsolve.
      let path = try writeFile(dir, "m.mod", "var x >= 0, <= 3;\nmaximize z: x;\nsolve;\ncheck x <= 1;\nend;\n")
      let g = try MathProgModel(model: path)
      _ = try g.program.solve()
      let e = expectLPError("failing postsolve", \.isMathProg) { _ = try g.postsolve() }
      #expect(e?.message.contains("m.mod:4") == true, "\(e?.message ?? "")")
      expectLPError("postsolve after a failed one", \.isMathProgSequence) { _ = try g.postsolve() }
    }
  }

  // MARK: Model files

  @Test func unreadableModelFiles() throws {
    try withTemporaryFolder("read") { dir in
      for format in ModelFileFormat.allCases {
        expectLPError("missing \(format)", \.isFileUnavailable) { _ = try LinearProgram.read(dir.path + "/none", format: format) }
        expectLPError("folder \(format)", \.isFileUnavailable) { _ = try LinearProgram.read(dir.path, format: format) }
        let empty = try writeFile(dir, "empty.\(format.rawValue)", "")
        let e = expectLPError("empty \(format)", \.isReadFailed) { _ = try LinearProgram.read(empty, format: format) }
        #expect(e?.message.isEmpty == false)
      }
      let mps = try writeFile(dir, "bad.mps", "NAME BAD\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 notanumber\nRHS\n rhs c1 4\nENDATA\n")
      let e1 = expectLPError("malformed free MPS", \.isReadFailed) { _ = try LinearProgram.read(mps, format: .freeMPS) }
      #expect(e1?.message.contains(":6") == true, "\(e1?.message ?? "")")
      let lpFile = try writeFile(dir, "bad.lp", "Minimize\n obj: x + y\nSubject To\n c1: x + y >= \nBounds\nEnd\n")
      let e2 = expectLPError("malformed LP", \.isReadFailed) { _ = try LinearProgram.read(lpFile, format: .cplexLP) }
      #expect(e2?.message.contains("bad.lp:") == true, "\(e2?.message ?? "")")
    }
  }

  @Test func unwritableOutputPaths() throws {
    let m = try SmallModel()
    try withTemporaryFolder("write") { dir in
      let file = try writeFile(dir, "plain-file", "x")
      let targets = [
        dir.path + "/no/such/folder/m.mps",  // missing folder
        file + "/m.mps",                     // a file as a folder
        dir.path,                            // a folder as the file
      ]
      for path in targets {
        for format in ModelFileFormat.allCases {
          expectLPError("\(path) \(format)", \.isWriteFailed) { try m.lp.write(to: path, format: format) }
        }
      }
      // Nothing left behind: no temporary file, no partial file.
      let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
      #expect(left == ["plain-file"], "\(left)")
    }
    try m.stillSolves()
  }

  // MARK: Options and bases

  @Test func invalidSolverOptions() throws {
    let m = try SmallModel()
    let bad: [(String, SolverOptions)] = [
      ("negative time limit", SolverOptions(timeLimit: -1)),
      ("NaN time limit", SolverOptions(timeLimit: .nan)),
      ("infinite time limit", SolverOptions(timeLimit: .infinity)),
      ("negative iteration limit", SolverOptions(iterationLimit: -5)),
      ("NaN MIP gap", SolverOptions(mipGap: .nan)),
      ("negative MIP gap", SolverOptions(mipGap: -0.1)),
      ("infinite MIP gap", SolverOptions(mipGap: .infinity)),
    ]
    for (label, options) in bad {
      expectLPError(label, \.isInvalidArgument) { _ = try m.lp.solve(options) }
      #expect(m.lp.solution == nil, "\(label)")
    }
    try m.stillSolves()
  }

  @Test func startingBasisOfTheWrongSize() throws {
    let m = try SmallModel()
    let cases = [
      Basis(variables: [.basic], constraints: [.atLower]),
      Basis(variables: [.basic, .atLower, .atLower], constraints: [.atLower]),
      Basis(variables: [.basic, .atLower], constraints: []),
      Basis(variables: [.basic, .atLower], constraints: [.basic, .basic]),
    ]
    for b in cases {
      expectLPError("\(b.variables.count) × \(b.constraints.count)", \.isInvalidArgument) { try m.lp.setStartingBasis(b) }
    }
    // Right sizes, but not a basis: three basic statuses for one row.
    expectLPError("too many basic statuses", \.isInvalidArgument) {
      try m.lp.setStartingBasis(Basis(variables: [.basic, .basic], constraints: [.basic]))
    }
    expectLPError("no basic status", \.isInvalidArgument) {
      try m.lp.setStartingBasis(Basis(variables: [.atLower, .atLower], constraints: [.atLower]))
    }
    try m.stillSolves()
    // A basic variable in no row: GLPK's factorization asserts ("k1 < k2") on such a basis.
    let z = try m.lp.addVariable(name: "z", bounds: 0...1)
    expectLPError("basic variable without coefficients", \.isInvalidArgument) {
      try m.lp.setStartingBasis(Basis(variables: [.atLower, .atLower, .basic], constraints: [.atLower]))
    }
    try m.stillSolves()
    // A singular basis with non-empty columns (a and b basic, rows a + b ≤ 4 and 2a + 2b ≤ 10):
    // GLPK refuses to start (GLP_ESING); the solve reports it and the next one starts cold.
    let lp = LinearProgram()
    let a = try lp.addVariable(name: "a", bounds: 0...5, cost: -1)
    let b = try lp.addVariable(name: "b", bounds: 0...5, cost: -1)
    try lp.addConstraint(a + b <= 4)
    try lp.addConstraint(2 * a + 2 * b <= 10)
    try lp.setStartingBasis(Basis(variables: [.basic, .basic], constraints: [.atUpper, .atUpper]))
    let s = try lp.solve()
    #expect(s.termination == .numericalError, "\(s.rawStatus)")
    #expect(inconsistencies(s, lp) == [])
    let t = try lp.solve()
    #expect(t.termination == .optimal && t.objectiveValue == -4)
    _ = z
  }

  // MARK: Threads

  /// A model created and solved on one thread throws `wrongThread` on another;
  /// its GLPK problem is released on the thread that made it.
  @Test func modelUsedOnAnotherThread() throws {
    final class Box: @unchecked Sendable {
      var model: SmallModel?
      var gmpl: MathProgModel?
      let solved = DispatchSemaphore(value: 0)
      let release = DispatchSemaphore(value: 0)
      let done = DispatchSemaphore(value: 0)
      var failure: String?
    }
    let box = Box()
    let folder = try makeTemporaryFolder("thread")
    defer { try? FileManager.default.removeItem(at: folder) }
    let modelPath = try writeFile(folder, "m.mod", Self.postsolveModel)
    let owner = Thread {
      do {
        box.model = try SmallModel()
        try box.model!.stillSolves()
        box.gmpl = try MathProgModel(model: modelPath)
        _ = try box.gmpl!.program.solve()
      } catch {
        box.failure = "\(error)"
      }
      box.solved.signal()
      box.release.wait()
      box.model = nil  // released on the thread that created the GLPK problem
      box.gmpl = nil
      box.done.signal()
    }
    owner.start()
    box.solved.wait()
    #expect(box.failure == nil, "\(box.failure ?? "")")
    if let m = box.model {
      let lp = m.lp
      expectLPError("solve", \.isWrongThread) { _ = try lp.solve() }
      expectLPError("write", \.isWrongThread) { try lp.write(to: folder.path + "/m.mps", format: .freeMPS) }
      expectLPError("costRange", \.isWrongThread) { _ = try lp.costRange(of: m.x) }
      expectLPError("rightHandSideRange", \.isWrongThread) { _ = try lp.rightHandSideRange(of: m.row) }
      expectLPError("setStartingBasis", \.isWrongThread) {
        try lp.setStartingBasis(Basis(variables: [.basic, .atLower], constraints: [.atLower]))
      }
      // Edits do not touch GLPK and are allowed; the next solve still refuses.
      try lp.setCost(m.y, 5)
      expectLPError("solve after an edit", \.isWrongThread) { _ = try lp.solve() }
    }
    if let g = box.gmpl {
      expectLPError("postsolve", \.isWrongThread) { _ = try g.postsolve() }
    }
    box.release.signal()
    box.done.wait()
  }

  /// Releasing a model on a thread other than its GLPK problem's leaks the
  /// problem (with a warning on stderr) instead of aborting the process.
  @Test func modelReleasedOnAnotherThreadLeaksInsteadOfAborting() async {
    await #expect(processExitsWith: .success) {
      final class Box: @unchecked Sendable { var lp: LinearProgram? }
      let box = Box()
      let done = DispatchSemaphore(value: 0)
      let t = Thread {
        let lp = LinearProgram()
        let x = try! lp.addVariable(bounds: 0...1, cost: 1)
        try! lp.addConstraint(x <= 1)
        _ = try! lp.solve()
        box.lp = lp
        done.signal()
      }
      t.start()
      done.wait()
      box.lp = nil  // deinit here, on the test's thread
    }
  }
}
