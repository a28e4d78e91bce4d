import CorridorModel

/// One build decision of an investment plan: what is built, when, at what size and cost.
///
/// Money is in the model currency: ``investment`` is the overnight cost, ``yearlyCost`` the
/// annuity plus fixed O&M of one year in service (``BuildOption``), ``objectiveCost`` what
/// the plan's objective pays for it (each year served × its year multiplier).
public struct InvestmentResult: Sendable {
  /// `corridor` or `storage`.
  public var kind: String
  public var name: String
  /// The calendar year it starts serving (nil in a one-year model).
  public var year: Int?
  /// Capacity built, in the commodity unit (storage: power).
  public var size: Double
  public var unit: String
  /// Storage: energy built (power × duration), in ``energyUnit``; nil for a corridor.
  public var energy: Double?
  /// The commodity's amount unit (`MWh`, `Mt`), the unit of ``energy``.
  public var energyUnit: String? = nil
  public var investment: Double
  public var yearlyCost: Double
  public var objectiveCost: Double
  /// The planning years it serves within the horizon.
  public var servedYears: [Int]
  /// What the plan gains with this build against the best plan without it (builds
  /// re-optimised), nil until valued (``InvestmentValuation``).
  public var valueAdded: Double?
  /// The same per exporting country (net value with − without), in model order.
  public var valueAddedByCountry: [CountryMoney]? = nil
}

/// A country's money (net value, or a change in it).
public struct CountryMoney: Sendable, Equatable {
  public var country: String
  public var value: Double
}

/// One planning year of a multi-year plan.
public struct YearResult: Sendable {
  public var year: Int
  /// Calendar years it represents.
  public var weight: Int
  /// What one unit of its yearly money counts in the objective (weight and discounting).
  public var multiplier: Double
  /// Net operating value of one year (revenue − tariffs − supply cost − wear), undiscounted.
  public var operatingValue: Double
  /// Yearly cost (annuities + O&M) of what is built and serving in that year.
  public var investmentCost: Double
  /// Per corridor: average flow and usable capacity over the year's hours.
  public var corridors: [CorridorYear]
}

/// A corridor in one planning year.
public struct CorridorYear: Sendable {
  public var name: String
  public var unit: String
  public var capacity: Double
  public var flow: Double
}
