/// The HTML reports of the analyses (`diff`, `contingency`, `value`, `explain`) and of LP
/// files: the summary and tables of their table reports (same headers, units and numbers),
/// with before/after or ranking charts where the analysis has them. Same page skeleton as
/// ``PlanHTML``.

extension TextTable {
  /// A plain text table as HTML (its cells are already formatted text).
  func html() -> String {
    var out = "<div class=\"scroll\"><table>\n"
    if let title { out += "<caption>\(HTML.escape(title))</caption>\n" }
    out += "<thead><tr>" + headers.enumerated().map { i, h in
      "<th scope=\"col\"\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>"
    }.joined() + "</tr></thead>\n<tbody>\n"
    for r in rows {
      out += "<tr>" + r.enumerated().map { i, c in
        numeric.contains(i) ? "<td class=\"num\">\(HTML.escape(c))</td>" : "<td>\(c.isEmpty ? "" : HTML.name(c))</td>"
      }.joined() + "</tr>\n"
    }
    return out + "</tbody>\n</table></div>\n"
  }
}

enum DiffHTML {
  static func render(_ doc: DiffDocument) -> String {
    let text = DiffText(doc: doc, markdown: false)
    let (title, rows) = text.summaryParts()
    var body = TextTable.htmlSummary(title, rows)
    let sides = ["before (base)", "after (other)"]
    if !doc.corridors.isEmpty {
      var charts = ""
      var units: [String] = []
      for c in doc.corridors where !units.contains(c.flow.unit) { units.append(c.flow.unit) }
      for unit in units {
        let cs = doc.corridors.filter { $0.flow.unit == unit }
        charts += HTML.figure(SVGChart.bars(rows: cs.map(\.name), series: sides, values: cs.map { [$0.flow.before, $0.flow.after] }, unit: unit),
                              caption: "Average flow of each listed corridor before and after, in \(unit).")
      }
      body += HTML.section("Corridors", id: "corridors", charts + text.corridors().html() + text.corridorsByCountry().html())
    }
    if !doc.countries.isEmpty {
      let chart = SVGChart.bars(rows: doc.countries.map(\.name), series: sides,
                                values: doc.countries.map { [$0.netValue.before, $0.netValue.after] },
                                unit: "\(doc.currency) over \(Number.grouped(doc.horizonHours, digits: 0)) h")
      body += HTML.section("Countries", id: "countries",
                           HTML.figure(chart, caption: "Net value of each listed country before and after (money over the horizon).")
                             + text.countries().html() + text.shares().html())
    }
    let more = [text.markets(), text.rules(), text.constraints()].filter { !$0.rows.isEmpty }.map { $0.html() }.joined()
    if !more.isEmpty { body += HTML.section("Markets, rules and constraints", id: "tables", more) }
    return HTML.page(title: title, body: body)
  }
}

enum ContingencyHTML {
  static func render(_ doc: ContingencyDocument) -> String {
    let text = ContingencyText(doc: doc, markdown: false)
    let (title, rows) = text.summaryParts()
    var body = TextTable.htmlSummary(title, rows)
    let ranked = doc.outages.sorted { $0.rank < $1.rank }
    let money = "\(doc.currency) over \(Number.grouped(doc.horizonHours, digits: 0)) h"
    let chart = SVGChart.bars(rows: ranked.map(\.name), series: ["objective lost"], values: ranked.map { [$0.lost.value] }, unit: money)
    body += HTML.section("Ranking by criticality", id: "ranking",
                         HTML.figure(chart, caption: "Objective lost against the base by each outage (no bar: no plan in that outage).") + text.ranking().html())
    for o in ranked {
      var part = "<p class=\"note\">edits: \(HTML.escape(o.edits.joined(separator: "; ")))</p>\n"
      if !o.commitments.isEmpty {
        part += "<p class=\"note\">\(o.commitmentsJointly ? "commitments that cannot all be met" : "commitments that can no longer be met"): \(HTML.escape(o.commitments.joined(separator: ", ")))</p>\n"
      }
      if o.lost.value != nil {
        if !o.countries.isEmpty {
          part += HTML.figure(SVGChart.bars(rows: o.countries.map(\.country), series: ["before (base)", "after (outage)"],
                                            values: o.countries.map { [$0.before.value, $0.after.value] }, unit: money),
                              caption: "Net value of each country before and after the outage.")
        }
        let c = text.countryLosses(o), f = text.flowChanges(o)
        if !c.rows.isEmpty { part += c.html() }
        if !f.rows.isEmpty { part += f.html() }
      } else {
        part += "<p>\(HTML.escape(o.status + " — " + o.statusMessage))</p>\n"
      }
      let head = "\(o.rank). \(o.name)" + (o.lost.value != nil ? ": loses \(text.money(o.lost)) (\(Number.percent(o.lostShare.value)))" : "")
      body += HTML.section(head, id: "outage-\(o.rank)", part)
    }
    return HTML.page(title: title, body: body)
  }
}

