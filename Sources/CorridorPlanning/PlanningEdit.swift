import CorridorModel

/// A change of one value of a corridor model, in domain terms, that a ``PlanningSession``
/// applies to its LP in place (bounds, right-hand sides, coefficients, objective), never
/// by rebuilding it.
///
///     try session.apply(.capacity(corridor: "cpc", .constant(36.25)))       // CPC −50 % (Mt/yr)
///     try session.apply(.availabilityWindow(corridor: "caspian", slices: 2..<5, value: 0))
///     try session.apply(.enabled(corridor: "black-sea", false))
///
/// Values are in the model's units after loading (rates in the commodity's unit, money per
/// unit·h), like the fields of ``Model``. A `Series` edit has one value, or one per slice.
public enum PlanningEdit: Sendable, Equatable, CustomStringConvertible {
  /// A corridor's capacity (≥ 0).
  case capacity(corridor: String, Series)
  /// A corridor's availability over the whole horizon (0…1).
  case availability(corridor: String, Series)
  /// A corridor's availability in a window of slices (0…1); the other slices keep theirs.
  case availabilityWindow(corridor: String, slices: Range<Int>, value: Double)
  /// Whether a corridor exists in the plan (a disabled corridor carries nothing).
  case enabled(corridor: String, Bool)
  /// A corridor's tariff per unit·h entering.
  case tariff(corridor: String, Series)
  /// A supply's available volume (≥ 0).
  case supplyVolume(supply: String, Series)
  /// A supply's cost per unit·h.
  case supplyCost(supply: String, Double)
  /// A market's price per unit·h.
  case marketPrice(market: String, Series)
  /// A market's absorbable volume (≥ 0); only for a market that has one.
  case marketVolume(market: String, Series)
  /// The target of a min-share or max-share rule (0…1).
  case share(rule: String, Double)
  /// The volume of a firm rule (≥ 0), in every slice.
  case firmVolume(rule: String, Double)
  /// The right-hand side of a custom constraint.
  case constraintConstant(constraint: String, Series)

  public var description: String {
    switch self {
    case let .capacity(c, v): "capacity of corridor \(c) = \(Self.text(v))"
    case let .availability(c, v): "availability of corridor \(c) = \(Self.text(v))"
    case let .availabilityWindow(c, w, v): "availability of corridor \(c) in slices \(w.lowerBound)..<\(w.upperBound) = \(v)"
    case let .enabled(c, on): "corridor \(c) \(on ? "enabled" : "disabled")"
    case let .tariff(c, v): "tariff of corridor \(c) = \(Self.text(v))"
    case let .supplyVolume(s, v): "volume of supply \(s) = \(Self.text(v))"
    case let .supplyCost(s, v): "cost of supply \(s) = \(v)"
    case let .marketPrice(m, v): "price of market \(m) = \(Self.text(v))"
    case let .marketVolume(m, v): "volume of market \(m) = \(Self.text(v))"
    case let .share(r, v): "share of rule \(r) = \(v)"
    case let .firmVolume(r, v): "volume of rule \(r) = \(v)"
    case let .constraintConstant(k, v): "right-hand side of constraint \(k) = \(Self.text(v))"
    }
  }

  static func text(_ s: Series) -> String {
    switch s {
    case let .constant(v): "\(v)"
    case let .perSlice(v): "per slice (\(v.count) values)"
    }
  }
}

/// Why an edit cannot be applied: the entry and the value, and what is allowed.
public struct PlanningEditError: Error, CustomStringConvertible, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension PlanningEdit {
  /// The edits that turn `base` into `edited` when the two differ only in values a session
  /// can edit (capacities, availability, enabled, tariffs, supply volumes and costs, market
  /// prices and volumes, share and firm targets, constraint right-hand sides); nil when
  /// anything else differs (a corridor added, a loss changed, a new rule), which needs a
  /// new ``Formulation``. Labels, citations, warnings and file names are not values of the
  /// LP and are ignored.
  ///
  ///     let base = try ModelLoader.load(path: "models/oil-2030.toml")
  ///     let cut = try ModelLoader.load(path: "models/oil-2030.toml", scenario: "models/scenarios/cpc-minus-50.toml")
  ///     PlanningEdit.edits(from: base, to: cut)   // [.capacity(corridor: "cpc", …)]
  public static func edits(from base: Model, to edited: Model) -> [PlanningEdit]? {
    guard base.objective == edited.objective, base.slices == edited.slices,
          base.commodities == edited.commodities, base.nodes.map(\.name) == edited.nodes.map(\.name),
          base.storages.map(Self.strip) == edited.storages.map(Self.strip),
          base.supplies.count == edited.supplies.count, base.corridors.count == edited.corridors.count,
          base.markets.count == edited.markets.count, base.rules.count == edited.rules.count,
          base.constraints.count == edited.constraints.count
    else { return nil }
    var out: [PlanningEdit] = []
    for (a, b) in zip(base.corridors, edited.corridors) {
      guard a.name == b.name, a.from == b.from, a.to == b.to, a.commodity == b.commodity,
            a.loss == b.loss, a.twoWay == b.twoWay, a.groups == b.groups else { return nil }
      if a.capacity != b.capacity { out.append(.capacity(corridor: a.name, b.capacity)) }
      if a.availability != b.availability { out.append(.availability(corridor: a.name, b.availability)) }
      if a.enabled != b.enabled { out.append(.enabled(corridor: a.name, b.enabled)) }
      if a.tariff != b.tariff { out.append(.tariff(corridor: a.name, b.tariff)) }
    }
    for (a, b) in zip(base.supplies, edited.supplies) {
      guard a.name == b.name, a.country == b.country, a.commodity == b.commodity else { return nil }
      if a.volume != b.volume { out.append(.supplyVolume(supply: a.name, b.volume)) }
      if a.cost != b.cost { out.append(.supplyCost(supply: a.name, b.cost)) }
    }
    for (a, b) in zip(base.markets, edited.markets) {
      guard a.name == b.name, a.node == b.node, a.commodity == b.commodity,
            (a.volume == nil) == (b.volume == nil) else { return nil }
      if a.price != b.price { out.append(.marketPrice(market: a.name, b.price)) }
      if let v = b.volume, a.volume != b.volume { out.append(.marketVolume(market: a.name, v)) }
    }
    for (a, b) in zip(base.rules, edited.rules) {
      guard a.name == b.name else { return nil }
      switch (a.kind, b.kind) {
      case let (.minShare(c1, k1, s1), .minShare(c2, k2, s2)), let (.maxShare(c1, k1, s1), .maxShare(c2, k2, s2)):
        guard c1 == c2, k1 == k2 else { return nil }
        if s1 != s2 { out.append(.share(rule: a.name, s2)) }
      case let (.firm(c1, m1, v1), .firm(c2, m2, v2)):
        guard c1 == c2, m1 == m2 else { return nil }
        if v1 != v2 { out.append(.firmVolume(rule: a.name, v2)) }
      default:
        guard a.kind == b.kind else { return nil }
      }
    }
    for (a, b) in zip(base.constraints, edited.constraints) {
      guard a.name == b.name, a.per == b.per, a.terms == b.terms, a.sense == b.sense,
            a.commodity == b.commodity else { return nil }
      if a.constant != b.constant { out.append(.constraintConstant(constraint: a.name, b.constant)) }
    }
    return out
  }

  /// A storage without the fields the LP does not read.
  private static func strip(_ s: Storage) -> Storage {
    var s = s
    s.label = nil
    s.citation = nil
    return s
  }
}
