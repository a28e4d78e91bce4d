import CorridorPlanning
import CorridorModel
import LinearProgramming

/// The human report: a summary, then one table per section.
struct PlanText {
  let plan: Plan
  let markdown: Bool

  func table(_ t: TextTable) -> String { markdown ? t.markdown() : t.text() }

  func num(_ v: Double, _ digits: Int = 1) -> String { Number.grouped(v, digits: digits) }

  func render() -> String {
    var parts: [String] = [summary()]
    if !plan.corridors.isEmpty { parts.append(table(corridors())) }
    if !plan.countries.isEmpty { parts.append(table(countries())) }
    if !plan.markets.isEmpty { parts.append(table(markets())) }
    if !plan.storages.isEmpty { parts.append(table(storages())) }
    if !plan.rules.isEmpty { parts.append(table(rules())) }
    if !plan.constraints.isEmpty { parts.append(table(constraints())) }
    if !plan.warnings.isEmpty {
      let w = plan.warnings.map { "- \($0)" }.joined(separator: "\n")
      parts.append((markdown ? "### Warnings\n\n" : "Warnings\n") + w + "\n")
    }
    return parts.joined(separator: "\n")
  }

  func summary() -> String {
    var rows: [(String, String)] = []
    let title = plan.modelName + (plan.scenarios.isEmpty ? "" : " — scenario: " + plan.scenarios.joined(separator: " + "))
    rows.append(("status", "\(plan.status.rawValue) — \(plan.status.message)"))
    let obj = plan.objective.map { "\(num($0, 0)) \(plan.currency) (\(plan.objectiveLabel) over \(num(plan.totalHours, 0)) h)" } ?? "none"
    rows.append(("objective", obj))
    if plan.stages.count > 1 {
      rows.append(("stages", plan.stages.map { "\($0.name) = \($0.objective.map { num($0, 4) } ?? "–")" }.joined(separator: "; ")))
    }
    if let c = plan.certificate { rows.append(("certificate", CertificateText.line(c))) }
    rows.append(("time slices", "\(plan.slices.count) (\(num(plan.totalHours, 0)) h)"))
    rows.append(("LP size", "\(plan.size.variables) variables, \(plan.size.constraints) constraints, \(plan.size.nonZeros) non-zeros"))
    if markdown {
      var t = TextTable(nil, headers: ["", ""])
      for (k, v) in rows { t.add([k, v]) }
      return "## \(title)\n\n" + t.markdown()
    }
    let width = rows.map(\.0.count).max() ?? 0
    return title + "\n" + rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n") + "\n"
  }

  func corridors() -> TextTable {
    var t = TextTable("Corridors (average flow; shadow price = value of one more unit of capacity)",
                      headers: ["corridor", "route", "capacity", "flow", "use", "shadow price", "binding", "by country"],
                      numeric: [2, 3, 4, 5])
    for c in plan.corridors {
      let cap = c.enabled ? "\(num(c.capacity)) \(c.unit)" : "off"
      t.add([c.name, "\(c.from) → \(c.to)", cap, "\(num(c.flow)) \(c.unit)", Number.percent(c.utilization),
             c.shadowPrice.map { "\(num($0, 0)) \(plan.shadowUnit(c.unit))" } ?? "–",
             c.binding ? "yes (\(c.bindingSlices)/\(plan.slices.count))" : "no",
             c.byCountry.filter { abs($0.flow) > 1e-9 }.map { "\($0.country) \(num($0.flow))" }.joined(separator: ", ")])
    }
    return t
  }

  func countries() -> TextTable {
    var t = TextTable("Countries (average rates; money over the horizon, \(plan.currency))",
                      headers: ["country", "supply used / available", "revenue", "tariffs", "supply cost", "net value", "corridors", "markets"],
                      numeric: [2, 3, 4, 5])
    for c in plan.countries {
      let supply = c.supplied.map { "\(num($0.used)) / \(num($0.available)) \($0.unit)" }.joined(separator: "; ")
      t.add([c.name, supply, num(c.revenue, 0), num(c.tariffs, 0), num(c.supplyCost, 0), num(c.netValue, 0),
             c.byCorridor.filter { abs($0.flow) > 1e-9 }.map { "\($0.corridor) \(num($0.flow))" }.joined(separator: ", "),
             c.byMarket.filter { abs($0.delivered) > 1e-9 }.map { "\($0.market) \(num($0.delivered))" }.joined(separator: ", ")])
    }
    return t
  }

  func markets() -> TextTable {
    var t = TextTable("Markets (average delivered rate)",
                      headers: ["market", "delivered", "absorbs", "avg price", "revenue", "shadow price", "by country"],
                      numeric: [1, 2, 3, 4, 5])
    for m in plan.markets {
      t.add([m.name, "\(num(m.delivered)) \(m.unit)", m.volume.map { "\(num($0)) \(m.unit)" } ?? "unlimited",
             m.averagePrice.map { "\(num($0, 2)) \(plan.currency)/\(m.priceUnit)" } ?? "–", num(m.revenue, 0),
             m.shadowPrice.map { "\(num($0, 0)) \(plan.shadowUnit(m.unit))" } ?? "–",
             m.byCountry.filter { abs($0.flow) > 1e-9 }.map { "\($0.country) \(num($0.flow))" }.joined(separator: ", ")])
    }
    return t
  }

  func storages() -> TextTable {
    var t = TextTable("Storage", headers: ["storage", "node", "owner", "charged (avg)", "discharged (avg)", "peak level"], numeric: [3, 4, 5])
    for s in plan.storages {
      t.add([s.name, s.node, s.owner, num(s.charged), num(s.discharged), num(s.peakLevel)])
    }
    return t
  }

  func rules() -> TextTable {
    var t = TextTable("Rules", headers: ["rule", "kind", "target", "achieved", "binding", "dual", "detail"], numeric: [2, 3, 5])
    for r in plan.rules {
      let share = r.kind == "min-share" || r.kind == "max-share"
      let target = r.target.map { share ? Number.percent($0) : num($0) } ?? "–"
      let achieved = r.achieved.map { share ? Number.percent($0) : num($0, r.kind == "fair-share" ? 4 : 1) } ?? "–"
      var detail = r.note ?? ""
      if let p = r.perSharePoint, r.binding { detail += "; \(num(p, 0)) \(plan.currency) per share point" }
      t.add([r.name, r.kind, target, achieved, r.binding ? "yes" : "no", r.dual.map { num($0, 2) } ?? "–", detail])
    }
    return t
  }

  func constraints() -> TextTable {
    var t = TextTable("Custom constraints", headers: ["constraint", "expression", "per", "activity", "rhs", "binding", "dual"], numeric: [3, 4, 6])
    for c in plan.constraints {
      t.add([c.name, c.expression, c.per, num(c.activity, 2), num(c.rhs, 2), c.binding ? "yes (\(c.bindingRows))" : "no",
             c.dual.map { num($0, 2) } ?? "–"])
    }
    return t
  }
}
