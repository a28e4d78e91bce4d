import CorridorModel
import LinearProgramming

/// What changes between two plans of (versions of) one network: the objective, and per
/// corridor, country, market, rule and custom constraint each figure before → after.
///
/// A pure function of two ``Plan``s, matched by domain names (never LP indices), so the
/// two plans may come from different files, different LP sizes, or a scenario that adds,
/// disables or removes entries:
///
///     let diff = PlanDiff(base: try Planner().plan(oil), other: try Planner().plan(cpcMinus50))
///     diff.corridors.first { $0.name == "cpc" }?.flow      // 72.5 → 36.25 Mt/yr
///     diff.isEmpty                                         // false
///
/// ## What is listed
/// By default only what changed beyond ``tolerance`` (see ``PlanDiff/changed(_:_:tolerance:)``):
/// an entry appears when any of its figures changed, when it is present in one plan only
/// (``Presence/added``, ``Presence/removed``), or when it starts or stops binding; within an
/// entry every figure is kept, changed or not, so a row reads whole. With `all: true`
/// every entry of both plans is listed. A plan compared with itself gives an empty diff.
///
/// ## Units and missing figures
/// Each figure is in the unit of the plans (``Plan``, "Units"); a corridor's shadow
/// price in currency per unit of capacity over the horizon, and so on. A figure a plan
/// cannot back (no feasible point: flows and money; no duals: shadow prices and duals) is
/// nil, and a figure that is nil on one side only counts as changed.
public struct PlanDiff: Sendable {
  /// What one side of the comparison is: its model, status, objective and certificate.
  public var base: Side
  public var other: Side
  /// A figure changed when `|after − before| > tolerance · max(1, |before|, |after|)`:
  /// relative for large figures (money, most flows), absolute for figures below 1
  /// (fractions, small flows).
  public var tolerance: Double
  /// Whether every entry is listed, changed or not.
  public var listsAll: Bool
  /// The objective (net export value, or cost for `min-cost`) in the currency.
  public var objective: Change
  public var corridors: [CorridorDiff]
  public var countries: [CountryDiff]
  public var markets: [MarketDiff]
  public var rules: [RuleDiff]
  public var constraints: [ConstraintDiff]

  /// The default ``tolerance``: far above the solver's own noise (GLPK's feasibility
  /// tolerance is 1e-7 relative), far below any change a planner would quote.
  public static let defaultTolerance = 1e-6

  /// Whether `before` and `after` differ beyond `tolerance` (relative above 1, absolute
  /// below); a figure present on one side only has changed, two missing figures have not.
  public static func changed(_ before: Double?, _ after: Double?, tolerance: Double) -> Bool {
    switch (before, after) {
    case (nil, nil): return false
    case let (a?, b?): return abs(b - a) > tolerance * max(1, abs(a), abs(b))
    default: return true
    }
  }

  /// Whether nothing changed: same status and objective, and no entry listed as changed.
  /// Always false for a diff built with `all: true` that lists entries.
  public var isEmpty: Bool {
    base.status == other.status && !objective.changed && corridors.isEmpty && countries.isEmpty
      && markets.isEmpty && rules.isEmpty && constraints.isEmpty
  }

  /// One side of the comparison.
  public struct Side: Sendable {
    public var modelName: String
    public var scenarios: [String]
    public var currency: String
    public var objectiveKind: ObjectiveKind
    public var status: TerminationStatus
    public var objective: Double?
    public var certificate: Certificate?
    public var provenOptimal: Bool
    public var gap: Double?
    public var hasPoint: Bool
    public var hasDuals: Bool
    public var totalHours: Double
    /// The solves behind the plan (one per lexicographic stage) and their simplex iterations.
    public var stages: [Plan.Stage]
    public var solves: Int { stages.count }
    public var iterations: Int { stages.reduce(0) { $0 + $1.iterations } }

    public init(_ plan: Plan) {
      modelName = plan.modelName
      scenarios = plan.scenarios
      currency = plan.currency
      objectiveKind = plan.objectiveKind
      status = plan.status
      objective = plan.hasPoint ? plan.objective : nil
      certificate = plan.certificate
      provenOptimal = plan.provenOptimal
      gap = plan.gap
      hasPoint = plan.hasPoint
      hasDuals = plan.hasDuals
      totalHours = plan.totalHours
      stages = plan.stages
    }
  }
}

