// The loaded model: plain values, units converted, names checked.

/// A corridor allocation model, loaded, converted and validated by ``ModelLoader``.
///
/// Units in a loaded model are uniform, so the formulation never converts anything:
/// - rates (capacities, volumes, flows) are in their commodity's ``Commodity/unit``;
/// - storage energy is in `unit·h` (MWh for MW);
/// - money is in ``currency`` per `unit·h` (EUR/MWh for MW; for Mt/yr, per 1e6/8760 t);
/// - shares, losses, availabilities and efficiencies are fractions in [0, 1];
/// - time-slice lengths are hours.
///
/// Every name used by an entry refers to an entry that exists: the loader has checked them.
/// Entries appear in the order of the files that defined them (base model first).
///
/// Named as JuMP and linopy name theirs; where another module's `Model` is in scope,
/// qualify it as `CorridorModel.Model` (the module holds the type, the loader and the
/// file format, and no longer has a type of its own name shadowing it).
public struct Model: Sendable, Equatable {
  /// `[model] name` after overlays (a scenario may override it); scenario names are in
  /// ``scenarioNames``.
  public var name: String
  public var description: String?
  /// ISO code of the model currency (`EUR`), in which all money is stored.
  public var currency: String
  public var objective: ObjectiveKind
  /// At least one slice; hours are positive.
  public var slices: [TimeSlice]
  public var commodities: [Commodity]
  public var nodes: [Node]
  public var supplies: [Supply]
  /// All corridors, including disabled ones (`enabled == false`), which must carry nothing.
  public var corridors: [Corridor]
  public var markets: [Market]
  public var storages: [Storage]
  public var rules: [Rule]
  public var constraints: [CustomConstraint]
  /// Warnings found while loading (unreachable markets, supplies with no route, …).
  public var warnings: [Diagnostic]
  /// Every file read: the base model, scenarios (innermost first), CSVs.
  public var files: [String]
  /// Names of the applied scenarios, outermost last.
  public var scenarioNames: [String]
  /// Where each entry and key was written (empty for a model built in code).
  public var sources = ModelSources()
  /// The planning years of a multi-year model (`[time] years`), nil for a one-year model.
  /// With a horizon, ``slices`` are the year's slices repeated for each year, year-major.
  public var horizon: Horizon? = nil

  /// Whether the model has something to build (then it is a MIP when a choice is discrete).
  public var hasBuildOptions: Bool {
    corridors.contains { $0.build != nil } || storages.contains { $0.build != nil }
  }

  public init(
    name: String, description: String? = nil, currency: String, objective: ObjectiveKind = .maxValue,
    slices: [TimeSlice], commodities: [Commodity], nodes: [Node], supplies: [Supply],
    corridors: [Corridor], markets: [Market], storages: [Storage] = [], rules: [Rule] = [],
    constraints: [CustomConstraint] = [], warnings: [Diagnostic] = [], files: [String] = [],
    scenarioNames: [String] = [], horizon: Horizon? = nil
  ) {
    self.horizon = horizon
    self.name = name
    self.description = description
    self.currency = currency
    self.objective = objective
    self.slices = slices
    self.commodities = commodities
    self.nodes = nodes
    self.supplies = supplies
    self.corridors = corridors
    self.markets = markets
    self.storages = storages
    self.rules = rules
    self.constraints = constraints
    self.warnings = warnings
    self.files = files
    self.scenarioNames = scenarioNames
  }

  /// Sum of all slice hours (8760 for the default single slice).
  public var totalHours: Double { slices.reduce(0) { $0 + $1.hours } }

  public func commodity(named name: String) -> Commodity? { commodities.first { $0.name == name } }
  public func node(named name: String) -> Node? { nodes.first { $0.name == name } }
  public func corridor(named name: String) -> Corridor? { corridors.first { $0.name == name } }
  public func market(named name: String) -> Market? { markets.first { $0.name == name } }
  public func supply(named name: String) -> Supply? { supplies.first { $0.name == name } }
  public func storage(named name: String) -> Storage? { storages.first { $0.name == name } }
}

