// Multi-year horizons and build options: what an investment model adds to a corridor model.

import Foundation

/// The planning years of a multi-year model (`[time] years = [2030, 2035, 2040]`).
///
/// The model's time slices repeat within each year: a model with years `2030, 2035` and
/// slices `winter, summer` has four slices, `2030/winter, 2030/summer, 2035/winter,
/// 2035/summer`, year-major (``CorridorModel/slices``). Storage levels are cyclic within
/// each year, never across years.
///
/// Money of year `y` counts `multiplier` times in the objective:
///
///     multiplier(y) = Σ_{t = 0}^{weight − 1} (1 + r)^−(y − y₀ + t)
///
/// with `r` the horizon's discount rate, `y₀` the first year and `weight` the years `y`
/// represents (by default the gap to the next planning year; the last year the gap before
/// it, or 1 for a one-year horizon). Without discounting the multiplier is the weight.
public struct Horizon: Sendable, Equatable, Hashable {
  public struct Year: Sendable, Equatable, Hashable {
    /// The calendar year (`2030`).
    public var year: Int
    /// How many calendar years it represents, ≥ 1.
    public var weight: Int
    /// What one unit of this year's yearly money counts in the objective (see ``Horizon``).
    public var multiplier: Double
    public init(year: Int, weight: Int, multiplier: Double) {
      self.year = year
      self.weight = weight
      self.multiplier = multiplier
    }
  }
  /// Increasing calendar years.
  public var years: [Year]
  /// Yearly discount rate of the horizon, a fraction (0.05 for 5 %).
  public var discountRate: Double
  /// The slices of one year (the model's `[time]`); ``CorridorModel/slices`` repeats them.
  public var yearSlices: [TimeSlice]

  public init(years: [Year], discountRate: Double, yearSlices: [TimeSlice]) {
    self.years = years
    self.discountRate = discountRate
    self.yearSlices = yearSlices
  }

  /// The years `years` with their default weights and multipliers (see ``Horizon``);
  /// `weights` (one per year) replaces the default weights.
  public init(calendarYears: [Int], weights: [Int]? = nil, discountRate: Double, yearSlices: [TimeSlice]) {
    let y0 = calendarYears.first ?? 0
    var list: [Year] = []
    for (k, y) in calendarYears.enumerated() {
      let w: Int
      if let weights { w = weights[k] }
      else if k + 1 < calendarYears.count { w = calendarYears[k + 1] - y }
      else if k > 0 { w = y - calendarYears[k - 1] }
      else { w = 1 }
      list.append(Year(year: y, weight: w, multiplier: Self.multiplier(year: y, weight: w, from: y0, rate: discountRate)))
    }
    self.init(years: list, discountRate: discountRate, yearSlices: yearSlices)
  }

  /// `Σ_{t=0}^{weight−1} (1 + rate)^−(year − first + t)`.
  public static func multiplier(year: Int, weight: Int, from first: Int, rate: Double) -> Double {
    (0..<max(weight, 0)).reduce(0.0) { sum, t in sum + Foundation.pow(1 + rate, -Double(year - first + t)) }
  }

  /// Slices per year.
  public var slicesPerYear: Int { yearSlices.count }

  /// The position in ``years`` of the year that slice `s` of the model belongs to.
  public func yearIndex(ofSlice s: Int) -> Int { s / max(1, yearSlices.count) }

  /// The model's slices of year position `k`.
  public func slices(ofYear k: Int) -> Range<Int> { (k * yearSlices.count)..<((k + 1) * yearSlices.count) }

  /// The position of calendar year `year`, or nil.
  public func index(of year: Int) -> Int? { years.firstIndex { $0.year == year } }
}

/// A corridor or storage that may be built or enlarged (`[corridors.NAME.build]`).
///
/// The planner chooses how much to build and in which planning year; what is built stays in
/// service for `lifetime` years (and not past `retires`). Each year in service costs the
/// annuity of the investment plus the fixed O&M:
///
///     annuity = investment · r / (1 − (1 + r)^−lifetime)      (investment / lifetime when r = 0)
///
/// with `r` the option's discount rate. In the objective each year's cost counts
/// ``Horizon/Year/multiplier`` times, like the year's operating value: an option whose
/// lifetime outlasts the horizon pays only the annuities of the years it serves within it.
public struct BuildOption: Sendable, Equatable, Hashable {
  /// What may be built.
  public enum Choice: Sendable, Equatable, Hashable {
    /// Any amount from 0 up to `maximum` (commodity unit; storage: power).
    case continuous(maximum: Double)
    /// At most one of these sizes, once (binary variables).
    case sizes([Double])
    /// A yes/no project of one size.
    case project(size: Double)

    /// The sizes of a discrete choice (one for a project), empty when continuous.
    public var discreteSizes: [Double] {
      switch self {
      case .continuous: []
      case .sizes(let s): s
      case .project(let s): [s]
      }
    }
  }
  public var choice: Choice
  /// Investment per unit of capacity (currency per commodity unit; storage: per unit of
  /// power), or nil when ``costPerOption`` prices each size.
  public var costPerUnit: Double?
  /// Investment per discrete size (currency), one per ``Choice/discreteSizes``; nil when
  /// priced per unit.
  public var costPerOption: [Double]?
  /// Fixed O&M, currency per unit of capacity per year.
  public var fixedOM: Double
  /// Economic lifetime in years, > 0.
  public var lifetime: Double
  /// Discount rate of the annuity, a fraction.
  public var discountRate: Double
  /// The first calendar year it can serve (nil: the first year of the horizon).
  public var availableFrom: Int?
  /// The calendar year from which nothing built serves any more (nil: never).
  public var retires: Int?
  /// Storage only: hours of energy per unit of power built (energy = power × duration).
  public var duration: Double?

  public init(choice: Choice, costPerUnit: Double? = nil, costPerOption: [Double]? = nil, fixedOM: Double = 0,
              lifetime: Double, discountRate: Double, availableFrom: Int? = nil, retires: Int? = nil, duration: Double? = nil) {
    self.choice = choice
    self.costPerUnit = costPerUnit
    self.costPerOption = costPerOption
    self.fixedOM = fixedOM
    self.lifetime = lifetime
    self.discountRate = discountRate
    self.availableFrom = availableFrom
    self.retires = retires
    self.duration = duration
  }

  /// `r / (1 − (1 + r)^−lifetime)`, or `1 / lifetime` when `r = 0`: the yearly payment per
  /// unit of investment.
  public static func annuityFactor(rate r: Double, lifetime: Double) -> Double {
    r == 0 ? 1 / lifetime : r / (1 - Foundation.pow(1 + r, -lifetime))
  }

  /// The yearly cost (annuity + O&M) of building `size` (the `k`-th discrete size, or any
  /// size of a continuous choice when `k` is nil).
  public func yearlyCost(size: Double, option k: Int?) -> Double {
    let investment = k.flatMap { costPerOption?[$0] } ?? (costPerUnit ?? 0) * size
    return investment * Self.annuityFactor(rate: discountRate, lifetime: lifetime) + fixedOM * size
  }

  /// Whether capacity built in calendar year `built` serves in calendar year `year`.
  public func serves(builtIn built: Int, year: Int) -> Bool {
    year >= built && Double(year - built) < lifetime && (retires.map { year < $0 } ?? true)
  }
}
