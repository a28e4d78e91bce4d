import CorridorPlanning
import CorridorModel
import LinearProgramming

/// The plan as JSON, schema `corridor-plan/1` (docs/json-schema.md).
///
/// Top level: `schema`, `model`, `scenarios`, `status`, `objective` (number or
/// null), `objective_kind`, `currency`, `horizon_hours`, `certificate`,
/// `stages`, `corridors`, `countries`, `markets`, `storages`, `rules`,
/// `constraints`, `warnings`, `size`, `timings`. Every physical value is an
/// object `{"value": …, "unit": …}`.
struct PlanJSON {
  let plan: Plan

  struct Quantity: Encodable {
    var value: Double?
    var unit: String
    init(_ v: Double?, _ unit: String) {
      value = finite(v)
      self.unit = unit
    }
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: K.self)
      try c.encode(value, forKey: .value)
      try c.encode(unit, forKey: .unit)
    }
    enum K: String, CodingKey { case value, unit }
  }

  /// A JSON object built field by field (keys are sorted on output); nil values stay as null.
  struct Object: Encodable {
    var fields: [(String, any Encodable)] = []
    mutating func set(_ k: String, _ v: any Encodable) { fields.append((k, v)) }
    mutating func setOptional(_ k: String, _ v: (any Encodable)?) { fields.append((k, v.map { AnyBox($0) } ?? AnyBox(nil))) }
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: DynamicKey.self)
      for (k, v) in fields { try c.encode(AnyBox(v), forKey: DynamicKey(k)) }
    }
  }

  struct AnyBox: Encodable {
    let value: (any Encodable)?
    init(_ v: (any Encodable)?) { value = v }
    func encode(to encoder: any Encoder) throws {
      if let value {
        if let box = value as? AnyBox { try box.encode(to: encoder) } else { try value.encode(to: encoder) }
      } else {
        var c = encoder.singleValueContainer()
        try c.encodeNil()
      }
    }
  }

  struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  func render() throws -> String {
    let p = plan
    var o = Object()
    o.set("schema", "corridor-plan/1")
    o.set("model", p.modelName)
    o.set("scenarios", p.scenarios)
    o.set("status", p.status.rawValue)
    o.setOptional("objective", finite(p.objective))
    o.set("objective_kind", p.objectiveKind.rawValue)
    o.set("objective_unit", p.currency)
    o.set("currency", p.currency)
    o.set("horizon_hours", p.totalHours)
    o.setOptional("certificate", p.certificate.map(CertificateJSON.init))
    o.set("stages", p.stages.map { s -> Object in
      var x = Object()
      x.set("name", s.name)
      x.set("sense", s.sense.rawValue)
      x.set("status", s.status.rawValue)
      x.setOptional("objective", finite(s.objective))
      x.set("iterations", s.iterations)
      return x
    })
    o.set("corridors", p.corridors.map { c -> Object in
      var x = Object()
      x.set("name", c.name)
      x.set("commodity", c.commodity)
      x.set("from", c.from)
      x.set("to", c.to)
      x.set("enabled", c.enabled)
      x.set("capacity", Quantity(c.capacity, c.unit))
      x.set("flow", Quantity(c.flow, c.unit))
      x.set("peak_flow", Quantity(c.peakFlow, c.unit))
      x.set("utilization", Quantity(c.utilization, "fraction"))
      x.set("loss", Quantity(c.lossFraction, "fraction"))
      x.set("shadow_price", Quantity(c.shadowPrice, "\(p.currency)/\(c.unit)"))
      x.set("binding", c.binding)
      x.set("binding_slices", c.bindingSlices)
      x.set("by_country", c.byCountry.map { f -> Object in
        var y = Object()
        y.set("country", f.country)
        y.set("flow", Quantity(f.flow, c.unit))
        y.set("share", Quantity(c.flow > 1e-12 ? f.flow / c.flow : nil, "fraction"))
        return y
      })
      return x
    })
    o.set("countries", p.countries.map { c -> Object in
      var x = Object()
      x.set("name", c.name)
      x.set("supply", c.supplied.map { s -> Object in
        var y = Object()
        y.set("commodity", s.commodity)
        y.set("used", Quantity(s.used, s.unit))
        y.set("available", Quantity(s.available, s.unit))
        return y
      })
      x.set("by_corridor", c.byCorridor.map { f -> Object in
        var y = Object()
        y.set("corridor", f.corridor)
        y.set("flow", Quantity(f.flow, unit(ofCorridor: f.corridor)))
        return y
      })
      x.set("by_market", c.byMarket.map { m -> Object in
        var y = Object()
        y.set("market", m.market)
        y.set("delivered", Quantity(m.delivered, unit(ofMarket: m.market)))
        y.set("revenue", Quantity(m.revenue, p.currency))
        return y
      })
      x.set("revenue", Quantity(c.revenue, p.currency))
      x.set("tariffs", Quantity(c.tariffs, p.currency))
      x.set("supply_cost", Quantity(c.supplyCost, p.currency))
      x.set("storage_wear", Quantity(c.storageWear, p.currency))
      x.set("net_value", Quantity(c.netValue, p.currency))
      return x
    })
    o.set("markets", p.markets.map { m -> Object in
      var x = Object()
      x.set("name", m.name)
      x.set("node", m.node)
      x.set("commodity", m.commodity)
      x.set("delivered", Quantity(m.delivered, m.unit))
      x.set("absorbs", Quantity(m.volume, m.unit))
      x.set("average_price", Quantity(m.averagePrice, "\(p.currency)/\(m.priceUnit)"))
      x.set("revenue", Quantity(m.revenue, p.currency))
      x.set("shadow_price", Quantity(m.shadowPrice, "\(p.currency)/\(m.unit)"))
      x.set("by_country", m.byCountry.map { f -> Object in
        var y = Object()
        y.set("country", f.country)
        y.set("delivered", Quantity(f.flow, m.unit))
        return y
      })
      return x
    })
    o.set("storages", p.storages.map { s -> Object in
      var x = Object()
      x.set("name", s.name)
      x.set("node", s.node)
      x.set("owner", s.owner)
      x.set("charged", s.charged)
      x.set("discharged", s.discharged)
      x.set("peak_level", s.peakLevel)
      x.set("unit", s.unit)
      x.set("level_unit", s.amountUnit)
      return x
    })
    o.set("rules", p.rules.map { r -> Object in
      var x = Object()
      x.set("name", r.name)
      x.set("kind", r.kind)
      x.setOptional("target", finite(r.target))
      x.setOptional("achieved", finite(r.achieved))
      x.set("unit", r.unit)
      x.set("binding", r.binding)
      x.setOptional("dual", finite(r.dual))
      x.setOptional("detail", r.note)
      x.setOptional("per_share_point", finite(r.perSharePoint))
      return x
    })
    o.set("constraints", p.constraints.map { c -> Object in
      var x = Object()
      x.set("name", c.name)
      x.set("expression", c.expression)
      x.set("per", c.per)
      x.set("activity", c.activity)
      x.set("rhs", c.rhs)
      x.set("unit", c.unit)
      x.set("binding", c.binding)
      x.set("binding_rows", c.bindingRows)
      x.setOptional("dual", finite(c.dual))
      return x
    })
    o.set("warnings", p.warnings)
    var size = Object()
    size.set("variables", p.size.variables)
    size.set("constraints", p.size.constraints)
    size.set("non_zeros", p.size.nonZeros)
    o.set("size", size)
    var timings = Object()
    timings.set("build_seconds", p.timings.build)
    timings.set("solve_seconds", p.timings.solve)
    timings.set("extract_seconds", p.timings.extract)
    o.set("timings", timings)
    return try JSONText.encode(o)
  }

  func unit(ofCorridor name: String) -> String { plan.corridors.first { $0.name == name }?.unit ?? "" }
  func unit(ofMarket name: String) -> String { plan.markets.first { $0.name == name }?.unit ?? "" }
}
