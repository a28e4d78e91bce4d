import Foundation
import CorridorModel
import CorridorPlanning

/// The typed report of `corridor explain MODEL.toml` (and the `infeasibility` object of
/// `corridor solve` on an infeasible model): the conflict, each member named as the planner
/// wrote it with its files and lines, and the least relaxation in each entry's own unit.
/// Rendered as a table, Markdown and JSON (schema `corridor-explain/1`, `kind` "model").
public struct ExplainDocument: Codable, Sendable, Equatable {
  public var schema = ExplainDocument.schemaID
  public var kind = "model"
  public var model: String
  public var scenarios: [String]
  /// `feasible`, `infeasible`, or `undecided` (the time limit ran out before the first solve ended).
  public var status: String
  /// Whether the conflict was proven irreducible (drop any one member and the rest hold).
  public var irreducible: Bool
  /// The time limit stopped the analysis (the conflict may hold more than it needs).
  public var timedOut: Bool
  /// No entry can be blamed: the balances alone are infeasible.
  public var structural: Bool
  public var conflict: [MemberReport]
  /// The least relaxation (nil: not computed).
  @Nullable public var relaxation: [MoveReport]?
  /// Σ weight × move of the least relaxation.
  @Nullable public var relaxationCost: Double?
  /// Entries held fixed (`--fixed`).
  public var fixed: [String]
  /// Weight per kind of entry in the least relaxation.
  public var weights: [String: Double]
  public var run: RunReport

  public static let schemaID = "corridor-explain/1"

  public struct MemberReport: Codable, Sendable, Equatable {
    /// `corridor`, `supply`, `market`, `rule`, `constraint`, `storage`.
    public var entry: String
    public var name: String
    /// The kind for weights: corridor, supply, market, firm, share, constraint, storage.
    public var kind: String
    /// What moves: capacity, volume, share, bound, energy, power.
    public var quantity: String
    /// The value as given (the largest over the slices when it varies).
    public var value: Figure
    public var perSlice: Bool
    /// `file:line` where the entry is defined, then where a scenario changed it.
    public var locations: [String]
    @Nullable public var note: String?
  }

  public struct MoveReport: Codable, Sendable, Equatable {
    public var entry: String
    public var name: String
    public var quantity: String
    /// `up` or `down`.
    public var direction: String
    public var amount: Figure
    public var from: Figure
    public var to: Figure
    public var perSlice: Bool
    /// The move in words.
    public var sentence: String
  }

  public struct RunReport: Codable, Sendable, Equatable {
    public var solves: Int
    public var iterations: Int
    public var seconds: Double
    public var method: [String]
    /// How many entries the analysis could relax.
    public var entries: Int
    /// Every solve in order: its stage, simplex iterations, seconds, and whether it ended feasible.
    public var trace: [SolveReport]
  }

  public struct SolveReport: Codable, Sendable, Equatable {
    public var stage: String
    public var iterations: Int
    public var seconds: Double
    public var feasible: Bool
  }

  public init(explanation e: Explanation, model: String, scenarios: [String]) {
    self.model = model
    self.scenarios = scenarios
    status = e.status.rawValue
    irreducible = e.irreducible
    timedOut = e.timedOut
    structural = e.structural
    conflict = e.conflict.map(Self.member)
    relaxation = e.relaxation.map { $0.map(Self.move) }
    relaxationCost = e.relaxationCost
    fixed = e.fixed
    weights = Dictionary(uniqueKeysWithValues: e.weights.map { ($0.key.rawValue, $0.value) })
    run = RunReport(solves: e.run.solves, iterations: e.run.iterations, seconds: e.run.seconds, method: e.run.method, entries: e.run.entries,
                    trace: e.run.trace.map { SolveReport(stage: $0.stage, iterations: $0.iterations, seconds: $0.seconds, feasible: $0.feasible) })
  }

  /// `corridor` and `black-sea` of a model entry.
  static func names(_ e: ModelEntry) -> (String, String) {
    guard let name = e.name, e.section != nil else { return ("entry", e.description) }
    return (e.kind, name)
  }

