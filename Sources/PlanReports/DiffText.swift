/// The human diff report: what was run, both sides' status, objective and certificate,
/// then one table per section of what changed, each figure `before → after` with its unit
/// in the column header (as in ``PlanText``). Routes, Δ of volumes and deliveries are in the
/// JSON and CSV; the tables keep to what fits in about 120 characters. Read from the ``DiffDocument``, so the
/// figures and units are those of the JSON and CSV.
struct DiffText {
  let doc: DiffDocument
  let markdown: Bool

  func table(_ t: FigureTable) -> String { markdown ? t.table.markdown() : t.table.text() }

  func render() -> String {
    var parts = [summary()]
    let tables = [corridors(), corridorsByCountry(), countries(), shares(), markets(), rules(), constraints()]
    parts += tables.filter { !$0.rows.isEmpty }.map(table)
    return parts.joined(separator: "\n")
  }

  static func sideTitle(_ s: SideReport) -> String {
    s.model + (s.scenarios.isEmpty ? "" : " — scenario: " + s.scenarios.joined(separator: " + "))
  }

  var hours: String { Number.grouped(doc.horizonHours, digits: 0) + " h" }

  func summary() -> String {
    let (title, rows) = summaryParts()
    return TextTable.summary(title, rows, markdown: markdown)
  }

  /// The summary's title and `key → value` rows (also the HTML page's head).
  func summaryParts() -> (title: String, rows: [(String, String)]) {
    let title = "Diff: " + Self.sideTitle(doc.base) + "  →  " + Self.sideTitle(doc.other)
    var rows: [(String, String)] = []
    let r = doc.run
    rows.append(("base", r.base))
    rows.append(("other", (r.other ?? r.base) + r.scenarios.map { " + scenario " + $0 }.joined()))
    rows.append(("solves", "\(Number.counted(r.solves, "solve")), \(Number.counted(r.iterations, "simplex iteration"))"
      + " (base \(doc.base.solves) / \(Number.grouped(Double(doc.base.iterations), digits: 0)),"
      + " other \(doc.other.solves) / \(Number.grouped(Double(doc.other.iterations), digits: 0)))"))
    let tol = String(format: "%g", doc.tolerance)
    rows.append(("listed", doc.listsAll
      ? "every entry (--all); changed: |after − before| > \(tol) · max(1, |before|, |after|)"
      : "only changes: |after − before| > \(tol) · max(1, |before|, |after|)"))
    rows.append(("status", doc.base.status == doc.other.status
      ? doc.base.status : "\(doc.base.status) → \(doc.other.status) (\(doc.other.statusMessage))"))
    let label = doc.other.objectiveKind == "min-cost" ? "cost" : "net export value"
    let o = doc.objective
    rows.append(("objective", "\(money(o.before)) → \(money(o.after)) \(o.unit) (\(label) over \(hours))"))
    if let d = o.change {
      var change = "\(d > 0 ? "+" : "")\(Number.grouped(d, digits: 0)) \(o.unit)"
      if let b = o.before, abs(b) > 1e-12 { change += " (\(d > 0 ? "+" : "")\(Number.grouped(100 * d / abs(b), digits: 2)) %)" }
      rows.append(("change", change))
    }
    rows.append(("certificate, base", doc.base.certificate?.line ?? "none"))
    rows.append(("certificate, other", doc.other.certificate?.line ?? "none"))
    if doc.empty {
      rows.append(("result", "no differences beyond the tolerance: the two plans agree on the objective and on every corridor, country, market, rule and constraint"))
    }
    return (title, rows)
  }

  func money(_ v: Double?) -> String { v.map { Number.grouped($0, digits: 0) } ?? "–" }

  /// `name`, `name (added)`, `name (removed)`.
  func named(_ name: String, _ presence: String) -> Cell { .text(presence == "both" ? name : "\(name) (\(presence))") }

  /// `yes`, `no → yes` (starts binding), `yes → no` (stops), `–`.
  func flag(_ f: FlagChangeReport, on: String = "yes", off: String = "no") -> String {
    func word(_ b: Bool?) -> String { b.map { $0 ? on : off } ?? "–" }
    guard f.before != f.after else { return word(f.after) }
    return word(f.before) + " → " + word(f.after)
  }

