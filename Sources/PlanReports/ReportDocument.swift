import CorridorModel

/// The typed report of a ``CorridorPlanning/Plan``: every figure a format shows, each with
/// its one unit, built once (``ReportDocument/init(plan:)``) and rendered to a table,
/// Markdown, JSON and CSV, so a figure cannot mean one thing in one format and another
/// thing in the next.
///
/// Encoded as JSON it *is* schema `corridor-plan/2` (docs/json-schema.md), keys in
/// snake case. Conventions shared by every format:
///
/// - A physical value is a ``Figure``: a number (or nil: missing) and its unit.
/// - Rates (flows, capacities, volumes) are hours-weighted averages over the horizon in
///   the commodity's unit (`MW`, `Mt/yr`, `Tbps`); amounts (storage levels, per-horizon
///   constraints) are in its amount unit (`MWh`, `Mt`).
/// - Money (revenue, cost, objective) is the total over the horizon, in the model's
///   currency. A price of a rate bound (shadow price, dual) is money over the horizon per
///   unit of the bound held in every slice: `EUR/MW`, `USD/(Mt/yr)` (a compound unit is
///   parenthesised). The horizon is `horizon_hours`.
/// - A figure that does not exist is missing: nil here, `null` in JSON, an empty value in
///   CSV, `–` in tables. Without a feasible point every flow, volume and money figure is
///   missing; without a dual solution every shadow price and dual is.
public struct ReportDocument: Codable, Sendable, Equatable {
  public var schema = ReportDocument.schemaID
  public var model: String
  public var scenarios: [String]
  public var status: String
  /// `status` in words.
  public var statusMessage: String
  /// Objective of the last stage (net export value, or cost for `min-cost`) in `objectiveUnit`.
  @Nullable public var objective: Double?
  public var objectiveKind: String
  public var objectiveUnit: String
  public var currency: String
  public var horizonHours: Double
  /// Number of time slices.
  public var sliceCount: Int
  /// Whether a feasible point exists (else every flow, volume and money figure is missing).
  public var hasPoint: Bool
  /// Whether a dual solution exists (else every shadow price and dual is missing).
  public var hasDuals: Bool
  @Nullable public var certificate: CertificateReport?
  public var stages: [StageReport]
  public var corridors: [CorridorReport]
  public var countries: [CountryReport]
  public var markets: [MarketReport]
  public var storages: [StorageReport]
  public var rules: [RuleReport]
  public var constraints: [ConstraintReport]
  public var warnings: [String]
  public var size: SizeReport
  public var timings: TimingsReport
  /// Why the model is infeasible (``ExplainDocument``, `corridor explain`'s report), when
  /// it is and the explanation ran; nil (`null`) otherwise.
  @Nullable public var infeasibility: ExplainDocument? = nil
  /// Build decisions, the search and the planning years (``InvestmentReport``); the key is
  /// left out for a one-year model without build options.
  public var investment: InvestmentReport? = nil

  /// The JSON schema this document encodes to.
  public static let schemaID = "corridor-plan/2"
}

/// One number and its unit. `value` nil: the figure does not exist (no solution, no
/// dual, an unlimited market); it is still written, as `null`.
public struct Figure: Codable, Sendable, Equatable {
  public var value: Double?
  public var unit: String

  public init(_ value: Double?, _ unit: String) {
    self.value = value.flatMap { $0.isFinite ? $0 : nil }
    self.unit = unit
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(value, forKey: .value)
    try c.encode(unit, forKey: .unit)
  }
}

/// An optional written as `null` when absent (the synthesized encoder would drop the key).
@propertyWrapper
public struct Nullable<T: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
  public var wrappedValue: T?
  public init(wrappedValue: T?) { self.wrappedValue = wrappedValue }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    wrappedValue = c.decodeNil() ? nil : try c.decode(T.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
  }
}

/// The checks of the answer recomputed independently of GLPK.
public struct CertificateReport: Codable, Sendable, Equatable {
  @Nullable public var maxBoundViolation: Double?
  @Nullable public var maxRowViolation: Double?
  @Nullable public var maxDualInfeasibility: Double?
  @Nullable public var maxComplementarityViolation: Double?
  @Nullable public var relativeGap: Double?
  @Nullable public var maxIntegralityViolation: Double?
  /// What the certificate can prove: `optimality` (status optimal, duals checked) or
  /// `feasibility` (a point without proof of optimality, e.g. a time limit).
  public var proves: String
  /// Every available measure within 1e-7 (for `feasibility`: the point is feasible).
  public var holds: Bool
}