  static func member(_ m: Explanation.Member) -> MemberReport {
    let (entry, name) = names(m.entry)
    return MemberReport(entry: entry, name: name, kind: m.kind.rawValue, quantity: m.quantity, value: Figure(m.value, m.unit),
                        perSlice: m.perSlice, locations: m.locations.map(\.description), note: m.note)
  }

  static func move(_ v: Explanation.Move) -> MoveReport {
    let (entry, name) = names(v.member.entry)
    return MoveReport(entry: entry, name: name, quantity: v.member.quantity, direction: v.direction.rawValue,
                      amount: Figure(v.amount, v.member.unit), from: Figure(v.member.value, v.member.unit),
                      to: Figure(v.member.perSlice ? nil : v.to, v.member.unit), perSlice: v.member.perSlice, sentence: v.sentence)
  }
}

/// Renders an ``ExplainDocument``: a table or Markdown for people, JSON for programs (CSV
/// has no natural shape for a conflict and is refused by the command).
public struct ExplainReport {
  public var document: ExplainDocument
  public init(document: ExplainDocument) { self.document = document }

  public func render(_ format: ReportFormat) throws -> String {
    switch format {
    case .table: return ExplainText(doc: document, markdown: false).render()
    case .markdown: return ExplainText(doc: document, markdown: true).render()
    case .json: return try PlanJSON.encode(document)
    case .csv: throw UnsupportedReportFormat(message: "corridor explain has no CSV form; use --format table, markdown, json or html")
    case .html: return ExplainHTML.render(document)
    }
  }
}

/// The explanation for people: what cannot hold together, where it is written, and the
/// least change that would make the plan feasible.
struct ExplainText {
  let doc: ExplainDocument
  let markdown: Bool

  func render() -> String {
    var parts = [summary()]
    if doc.status == "infeasible" {
      if !doc.conflict.isEmpty { parts.append(conflictTable()) }
      if let moves = doc.relaxation, !moves.isEmpty { parts.append(relaxationTable(moves)) }
    }
    return parts.joined(separator: "\n")
  }

  /// The explanation as a section at the end of a plan's report (`corridor solve`).
  func section() -> String {
    var parts = [TextTable.summary("Why it is infeasible", sectionRows(), markdown: markdown)]
    if !doc.conflict.isEmpty { parts.append(conflictTable()) }
    return parts.joined(separator: "\n")
  }

  /// The `key → value` rows that open that section, in every format (the HTML page's too):
  /// why the plan is infeasible, the least change, and how to ask for more.
  func sectionRows() -> [(String, String)] {
    var rows: [(String, String)] = []
    rows.append(("why", doc.structural ? "the balances alone are infeasible: no entry can be blamed"
                   : "these \(Number.counted(doc.conflict.count, "entry", plural: "entries")) cannot hold together"
                     + (doc.irreducible ? " (irreducible)" : " (not proven irreducible: \(doc.timedOut ? "time limit" : "stopped early"))")))
    if let moves = doc.relaxation { for m in moves { rows.append(("least change", m.sentence)) } }
    rows.append(("more", "corridor explain \(doc.model) (with the same --scenario) to hold entries fixed (--fixed NAME) or weigh kinds (--weight KIND=W)"))
    return rows
  }

  func summary() -> String {
    let (title, rows) = summaryParts()
    return TextTable.summary(title, rows, markdown: markdown)
  }

