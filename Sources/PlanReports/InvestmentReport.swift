import CorridorPlanning

/// The investment part of a plan report (JSON key `investment`, present only for models
/// with build options or planning years; docs/json-schema.md): the search's figures,
/// what is built, and each planning year.
///
/// Money is in the model currency: `investment` is overnight, `yearly_cost` one year in
/// service (annuity + fixed O&M), `objective_cost` what the objective pays (each year
/// served × its multiplier), `value_added` the plan's objective with the build minus the
/// best plan without it (builds re-optimised).
public struct InvestmentReport: Codable, Sendable, Equatable {
  /// Whether branch and cut solved it (integer build decisions).
  public var mixedInteger: Bool
  /// Whether the plan is proven optimal: the search finished with no gap left to its best
  /// bound (1e-9 relative). A search stopped by `--mip-gap` within a positive gap is
  /// finished but not proven optimal: ``withinGap`` says so.
  public var proven: Bool
  /// Whether the search finished within the MIP gap asked for (also true when proven).
  public var withinGap: Bool
  @Nullable public var bestBound: Figure?
  /// Relative gap between the plan's objective and the best bound (fraction).
  @Nullable public var gap: Figure?
  @Nullable public var nodes: Int?
  public var builds: [BuildReport]
  public var years: [YearReport]

  public struct BuildReport: Codable, Sendable, Equatable {
    public var kind: String
    public var name: String
    @Nullable public var year: Int?
    public var size: Figure
    @Nullable public var energy: Figure?
    public var investment: Figure
    public var yearlyCost: Figure
    public var objectiveCost: Figure
    public var servedYears: [Int]
    public var valueAdded: Figure
    public var valueAddedByCountry: [CountryValue]
  }

  public struct CountryValue: Codable, Sendable, Equatable {
    public var country: String
    public var value: Figure
  }

  public struct YearReport: Codable, Sendable, Equatable {
    public var year: Int
    public var weight: Int
    /// What one unit of the year's money counts in the objective (weight × discounting).
    public var multiplier: Double
    public var operatingValue: Figure
    public var investmentCost: Figure
    public var corridors: [CorridorYearReport]
  }

  public struct CorridorYearReport: Codable, Sendable, Equatable {
    public var name: String
    public var capacity: Figure
    public var flow: Figure
  }

  /// The section of `plan`, nil for a one-year model without build options.
  init?(plan: Plan, hasBuildOptions: Bool) {
    guard hasBuildOptions || !plan.years.isEmpty else { return nil }
    let money = plan.currency
    mixedInteger = plan.isMixedInteger
    withinGap = plan.provenOptimal
    proven = plan.provenOptimal && (plan.gap ?? 0) <= 1e-9
    _bestBound = Nullable(wrappedValue: plan.bestBound.map { Figure($0, money) })
    _gap = Nullable(wrappedValue: plan.gap.map { Figure($0, ReportUnits.fraction) })
    _nodes = Nullable(wrappedValue: plan.nodes)
    builds = plan.investments.map { b in
      BuildReport(kind: b.kind, name: b.name, year: b.year, size: Figure(b.size, b.unit),
                  energy: b.energy.map { Figure($0, b.energyUnit ?? b.unit + "·h") },
                  investment: Figure(b.investment, money), yearlyCost: Figure(b.yearlyCost, money),
                  objectiveCost: Figure(b.objectiveCost, money), servedYears: b.servedYears,
                  valueAdded: Figure(b.valueAdded, money),
                  valueAddedByCountry: (b.valueAddedByCountry ?? []).map { CountryValue(country: $0.country, value: Figure($0.value, money)) })
    }
    years = plan.years.map { y in
      YearReport(year: y.year, weight: y.weight, multiplier: y.multiplier,
                 operatingValue: Figure(y.operatingValue, money), investmentCost: Figure(y.investmentCost, money),
                 corridors: y.corridors.map { CorridorYearReport(name: $0.name, capacity: Figure($0.capacity, $0.unit), flow: Figure($0.flow, $0.unit)) })
    }
  }
}

/// The investment tables of the text and Markdown reports.
struct InvestmentText {
  let doc: InvestmentReport
  let currency: String

