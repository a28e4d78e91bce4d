/// `corridor sweep report`: every case with its values, status and objective, then the
/// objective (smallest, mean, largest over the cases) for each value of each varied
/// parameter, as aligned text, Markdown or one self-contained HTML page with a bar chart
/// per parameter. Built from plain values (the CLI reads them from the sweep database), so
/// this module needs no database, and drawn with the same tables and number format as the
/// other reports.
public struct SweepReport: Sendable {
  /// One finished case.
  public struct Case: Sendable {
    public var id: Int
    /// Per parameter of ``parameterNames``: the value as written ("" when the case has none).
    public var values: [String]
    public var status: String
    public var objective: Double?
    public var warm: Bool
    public init(id: Int, values: [String], status: String, objective: Double?, warm: Bool) {
      self.id = id
      self.values = values
      self.status = status
      self.objective = objective
      self.warm = warm
    }
  }

  /// One varied parameter: its values in order, with the objective over their cases.
  public struct Parameter: Sendable {
    public var name: String
    public var rows: [(value: String, count: Int, min: Double?, mean: Double?, max: Double?)]
    public init(name: String, rows: [(value: String, count: Int, min: Double?, mean: Double?, max: Double?)]) {
      self.name = name
      self.rows = rows
    }
  }

  public var name: String
  public var database: String
  public var finished: Int
  public var caseCount: Int
  /// The objective's unit (the model currency).
  public var unit: String
  public var parameterNames: [String]
  public var cases: [Case]
  public var parameters: [Parameter]

  public init(name: String, database: String, finished: Int, caseCount: Int, unit: String, parameterNames: [String],
              cases: [Case], parameters: [Parameter]) {
    self.name = name
    self.database = database
    self.finished = finished
    self.caseCount = caseCount
    self.unit = unit
    self.parameterNames = parameterNames
    self.cases = cases
    self.parameters = parameters
  }

  var title: String { "Sweep: \(name)" }
  var summary: [(String, String)] { [("cases", "\(finished) of \(caseCount) finished"), ("database", database)] }

  /// The table of every case.
  func caseTable() -> FigureTable {
    var t = FigureTable("Every case", headers: ["case"] + parameterNames + ["status", "objective", "warm"])
    for c in cases {
      t.add([.text(String(c.id))] + c.values.map { .text($0) } + [.text(c.status), .fig(Figure(c.objective, unit), 0), .text(c.warm ? "yes" : "no")])
    }
    return t
  }

  /// The objective per value of parameter `p`.
  func parameterTable(_ p: Parameter) -> FigureTable {
    var t = FigureTable("Objective by \(p.name)", headers: [p.name, "cases", "objective: smallest", "mean", "largest"])
    for r in p.rows {
      t.add([.text(r.value), .text(String(r.count)), .fig(Figure(r.min, unit), 0), .fig(Figure(r.mean, unit), 0), .fig(Figure(r.max, unit), 0)])
    }
    return t
  }

  /// Aligned text, or Markdown.
  public func text(markdown: Bool) -> String {
    let tables = [caseTable()] + parameters.map(parameterTable)
    return ([TextTable.summary(title, summary, markdown: markdown)]
            + tables.map { markdown ? $0.table.markdown() : $0.table.text() }).joined(separator: "\n")
  }

  /// One self-contained HTML page: a bar chart and a table per parameter, then every case.
  public func html() -> String {
    var body = TextTable.htmlSummary(title, summary)
    for (k, p) in parameters.enumerated() {
      let chart = SVGChart.bars(rows: p.rows.map(\.value), series: ["smallest", "mean", "largest"],
                                values: p.rows.map { [$0.min, $0.mean, $0.max] }, unit: unit)
      body += HTML.section("Objective by \(p.name)", id: "parameter-\(k + 1)",
                           HTML.figure(chart, caption: "The objective over the cases with each value of \(p.name): smallest, mean and largest (\(unit)).")
                             + parameterTable(p).html())
    }
    body += HTML.section("Every case", id: "cases", caseTable().html())
    return HTML.page(title: title, body: body)
  }
}
