import CorridorModel
import LinearProgramming

/// The answer to a corridor model, keyed by domain names, never by LP indices.
///
/// Units: rates (flows, capacities, volumes) are in each commodity's unit
/// (`unit`), averaged over the horizon with slice hours as weights; money is in
/// the model's currency over the whole horizon; shadow prices are in currency
/// per unit of the bound over the horizon (for a corridor: per MW of capacity,
/// e.g. EUR/MW over a year).
public struct Plan: Sendable {
  public var modelName: String
  public var scenarios: [String]
  public var currency: String
  public var objectiveKind: ObjectiveKind
  /// Why the (last) solve stopped.
  public var status: TerminationStatus
  /// The objective of the last stage (value or cost), nil without a solution.
  public var objective: Double?
  /// Every lexicographic stage, in order (one stage for a plain objective).
  public var stages: [Stage]
  public var certificate: Certificate?
  public var totalHours: Double
  public var slices: [TimeSlice]
  public var corridors: [CorridorResult]
  public var countries: [CountryResult]
  public var markets: [MarketResult]
  public var storages: [StorageResult]
  public var rules: [RuleResult]
  public var constraints: [ConstraintResult]
  /// Loader warnings and planning notes.
  public var warnings: [String]
  public var timings: Timings
  /// LP size.
  public var size: LPSize
  /// Whether the plan has a feasible point. Without one, flows, volumes and money are
  /// meaningless (they are kept at 0 here); reports show them as missing ("–", null).
  public var hasPoint: Bool = true
  /// Whether the plan has a dual solution. Without one, shadow prices and duals are nil.
  public var hasDuals: Bool = true

  public struct Stage: Sendable {
    public var name: String
    public var sense: ObjectiveSense
    public var status: TerminationStatus
    public var objective: Double?
    public var iterations: Int
  }

  public struct Timings: Sendable {
    public var build: Double = 0
    public var solve: Double = 0
    public var extract: Double = 0
  }
}

/// What happened on one corridor.
public struct CorridorResult: Sendable {
  public var name: String
  public var commodity: String
  public var unit: String
  public var from: String
  public var to: String
  public var enabled: Bool
  /// Usable capacity: capacity × availability (0 when disabled), the hours-weighted
  /// average when it varies by slice.
  public var capacity: Double
  /// Hours-weighted average flow entering the corridor, both directions.
  public var flow: Double
  /// Largest flow in any slice.
  public var peakFlow: Double
  /// Average flow / capacity (nil without capacity).
  public var utilization: Double?
  /// Value of one more unit of nominal capacity (the model's `capacity`, before
  /// availability) in every slice, over the horizon: the reduced cost of the corridor's
  /// fixed capacity column, which counts its capacity rows (each weighted by the slice's
  /// availability) and every custom constraint that names `capacity[…]`. Currency per unit
  /// of capacity (EUR per MW over the horizon); nil without a dual solution.
  public var shadowPrice: Double?
  /// Slices in which the flow is at capacity.
  public var bindingSlices: Int
  public var binding: Bool { bindingSlices > 0 }
  /// Average flow by origin country, in model order.
  public var byCountry: [CountryFlow]
  /// Flow delivered out of the corridor after its loss (average).
  public var lossFraction: Double
  /// The model's capacity before availability (hours-weighted average when it varies by
  /// slice; 0 when disabled): the unit the shadow price is per.
  public var nominalCapacity: Double = 0
}

/// What one exporting country ships, sells and earns.
public struct CountryResult: Sendable {
  public var name: String
  /// Per commodity: average supply used, and available.
  public var supplied: [SupplyUse]
  /// Average flow entering each corridor it uses.
  public var byCorridor: [CorridorFlow]
  /// Average delivered volume and revenue per market.
  public var byMarket: [MarketSale]
  public var revenue: Double
  public var supplyCost: Double
  public var tariffs: Double
  public var storageWear: Double
  public var netValue: Double { revenue - supplyCost - tariffs - storageWear }
}

/// What one market receives.
public struct MarketResult: Sendable {
  public var name: String
  public var node: String
  public var commodity: String
  public var unit: String
  /// Average delivered rate.
  public var delivered: Double
  /// Average absorbable rate (nil: unlimited).
  public var volume: Double?
  public var revenue: Double
  /// Revenue / delivered amount, shown per the commodity's price unit (e.g. EUR/MWh).
  public var averagePrice: Double?
  public var priceUnit: String
  /// Value of more absorption over the horizon (Σ of the per-slice duals), currency per unit;
  /// nil without a dual solution.
  public var shadowPrice: Double?
  public var byCountry: [CountryFlow]
}

/// A storage's use.
public struct StorageResult: Sendable {
  public var name: String
  public var node: String
  public var owner: String
  public var charged: Double
  public var discharged: Double
  public var peakLevel: Double
  /// Rate unit of charged/discharged (e.g. MW) and amount unit of the level (e.g. MWh).
  public var unit: String = ""
  public var amountUnit: String = ""
}

/// A sharing rule's outcome.
public struct RuleResult: Sendable {
  public var name: String
  public var kind: String
  /// What the rule asks (share as a fraction, or a volume), nil for priority rules.
  public var target: Double?
  /// What the plan achieves (share, smallest delivered volume, fairness level).
  public var achieved: Double?
  public var binding: Bool
  /// Shadow price of the rule (Σ over its rows); objective change per unit relaxation.
  public var dual: Double?
  public var note: String?
  /// For share rules: objective change per percentage point more share demanded
  /// (`dual × total flow / 100`; negative when the rule costs value).
  public var perSharePoint: Double? = nil
  /// Unit of `target` and `achieved`: "fraction" for shares and supply-based fairness,
  /// the commodity unit for firm volumes and equal-weight fairness.
  public var unit: String = ""
}

/// A custom constraint's outcome.
public struct ConstraintResult: Sendable {
  public var name: String
  public var expression: String
  public var per: String
  /// Activity (per-slice rows: hours-weighted average; horizon row: the value).
  public var activity: Double
  /// Right-hand side (per-slice: hours-weighted average).
  public var rhs: Double
  public var bindingRows: Int
  public var binding: Bool { bindingRows > 0 }
  /// Σ of the rows' duals.
  public var dual: Double?
  /// Unit of activity and rhs: the commodity unit (per slice) or its amount unit (horizon).
  public var unit: String = ""
}

/// A country's average flow (or delivery).
public struct CountryFlow: Sendable, Equatable {
  public var country: String
  public var flow: Double
}

/// A country's average use of a corridor.
public struct CorridorFlow: Sendable, Equatable {
  public var corridor: String
  public var flow: Double
}

/// A country's sales in one market.
public struct MarketSale: Sendable, Equatable {
  public var market: String
  public var delivered: Double
  public var revenue: Double
}

/// A country's supply of one commodity: average used and available.
public struct SupplyUse: Sendable, Equatable {
  public var commodity: String
  public var unit: String
  public var used: Double
  public var available: Double
  /// The supply entry's name.
  public var supply: String = ""
  /// Value of one more unit of this supply's volume in every slice, over the horizon
  /// (currency per unit of the rate, e.g. USD per Mt/yr): the bound multipliers of its
  /// supply columns plus every custom constraint that names `available[…]`; nil without
  /// a dual solution.
  public var shadowPrice: Double? = nil
}

/// The size of the LP behind a plan.
public struct LPSize: Sendable, Equatable {
  public var variables: Int
  public var constraints: Int
  public var nonZeros: Int
}
