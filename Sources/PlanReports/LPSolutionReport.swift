import Foundation
import LinearProgramming

/// A solved LP or MIP read from a file (`corridor solve model.mps`), ready to render.
///
/// JSON schema `corridor-lp-solution/1` (docs/json-schema.md): top-level keys
/// `schema`, `file`, `status` (a ``TerminationStatus`` raw value), `primal_status`,
/// `dual_status`, `message`, `objective` (number or null), `sense`, `algorithm`,
/// `iterations`, `solve_seconds`, `certificate` (object or null), `mip` (object
/// or null), `variables` (name, value, reduced_cost), `constraints` (name,
/// activity, lower, upper, dual), and, on request, `log` and `postsolve_output`.
public struct LPSolutionReport {
  public var file: String
  public var program: LinearProgram
  public var solution: Solution
  public var postsolveOutput: String?
  public var includeLog: Bool

  public init(file: String, program: LinearProgram, solution: Solution, postsolveOutput: String? = nil, includeLog: Bool = false) {
    self.file = file
    self.program = program
    self.solution = solution
    self.postsolveOutput = postsolveOutput
    self.includeLog = includeLog
  }

  public func render(_ format: ReportFormat) throws -> String {
    switch format {
    case .table: return text(markdown: false)
    case .markdown: return text(markdown: true)
    case .json: return try json()
    case .csv: return csv()
    case .html: return PreformattedHTML.render(title: file, text: text(markdown: false))
    }
  }

  /// The objective of a feasible point; nil otherwise (GLPK also reports one for an
  /// infeasible basis, which is no solution's value).
  private var objective: Double? { solution.primalStatus == .feasible ? solution.objectiveValue : nil }

  private func name(_ v: Variable) -> String { (try? program.name(of: v)).flatMap { $0 } ?? "x\(v.index + 1)" }
  private func name(_ c: Constraint) -> String { (try? program.name(of: c)).flatMap { $0 } ?? "r\(c.index + 1)" }

  private func summary() -> [(String, String)] {
    let s = solution
    var rows: [(String, String)] = [
      ("file", file),
      ("status", s.termination.rawValue + " — " + s.termination.message),
      ("objective", objective.map { Number.exact($0) } ?? "none"),
      ("sense", program.sense.rawValue),
      ("size", [Number.counted(program.variableCount, "variable"), Number.counted(program.constraintCount, "constraint"),
                Number.counted(program.nonZeroCount, "non-zero")].joined(separator: ", ")),
      ("solver", "\(s.algorithm.rawValue), \(Number.counted(s.iterations, "iteration")), \(Number.grouped(s.solveTime * 1000, digits: 1)) ms"),
    ]
    if let m = s.mip {
      rows.append(("MIP bound", m.bestBound.map { Number.exact($0) } ?? "none"))
      rows.append(("MIP gap", m.gap.map { Number.percent($0) } ?? "–"))
    }
    if let c = s.certificate { rows.append(("certificate", CertificateText.line(c))) }
    return rows
  }

  private func text(markdown: Bool) -> String {
    var out = ""
    var head = TextTable(markdown ? "Solution" : nil, headers: ["", ""])
    for (k, v) in summary() { head.add([k, v]) }
    if markdown {
      out += head.markdown() + "\n"
    } else {
      for (k, v) in summary() { out += k.padding(toLength: 12, withPad: " ", startingAt: 0) + v + "\n" }
      out += "\n"
    }
    var vars = TextTable("Variables", headers: ["name", "value", "reduced cost"], numeric: [1, 2])
    for v in program.variables {
      vars.add([name(v), solution.values.isEmpty ? "–" : Number.exact(solution.value(v)),
                solution.reducedCost(v).map { Number.exact($0) } ?? "–"])
    }
    var cons = TextTable("Constraints", headers: ["name", "activity", "lower", "upper", "dual"], numeric: [1, 2, 3, 4])
    for c in program.constraints {
      let (lo, hi) = (try? program.bounds(of: c)) ?? (-.infinity, .infinity)
      cons.add([name(c), solution.activities.isEmpty ? "–" : Number.exact(solution.activity(c)),
                lo.isFinite ? Number.exact(lo) : "", hi.isFinite ? Number.exact(hi) : "",
                solution.dual(c).map { Number.exact($0) } ?? "–"])
    }
    out += markdown ? vars.markdown() + "\n" + cons.markdown() : vars.text() + "\n" + cons.text()
    if let p = postsolveOutput, !p.isEmpty { out += "\nModel output after solve:\n" + p }
    if includeLog { out += "\nSolver log:\n" + solution.log }
    return out
  }