/// What the planner optimises.
public enum ObjectiveKind: String, Sendable, Equatable, Hashable, CaseIterable {
  /// Maximise market value minus supply cost, tariffs and storage wear (default).
  case maxValue = "max-value"
  /// Minimise cost while meeting firm rules and constraints.
  case minCost = "min-cost"
  /// Maximise the smallest weighted throughput of the countries of the fair-share rule(s).
  case maxMinFair = "max-min-fair"
}

/// A period of the horizon in which rates are constant.
public struct TimeSlice: Sendable, Equatable, Hashable {
  public var name: String
  /// Length in hours, > 0.
  public var hours: Double
  public init(name: String, hours: Double) {
    self.name = name
    self.hours = hours
  }
}

/// Something that flows: electricity, bandwidth, oil, …
public struct Commodity: Sendable, Equatable, Hashable {
  public var name: String
  public var family: UnitFamily
  /// Rate unit of LP variables and reports (`"MW"`, `"Tbps"`, `"Mt/yr"`).
  public var unit: String
  /// Unit of amounts, rate × time (`"MWh"`, `"Mt"`, `"Tbps·h"`); see ``Units/amount(fromUnitHours:unit:)``.
  public var amountUnit: String
  /// Denominator for showing prices (`"MWh"`, `"t"`, `"Tbps/month"`); see ``Units/displayPrice(_:unit:)``.
  public var priceUnit: String
  /// Tonnes per barrel (`tonnes-per-barrel` in the file), for mass-flow commodities whose
  /// values are written in barrels (`"1.4 mb/d"`, `"70 USD/bbl"`); nil when not given. The
  /// loader converts barrels to ``unit`` with it, so nothing downstream sees barrels.
  public var tonnesPerBarrel: Double?

  public init(name: String, family: UnitFamily, unit: String, tonnesPerBarrel: Double? = nil) {
    self.name = name
    self.family = family
    self.unit = unit
    self.tonnesPerBarrel = tonnesPerBarrel
    self.amountUnit = Units.amountUnit(for: unit)
    self.priceUnit = Units.priceUnit(for: unit)
  }

  /// A stored price (currency per unit·h) shown per ``priceUnit``.
  public func displayPrice(_ perUnitHour: Double) -> Double { Units.displayPrice(perUnitHour, unit: unit) }
  /// Amount units per rate-hour: 1 for MW (a MW·h is a MWh) and Tbps, 1/8,760 for Mt/yr
  /// (a Mt is 8,760 (Mt/yr)·h).
  public var amountPerUnitHour: Double { Units.amount(fromUnitHours: 1, unit: unit) }
}

/// What a node is.
public enum NodeKind: String, Sendable, Equatable, Hashable, CaseIterable {
  /// A country: may own supplies and storage and appear in rules.
  case country
  /// A pass-through point (landing station, hub).
  case transit
  /// A market location (an exchange).
  case market
}

/// A place in the network.
public struct Node: Sendable, Equatable, Hashable {
  public var name: String
  public var kind: NodeKind
  public var label: String?
  /// Degrees north, in [-90, 90].
  public var latitude: Double?
  /// Degrees east, in [-180, 180].
  public var longitude: Double?
  public init(
    name: String, kind: NodeKind, label: String? = nil, latitude: Double? = nil, longitude: Double? = nil
  ) {
    self.name = name
    self.kind = kind
    self.label = label
    self.latitude = latitude
    self.longitude = longitude
  }
}

/// A value that is constant or varies by time slice.
public enum Series: Sendable, Equatable, Hashable {
  case constant(Double)
  /// One value per slice, exactly `slices.count` of them.
  case perSlice([Double])

  /// The value in slice `slice` (0-based; must be a valid slice index for `.perSlice`).
  public func value(at slice: Int) -> Double {
    switch self {
    case .constant(let v): v
    case .perSlice(let values): values[slice]
    }
  }

  /// The largest value.
  public var maximum: Double {
    switch self {
    case .constant(let v): v
    case .perSlice(let values): values.max() ?? 0
    }
  }

