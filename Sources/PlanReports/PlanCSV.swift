import CorridorPlanning
import CorridorModel

/// The plan as tidy CSV: one row per quantity.
///
/// Columns: `section,name,detail,quantity,value,unit`. `detail` names the
/// country, corridor or market a value is split by (empty for totals).
struct PlanCSV {
  let plan: Plan

  func render() -> String {
    let p = plan
    var out = CSV.line(["section", "name", "detail", "quantity", "value", "unit"])
    func row(_ section: String, _ name: String, _ detail: String, _ q: String, _ v: Double?, _ unit: String) {
      out += CSV.line([section, name, detail, q, v.map(Number.exact) ?? "", unit])
    }
    out += CSV.line(["plan", p.modelName, p.scenarios.joined(separator: "+"), "status", p.status.rawValue, ""])
    row("plan", p.modelName, "", "objective", p.objective, p.currency)
    row("plan", p.modelName, "", "horizon", p.totalHours, "h")
    for c in p.corridors {
      row("corridor", c.name, "", "capacity", c.capacity, c.unit)
      row("corridor", c.name, "", "flow", c.flow, c.unit)
      row("corridor", c.name, "", "peak_flow", c.peakFlow, c.unit)
      row("corridor", c.name, "", "utilization", c.utilization, "fraction")
      row("corridor", c.name, "", "shadow_price", c.shadowPrice, "\(p.currency)/\(c.unit)")
      row("corridor", c.name, "", "binding_slices", Double(c.bindingSlices), "slices")
      for f in c.byCountry { row("corridor", c.name, f.country, "flow", f.flow, c.unit) }
    }
    for c in p.countries {
      for s in c.supplied {
        row("country", c.name, s.commodity, "supply_used", s.used, s.unit)
        row("country", c.name, s.commodity, "supply_available", s.available, s.unit)
      }
      for f in c.byCorridor { row("country", c.name, f.corridor, "flow", f.flow, p.corridors.first { $0.name == f.corridor }?.unit ?? "") }
      for m in c.byMarket {
        row("country", c.name, m.market, "delivered", m.delivered, p.markets.first { $0.name == m.market }?.unit ?? "")
        row("country", c.name, m.market, "revenue", m.revenue, p.currency)
      }
      row("country", c.name, "", "revenue", c.revenue, p.currency)
      row("country", c.name, "", "tariffs", c.tariffs, p.currency)
      row("country", c.name, "", "supply_cost", c.supplyCost, p.currency)
      row("country", c.name, "", "net_value", c.netValue, p.currency)
    }
    for m in p.markets {
      row("market", m.name, "", "delivered", m.delivered, m.unit)
      row("market", m.name, "", "revenue", m.revenue, p.currency)
      row("market", m.name, "", "average_price", m.averagePrice, "\(p.currency)/\(m.priceUnit)")
      row("market", m.name, "", "shadow_price", m.shadowPrice, "\(p.currency)/\(m.unit)")
      for f in m.byCountry { row("market", m.name, f.country, "delivered", f.flow, m.unit) }
    }
    for s in p.storages {
      row("storage", s.name, "", "charged", s.charged, s.unit)
      row("storage", s.name, "", "discharged", s.discharged, s.unit)
      row("storage", s.name, "", "peak_level", s.peakLevel, s.amountUnit)
    }
    for r in p.rules {
      row("rule", r.name, r.kind, "target", r.target, r.unit)
      row("rule", r.name, r.kind, "achieved", r.achieved, r.unit)
      row("rule", r.name, r.kind, "binding", r.binding ? 1 : 0, "")
      row("rule", r.name, r.kind, "dual", r.dual, p.currency)
    }
    for c in p.constraints {
      row("constraint", c.name, c.per, "activity", c.activity, c.unit)
      row("constraint", c.name, c.per, "rhs", c.rhs, c.unit)
      row("constraint", c.name, c.per, "binding_rows", Double(c.bindingRows), "rows")
      row("constraint", c.name, c.per, "dual", c.dual, p.currency)
    }
    return out
  }
}