  /// The summary's title and `key → value` rows (also the HTML page's head).
  func summaryParts() -> (title: String, rows: [(String, String)]) {
    let title = "Explain: " + doc.model + (doc.scenarios.isEmpty ? "" : " — scenario: " + doc.scenarios.joined(separator: " + "))
    var rows: [(String, String)] = []
    switch (doc.status, doc.structural) {
    case ("feasible", _):
      rows.append(("status", "feasible: the model has a plan, nothing to explain"))
    case ("undecided", _):
      rows.append(("status", "undecided: the time limit ran out before the first solve decided whether a plan exists; give more time (--time-limit)"))
    case (_, true):
      rows.append(("status", "infeasible in its balances alone: no entry of the model can be blamed (please report this model)"))
    default:
      let n = Number.counted(doc.conflict.count, "entry", plural: "entries")
      let proof = doc.irreducible
        ? "irreducible: drop any one and the rest can hold"
        : "NOT proven irreducible (\(doc.timedOut ? "the time limit stopped the search" : "the search stopped early")): it may hold more than it needs"
      rows.append(("status", "infeasible: these \(n) cannot hold together (\(proof))"))
      if let moves = doc.relaxation {
        if let best = moves.first, moves.count == 1 {
          rows.append(("least change", best.sentence))
        } else if !moves.isEmpty {
          rows.append(("least change", "\(moves.count) moves together (below), weighted cost \(Number.grouped(doc.relaxationCost ?? 0, digits: 3))"))
        }
      }
    }
    if !doc.fixed.isEmpty { rows.append(("held fixed", doc.fixed.joined(separator: ", "))) }
    let changed = doc.weights.filter { $0.value != 1 }.sorted { $0.key < $1.key }
    if !changed.isEmpty { rows.append(("weights", changed.map { "\($0.key)=\(Number.exact($0.value))" }.joined(separator: ", ") + " (others 1)")) }
    let r = doc.run
    rows.append(("method", r.method.joined(separator: " → ") + " over \(Number.counted(r.entries, "entry", plural: "entries"))"))
    rows.append(("solves", "\(Number.counted(r.solves, "solve")), \(Number.counted(r.iterations, "simplex iteration")), \(Number.grouped(r.seconds, digits: 2)) s"))
    return (title, rows)
  }

  func conflictTable() -> String {
    let t = conflictTextTable()
    let list = conflictNotes().map { "- " + $0 }.joined(separator: "\n")
    return (markdown ? t.markdown() : t.text()) + (list.isEmpty ? "" : (markdown ? "\n" : "") + list + "\n")
  }

  /// Notes on the conflict's entries (`entry name: note`).
  func conflictNotes() -> [String] { doc.conflict.compactMap { m in m.note.map { "\(m.entry) \(m.name): \($0)" } } }

  func conflictTextTable() -> TextTable {
    var t = TextTable("The entries that cannot hold together", headers: ["entry", "quantity", "as given", "where"])
    for m in doc.conflict {
      let value = (FigureTable.number(m.value, digits: nil) ?? "–") + " " + FigureTable.displayUnit(m.value.unit) + (m.perSlice ? " (max of its slices)" : "")
      t.add(["\(m.entry) \(m.name)", m.quantity, value, m.locations.joined(separator: ", ")])
    }
    return t
  }

  func relaxationTable(_ moves: [ExplainDocument.MoveReport]) -> String {
    let t = relaxationTextTable(moves)
    return markdown ? t.markdown() : t.text()
  }

  func relaxationTextTable(_ moves: [ExplainDocument.MoveReport]) -> TextTable {
    var t = TextTable("The least change that makes the plan feasible (each entry in its own unit)",
                      headers: ["entry", "quantity", "from", "to", "move", "unit"])
    for m in moves {
      let sign = m.direction == "up" ? "+" : "−"
      t.add(["\(m.entry) \(m.name)", m.quantity,
             m.perSlice ? "per slice" : (FigureTable.number(m.from, digits: nil) ?? "–"),
             m.perSlice ? "each slice \(sign)\(FigureTable.number(m.amount, digits: nil) ?? "–")" : (FigureTable.number(m.to, digits: nil) ?? "–"),
             sign + (FigureTable.number(m.amount, digits: nil) ?? "–"), FigureTable.displayUnit(m.amount.unit)])
    }
    return t
  }
}

/// A report asked for in a format it has no form in (the command refuses it first).
public struct UnsupportedReportFormat: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
