/// `corridor sweep report --format html`: one page with a bar chart of the objective
/// (smallest, mean, largest over the cases) for each value of each varied parameter, and
/// the tables of every case, built from plain values so this module needs no database.
public enum SweepHTML {
  /// One varied parameter: its values in order, with the objective over their cases.
  public struct Parameter: Sendable {
    public var name: String
    public var rows: [(value: String, count: Int, min: Double?, mean: Double?, max: Double?)]
    public init(name: String, rows: [(value: String, count: Int, min: Double?, mean: Double?, max: Double?)]) {
      self.name = name
      self.rows = rows
    }
  }

  /// The page. `cases` is a table whose first row is the headers (as the text report's).
  public static func render(title: String, summary: [(String, String)], unit: String, parameters: [Parameter],
                            cases: [[String]]) -> String {
    var body = TextTable.htmlSummary(title, summary)
    for (k, p) in parameters.enumerated() {
      let chart = SVGChart.bars(rows: p.rows.map(\.value), series: ["smallest", "mean", "largest"],
                                values: p.rows.map { [$0.min, $0.mean, $0.max] }, unit: unit)
      var table = FigureTable(nil, headers: [p.name, "cases", "objective: smallest", "mean", "largest"])
      for r in p.rows {
        table.add([.text(r.value), .text(String(r.count)), .fig(Figure(r.min, unit), 0), .fig(Figure(r.mean, unit), 0), .fig(Figure(r.max, unit), 0)])
      }
      body += HTML.section("Objective by \(p.name)", id: "parameter-\(k + 1)",
                           HTML.figure(chart, caption: "The objective over the cases with each value of \(p.name): smallest, mean and largest (\(unit)).")
                             + table.html())
    }
    if let head = cases.first {
      var table = FigureTable(nil, headers: head)
      for row in cases.dropFirst() { table.add(row.map { .text($0) }) }
      body += HTML.section("Every case", id: "cases", table.html())
    }
    return HTML.page(title: title, body: body)
  }
}
