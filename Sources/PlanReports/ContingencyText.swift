/// The human contingency report: what was run, the ranking of outages by criticality,
/// then, per outage, what each country loses and which corridors take the flow over.
/// Read from the ``ContingencyDocument``, so figures and units are those of the JSON and CSV.
struct ContingencyText {
  let doc: ContingencyDocument
  let markdown: Bool

  func table(_ t: FigureTable) -> String { markdown ? t.table.markdown() : t.table.text() }

  func render() -> String {
    var parts = [summary(), table(ranking())]
    for o in doc.outages.sorted(by: { $0.rank < $1.rank }) { parts.append(outage(o)) }
    return parts.joined(separator: "\n")
  }

  var hours: String { Number.grouped(doc.horizonHours, digits: 0) + " h" }
  func money(_ f: Figure) -> String { f.value.map { Number.grouped($0, digits: 0) + " " + f.unit } ?? "–" }

  func summary() -> String {
    let (title, rows) = summaryParts()
    return TextTable.summary(title, rows, markdown: markdown)
  }

  /// The summary's title and `key → value` rows (also the HTML page's head).
  func summaryParts() -> (title: String, rows: [(String, String)]) {
    let r = doc.run
    let title = "Contingency (\(r.mode)): " + r.model + (r.scenarios.isEmpty ? "" : " — scenario: " + r.scenarios.joined(separator: " + "))
    var rows: [(String, String)] = []
    rows.append(("base", r.model + r.scenarios.map { " + scenario " + $0 }.joined()
      + ": \(doc.base.status), objective \(money(doc.base.objective)) (\(doc.objectiveKind == "min-cost" ? "cost" : "net export value") over \(hours))"))
    let derate = r.derate.value ?? 1
    rows.append(("outage", derate == 1 ? "each corridor taken out" : "each corridor loses \(Number.percent(derate)) of its capacity"))
    if let w = r.slices {
      rows.append(("slices", "\(w.first)..\(w.last) (\(w.firstName) … \(w.lastName), \(Number.grouped(w.hours, digits: 0)) h); other slices as given"))
    } else {
      rows.append(("slices", "the whole horizon"))
    }
    rows.append(("corridors", r.corridors.joined(separator: ", ")))
    let ratio = r.warmToCold.map { " = \(Number.grouped(100 * $0, digits: 1)) % of" } ?? " against"
    rows.append(("solves", "\(Number.counted(r.solves, r.start == "cold" ? "cold solve" : "warm solve"))\(r.start == "cold" ? " (--cold)" : " from the base basis") on \(Number.counted(r.workers, "worker")), "
      + "\(Number.counted(r.iterations, "simplex iteration"))\(ratio) \(Number.grouped(Double(r.coldEquivalentIterations), digits: 0)) for as many cold solves of the base "
      + "(\(Number.grouped(Double(r.baseIterations), digits: 0)) each)"))
    return (title, rows)
  }

  func ranking() -> FigureTable {
    var t = FigureTable("Ranking by criticality (objective lost against the base, over \(hours))",
                        headers: ["rank", "outage", "status", "objective", "lost", "lost share", "iterations"])
    for o in doc.outages.sorted(by: { $0.rank < $1.rank }) {
      t.add([.text(String(o.rank)), .text(o.name), .text(o.status), .fig(o.objective, 0), .fig(o.lost, 0),
             .fig(o.lostShare, 2), .text(String(o.iterations))])
    }
    return t
  }

  func outage(_ o: OutageReport) -> String {
    var parts: [String] = []
    let head = "\(o.rank). \(o.name): " + (o.lost.value != nil
      ? "loses \(money(o.lost)) (\(Number.percent(o.lostShare.value)))"
      : "\(o.status) — \(o.statusMessage)")
    var lines = [markdown ? "### \(head)" : head, "edits: " + o.edits.joined(separator: "; ")]
    if !o.commitments.isEmpty {
      lines.append(o.commitmentsJointly
        ? "commitments that cannot all be met: " + o.commitments.joined(separator: ", ") + " (no single one relaxed restores a plan)"
        : "commitments that can no longer be met: " + o.commitments.joined(separator: ", ") + " (each, relaxed alone, restores a plan)")
    }
    parts.append(lines.joined(separator: markdown ? "\n\n" : "\n") + "\n")
    if o.lost.value != nil {
      let c = countryLosses(o)
      if !c.rows.isEmpty { parts.append(table(c)) }
      let f = flowChanges(o)
      if !f.rows.isEmpty { parts.append(table(f)) }
    }
    return parts.joined(separator: "\n")
  }

  /// What each country loses in outage `o` (net value before, after, lost).
  func countryLosses(_ o: OutageReport) -> FigureTable {
    var c = FigureTable("What each country loses (net value over \(hours))", headers: ["country", "before", "after", "lost"])
    for x in o.countries { c.add([.text(x.country), .fig(x.before, 0), .fig(x.after, 0), .fig(x.lost, 0)]) }
    return c
  }

  /// The flows that change in outage `o`.
  func flowChanges(_ o: OutageReport) -> FigureTable {
    var f = FigureTable("Flows that change (average; the corridors out, and those that take the flow over)",
                        headers: ["corridor", "", "before", "after", "Δ flow"])
    for x in o.flows {
      f.add([.text(x.corridor), .text(x.out ? "outage" : (x.change.value ?? 0) > 0 ? "takes over" : "less"),
             .fig(x.before, 2), .fig(x.after, 2), .fig(x.change, 2)])
    }
    return f
  }
}
