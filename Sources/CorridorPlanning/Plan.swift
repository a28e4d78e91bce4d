import CorridorModel
import LinearProgramming

/// The answer to a corridor model, keyed by domain names, never by LP indices.
///
/// ## Units
/// - Rates (flows, capacities, volumes, supply, charge and discharge) are in each
///   commodity's unit (`unit`: MW, Tbps, Mt/yr), averaged over the horizon with
///   slice hours as weights.
/// - Amounts (storage levels, per-horizon custom constraints) are in the
///   commodity's amount unit (`amountUnit`: MWh, Tbps·h, Mt), never in the LP's
///   internal rate-hours (a Mt is 8,760 (Mt/yr)·h).
/// - Money is in the model's currency over the whole horizon.
/// - Shadow prices of a rate bound are in currency per unit of the bound held in
///   every slice, over the horizon (a corridor: EUR per MW of capacity over the
///   year, shown `EUR/MW/yr` for an 8,760-h year); duals of an amount bound are in
///   currency per amount unit (USD/Mt).
///
/// ## Signs
/// Every shadow price and dual is **what one more unit of the bound is worth to
/// the objective's owner** (``Worth``): the value gained under `max-value` and
/// `max-min-fair`, the cost saved under `min-cost`. Capacity, absorption and
/// supply are worth ≥ 0; loosening a cap (`≤`, max-share) is worth ≥ 0; raising a
/// floor (`≥`, min-share, firm volume) is worth ≤ 0: a negative figure is what the
/// rule costs. For a lexicographic objective the figures are those of the last
/// stage, with every earlier stage held at its optimum.
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
  /// Whether every stage was solved and proven optimal. False for a plan stopped at a
  /// time or iteration limit, even with a feasible point: its figures are those of a
  /// feasible plan whose distance from the optimum is ``gap`` (when known), and a
  /// certificate that "holds" then says only that the point is feasible.
  public var provenOptimal: Bool = true
  /// The best bound on the optimum proven by the solver (MIP branch and cut), nil when
  /// none is known (simplex stopped early, or a continuous model).
  public var bestBound: Double? = nil
  /// Relative gap between ``objective`` and ``bestBound``, nil when unknown.
  public var gap: Double? = nil

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
  /// Worth of one more unit of nominal capacity (the model's `capacity`, before
  /// availability) in every slice, over the horizon: the reduced cost of the corridor's
  /// fixed capacity column, which counts its capacity rows (each weighted by the slice's
  /// availability) and every custom constraint that names `capacity[…]`. Currency per unit
  /// of capacity (EUR per MW over the horizon); ≥ 0 in every objective (see ``Plan``,
  /// "Signs"); nil without a dual solution.
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
  /// Flow entering the corridor in each slice (both directions), in model slice order;
  /// empty without a feasible point. Charts of flow over the slices read it.
  public var sliceFlows: [Double] = []
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
  /// Worth of one more unit of absorption in every slice, over the horizon (Σ of the
  /// per-slice values), currency per `unit`; ≥ 0; nil without a dual solution.
  public var shadowPrice: Double?
  public var byCountry: [CountryFlow]
}

/// A storage's use.
public struct StorageResult: Sendable {
  public var name: String
  public var node: String
  public var owner: String
  /// Average charge and discharge rates, in `unit`.
  public var charged: Double
  public var discharged: Double
  /// Highest level in any slice, in `amountUnit` (Mt, MWh).
  public var peakLevel: Double
  /// Rate unit of charged/discharged (e.g. MW) and amount unit of the level (e.g. MWh).
  public var unit: String = ""
  public var amountUnit: String = ""
}

/// A sharing rule's outcome.
public struct RuleResult: Sendable {
  public var name: String
  /// The rule's kind; its raw value ("min-share", …) is what the reports print.
  public var kind: RuleKind.Tag
  /// What the rule asks (share as a fraction, or a volume), nil for priority rules.
  public var target: Double?
  /// What the plan achieves (share, smallest delivered volume, fairness level).
  public var achieved: Double?
  public var binding: Bool
  /// Worth of raising the rule's bound by one unit (Σ over its rows; see ``Plan``, "Signs"):
  /// share rules per unit of average flow (`unit` of the corridors, e.g. MW), firm rules
  /// per unit of firm volume in every slice, fair-share per unit of fairness level.
  /// ≤ 0 for floors (min-share, firm, fair-share): what one more unit costs;
  /// ≥ 0 for max-share: what one more unit of room is worth.
  public var dual: Double?
  public var note: String?
  /// For share rules: worth of one more percentage point of `target` (`dual × total flow / 100`):
  /// negative for min-share (a higher floor costs), positive for max-share (a higher cap gains).
  public var perSharePoint: Double? = nil
  /// Unit of `target` and `achieved`: "fraction" for shares and supply-based fairness,
  /// the commodity unit for firm volumes and equal-weight fairness.
  public var unit: String = ""
  /// Unit of the flows the rule constrains (the commodity unit of its corridors or market):
  /// a share rule's row, and so its dual, is per unit of average flow; a priority stage's
  /// objective is an average flow.
  public var flowUnit: String = ""
  /// What each country the rule names achieves, in `unit`: a share rule's country its
  /// share, a firm rule's country its smallest delivered volume, each country of a
  /// fair-share rule its level. Empty for priority rules (their flows are the corridors'
  /// ``CorridorResult/byCountry``) and without a feasible point.
  public var byCountry: [CountryFlow] = []
}

/// A custom constraint's outcome.
public struct ConstraintResult: Sendable {
  public var name: String
  public var expression: String
  public var per: String
  /// Activity in `unit` (per-slice rows: hours-weighted average; horizon row: the value).
  public var activity: Double
  /// Right-hand side in `unit` (per-slice: hours-weighted average).
  public var rhs: Double
  public var bindingRows: Int
  public var binding: Bool { bindingRows > 0 }
  /// Worth of one more unit of the right-hand side (Σ over the rows; see ``Plan``, "Signs"),
  /// in currency per `unit` (per-horizon: per amount unit, e.g. USD/Mt; per slice: per
  /// rate unit held in every slice, over the horizon).
  public var dual: Double?
  /// Unit of activity and rhs: the commodity unit (per slice) or its amount unit (horizon,
  /// and per-slice rows on storage levels).
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
  /// Worth of one more unit of this supply's volume in every slice, over the horizon
  /// (currency per unit of the rate, e.g. USD per Mt/yr): the bound multipliers of its
  /// supply columns plus every custom constraint that names `available[…]`; ≥ 0 unless a
  /// custom constraint makes more supply a burden; nil without a dual solution.
  public var shadowPrice: Double? = nil

  public init(commodity: String, unit: String, used: Double, available: Double,
              supply: String = "", shadowPrice: Double? = nil) {
    self.commodity = commodity
    self.unit = unit
    self.used = used
    self.available = available
    self.supply = supply
    self.shadowPrice = shadowPrice
  }
}

/// The size of the LP behind a plan.
public struct LPSize: Sendable, Equatable {
  public var variables: Int
  public var constraints: Int
  public var nonZeros: Int
}