/// One lexicographic stage.
public struct StageReport: Codable, Sendable, Equatable {
  public var name: String
  public var sense: String
  public var status: String
  @Nullable public var objective: Double?
  /// Unit of `objective`: the currency (value, cost), the fairness level's unit, or the
  /// commodity unit of a priority stage's average flow.
  public var objectiveUnit: String
  public var iterations: Int
}

public struct CorridorReport: Codable, Sendable, Equatable {
  public var name: String
  public var commodity: String
  public var from: String
  public var to: String
  public var enabled: Bool
  /// The model's capacity (hours-weighted over the slices), before availability: the unit
  /// the shadow price is per.
  public var nominalCapacity: Figure
  /// Capacity × availability (hours-weighted): what the flow can use.
  public var capacity: Figure
  public var flow: Figure
  public var peakFlow: Figure
  public var utilization: Figure
  public var loss: Figure
  public var shadowPrice: Figure
  @Nullable public var binding: Bool?
  @Nullable public var bindingSlices: Int?
  public var byCountry: [CountryShare]

  public struct CountryShare: Codable, Sendable, Equatable {
    public var country: String
    public var flow: Figure
    public var share: Figure
  }
}

public struct CountryReport: Codable, Sendable, Equatable {
  public var name: String
  public var supply: [Supply]
  public var byCorridor: [CorridorUse]
  public var byMarket: [Sale]
  public var revenue: Figure
  public var tariffs: Figure
  public var supplyCost: Figure
  public var storageWear: Figure
  /// revenue − tariffs − supply cost − storage wear.
  public var netValue: Figure

  public struct Supply: Codable, Sendable, Equatable {
    public var commodity: String
    public var used: Figure
    public var available: Figure
    /// Worth of one more unit of this supply available in every slice, over the horizon.
    public var shadowPrice: Figure
  }
  public struct CorridorUse: Codable, Sendable, Equatable {
    public var corridor: String
    public var flow: Figure
  }
  public struct Sale: Codable, Sendable, Equatable {
    public var market: String
    public var delivered: Figure
    public var revenue: Figure
  }
}

public struct MarketReport: Codable, Sendable, Equatable {
  public var name: String
  public var node: String
  public var commodity: String
  public var delivered: Figure
  /// What the market can absorb; value nil: unlimited.
  public var absorbs: Figure
  public var averagePrice: Figure
  public var revenue: Figure
  public var shadowPrice: Figure
  public var byCountry: [Delivery]

  public struct Delivery: Codable, Sendable, Equatable {
    public var country: String
    public var delivered: Figure
  }
}

public struct StorageReport: Codable, Sendable, Equatable {
  public var name: String
  public var node: String
  public var owner: String
  public var charged: Figure
  public var discharged: Figure
  public var peakLevel: Figure
}

public struct RuleReport: Codable, Sendable, Equatable {
  public var name: String
  /// Encoded as its raw value ("min-share", …).
  public var kind: RuleKind.Tag
  public var target: Figure
  public var achieved: Figure
  @Nullable public var binding: Bool?
  /// Objective change per unit the rule's row is relaxed, in currency per the row's unit.
  public var dual: Figure
  /// Share rules: objective change per percentage point more share demanded (`EUR/pp`);
  /// null for other kinds.
  @Nullable public var perSharePoint: Figure?
  @Nullable public var detail: String?
}

public struct ConstraintReport: Codable, Sendable, Equatable {
  public var name: String
  public var expression: String
  public var per: String
  public var activity: Figure
  public var rhs: Figure
  @Nullable public var binding: Bool?
  @Nullable public var bindingRows: Int?
  public var dual: Figure
}

public struct SizeReport: Codable, Sendable, Equatable {
  public var variables: Int
  public var constraints: Int
  public var nonZeros: Int
}

public struct TimingsReport: Codable, Sendable, Equatable {
  public var buildSeconds: Double
  public var solveSeconds: Double
  public var extractSeconds: Double
}
