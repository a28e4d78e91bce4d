import CorridorModel
import CorridorPlanning
import LinearProgramming

extension ReportDocument {
  /// Builds the report of `plan`: the one place where a figure gets its unit and where a
  /// figure the plan cannot back (no feasible point, no duals) becomes missing.
  public init(plan: Plan) {
    let units = ReportUnits(currency: plan.currency)
    let point = plan.hasPoint, duals = plan.hasDuals
    /// A flow, volume or money figure: missing without a feasible point.
    func primal(_ v: Double?, _ unit: String) -> Figure { Figure(point ? v : nil, unit) }
    /// A shadow price or dual: missing without a dual solution.
    func dual(_ v: Double?, _ unit: String) -> Figure { Figure(duals ? v : nil, unit) }
    let corridorUnit = Dictionary(plan.corridors.map { ($0.name, $0.unit) }, uniquingKeysWith: { a, _ in a })
    let marketUnit = Dictionary(plan.markets.map { ($0.name, $0.unit) }, uniquingKeysWith: { a, _ in a })
    let money = plan.currency

    let model = plan.modelName
    let scenarios = plan.scenarios
    let status = plan.status.rawValue
    let statusMessage = plan.status.message
    let objective = point ? plan.objective.flatMap { $0.isFinite ? $0 : nil } : nil
    let objectiveKind = plan.objectiveKind.rawValue
    let objectiveUnit = money
    let currency = money
    let horizonHours = plan.totalHours
    let sliceCount = plan.slices.count
    let hasPoint = point
    let hasDuals = duals
    let certificate = plan.certificate.map { CertificateReport($0, provenOptimal: plan.provenOptimal, gap: plan.gap) }
    let stages = plan.stages.map { s in
      StageReport(name: s.name, sense: s.sense.rawValue, status: s.status.rawValue,
                  objective: s.objective.flatMap { $0.isFinite ? $0 : nil },
                  objectiveUnit: Self.stageUnit(s.name, plan: plan), iterations: s.iterations)
    }
    let corridors = plan.corridors.map { c in
      CorridorReport(
        name: c.name, commodity: c.commodity, from: c.from, to: c.to, enabled: c.enabled,
        nominalCapacity: Figure(c.nominalCapacity, c.unit), capacity: Figure(c.capacity, c.unit), flow: primal(c.flow, c.unit), peakFlow: primal(c.peakFlow, c.unit),
        utilization: primal(c.utilization, ReportUnits.fraction), loss: Figure(c.lossFraction, ReportUnits.fraction),
        shadowPrice: dual(c.shadowPrice, units.perRate(c.unit)),
        binding: point ? c.binding : nil, bindingSlices: point ? c.bindingSlices : nil,
        byCountry: c.byCountry.map { f in
          .init(country: f.country, flow: primal(f.flow, c.unit),
                share: primal(c.flow > 1e-12 ? f.flow / c.flow : nil, ReportUnits.fraction))
        })
    }
    let countries = plan.countries.map { c in
      CountryReport(
        name: c.name,
        supply: c.supplied.map {
          .init(commodity: $0.commodity, used: primal($0.used, $0.unit), available: Figure($0.available, $0.unit),
                shadowPrice: dual($0.shadowPrice, units.perRate($0.unit)))
        },
        byCorridor: c.byCorridor.map { .init(corridor: $0.corridor, flow: primal($0.flow, corridorUnit[$0.corridor] ?? "")) },
        byMarket: c.byMarket.map {
          .init(market: $0.market, delivered: primal($0.delivered, marketUnit[$0.market] ?? ""), revenue: primal($0.revenue, money))
        },
        revenue: primal(c.revenue, money), tariffs: primal(c.tariffs, money), supplyCost: primal(c.supplyCost, money),
        storageWear: primal(c.storageWear, money), netValue: primal(c.netValue, money))
    }
    let markets = plan.markets.map { m in
      MarketReport(
        name: m.name, node: m.node, commodity: m.commodity, delivered: primal(m.delivered, m.unit),
        absorbs: Figure(m.volume, m.unit), averagePrice: primal(m.averagePrice, units.perPriceUnit(m.priceUnit)),
        revenue: primal(m.revenue, money), shadowPrice: dual(m.shadowPrice, units.perRate(m.unit)),
        byCountry: m.byCountry.map { .init(country: $0.country, delivered: primal($0.flow, m.unit)) })
    }
    let storages = plan.storages.map { s in
      StorageReport(name: s.name, node: s.node, owner: s.owner, charged: primal(s.charged, s.unit),
                    discharged: primal(s.discharged, s.unit), peakLevel: primal(s.peakLevel, s.amountUnit))
    }
    let rules = plan.rules.map { r in
      let share = r.kind == .minShare || r.kind == .maxShare
      // A share rule's row is in average flow; the others' rows in the unit of their target.
      let rowUnit = share || r.kind == .priority ? r.flowUnit : r.unit
      return RuleReport(r, point: point, duals: duals, units: units, rowUnit: rowUnit, share: share)
    }
    let constraints = plan.constraints.map { c in
      ConstraintReport(name: c.name, expression: c.expression, per: c.per, activity: primal(c.activity, c.unit),
                       rhs: Figure(c.rhs, c.unit), binding: point ? c.binding : nil,
                       bindingRows: point ? c.bindingRows : nil, dual: dual(c.dual, units.perRate(c.unit)))
    }
    let warnings = plan.warnings
    let size = SizeReport(variables: plan.size.variables, constraints: plan.size.constraints, nonZeros: plan.size.nonZeros)
    let timings = TimingsReport(buildSeconds: plan.timings.build, solveSeconds: plan.timings.solve,
                            extractSeconds: plan.timings.extract)

    self.init(
      model: model, scenarios: scenarios, status: status, statusMessage: statusMessage, objective: objective,
      objectiveKind: objectiveKind, objectiveUnit: objectiveUnit, currency: currency, horizonHours: horizonHours, sliceCount: sliceCount,
      hasPoint: hasPoint, hasDuals: hasDuals, certificate: certificate, stages: stages, corridors: corridors,
      countries: countries, markets: markets, storages: storages, rules: rules, constraints: constraints,
      warnings: warnings, size: size, timings: timings)
    investment = InvestmentReport(plan: plan, hasBuildOptions: plan.hasBuildOptions)
  }