  private func csv() -> String {
    var out = CSV.line(["kind", "name", "quantity", "value"])
    out += CSV.line(["model", file, "status", solution.termination.rawValue])
    out += CSV.line(["model", file, "objective", objective.map { Number.exact($0) } ?? ""])
    for v in program.variables {
      if !solution.values.isEmpty { out += CSV.line(["variable", name(v), "value", Number.exact(solution.value(v))]) }
      if let d = solution.reducedCost(v) { out += CSV.line(["variable", name(v), "reduced_cost", Number.exact(d)]) }
    }
    for c in program.constraints {
      if !solution.activities.isEmpty { out += CSV.line(["constraint", name(c), "activity", Number.exact(solution.activity(c))]) }
      if let d = solution.dual(c) { out += CSV.line(["constraint", name(c), "dual", Number.exact(d)]) }
    }
    return out
  }

  // Explicit encoders below: the synthesized ones would drop nil values (an
  // infinite bound, a missing dual) instead of writing null.
  struct JSONVariable: Encodable {
    var name: String; var value: Double?; var reduced_cost: Double?
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(value, forKey: .value)
      try c.encode(reduced_cost, forKey: .reduced_cost)
    }
    enum CodingKeys: String, CodingKey { case name, value, reduced_cost }
  }
  struct JSONConstraint: Encodable {
    var name: String; var activity: Double?; var lower: Double?; var upper: Double?; var dual: Double?
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(activity, forKey: .activity)
      try c.encode(lower, forKey: .lower)
      try c.encode(upper, forKey: .upper)
      try c.encode(dual, forKey: .dual)
    }
    enum CodingKeys: String, CodingKey { case name, activity, lower, upper, dual }
  }
  struct JSONMIP: Encodable {
    var best_bound: Double?; var gap: Double?
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(best_bound, forKey: .best_bound)
      try c.encode(gap, forKey: .gap)
    }
    enum CodingKeys: String, CodingKey { case best_bound, gap }
  }
  struct JSONDocument: Encodable {
    var schema = "corridor-lp-solution/1"
    var file: String
    var status: String
    var primal_status: String
    var dual_status: String
    var message: String
    var objective: Double?
    var sense: String
    var algorithm: String
    var iterations: Int
    var solve_seconds: Double
    var certificate: CertificateJSON?
    var mip: JSONMIP?
    var variables: [JSONVariable]
    var constraints: [JSONConstraint]
    var log: String?
    var postsolve_output: String?

    func encode(to encoder: any Encoder) throws {
      // Explicit so that absent values appear as null rather than vanish.
      var c = encoder.container(keyedBy: Key.self)
      try c.encode(schema, forKey: .schema)
      try c.encode(file, forKey: .file)
      try c.encode(status, forKey: .status)
      try c.encode(primal_status, forKey: .primal_status)
      try c.encode(dual_status, forKey: .dual_status)
      try c.encode(message, forKey: .message)
      try c.encode(objective, forKey: .objective)
      try c.encode(sense, forKey: .sense)
      try c.encode(algorithm, forKey: .algorithm)
      try c.encode(iterations, forKey: .iterations)
      try c.encode(solve_seconds, forKey: .solve_seconds)
      try c.encode(certificate, forKey: .certificate)
      try c.encode(mip, forKey: .mip)
      try c.encode(variables, forKey: .variables)
      try c.encode(constraints, forKey: .constraints)
      if let log { try c.encode(log, forKey: .log) }
      if let postsolve_output { try c.encode(postsolve_output, forKey: .postsolve_output) }
    }
    enum Key: String, CodingKey {
      case schema, file, status, primal_status, dual_status, message, objective, sense, algorithm, iterations,
        solve_seconds, certificate, mip, variables, constraints, log, postsolve_output
    }
  }

  private func json() throws -> String {
    let s = solution
    let doc = JSONDocument(
      file: file, status: s.termination.rawValue, primal_status: s.primalStatus.rawValue,
      dual_status: s.dualStatus.rawValue, message: s.rawStatus, objective: finite(objective),
      sense: program.sense.rawValue, algorithm: s.algorithm.rawValue, iterations: s.iterations,
      solve_seconds: s.solveTime, certificate: s.certificate.map(CertificateJSON.init),
      mip: s.mip.map { JSONMIP(best_bound: finite($0.bestBound), gap: finite($0.gap)) },
      variables: program.variables.map { v in
        JSONVariable(name: name(v), value: s.values.isEmpty ? nil : finite(s.value(v)), reduced_cost: finite(s.reducedCost(v)))
      },
      constraints: program.constraints.map { c in
        let (lo, hi) = (try? program.bounds(of: c)) ?? (-.infinity, .infinity)
        return JSONConstraint(name: name(c), activity: s.activities.isEmpty ? nil : finite(s.activity(c)),
                              lower: finite(lo), upper: finite(hi), dual: finite(s.dual(c)))
      },
      log: includeLog ? s.log : nil, postsolve_output: postsolveOutput)
    return try JSONText.encode(doc)
  }
}