  /// The smallest value.
  public var minimum: Double {
    switch self {
    case .constant(let v): v
    case .perSlice(let values): values.min() ?? 0
    }
  }

  /// Σ hours[s] · value(s): the amount over the horizon for a rate series.
  public func weightedSum(hours: [Double]) -> Double {
    switch self {
    case .constant(let v): hours.reduce(0) { $0 + $1 * v }
    case .perSlice(let values): zip(values, hours).reduce(0) { $0 + $1.0 * $1.1 }
    }
  }

  /// The hours-weighted mean, `weightedSum(hours:) / Σ hours` (the value itself when constant).
  public func weightedMean(hours: [Double]) -> Double {
    if case .constant(let v) = self { return v }
    let total = hours.reduce(0, +)
    return total > 0 ? weightedSum(hours: hours) / total : 0
  }

  /// Whether the value is the same in every slice.
  public var isConstant: Bool {
    switch self {
    case .constant: true
    case .perSlice(let values): values.allSatisfy { $0 == values.first }
    }
  }
}

/// A number literal is a constant series: `Corridor(…, capacity: 500, …)`, `sea.capacity == 1300`.
extension Series: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
  public init(floatLiteral value: Double) { self = .constant(value) }
  public init(integerLiteral value: Int) { self = .constant(Double(value)) }
}

/// Commodity available at a country, per slice.
public struct Supply: Sendable, Equatable, Hashable {
  public var name: String
  /// A node of kind `.country`.
  public var country: String
  public var commodity: String
  /// Available rate (commodity unit), ≥ 0.
  public var volume: Series
  /// Currency per unit·h, ≥ 0 (default 0).
  public var cost: Double
  public var label: String?
  /// Free-text `source =` citation.
  public var citation: String?
  public init(
    name: String, country: String, commodity: String, volume: Series, cost: Double = 0,
    label: String? = nil, citation: String? = nil
  ) {
    self.name = name
    self.country = country
    self.commodity = commodity
    self.volume = volume
    self.cost = cost
    self.label = label
    self.citation = citation
  }
}

/// A link between two nodes.
public struct Corridor: Sendable, Equatable, Hashable {
  public var name: String
  public var from: String
  public var to: String
  public var commodity: String
  /// Nominal rate at the sending end (commodity unit), ≥ 0, per slice or constant.
  ///
  /// This is the figure a planner builds (`capacity = "1 GW"`); the corridor's shadow price
  /// is the value of one more unit of it in every slice.
  public var capacity: Series
  /// Fraction lost on the way, in [0, 1).
  public var loss: Double
  /// Currency per unit·h entering the corridor, ≥ 0, per slice or constant.
  public var tariff: Series
  /// Capacity factor in [0, 1], per slice or constant: usable capacity in slice `s` is
  /// `capacity.value(at: s) * availability.value(at: s)` (an outage is availability 0 %).
  public var availability: Series
  /// Flow may also go `to` → `from` (sharing the capacity).
  public var twoWay: Bool
  /// Group names (rules and constraints may name a group instead of listing corridors).
  public var groups: [String]
  /// A disabled corridor exists (reports show it) but must carry nothing.
  public var enabled: Bool
  public var label: String?
  public var citation: String?
  /// Capacity the planner may add (`[corridors.NAME.build]`), nil when it is fixed.
  public var build: BuildOption? = nil
  public init(
    name: String, from: String, to: String, commodity: String, capacity: Series, loss: Double = 0,
    tariff: Series = 0, availability: Series = 1, twoWay: Bool = false, groups: [String] = [],
    enabled: Bool = true, label: String? = nil, citation: String? = nil
  ) {
    self.name = name
    self.from = from
    self.to = to
    self.commodity = commodity
    self.capacity = capacity
    self.loss = loss
    self.tariff = tariff
    self.availability = availability
    self.twoWay = twoWay
    self.groups = groups
    self.enabled = enabled
    self.label = label
    self.citation = citation
  }

  /// Usable capacity in slice `s`: capacity × availability, 0 when disabled.
  public func usableCapacity(at s: Int) -> Double {
    enabled ? capacity.value(at: s) * availability.value(at: s) : 0
  }

