/// The human report of `corridor value`: what was run, then per corridor TOOT and PINT with
/// the tariffs and congestion rent, each country's change of net value, and each value
/// curve's pieces and breakpoints. Read from the ``ValueDocument``, so figures and units are
/// those of the JSON and CSV.
struct ValueText {
  let doc: ValueDocument
  let markdown: Bool

  func table(_ t: FigureTable) -> String { markdown ? t.table.markdown() : t.table.text() }

  func render() -> String {
    var parts = [summary()]
    if !doc.corridors.isEmpty { parts += [table(worth()), table(countries())] }
    for c in doc.curves {
      if let f = c.failure { parts.append("Value curve of \(c.corridor): \(f)\n"); continue }
      parts.append(table(pieces(c)))
      if !c.samples.isEmpty { parts.append(table(samples(c))) }
    }
    return parts.joined(separator: "\n")
  }

  func summary() -> String {
    let (title, rows) = summaryParts()
    return TextTable.summary(title, rows, markdown: markdown)
  }

  /// The summary's title and `key → value` rows (also the HTML page's head).
  func summaryParts() -> (title: String, rows: [(String, String)]) {
    let title = "Corridor value: " + doc.model + (doc.scenarios.isEmpty ? "" : " — scenario: " + doc.scenarios.joined(separator: " + "))
    let r = doc.run
    var rows: [(String, String)] = [("base", r.base + (r.scenario.map { " + scenario " + $0 } ?? ""))]
    let label = doc.objectiveKind == "min-cost" ? "cost saved (−cost)" : "net export value"
    rows.append(("value", "\(money(doc.baseValue.value)) \(doc.currency) (\(label) over \(Number.grouped(doc.horizonHours, digits: 0)) h; \(doc.baseStatus))"))
    if !r.corridors.isEmpty { rows.append(("corridors", r.corridors.joined(separator: ", "))) }
    for e in r.edits { rows.append(("runs", e)) }
    var solves = "\(Number.counted(r.solves, "solve")), \(Number.counted(r.iterations, "simplex iteration")); cold base \(Number.grouped(Double(r.coldBaseIterations), digits: 0))"
    if let w = r.warmIterationsPerSolve { solves += ", warm re-solves \(Number.grouped(w, digits: 1)) on average" }
    rows.append(("solves", solves))
    rows.append(("TOOT", "value(model) − value(model without the corridor)"))
    rows.append(("PINT", "value(PINT base + the corridor) − value(PINT base); the PINT base lacks every corridor listed"))
    rows.append(("rent", "Σ over slices of the capacity row's shadow price × usable capacity (price difference beyond the tariff × capacity × hours)"))
    for n in doc.notes { rows.append(("note", n)) }
    return (title, rows)
  }

  func money(_ v: Double?) -> String { v.map { Number.grouped($0, digits: 0) } ?? "–" }

  func worth() -> FigureTable {
    var t = FigureTable("What each corridor is worth (B1: change of system value; tariffs and rent in the run that has the corridor)",
                        headers: ["corridor", "TOOT", "tariffs", "rent", "PINT", "tariffs", "rent"] + (doc.corridors.contains { $0.note != nil } ? ["runs without an optimum"] : []))
    let notes = doc.corridors.contains { $0.note != nil }
    for c in doc.corridors {
      t.add([.text(c.name), .fig(c.toot.value, 0), .fig(c.toot.tariffs, 0), .fig(c.toot.congestionRent, 0),
             .fig(c.pint.value, 0), .fig(c.pint.tariffs, 0), .fig(c.pint.congestionRent, 0)] + (notes ? [.text(c.note ?? "")] : []))
    }
    return t
  }

  func countries() -> FigureTable {
    var t = FigureTable("Who gains: each country's change of net value", headers: ["corridor", "country", "TOOT", "PINT"])
    for c in doc.corridors {
      for (a, b) in zip(c.toot.countries, c.pint.countries) {
        t.add([.text(c.name), .text(a.country), .fig(a.change, 0), .fig(b.change, 0)])
      }
    }
    return t
  }

  func pieces(_ c: ValueDocument.CurveReport) -> FigureTable {
    let bp = c.breakpoints.compactMap(\.value).map { Number.grouped($0, digits: 3) }
    var t = FigureTable("Value curve of \(c.corridor): \(c.pieces.count) linear piece\(c.pieces.count == 1 ? "" : "s"), breakpoints at "
                          + (bp.isEmpty ? "none" : bp.joined(separator: ", ") + " " + c.unit) + " (\(c.solves) solves)",
                        headers: ["from", "to", "value at from", "value at to", "slope"])
    for p in c.pieces {
      t.add([.fig(p.from, 3), .fig(p.to, 3), .fig(p.valueFrom, 0), .fig(p.valueTo, 0), .fig(p.slope, 2)])
    }
    if c.pieces.isEmpty, let p = c.points.first {
      t.add([.fig(p.capacity, 3), .fig(p.capacity, 3), .fig(p.value, 0), .fig(p.value, 0), .fig(p.shadowPrice, 2)])
    }
    return t
  }

  func samples(_ c: ValueDocument.CurveReport) -> FigureTable {
    var t = FigureTable("Value of \(c.corridor) at evenly spaced capacities (read off the pieces)", headers: ["capacity", "value"])
    for p in c.samples { t.add([.fig(p.capacity, 3), .fig(p.value, 0)]) }
    return t
  }
}