/// The certificate as JSON (`max_bound_violation`, …; null where not computed).
struct CertificateJSON: Encodable {
  var max_bound_violation: Double
  var max_row_violation: Double
  var max_dual_infeasibility: Double?
  var max_complementarity_violation: Double?
  var relative_gap: Double?
  var max_integrality_violation: Double?
  var holds: Bool

  init(_ c: Certificate) {
    max_bound_violation = c.maxBoundViolation
    max_row_violation = c.maxRowViolation
    max_dual_infeasibility = c.maxDualInfeasibility
    max_complementarity_violation = c.maxComplementarityViolation
    relative_gap = c.relativeGap
    max_integrality_violation = c.maxIntegralityViolation
    holds = c.holds(tolerance: 1e-7)
  }

  func encode(to encoder: any Encoder) throws {
    var k = encoder.container(keyedBy: Key.self)
    try k.encode(max_bound_violation, forKey: .max_bound_violation)
    try k.encode(max_row_violation, forKey: .max_row_violation)
    try k.encode(max_dual_infeasibility, forKey: .max_dual_infeasibility)
    try k.encode(max_complementarity_violation, forKey: .max_complementarity_violation)
    try k.encode(relative_gap, forKey: .relative_gap)
    try k.encode(max_integrality_violation, forKey: .max_integrality_violation)
    try k.encode(holds, forKey: .holds)
  }
  enum Key: String, CodingKey {
    case max_bound_violation, max_row_violation, max_dual_infeasibility, max_complementarity_violation,
      relative_gap, max_integrality_violation, holds
  }
}

/// One-line certificate text for reports.
enum CertificateText {
  static func line(_ c: Certificate) -> String {
    func e(_ v: Double?) -> String { v.map { String(format: "%.1e", $0) } ?? "–" }
    var parts = ["primal \(e(max(c.maxBoundViolation, c.maxRowViolation)))"]
    if c.maxDualInfeasibility != nil {
      parts.append("dual \(e(c.maxDualInfeasibility))")
      parts.append("compl. \(e(c.maxComplementarityViolation))")
      parts.append("gap \(e(c.relativeGap))")
    }
    if let i = c.maxIntegralityViolation { parts.append("integrality \(e(i))") }
    return (c.holds(tolerance: 1e-7) ? "holds" : "VIOLATED") + " (" + parts.joined(separator: ", ") + ")"
  }
}

func finite(_ v: Double?) -> Double? {
  guard let v, v.isFinite else { return nil }
  return v
}

/// JSON text with keys sorted (stable from run to run) and pretty-printed.
enum JSONText {
  static func encode<T: Encodable>(_ value: T) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try e.encode(value)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