  /// Whether some slice has usable capacity.
  public func hasUsableCapacity(slices: Int) -> Bool {
    (0..<max(1, slices)).contains { usableCapacity(at: $0) > 0 }
  }
}

/// Where a commodity is sold.
public struct Market: Sendable, Equatable, Hashable {
  public var name: String
  public var node: String
  public var commodity: String
  /// Currency per unit·h (may be negative: hourly power prices can be).
  public var price: Series
  /// Absorbable rate per slice (commodity unit); nil = unlimited.
  public var volume: Series?
  public var label: String?
  public var citation: String?
  public init(
    name: String, node: String, commodity: String, price: Series, volume: Series? = nil,
    label: String? = nil, citation: String? = nil
  ) {
    self.name = name
    self.node = node
    self.commodity = commodity
    self.price = price
    self.volume = volume
    self.label = label
    self.citation = citation
  }
}

/// A store at a node (battery, tank). Its level is cyclic over the horizon.
public struct Storage: Sendable, Equatable, Hashable {
  public var name: String
  public var node: String
  /// The country whose commodity it stores (a node of kind `.country`).
  public var owner: String
  public var commodity: String
  /// Maximum charge and discharge rate (commodity unit).
  public var power: Double
  /// Capacity in unit·h (MWh for MW).
  public var energy: Double
  /// Round-trip efficiency in (0, 1], applied when charging.
  public var efficiency: Double
  /// Currency per unit·h discharged.
  public var wearCost: Double
  public var label: String?
  public var citation: String?
  /// Power (with energy = power × ``BuildOption/duration``) the planner may add.
  public var build: BuildOption? = nil
  public init(
    name: String, node: String, owner: String, commodity: String, power: Double, energy: Double,
    efficiency: Double = 1, wearCost: Double = 0, label: String? = nil, citation: String? = nil
  ) {
    self.name = name
    self.node = node
    self.owner = owner
    self.commodity = commodity
    self.power = power
    self.energy = energy
    self.efficiency = efficiency
    self.wearCost = wearCost
    self.label = label
    self.citation = citation
  }
}

/// A named allocation rule.
public struct Rule: Sendable, Equatable, Hashable {
  public var name: String
  public var kind: RuleKind
  public var citation: String?
  public init(name: String, kind: RuleKind, citation: String? = nil) {
    self.name = name
    self.kind = kind
    self.citation = citation
  }
}

/// How fair-share weights are set.
public enum FairShareBasis: String, Sendable, Equatable, Hashable, CaseIterable {
  /// Weight = the country's available supply of the corridors' commodity (hours-weighted).
  case supply
  /// Every country weighs 1.
  case equal
}

/// The kinds of rule. Group references are already expanded to corridor names, and every
/// name refers to an existing entry; all corridors of one rule carry the same commodity.
public enum RuleKind: Sendable, Equatable, Hashable {
  /// The country's hours-weighted share of the flow through `corridors` is at least `share`.
  case minShare(country: String, corridors: [String], share: Double)
  /// … at most `share`.
  case maxShare(country: String, corridors: [String], share: Double)
  /// The country delivers at least `volume` (commodity unit) to `market` in every slice.
  case firm(country: String, market: String, volume: Double)
  /// Max–min fairness among `countries` on `corridors` (used by `.maxMinFair`).
  case fairShare(countries: [String], corridors: [String], basis: FairShareBasis)
  /// Lexicographic: maximise `order[0]`'s flow on `corridors`, then `order[1]`'s, …
  case priority(corridors: [String], order: [String])

  /// A rule kind without its parameters: the word a model file writes in `kind = "…"` and
  /// the reports print. Compare these cases, never the strings; the raw values are the
  /// spelling in model files, JSON and CSV, so they must not change.
  public enum Tag: String, Sendable, Codable, CaseIterable {
    case minShare = "min-share"
    case maxShare = "max-share"
    case firm = "firm"
    case fairShare = "fair-share"
    case priority = "priority"
  }

