/// The human report: a summary, then one table per section, all read from the
/// ``ReportDocument`` so the figures and units are those of the JSON and CSV.
///
/// Lists that grow with the model (flows by country, deliveries by country, supply)
/// get their own long tables rather than a wide cell, so lines stay short.
struct PlanText {
  let doc: ReportDocument
  let markdown: Bool

  func table(_ t: FigureTable) -> String { markdown ? t.table.markdown() : t.table.text() }

  func render() -> String {
    var parts: [String] = [summary()]
    var tables: [FigureTable] = []
    if !doc.corridors.isEmpty { tables += [corridors(), corridorsByCountry()] }
    if !doc.countries.isEmpty { tables += [countries(), supply()] }
    if !doc.markets.isEmpty { tables += [markets(), deliveries()] }
    if !doc.storages.isEmpty { tables.append(storages()) }
    if !doc.rules.isEmpty { tables.append(rules()) }
    if !doc.constraints.isEmpty { tables.append(constraints()) }
    if let inv = doc.investment { tables += InvestmentText(doc: inv, currency: doc.currency).tables() }
    parts += tables.filter { !$0.rows.isEmpty }.map(table)
    if let why = doc.infeasibility { parts.append(ExplainText(doc: why, markdown: markdown).section()) }
    if !doc.warnings.isEmpty {
      let w = doc.warnings.map { "- \($0)" }.joined(separator: "\n")
      parts.append((markdown ? "### Warnings\n\n" : "Warnings\n") + w + "\n")
    }
    return parts.joined(separator: "\n")
  }

  /// The horizon money is summed over: its hours, or for a multi-year model its years,
  /// discounted (each year's money × its multiplier, see the planning years table).
  var hours: String {
    let h = Number.grouped(doc.horizonHours, digits: 0) + " h"
    guard let years = doc.investment?.years, let first = years.first, let last = years.last else { return h }
    return "\(first.year)–\(last.year + last.weight - 1), discounted to \(first.year): \(h) of planning years"
  }

  func summary() -> String {
    let (title, rows) = summaryParts()
    return TextTable.summary(title, rows, markdown: markdown)
  }

  /// The summary's title and `key → value` rows (also the HTML page's head).
  func summaryParts() -> (title: String, rows: [(String, String)]) {
    var rows: [(String, String)] = []
    let title = doc.model + (doc.scenarios.isEmpty ? "" : " — scenario: " + doc.scenarios.joined(separator: " + "))
    rows.append(("status", "\(doc.status) — \(doc.statusMessage)"))
    let label = doc.objectiveKind == "min-cost" ? "cost" : "net export value"
    let obj = doc.objective.map { "\(Number.grouped($0, digits: 0)) \(doc.objectiveUnit) (\(label) over \(hours))" }
      ?? (doc.investment?.mixedInteger == true && doc.status == "time_limit"
          ? "none (no integer plan found before the time limit; give a longer --time-limit, or a --mip-gap)"
          : "none (no feasible point)")
    rows.append(("objective", obj))
    if doc.stages.count > 1 {
      rows.append(("stages", doc.stages.map { s in
        let v = FigureTable.number(Figure(s.objective, s.objectiveUnit), digits: s.objectiveUnit == doc.currency ? 0 : 2)
        return "\(s.name) = " + (v.map { $0 + " " + FigureTable.displayUnit(s.objectiveUnit) } ?? "–")
      }.joined(separator: "; ")))
    }
    if let c = doc.certificate { rows.append(("certificate", c.line)) }
    if let inv = doc.investment { rows.append(("search", InvestmentText(doc: inv, currency: doc.currency).searchLine)) }
    rows.append(("time slices", "\(Number.counted(doc.sliceCount, "slice")) (\(hours))"))
    rows.append(("LP size", [Number.counted(doc.size.variables, "variable"), Number.counted(doc.size.constraints, "constraint"),
                             Number.counted(doc.size.nonZeros, "non-zero")].joined(separator: ", ")))
    return (title, rows)
  }

  /// "yes (3/8)", "yes (12/8,760)", "no", "off" (disabled), "–" (no point).
  func binding(_ b: Bool?, _ n: Int?, of total: Int?, enabled: Bool = true) -> String {
    guard enabled else { return "off" }
    guard let b else { return "–" }
    guard b else { return "no" }
    func count(_ k: Int) -> String { Number.grouped(Double(k), digits: 0) }
    return n.map { "yes (\(count($0))" + (total.map { "/\(count($0))" } ?? "") + ")" } ?? "yes"
  }