  func change(_ c: FigureChange, _ digits: Int? = 2) -> Cell { .change(c.beforeFigure, c.afterFigure, digits: digits) }
  func delta(_ c: FigureChange, _ digits: Int? = 2) -> Cell { .fig(c.changeFigure, digits) }

  func corridors() -> FigureTable {
    var t = FigureTable("Corridors (average flows; shadow price = worth of 1 more unit of capacity in each slice over \(hours))",
                        headers: ["corridor", "capacity", "flow", "Δ flow", "use", "shadow price", "binding"])
    for c in doc.corridors {
      var name = c.name
      if c.presence != "both" { name += " (\(c.presence))" }
      if c.enabled.before != c.enabled.after, c.presence == "both" { name += c.enabled.after == true ? " (enabled)" : " (disabled)" }
      t.add([.text(name), change(c.capacity), change(c.flow), delta(c.flow),
             change(c.utilization, 1), change(c.shadowPrice, nil), .text(flag(c.binding))])
    }
    return t
  }

  func corridorsByCountry() -> FigureTable {
    var t = FigureTable("Corridor flows by country of origin (average)", headers: ["corridor", "country", "flow", "Δ flow"])
    for c in doc.corridors {
      for f in c.byCountry { t.add([.text(c.name), .text(f.key), change(f.value), delta(f.value)]) }
    }
    return t
  }

  func countries() -> FigureTable {
    var t = FigureTable("Countries (volume = supply used; money over \(hours); net value = revenue − tariffs − supply cost − storage wear)",
                        headers: ["country", "commodity", "volume", "revenue", "net value", "Δ net value"])
    for c in doc.countries {
      let money: [Cell] = [change(c.revenue, 0), change(c.netValue, 0), delta(c.netValue, 0)]
      if c.volume.isEmpty { t.add([named(c.name, c.presence), .text(""), .text("")] + money) }
      for (k, v) in c.volume.enumerated() {
        t.add([k == 0 ? named(c.name, c.presence) : .text(""), .text(v.key), change(v.value)]
              + (k == 0 ? money : [.text(""), .text(""), .text("")]))
      }
    }
    return t
  }

  func shares() -> FigureTable {
    var t = FigureTable("Shares under rules (each country's achieved share of its share rules' corridors)",
                        headers: ["country", "rule", "share", "Δ share"])
    for c in doc.countries {
      for s in c.shares { t.add([.text(c.name), .text(s.key), change(s.value, 2), delta(s.value, 2)]) }
    }
    return t
  }

  func markets() -> FigureTable {
    var t = FigureTable("Markets (average rates; shadow price = worth of 1 more unit absorbed in each slice over \(hours))",
                        headers: ["market", "delivered", "avg price", "revenue", "shadow price"])
    for m in doc.markets {
      t.add([named(m.name, m.presence), change(m.delivered), change(m.averagePrice, 2),
             change(m.revenue, 0), change(m.shadowPrice, nil)])
    }
    return t
  }

  func rules() -> FigureTable {
    var t = FigureTable("Rules (dual = worth of 1 more unit of the rule's bound)",
                        headers: ["rule", "kind", "target", "achieved", "binding", "dual"])
    for r in doc.rules {
      t.add([named(r.name, r.presence), .text(r.kind.rawValue), change(r.target, 2), change(r.achieved, 2), .text(flag(r.binding)),
             change(r.dual, nil)])
    }
    return t
  }

  func constraints() -> FigureTable {
    var t = FigureTable("Custom constraints (per slice: hours-weighted averages; dual = worth of 1 more unit of the rhs over \(hours))",
                        headers: ["constraint", "per", "activity", "rhs", "binding", "dual"])
    for c in doc.constraints {
      t.add([named(c.name, c.presence), .text(c.per), change(c.activity), change(c.rhs), .text(flag(c.binding)),
             change(c.dual, nil)])
    }
    return t
  }
}