/// Whether an entry is in both plans or in one only.
public enum Presence: String, Sendable, Equatable {
  case both
  /// Only in the other plan (a scenario that adds a corridor or a constraint).
  case added
  /// Only in the base plan.
  case removed
}

/// A figure before → after; nil where the figure does not exist on that side.
public struct Change: Sendable, Equatable {
  public var before: Double?
  public var after: Double?
  /// Whether the two differ beyond the diff's tolerance.
  public var changed: Bool

  public init(_ before: Double?, _ after: Double?, tolerance: Double) {
    self.before = before.flatMap { $0.isFinite ? $0 : nil }
    self.after = after.flatMap { $0.isFinite ? $0 : nil }
    changed = PlanDiff.changed(self.before, self.after, tolerance: tolerance)
  }

  /// `after − before`, nil unless both exist.
  public var delta: Double? {
    guard let before, let after else { return nil }
    return after - before
  }
}

/// A yes/no before → after (binding, enabled); nil where it does not exist on that side.
public struct FlagChange: Sendable, Equatable {
  public var before: Bool?
  public var after: Bool?
  public var changed: Bool { before != after }

  public init(_ before: Bool?, _ after: Bool?) {
    self.before = before
    self.after = after
  }

  /// `starts` when it turned on, `stops` when it turned off, nil otherwise.
  public var transition: String? {
    switch (before, after) {
    case (false?, true?), (nil, true?): return "starts"
    case (true?, false?), (true?, nil): return "stops"
    default: return nil
    }
  }
}

/// A named figure before → after (a country's flow on a corridor, a supply's volume).
public struct KeyedChange: Sendable, Equatable {
  public var key: String
  public var unit: String
  public var change: Change
}

/// One corridor before → after.
public struct CorridorDiff: Sendable {
  public var name: String
  public var presence: Presence
  public var commodity: String
  public var unit: String
  public var from: String
  public var to: String
  public var enabled: FlagChange
  /// Capacity × availability (0 when disabled), in `unit`.
  public var capacity: Change
  /// Average flow, in `unit`.
  public var flow: Change
  /// Average flow / capacity, a fraction.
  public var utilization: Change
  /// Worth of one more unit of capacity in every slice over the horizon, currency per `unit`.
  public var shadowPrice: Change
  /// At capacity in at least one slice.
  public var binding: FlagChange
  /// Average flow by country of origin, in `unit` (only the changed ones unless `all`).
  public var byCountry: [KeyedChange]
}

/// One country before → after.
public struct CountryDiff: Sendable {
  public var name: String
  public var presence: Presence
  /// Supply used (what the country ships) per commodity, key = commodity, in its unit.
  public var volume: [KeyedChange]
  /// Money over the horizon, in the currency.
  public var revenue: Change
  public var netValue: Change
  /// The country's achieved share (a fraction) under each share rule that names it,
  /// key = rule name.
  public var shares: [KeyedChange]
}

/// One market before → after.
public struct MarketDiff: Sendable {
  public var name: String
  public var presence: Presence
  public var commodity: String
  public var unit: String
  /// The commodity's price unit (`MWh`, `t`): average price is currency per `priceUnit`.
  public var priceUnit: String
  public var delivered: Change
  public var revenue: Change
  public var averagePrice: Change
  /// Worth of one more unit of absorption in every slice over the horizon, currency per `unit`.
  public var shadowPrice: Change
}

/// One sharing rule before → after.
public struct RuleDiff: Sendable {
  public var name: String
  public var presence: Presence
  public var kind: RuleKind.Tag
  /// Unit of `target` and `achieved` (``RuleResult/unit``).
  public var unit: String
  /// Unit of the rule's row (its dual's denominator): a share or priority rule's
  /// flow unit, else `unit`.
  public var rowUnit: String
  public var target: Change
  public var achieved: Change
  public var binding: FlagChange
  public var dual: Change
}

/// One custom constraint before → after.
public struct ConstraintDiff: Sendable {
  public var name: String
  public var presence: Presence
  public var per: String
  public var unit: String
  public var activity: Change
  public var rhs: Change
  public var binding: FlagChange
  public var dual: Change
}