  /// This kind's ``Tag``.
  public var tag: Tag {
    switch self {
    case .minShare: .minShare
    case .maxShare: .maxShare
    case .firm: .firm
    case .fairShare: .fairShare
    case .priority: .priority
    }
  }
}

/// One term of a custom constraint's linear form.
public enum ConstraintQuantity: Sendable, Equatable, Hashable {
  /// Flow entering `corridors`, of one country (nil: all countries).
  case flow(country: String?, corridors: [String])
  /// Delivered to `market`, from one country (nil: all).
  case delivered(country: String?, market: String)
  /// Used volume of a supply entry.
  case supply(String)
  /// Charging rate of a storage.
  case charge(String)
  /// Discharging rate of a storage.
  case discharge(String)
  /// Stored level (unit·h) of a storage, at the end of the slice.
  case level(String)
  /// The nominal capacity of a corridor (`capacity[c]`, not × availability). A parameter,
  /// not a decision: the formulation fixes its column at the model's value, so the
  /// column's reduced cost counts this term in the corridor's shadow price.
  case capacity(String)
  /// The volume available to a supply entry (`available[s]`). A parameter like
  /// ``capacity(_:)``: its term counts in the supply's shadow price.
  case available(String)

  /// Whether the quantity is a parameter of the model (capacity, available volume) rather
  /// than a decision of the plan.
  public var isParameter: Bool {
    switch self {
    case .capacity, .available: true
    default: false
    }
  }
}

/// The sense of a linear constraint.
public enum ConstraintSense: String, Sendable, Equatable, Hashable {
  case lessEqual = "<="
  case greaterEqual = ">="
  case equal = "=="
}

/// Whether a custom constraint is one row per slice or one row for the horizon.
public enum ConstraintScope: String, Sendable, Equatable, Hashable {
  /// One row per slice; quantities are rates.
  case slice
  /// One row; every quantity is an hours-weighted sum over the slices (an amount).
  case horizon
}

/// A user-written linear constraint, normalised to `Σ coefficient · quantity (sense) constant`.
///
/// For `per = .slice` the row for slice `s` is
/// `Σ coefficient · quantity[s]  (sense)  constant.value(at: s)`.
/// For `per = .horizon` it is
/// `Σ coefficient · Σ_s hours[s] · quantity[s]  (sense)  constant.value(at: 0)` and the
/// constant is always `.constant`.
public struct CustomConstraint: Sendable, Equatable, Hashable {
  /// The quantity of a term (the contract's name for ``ConstraintQuantity``).
  public typealias Quantity = ConstraintQuantity

  public struct Term: Sendable, Equatable, Hashable {
    public var coefficient: Double
    public var quantity: ConstraintQuantity
    public init(coefficient: Double, quantity: ConstraintQuantity) {
      self.coefficient = coefficient
      self.quantity = quantity
    }
  }
  public var name: String
  public var per: ConstraintScope
  /// Distinct quantities with non-zero coefficients, in order of first appearance.
  public var terms: [Term]
  public var sense: ConstraintSense
  /// Right-hand side in commodity units (rates per slice; unit·h for horizon rows and for
  /// `level`). Parameters (`capacity[…]`, `available[…]`) are terms, not part of it, unless
  /// they had to be folded (in a product or quotient); it is per slice when a per-slice
  /// parameter was folded in a slice constraint.
  public var constant: Series
  /// The commodity every quantity of the constraint carries.
  public var commodity: String
  /// The expression as written.
  public var source: String
  public var citation: String?

  /// Whether its rows, bound and dual are amounts (`MWh`, `Mt`) rather than rates: a
  /// horizon constraint sums its variables over the hours, and `level[]` is an amount.
  public var isAmount: Bool {
    per == .horizon || terms.contains { if case .level = $0.quantity { true } else { false } }
  }

  public init(
    name: String, per: ConstraintScope, terms: [Term], sense: ConstraintSense, constant: Series,
    commodity: String, source: String, citation: String? = nil
  ) {
    self.name = name
    self.per = per
    self.terms = terms
    self.sense = sense
    self.constant = constant
    self.commodity = commodity
    self.source = source
    self.citation = citation
  }
}