  /// Capacity × availability, peak flow and loss are in the JSON and CSV; the table keeps to
  /// what fits on a line.
  func corridors() -> FigureTable {
    var t = FigureTable("Corridors (average flows; use: of capacity × availability; shadow price: worth of +1 capacity unit, all slices, \(hours))",
                        headers: ["corridor", "route", "capacity", "flow", "use", "shadow price", "binding"])
    for c in doc.corridors {
      t.add([.text(c.name), .text("\(c.from) → \(c.to)"), .fig(c.nominalCapacity), .fig(c.flow), .fig(c.utilization),
             .fig(c.shadowPrice, nil),
             .text(binding(c.binding, c.bindingSlices, of: doc.sliceCount, enabled: c.enabled))])
    }
    return t
  }

  func corridorsByCountry() -> FigureTable {
    var t = FigureTable("Corridor flows by country of origin (average; countries with flow)",
                        headers: ["corridor", "country", "flow", "share"])
    for c in doc.corridors {
      for f in c.byCountry where abs(f.flow.value ?? 0) > 1e-9 {
        t.add([.text(c.name), .text(f.country), .fig(f.flow), .fig(f.share)])
      }
    }
    return t
  }

  func countries() -> FigureTable {
    var t = FigureTable("Countries (money over \(hours); net value = revenue − tariffs − supply cost − storage wear)",
                        headers: ["country", "revenue", "tariffs", "supply cost", "storage wear", "net value"])
    for c in doc.countries {
      t.add([.text(c.name), .fig(c.revenue, 0), .fig(c.tariffs, 0), .fig(c.supplyCost, 0), .fig(c.storageWear, 0),
             .fig(c.netValue, 0)])
    }
    return t
  }

  func supply() -> FigureTable {
    var t = FigureTable("Supply (average rates; shadow price = worth of 1 more unit available in each slice over \(hours))",
                        headers: ["country", "commodity", "used", "available", "shadow price"])
    for c in doc.countries {
      for s in c.supply {
        t.add([.text(c.name), .text(s.commodity), .fig(s.used), .fig(s.available), .fig(s.shadowPrice, nil)])
      }
    }
    return t
  }

  func markets() -> FigureTable {
    var t = FigureTable("Markets (average rates; shadow price = worth of 1 more unit absorbed in each slice over \(hours))",
                        headers: ["market", "delivered", "absorbs", "avg price", "revenue", "shadow price"])
    for m in doc.markets {
      t.add([.text(m.name), .fig(m.delivered), m.absorbs.value == nil ? .text("unlimited") : .fig(m.absorbs),
             .fig(m.averagePrice, 2), .fig(m.revenue, 0), .fig(m.shadowPrice, nil)])
    }
    return t
  }

  func deliveries() -> FigureTable {
    var t = FigureTable("Deliveries by country (average rate; revenue over \(hours))",
                        headers: ["market", "country", "delivered", "revenue"])
    for m in doc.markets {
      for d in m.byCountry where abs(d.delivered.value ?? 0) > 1e-9 {
        let sale = doc.countries.first { $0.name == d.country }?.byMarket.first { $0.market == m.name }
        t.add([.text(m.name), .text(d.country), .fig(d.delivered), sale.map { .fig($0.revenue, 0) } ?? .text("")])
      }
    }
    return t
  }

  func storages() -> FigureTable {
    var t = FigureTable("Storage (charge and discharge: average rates)",
                        headers: ["storage", "node", "owner", "charged", "discharged", "peak level"])
    for s in doc.storages {
      t.add([.text(s.name), .text(s.node), .text(s.owner), .fig(s.charged), .fig(s.discharged), .fig(s.peakLevel)])
    }
    return t
  }

  func rules() -> FigureTable {
    var t = FigureTable("Rules (dual = worth of 1 more unit of the rule's bound; per point = of 1 more percentage point of share)",
                        headers: ["rule", "kind", "target", "achieved", "binding", "dual", "per point", "detail"])
    for r in doc.rules {
      let levels = r.kind == .fairShare && r.achieved.unit != ReportUnits.fraction ? 4 : 1
      t.add([.text(r.name), .text(r.kind.rawValue), .fig(r.target), .fig(r.achieved, levels),
             .text(binding(r.binding, nil, of: nil)), .fig(r.dual, nil),
             r.perSharePoint.map { .fig($0, nil) } ?? .text(""), .text(r.detail ?? "")])
    }
    return t
  }

  func constraints() -> FigureTable {
    var t = FigureTable("Custom constraints (per slice: hours-weighted averages; dual = worth of 1 more unit of the rhs over \(hours))",
                        headers: ["constraint", "per", "activity", "rhs", "binding", "dual", "expression"])
    for c in doc.constraints {
      t.add([.text(c.name), .text(c.per), .fig(c.activity, 2), .fig(c.rhs, 2), .text(binding(c.binding, c.bindingRows, of: nil)),
             .fig(c.dual, nil), .text(c.expression)])
    }
    return t
  }
}
