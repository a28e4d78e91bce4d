import Foundation
import LinearProgramming

/// The report of `corridor explain FILE` for an LP, MPS or MathProg file: why the
/// model is infeasible, in the file's own row and column names, built once from an
/// ``InfeasibilityAnalysis`` over ``LinearProgram/sideGroups()`` and rendered as a
/// table, Markdown or JSON (schema `corridor-explain/1`, docs/json-schema.md).
///
/// Every figure is in the file's own units (a row's right-hand side, a bound).
/// A relaxation moves one side: `from` → `to`, `by` ≥ 0 (a lower side moves down,
/// an upper side up).
public struct LPExplainDocument: Codable, Sendable, Equatable {
  public var schema = LPExplainDocument.schemaID
  public var kind = "lp"
  public var file: String
  /// `feasible`, `infeasible` or `undecided` (the time limit ran out before the first solve ended).
  public var status: String
  /// One sentence for people.
  public var message: String
  /// Why it is infeasible: `conflict` (see ``conflict``), `fixed` (the sides named
  /// with `--fixed` conflict on their own), `integrality` (a MIP whose LP
  /// relaxation is feasible), or nil.
  @Nullable public var cause: String?
  /// The rows and bounds that cannot hold together.
  public var conflict: [Side]
  /// Whether dropping any one of them was proven to make the rest feasible.
  public var irreducible: Bool
  /// The least relaxation (each side at weight 1 per unit); nil when not computed.
  @Nullable public var relaxation: [Move]?
  /// Σ `by` over the relaxation.
  @Nullable public var relaxationCost: Double?
  /// Rows and columns named with `--fixed`: never relaxed, never in the conflict.
  public var fixed: [String]
  public var run: Run

  public static let schemaID = "corridor-explain/1"

  /// One side of a row or a column's bound.
  public struct Side: Codable, Sendable, Equatable {
    /// `row` or `bound`.
    public var type: String
    /// The row's or the column's name in the file.
    public var name: String
    /// `lower` or `upper`.
    public var side: String
    /// The side's value: the row's right-hand side, or the bound.
    public var bound: Double
    /// The side as a constraint, e.g. `x + y >= 5` or `x <= 2`.
    public var constraint: String
  }

  /// How far one side moves in the least relaxation.
  public struct Move: Codable, Sendable, Equatable {
    public var type: String
    public var name: String
    public var side: String
    public var from: Double
    public var to: Double
    public var by: Double
  }

  public struct Run: Codable, Sendable, Equatable {
    public var solves: Int
    public var iterations: Int
    public var seconds: Double
    public var timedOut: Bool
    public var method: [String]
  }

  /// Builds the document of `analysis`, which ran over `groups` (one side each,
  /// as ``LinearProgram/sideGroups()`` makes them, some marked fixed) on `program`.
  ///
  /// - Parameter integralityOnly: for a MIP whose LP relaxation is feasible: the
  ///   caller solved the MIP itself and found it infeasible (true), or feasible (false).
  public init(file: String, program: LinearProgram, groups: [RelaxableGroup], analysis: InfeasibilityAnalysis,
              fixed: [String] = [], integralityOnly: Bool = false) {
    self.file = file
    self.fixed = fixed
    let names = SideNames(program)
    conflict = analysis.conflict.flatMap { g in groups[g].members.map { names.side($0.side) } }
    irreducible = analysis.irreducible
    relaxation = analysis.relaxation.map { moves in
      moves.flatMap { r in
        groups[r.group].members.map { m in
          let t = m.scale * (m.side.isLower ? r.lower : r.upper)
          let from = (try? program.value(of: m.side)) ?? .nan
          return Move(type: names.type(m.side), name: names.name(m.side), side: m.side.isLower ? "lower" : "upper",
                      from: from, to: m.side.isLower ? from - t : from + t, by: t)
        }
      }
    }
    relaxationCost = analysis.relaxationCost
    run = Run(solves: analysis.solves, iterations: analysis.iterations, seconds: analysis.seconds,
              timedOut: analysis.timedOut, method: analysis.method)
    let n = conflict.count
    switch analysis.outcome {
    case .feasible:
      (status, cause, message) = ("feasible", nil, "feasible: nothing to explain")
    case .relaxationFeasible where integralityOnly:
      (status, cause, message) = ("infeasible", "integrality", "infeasible, but only through integrality: the LP relaxation is feasible, and explain does not analyse integer restrictions")
    case .relaxationFeasible:
      (status, cause, message) = ("feasible", nil, "feasible: nothing to explain")
    case .undecided:
      (status, cause, message) = ("undecided", nil, "the time limit ran out before feasibility was decided; give more time")
    case .infeasible where analysis.hardInfeasible:
      (status, cause, message) = ("infeasible", "fixed", "infeasible: the rows and bounds named with --fixed conflict on their own; fix fewer of them")
    case .infeasible:
      let proof = analysis.irreducible
        ? "irreducible (dropping any one of them makes the rest feasible)"
        : "not proven irreducible (the time limit stopped the search; the set may hold more than it needs)"
      let what = n == 1 ? "1 row side or bound cannot hold" : "\(n) row sides and bounds cannot hold together"
      let hard = fixed.isEmpty ? "" : " with the fixed ones"
      (status, cause, message) = ("infeasible", "conflict", "infeasible: \(what)\(hard); \(proof)")
    }
  }

