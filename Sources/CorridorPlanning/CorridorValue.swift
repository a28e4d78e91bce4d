import CorridorModel
import LinearProgramming

/// What a corridor is worth, as ENTSO-E's cost–benefit guideline (CBA 4.0, indicator B1)
/// measures a transmission project: the change in the system's value between two runs of
/// the planner, with and without the corridor.
///
/// - **TOOT** ("take out one at a time"): from the model as given, value(model) −
///   value(model with the corridor disabled).
/// - **PINT** ("put in one at a time"): from the model without any of the corridors under
///   study (all those named), value(that base with this one enabled) − value(that base).
///
/// The two differ where corridors substitute for or complement each other. "Value" is the
/// objective seen as a gain: the net export value for `max-value` and `max-min-fair`, the
/// cost saved (−cost) for `min-cost`. Each figure is split into:
/// - each exporting country's change of net value (revenue − supply cost − tariffs − wear);
/// - the tariffs the corridor collects in the run that has it (Σ_s tariff_s × flow_s × h_s:
///   money that leaves the countries' net value and goes to the corridor's owner, outside
///   the objective);
/// - the corridor's congestion rent in the run that has it (``congestionRent(in:corridor:)``).
///
/// Every run is a warm re-solve of one ``PlanningSession`` from the base plan's basis.
///
///     let s = try PlanningSession.open(path: "models/teaching/07-value-curve.toml")
///     let v = try CorridorValuation(session: s)
///     let w = try v.worth(of: ["cable"])       // TOOT 25,200,000 EUR, PINT 25,200,000 EUR
///     let curve = try v.curve(of: "cable", from: 0, to: 800)   // breakpoints 400, 600 MW
public final class CorridorValuation {
  public let session: PlanningSession
  /// The plan of the model as given (the session's base), solved cold once.
  public let basePlan: Plan

  /// Per corridor: the tariffs it collects and its congestion rent in the base plan.
  private var baseMoney: [(tariffs: Double, rent: Double)] = []

  public init(session: PlanningSession) throws {
    self.session = session
    try session.reset()
    basePlan = try session.solve()
    baseMoney = session.base.corridors.indices.map { (tariffsCollected(corridor: $0), congestionRent(corridor: $0)) }
  }

  /// The objective's sign as a gain: +1 for a maximisation, −1 for `min-cost`.
  var gainSign: Double { session.model.objective == .minCost ? -1 : 1 }

  /// The objective of `plan` as a gain (see the type's documentation), nil without a proven optimum.
  func gain(_ plan: Plan) -> Double? {
    guard plan.provenOptimal, let o = plan.objective else { return nil }
    return gainSign * o
  }

  /// The position of corridor `name` in the model, or a ``PlanningEditError`` that lists the corridors.
  public func corridorIndex(_ name: String) throws -> Int {
    guard let c = session.base.corridors.firstIndex(where: { $0.name == name }) else {
      throw PlanningEditError("unknown corridor '\(name)'; the model's corridors are \(session.base.corridors.map(\.name).joined(separator: ", "))")
    }
    return c
  }

  // MARK: TOOT and PINT

  /// TOOT and PINT of each of `names` (in order; a name given twice counts once); the PINT
  /// base lacks all of them.
  public func worth(of names: [String]) throws -> [CorridorWorth] {
    var seen = Set<String>()
    let names = names.filter { seen.insert($0).inserted }
    let indices = try names.map(corridorIndex)
    // TOOT: the model as given against the model without the corridor.
    var toot: [Comparison] = []
    for (n, c) in zip(names, indices) {
      try session.reset(basis: true)
      try session.apply(.enabled(corridor: n, false))
      toot.append(compare(with: basePlan, without: try session.solve(),
                          tariffs: baseMoney[c].tariffs, rent: baseMoney[c].rent))
    }
    // PINT: the model without any of them, against it with one of them back. With one
    // corridor studied those are the TOOT runs: no second pair of solves.
    guard names.count > 1 else {
      try session.reset(basis: true)
      return zip(names, toot).map { CorridorWorth(corridor: $0, toot: $1, pint: $1) }
    }
    try session.reset(basis: true)
    try session.apply(names.map { .enabled(corridor: $0, false) })
    let pintBase = try session.solve()
    var pint: [Comparison] = []
    for (n, c) in zip(names, indices) {
      try session.reset(basis: true)
      try session.apply(names.filter { $0 != n }.map { .enabled(corridor: $0, false) })
      let with = try session.solve()
      pint.append(compare(with: with, without: pintBase,
                          tariffs: tariffsCollected(corridor: c), rent: congestionRent(corridor: c)))
    }
    try session.reset(basis: true)
    return names.indices.map { CorridorWorth(corridor: names[$0], toot: toot[$0], pint: pint[$0]) }
  }