enum ValueHTML {
  static func render(_ doc: ValueDocument) -> String {
    let text = ValueText(doc: doc, markdown: false)
    let (title, rows) = text.summaryParts()
    var body = TextTable.htmlSummary(title, rows)
    if !doc.corridors.isEmpty {
      let chart = SVGChart.bars(rows: doc.corridors.map(\.name), series: ["TOOT", "PINT"],
                                values: doc.corridors.map { [$0.toot.value.value, $0.pint.value.value] },
                                unit: "\(doc.currency) over \(Number.grouped(doc.horizonHours, digits: 0)) h")
      body += HTML.section("What each corridor is worth", id: "worth",
                           HTML.figure(chart, caption: "Change of system value with the corridor: TOOT (take one out) and PINT (put one in).")
                             + text.worth().html() + text.countries().html())
    }
    for (i, c) in doc.curves.enumerated() {
      if let f = c.failure { body += HTML.section("Value curve of \(c.corridor)", id: "curve-\(i)", "<p>\(HTML.escape(f))</p>\n"); continue }
      var points: [(x: Double, y: Double)] = []
      for piece in c.pieces {
        guard let a = piece.from.value, let b = piece.to.value, let va = piece.valueFrom.value, let vb = piece.valueTo.value else { continue }
        if points.last.map({ abs($0.x - a) > 1e-12 }) ?? true { points.append((a, va)) }
        points.append((b, vb))
      }
      let marks = c.points.compactMap { p in p.capacity.value.flatMap { x in p.value.value.map { (x: x, y: $0) } } }
      let money = "\(doc.currency) over \(Number.grouped(doc.horizonHours, digits: 0)) h"
      var part = HTML.figure(SVGChart.curve(points: points, marks: marks, xUnit: c.unit, yUnit: money),
                             caption: "System value against the capacity of \(c.corridor): the exact linear pieces, and the capacities solved (dots).")
      part += text.pieces(c).html()
      if !c.samples.isEmpty { part += text.samples(c).html() }
      body += HTML.section("Value curve of \(c.corridor)", id: "curve-\(i)", part)
    }
    return HTML.page(title: title, body: body)
  }
}

enum ExplainHTML {
  static func render(_ doc: ExplainDocument) -> String {
    let text = ExplainText(doc: doc, markdown: false)
    let (title, rows) = text.summaryParts()
    var body = TextTable.htmlSummary(title, rows)
    if doc.status == "infeasible" { body += tables(doc) }
    return HTML.page(title: title, body: body)
  }

  static func tables(_ doc: ExplainDocument) -> String {
    let text = ExplainText(doc: doc, markdown: false)
    var out = ""
    if !doc.conflict.isEmpty {
      out += text.conflictTextTable().html()
      let notes = text.conflictNotes()
      if !notes.isEmpty { out += "<ul>\n" + notes.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n" }
    }
    if let moves = doc.relaxation, !moves.isEmpty { out += text.relaxationTextTable(moves).html() }
    return out
  }

  /// The explanation as the last section of a plan's page.
  static func section(_ doc: ExplainDocument) -> String {
    let rows = ExplainText(doc: doc, markdown: false).sectionRows()
    return HTML.section("Why it is infeasible", id: "infeasibility", HTML.summary(rows) + tables(doc))
  }
}

/// A report that has no map or chart (an LP file's solution or explanation): its table
/// report in a page, preformatted.
enum PreformattedHTML {
  static func render(title: String, text: String) -> String {
    HTML.page(title: title, body: "<h1>\(HTML.escape(title))</h1>\n<pre>\(HTML.escape(text))</pre>\n")
  }
}