  public func render(_ format: ReportFormat) throws -> String {
    switch format {
    case .table: return LPExplainText(document: self).render(markdown: false)
    case .markdown: return LPExplainText(document: self).render(markdown: true)
    case .json:
      return try PlanJSON.encode(self, nonFiniteAsStrings: true)
    case .csv:
      throw LPError.invalidArgument("explain reports are table, markdown, json or html, not csv")
    case .html:
      return PreformattedHTML.render(title: "Explain: " + file, text: LPExplainText(document: self).render(markdown: false))
    }
  }
}

/// Names of rows, columns and sides as the file gives them (`r12`/`x3` where it gives none).
struct SideNames {
  let program: LinearProgram

  init(_ program: LinearProgram) { self.program = program }

  func row(_ i: Int) -> String {
    ((try? program.constraint(at: i)).flatMap { try? program.name(of: $0) }).flatMap { $0 } ?? "r\(i + 1)"
  }

  func column(_ j: Int) -> String {
    ((try? program.variable(at: j)).flatMap { try? program.name(of: $0) }).flatMap { $0 } ?? "x\(j + 1)"
  }

  func type(_ s: RelaxableGroup.Side) -> String {
    switch s {
    case .rowLower, .rowUpper: return "row"
    case .columnLower, .columnUpper: return "bound"
    }
  }

  func name(_ s: RelaxableGroup.Side) -> String {
    switch s {
    case .rowLower(let i), .rowUpper(let i): return row(i)
    case .columnLower(let j), .columnUpper(let j): return column(j)
    }
  }

  /// `x + y >= 5` (at most 8 terms shown), `x <= 2`.
  func constraint(_ s: RelaxableGroup.Side, value: Double) -> String {
    let op = s.isLower ? ">=" : "<="
    switch s {
    case .columnLower(let j), .columnUpper(let j):
      return "\(column(j)) \(op) \(LPNumber.text(value))"
    case .rowLower(let i), .rowUpper(let i):
      let terms = (try? program.terms(ofRow: i)) ?? []
      var text = ""
      for (k, t) in terms.prefix(8).enumerated() {
        let a = t.coefficient
        let sign = a < 0 ? (k == 0 ? "-" : " - ") : (k == 0 ? "" : " + ")
        let magnitude = abs(a) == 1 ? "" : LPNumber.text(abs(a)) + " "
        text += sign + magnitude + column(t.column)
      }
      if terms.count > 8 { text += " + … (\(terms.count) terms)" }
      if terms.isEmpty { text = "0" }
      return "\(text) \(op) \(LPNumber.text(value))"
    }
  }

  func side(_ s: RelaxableGroup.Side) -> LPExplainDocument.Side {
    let value = (try? program.value(of: s)) ?? .nan
    return LPExplainDocument.Side(type: type(s), name: name(s), side: s.isLower ? "lower" : "upper",
                                  bound: value, constraint: constraint(s, value: value))
  }
}

/// Numbers of LP files as people read them: `5`, `0.25`, `1e+12`, rounding off
/// solver noise below nine significant digits (`3.9999999999` → `4`).
enum LPNumber {
  static func text(_ v: Double) -> String {
    guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    let short = String(format: "%.9g", v)
    if let r = Double(short), r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
    return short
  }
}