  /// Compares a plan that has a corridor with one that lacks it; `tariffs` and `rent` are
  /// the corridor's in the plan that has it.
  private func compare(with: Plan, without: Plan, tariffs: Double, rent: Double) -> Comparison {
    var countries: [CountryChange] = []
    let names = Set(with.countries.map(\.name)).union(without.countries.map(\.name))
    for country in names.sorted() {
      let a = with.countries.first { $0.name == country }
      let b = without.countries.first { $0.name == country }
      let na = with.hasPoint ? (a?.netValue ?? 0) : nil
      let nb = without.hasPoint ? (b?.netValue ?? 0) : nil
      countries.append(CountryChange(country: country, with: na, without: nb))
    }
    let gw = gain(with), go = gain(without)
    return Comparison(
      with: gw, without: go, value: gw.flatMap { w in go.map { w - $0 } },
      statusWith: with.status, statusWithout: without.status, countries: countries,
      tariffs: with.hasPoint ? tariffs : nil,
      congestionRent: with.hasDuals && with.provenOptimal ? rent : nil)
  }

  /// The tariffs corridor `c` collects in the session's current solution:
  /// Σ over its flow columns of tariff_s × flow_s × h_s (the objective's own coefficients).
  func tariffsCollected(corridor c: Int) -> Double {
    let f = session.formulation
    guard let x = f.program.solution?.values else { return 0 }
    return f.flowBlocks(corridor: c).reduce(0) { f.objectives.payment(x, over: $1.columns, startingAt: $0) }
  }

  /// Corridor `c`'s congestion rent in the session's current solution:
  /// `Σ_s μ_s × a_s·capacity_s`, with `μ_s` the worth (``Worth``) of the dual of its capacity
  /// row in slice `s` (money over the horizon per unit of rate in that slice, so the slice's
  /// hours are inside it: `μ_s = π_s × h_s` with `π_s` the hourly price of the row) and
  /// `a_s·capacity_s` the usable capacity the row allows. By complementary slackness only
  /// binding slices count, where usable capacity = flow, so the rent is also
  /// Σ_s π_s × flow_s × h_s: what the flow earns across the corridor beyond its tariff.
  func congestionRent(corridor c: Int) -> Double {
    let f = session.formulation
    guard let y = f.program.solution?.duals, let rows = f.index.capacityRows[c] else { return 0 }
    let corridor = f.model.corridors[c]
    guard corridor.enabled else { return 0 }
    let worth = Worth(sense: f.program.sense)
    var rent = 0.0
    for s in 0..<rows.count {
      let usable = corridor.availability.value(at: s) * max(0, corridor.capacity.value(at: s))
      rent += worth(y[rows[s].index]) * usable
    }
    return rent
  }
}

/// One side-by-side of a run with a corridor and a run without it.
public struct Comparison: Sendable {
  /// The value (objective as a gain) with and without the corridor; nil without a proven optimum.
  public var with: Double?
  public var without: Double?
  /// with − without.
  public var value: Double?
  public var statusWith: TerminationStatus
  public var statusWithout: TerminationStatus
  /// Each exporting country's net value with and without the corridor.
  public var countries: [CountryChange]
  /// Tariffs the corridor collects in the run with it.
  public var tariffs: Double?
  /// The corridor's congestion rent in the run with it.
  public var congestionRent: Double?
}

/// A country's net value with and without a corridor.
public struct CountryChange: Sendable, Equatable {
  public var country: String
  public var with: Double?
  public var without: Double?
  public var change: Double? { with.flatMap { w in without.map { w - $0 } } }
}

/// TOOT and PINT of one corridor.
public struct CorridorWorth: Sendable {
  public var corridor: String
  public var toot: Comparison
  public var pint: Comparison
}
