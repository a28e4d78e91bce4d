/// The diff as tidy CSV: one row per figure of the ``DiffDocument``, so the CSV holds
/// everything the JSON holds, in the same units.
///
/// Columns: `section,name,detail,quantity,before,after,change,unit`.
/// - `section`: `run`, `base`, `other` (each side's status, objective, certificate),
///   `objective`, `corridor`, `country`, `market`, `rule`, `constraint`.
/// - `detail`: what a nested value is split by (the country of a corridor's flow, the
///   commodity of a country's volume, the rule of a country's share), a rule's kind, a
///   constraint's `per`; `presence` rows say `both`, `added` or `removed` in `after`.
/// - `before`, `after`: numbers (shortest exact form), text, or `1`/`0` for yes/no; empty:
///   missing (JSON null). `change` = after − before for numbers.
struct DiffCSV {
  let document: DiffDocument

  struct Writer {
    var out = CSV.line(["section", "name", "detail", "quantity", "before", "after", "change", "unit"])
    mutating func text(_ s: String, _ n: String, _ d: String, _ q: String, _ v: String?) {
      out += CSV.line([s, n, d, q, "", v ?? "", "", ""])
    }
    mutating func number(_ s: String, _ n: String, _ d: String, _ q: String, _ v: Double?, _ unit: String = "") {
      out += CSV.line([s, n, d, q, "", v.map(Number.exact) ?? "", "", unit])
    }
    mutating func change(_ s: String, _ n: String, _ d: String, _ q: String, _ c: FigureChange) {
      func e(_ v: Double?) -> String { v.map(Number.exact) ?? "" }
      out += CSV.line([s, n, d, q, e(c.before), e(c.after), e(c.change), c.unit])
    }
    mutating func flag(_ s: String, _ n: String, _ d: String, _ q: String, _ f: FlagChangeReport) {
      func e(_ v: Bool?) -> String { v.map { $0 ? "1" : "0" } ?? "" }
      out += CSV.line([s, n, d, q, e(f.before), e(f.after), f.transition ?? "", ""])
    }
  }

  func render() -> String {
    let p = document
    var w = Writer()
    let r = p.run
    w.text("run", "", "", "schema", p.schema)
    w.text("run", "", "", "base_file", r.base)
    w.text("run", "", "", "other_file", r.other)
    for (i, s) in r.scenarios.enumerated() { w.text("run", "", String(i + 1), "scenario_file", s) }
    w.number("run", "", "", "solves", Double(r.solves))
    w.number("run", "", "", "iterations", Double(r.iterations))
    w.number("run", "", "", "tolerance", p.tolerance)
    w.text("run", "", "", "lists_all", p.listsAll ? "1" : "0")
    w.text("run", "", "", "empty", p.empty ? "1" : "0")
    for (label, s) in [("base", p.base), ("other", p.other)] {
      w.text(label, s.model, "", "model", s.model)
      for (i, x) in s.scenarios.enumerated() { w.text(label, s.model, String(i + 1), "scenario", x) }
      w.text(label, s.model, "", "status", s.status)
      w.number(label, s.model, "", "objective", s.objective.value, s.objective.unit)
      w.number(label, s.model, "", "solves", Double(s.solves))
      w.number(label, s.model, "", "iterations", Double(s.iterations))
      if let c = s.certificate {
        w.text(label, s.model, "", "certificate.proves", c.proves)
        w.text(label, s.model, "", "certificate.holds", c.holds ? "1" : "0")
        w.number(label, s.model, "", "certificate.relative_gap", c.relativeGap)
      }
    }
    w.change("objective", "", "", "objective", p.objective)
    for c in p.corridors {
      let s = "corridor", n = c.name
      w.text(s, n, "", "presence", c.presence)
      w.flag(s, n, "", "enabled", c.enabled)
      w.change(s, n, "", "capacity", c.capacity)
      w.change(s, n, "", "flow", c.flow)
      w.change(s, n, "", "utilization", c.utilization)
      w.change(s, n, "", "shadow_price", c.shadowPrice)
      w.flag(s, n, "", "binding", c.binding)
      for f in c.byCountry { w.change(s, n, f.key, "by_country.flow", f.value) }
    }
    for c in p.countries {
      let s = "country", n = c.name
      w.text(s, n, "", "presence", c.presence)
      for v in c.volume { w.change(s, n, v.key, "volume", v.value) }
      w.change(s, n, "", "revenue", c.revenue)
      w.change(s, n, "", "net_value", c.netValue)
      for v in c.shares { w.change(s, n, v.key, "shares", v.value) }
    }
    for m in p.markets {
      let s = "market", n = m.name
      w.text(s, n, "", "presence", m.presence)
      w.change(s, n, "", "delivered", m.delivered)
      w.change(s, n, "", "revenue", m.revenue)
      w.change(s, n, "", "average_price", m.averagePrice)
      w.change(s, n, "", "shadow_price", m.shadowPrice)
    }
    for x in p.rules {
      let s = "rule", n = x.name, k = x.kind.rawValue
      w.text(s, n, k, "presence", x.presence)
      w.change(s, n, k, "target", x.target)
      w.change(s, n, k, "achieved", x.achieved)
      w.flag(s, n, k, "binding", x.binding)
      w.change(s, n, k, "dual", x.dual)
    }
    for c in p.constraints {
      let s = "constraint", n = c.name, d = c.per
      w.text(s, n, d, "presence", c.presence)
      w.change(s, n, d, "activity", c.activity)
      w.change(s, n, d, "rhs", c.rhs)
      w.flag(s, n, d, "binding", c.binding)
      w.change(s, n, d, "dual", c.dual)
    }
    return w.out
  }
}