  /// The unit of a stage's objective: the currency for `value` and `cost`, the fairness
  /// level's unit, or the average-flow unit of a priority stage (`priority RULE: COUNTRY`).
  static func stageUnit(_ name: String, plan: Plan) -> String {
    if name == "value" || name == "cost" { return plan.currency }
    if name == "fairness" { return plan.rules.first { $0.kind == .fairShare }?.unit ?? "" }
    if name.hasPrefix("priority ") {
      let rule = name.dropFirst("priority ".count).prefix { $0 != ":" }
      return plan.rules.first { $0.name == rule }?.flowUnit ?? ""
    }
    return ""
  }
}

extension RuleReport {
  /// A rule's report: `rowUnit` is the unit of the rule's row, so of its dual's denominator.
  init(_ r: RuleResult, point: Bool, duals: Bool, units: ReportUnits, rowUnit: String, share: Bool) {
    self.init(
      name: r.name, kind: r.kind, target: Figure(r.target, r.unit), achieved: Figure(point ? r.achieved : nil, r.unit),
      binding: point ? r.binding : nil, dual: Figure(duals ? r.dual : nil, units.perRate(rowUnit)),
      perSharePoint: share ? Figure(duals ? r.perSharePoint : nil, units.perSharePoint) : nil,
      detail: r.note)
  }
}

/// How units are written, in one place.
struct ReportUnits {
  let currency: String
  static let fraction = "fraction"

  /// Money over the horizon per unit of a bound held in every slice: `EUR/MW`,
  /// `USD/(Mt/yr)`; a compound unit is parenthesised so `USD/Mt/yr` cannot be misread.
  func perRate(_ unit: String) -> String {
    guard !unit.isEmpty else { return currency }
    return currency + "/" + Self.parenthesised(unit)
  }

  /// A price per the commodity's price unit (`EUR/MWh`, `USD/t`, `USD/(Tbps/month)`).
  func perPriceUnit(_ unit: String) -> String { perRate(unit) }

  /// Money per percentage point of share.
  var perSharePoint: String { currency + "/pp" }

  static func parenthesised(_ unit: String) -> String {
    unit.contains("/") || unit.contains(" ") || unit.contains("·") ? "(\(unit))" : unit
  }
}

extension CertificateReport {
  /// - Parameters:
  ///   - provenOptimal: whether every stage was solved to a proven optimum (``Plan/provenOptimal``).
  ///   - gap: the solver's relative gap to its best bound, when known; else the certificate's own.
  init(_ c: Certificate, provenOptimal: Bool, gap: Double?) {
    let optimality = provenOptimal && c.maxDualInfeasibility != nil
    self.init(maxBoundViolation: c.maxBoundViolation, maxRowViolation: c.maxRowViolation,
              maxDualInfeasibility: c.maxDualInfeasibility, maxComplementarityViolation: c.maxComplementarityViolation,
              relativeGap: optimality ? c.relativeGap : gap ?? c.relativeGap,
              maxIntegralityViolation: c.maxIntegralityViolation,
              proves: optimality ? "optimality" : "feasibility",
              holds: optimality ? c.holds(tolerance: 1e-7) : max(c.maxBoundViolation, c.maxRowViolation) <= 1e-7)
  }

  /// The summary line of the table report.
  var line: String {
    func e(_ v: Double?) -> String { v.map { String(format: "%.1e", $0) } ?? "–" }
    let primal = e(max(maxBoundViolation ?? 0, maxRowViolation ?? 0))
    if proves == "optimality" {
      var parts = ["primal \(primal)", "dual \(e(maxDualInfeasibility))", "compl. \(e(maxComplementarityViolation))",
                   "gap \(e(relativeGap))"]
      if let i = maxIntegralityViolation { parts.append("integrality \(e(i))") }
      return (holds ? "holds" : "VIOLATED") + " (" + parts.joined(separator: ", ") + ")"
    }
    let gap = relativeGap.map { "gap \(e($0))" } ?? "gap unknown: no dual bound"
    return (holds ? "feasible point" : "point VIOLATES constraints") + ", optimality not proven (primal \(primal), \(gap))"
  }
}