  func tables() -> [FigureTable] {
    var builds = FigureTable("Builds (money in \(currency): investment overnight; yearly = annuity + O&M; in objective = yearly × the multipliers of the years served; value added = objective with the entry's builds − the best plan without them, other builds re-optimised)",
                             headers: ["entry", "year", "size", "investment", "yearly cost", "in objective", "value added", "serves"])
    // Value added belongs to the entry (all its builds taken out together): shown once.
    var shown: Set<String> = []
    for b in doc.builds {
      let first = shown.insert("\(b.kind) \(b.name)").inserted
      builds.add([.text("\(b.kind) \(b.name)"), .text(b.year.map(String.init) ?? "–"), .fig(b.size, 1), .fig(b.investment, 0),
                  .fig(b.yearlyCost, 0), .fig(b.objectiveCost, 0), first ? .fig(b.valueAdded, 0) : .text("(above)"),
                  .text(b.servedYears.isEmpty ? "the year" : "\(b.servedYears.first!)–\(b.servedYears.last!)")])
    }
    if doc.builds.isEmpty { builds.add([.text("nothing is built"), .text(""), .text(""), .text(""), .text(""), .text(""), .text(""), .text("")]) }
    var out = [builds]
    var seen: Set<String> = []
    let byCountry = doc.builds.filter { seen.insert("\($0.kind) \($0.name)").inserted }.flatMap { b in b.valueAddedByCountry.map { (b, $0) } }
    if !byCountry.isEmpty {
      var t = FigureTable("Value added by country (its net value with the entry's builds − without them; operating money, the investment's cost is in the total)", headers: ["entry", "country", "value added"])
      for (b, c) in byCountry { t.add([.text("\(b.kind) \(b.name)"), .text(c.country), .fig(c.value, 0)]) }
      out.append(t)
    }
    if !doc.years.isEmpty {
      var t = FigureTable("Planning years (operating value and investment cost of one calendar year, undiscounted; multiplier = weight with discounting)",
                          headers: ["year", "weight (yr)", "multiplier", "operating value", "investment cost"])
      for y in doc.years {
        t.add([.text(String(y.year)), .text(String(y.weight)), .text(Number.grouped(y.multiplier, digits: 4)), .fig(y.operatingValue, 0), .fig(y.investmentCost, 0)])
      }
      out.append(t)
      var c = FigureTable("Corridors per year (averages over the year's hours; usable capacity = (existing + built) × availability)", headers: ["year", "corridor", "usable capacity", "flow"])
      for y in doc.years { for k in y.corridors { c.add([.text(String(y.year)), .text(k.name), .fig(k.capacity), .fig(k.flow)]) } }
      out.append(c)
    }
    return out
  }

  /// The summary line of the search.
  var searchLine: String {
    guard doc.mixedInteger else { return "LP (continuous build decisions)" }
    let gap = doc.gap.flatMap(\.value).map { Number.grouped($0 * 100, digits: 4) + " %" } ?? "unknown"
    let bound = doc.bestBound.flatMap(\.value).map { Number.grouped($0, digits: 0) + " " + currency } ?? "none"
    let verdict = doc.proven ? "optimum proven" : doc.withinGap ? "within the MIP gap asked for, not proven optimal" : "NOT proven optimal"
    return "branch and cut: \(verdict), gap \(gap), best bound \(bound), \(doc.nodes.map { Number.grouped(Double($0), digits: 0) } ?? "0") nodes"
  }

  /// Tidy CSV rows (section `investment`, `build`, `year`).
  func csv(_ w: inout TidyCSVWriter, model m: String) {
    w.flag("investment", m, "", "mixed_integer", doc.mixedInteger)
    w.flag("investment", m, "", "proven", doc.proven)
    w.flag("investment", m, "", "within_gap", doc.withinGap)
    w.number("investment", m, "", "best_bound", doc.bestBound?.value, currency)
    w.number("investment", m, "", "gap", doc.gap?.value, ReportUnits.fraction)
    w.number("investment", m, "", "nodes", doc.nodes.map(Double.init))
    for b in doc.builds {
      let d = b.year.map(String.init) ?? ""
      w.text("build", b.name, d, "kind", b.kind)
      w.figure("build", b.name, d, "size", b.size)
      if let e = b.energy { w.figure("build", b.name, d, "energy", e) }
      w.figure("build", b.name, d, "investment", b.investment)
      w.figure("build", b.name, d, "yearly_cost", b.yearlyCost)
      w.figure("build", b.name, d, "objective_cost", b.objectiveCost)
      w.figure("build", b.name, d, "value_added", b.valueAdded)
      for c in b.valueAddedByCountry { w.figure("build", b.name, d + (d.isEmpty ? "" : " ") + c.country, "value_added_by_country", c.value) }
    }
    for y in doc.years {
      let n = String(y.year)
      w.number("year", n, "", "weight", Double(y.weight), "yr")
      w.number("year", n, "", "multiplier", y.multiplier)
      w.figure("year", n, "", "operating_value", y.operatingValue)
      w.figure("year", n, "", "investment_cost", y.investmentCost)
      for c in y.corridors {
        w.figure("year", n, c.name, "corridor_capacity", c.capacity)
        w.figure("year", n, c.name, "corridor_flow", c.flow)
      }
    }
  }
}
