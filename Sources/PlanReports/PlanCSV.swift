/// The plan as tidy CSV: one row per value of the ``ReportDocument``, so the CSV holds
/// everything the JSON holds, in the same units.
///
/// Columns: `section,name,detail,quantity,value,unit`.
/// - `section`: `plan`, `certificate`, `stage`, `corridor`, `country`, `market`, `storage`,
///   `rule`, `constraint`, `warning`, `size`, `timings`.
/// - `name`: the entry (the model for `plan`, `certificate`, `size`, `timings`).
/// - `detail`: what a value is split by (the country, corridor, market or commodity of a
///   nested list), a rule's kind, a constraint's `per`, a scenario's, stage's or warning's number.
/// - `quantity`: the JSON key; a value of a nested list is `list.key` (`by_country.flow`).
/// - `value`: the number (shortest exact form), text, or `1`/`0` for yes/no; empty: missing
///   (JSON null).
struct PlanCSV {
  let document: ReportDocument

  typealias Writer = TidyCSVWriter

  func render() -> String {
    let p = document
    var w = Writer()
    let m = p.model
    w.text("plan", m, "", "schema", p.schema)
    for (i, s) in p.scenarios.enumerated() { w.text("plan", m, String(i + 1), "scenario", s) }
    w.text("plan", m, "", "status", p.status)
    w.text("plan", m, "", "status_message", p.statusMessage)
    w.number("plan", m, "", "objective", p.objective, p.objectiveUnit)
    w.text("plan", m, "", "objective_kind", p.objectiveKind)
    w.text("plan", m, "", "currency", p.currency)
    w.number("plan", m, "", "horizon_hours", p.horizonHours, "h")
    w.number("plan", m, "", "slice_count", Double(p.sliceCount))
    w.flag("plan", m, "", "has_point", p.hasPoint)
    w.flag("plan", m, "", "has_duals", p.hasDuals)
    if let c = p.certificate {
      w.number("certificate", m, "", "max_bound_violation", c.maxBoundViolation)
      w.number("certificate", m, "", "max_row_violation", c.maxRowViolation)
      w.number("certificate", m, "", "max_dual_infeasibility", c.maxDualInfeasibility)
      w.number("certificate", m, "", "max_complementarity_violation", c.maxComplementarityViolation)
      w.number("certificate", m, "", "relative_gap", c.relativeGap)
      w.number("certificate", m, "", "max_integrality_violation", c.maxIntegralityViolation)
      w.text("certificate", m, "", "proves", c.proves)
      w.flag("certificate", m, "", "holds", c.holds)
    }
    for (i, s) in p.stages.enumerated() {
      let d = String(i + 1)
      w.text("stage", s.name, d, "sense", s.sense)
      w.text("stage", s.name, d, "status", s.status)
      w.number("stage", s.name, d, "objective", s.objective, s.objectiveUnit)
      w.number("stage", s.name, d, "iterations", Double(s.iterations))
    }
    for c in p.corridors {
      let s = "corridor", n = c.name
      w.text(s, n, "", "commodity", c.commodity)
      w.text(s, n, "", "from", c.from)
      w.text(s, n, "", "to", c.to)
      w.flag(s, n, "", "enabled", c.enabled)
      w.figure(s, n, "", "nominal_capacity", c.nominalCapacity)
      w.figure(s, n, "", "capacity", c.capacity)
      w.figure(s, n, "", "flow", c.flow)
      w.figure(s, n, "", "peak_flow", c.peakFlow)
      w.figure(s, n, "", "utilization", c.utilization)
      w.figure(s, n, "", "loss", c.loss)
      w.figure(s, n, "", "shadow_price", c.shadowPrice)
      w.flag(s, n, "", "binding", c.binding)
      w.number(s, n, "", "binding_slices", c.bindingSlices.map(Double.init), "slices")
      for f in c.byCountry {
        w.figure(s, n, f.country, "by_country.flow", f.flow)
        w.figure(s, n, f.country, "by_country.share", f.share)
      }
    }
    for c in p.countries {
      let s = "country", n = c.name
      for x in c.supply {
        w.figure(s, n, x.commodity, "supply.used", x.used)
        w.figure(s, n, x.commodity, "supply.available", x.available)
        w.figure(s, n, x.commodity, "supply.shadow_price", x.shadowPrice)
      }
      for x in c.byCorridor { w.figure(s, n, x.corridor, "by_corridor.flow", x.flow) }
      for x in c.byMarket {
        w.figure(s, n, x.market, "by_market.delivered", x.delivered)
        w.figure(s, n, x.market, "by_market.revenue", x.revenue)
      }
      w.figure(s, n, "", "revenue", c.revenue)
      w.figure(s, n, "", "tariffs", c.tariffs)
      w.figure(s, n, "", "supply_cost", c.supplyCost)
      w.figure(s, n, "", "storage_wear", c.storageWear)
      w.figure(s, n, "", "net_value", c.netValue)
    }
    for x in p.markets {
      let s = "market", n = x.name
      w.text(s, n, "", "node", x.node)
      w.text(s, n, "", "commodity", x.commodity)
      w.figure(s, n, "", "delivered", x.delivered)
      w.figure(s, n, "", "absorbs", x.absorbs)
      w.figure(s, n, "", "average_price", x.averagePrice)
      w.figure(s, n, "", "revenue", x.revenue)
      w.figure(s, n, "", "shadow_price", x.shadowPrice)
      for f in x.byCountry { w.figure(s, n, f.country, "by_country.delivered", f.delivered) }
    }
    for x in p.storages {
      let s = "storage", n = x.name
      w.text(s, n, "", "node", x.node)
      w.text(s, n, "", "owner", x.owner)
      w.figure(s, n, "", "charged", x.charged)
      w.figure(s, n, "", "discharged", x.discharged)
      w.figure(s, n, "", "peak_level", x.peakLevel)
    }
    for r in p.rules {
      let s = "rule", n = r.name, k = r.kind.rawValue
      w.figure(s, n, k, "target", r.target)
      w.figure(s, n, k, "achieved", r.achieved)
      w.flag(s, n, k, "binding", r.binding)
      w.figure(s, n, k, "dual", r.dual)
      if let pp = r.perSharePoint { w.figure(s, n, k, "per_share_point", pp) }
      if let d = r.detail { w.text(s, n, k, "detail", d) }
    }
    for c in p.constraints {
      let s = "constraint", n = c.name, d = c.per
      w.text(s, n, d, "expression", c.expression)
      w.figure(s, n, d, "activity", c.activity)
      w.figure(s, n, d, "rhs", c.rhs)
      w.flag(s, n, d, "binding", c.binding)
      w.number(s, n, d, "binding_rows", c.bindingRows.map(Double.init), "rows")
      w.figure(s, n, d, "dual", c.dual)
    }
    if let inv = p.investment { InvestmentText(doc: inv, currency: p.currency).csv(&w, model: m) }
    for (i, text) in p.warnings.enumerated() { w.text("warning", m, String(i + 1), "message", text) }
    w.number("size", m, "", "variables", Double(p.size.variables))
    w.number("size", m, "", "constraints", Double(p.size.constraints))
    w.number("size", m, "", "non_zeros", Double(p.size.nonZeros))
    w.number("timings", m, "", "build_seconds", p.timings.buildSeconds, "s")
    w.number("timings", m, "", "solve_seconds", p.timings.solveSeconds, "s")
    w.number("timings", m, "", "extract_seconds", p.timings.extractSeconds, "s")
    return w.out
  }
}
