import CorridorModel
import LinearProgramming

/// Reads a solution of a ``Formulation`` back into domain terms.
///
/// Signs: every dual and shadow price goes through ``worth`` (see ``Worth``):
/// the worth of one more unit of the bound to the objective's owner.
/// Units: rates stay in the commodity's unit; amounts the LP keeps in
/// rate-hours (storage levels, per-horizon constraints) are converted to the
/// commodity's amount unit (`Mt`, `MWh`), and their duals to currency per
/// amount unit, by ``amountPerUnitHour(_:)``.
struct PlanExtractor {
  let f: Formulation
  let solution: Solution
  /// The sign convention for the duals of `solution`'s stage.
  let worth: Worth
  let x: [Double]
  let y: [Double]?
  /// Reduced costs, when duals are available (same conditions as `y`).
  let d: [Double]?
  let H: Double
  let S: Int

  /// - Parameter objectiveSense: The sense of the stage `solution` solved (default: the
  ///   model's main objective: minimise for `min-cost`, maximise otherwise).
  init(formulation: Formulation, solution: Solution, objectiveSense: ObjectiveSense? = nil) {
    f = formulation
    self.solution = solution
    worth = Worth(sense: objectiveSense ?? (formulation.model.objective == .minCost ? .minimize : .maximize))
    // Without a feasible point GLPK's values describe an infeasible basis: show nothing
    // rather than flows and prices that mean nothing. Duals need a dual feasible point.
    let feasible = solution.primalStatus == .feasible && !solution.values.isEmpty
    x = feasible ? solution.values : [Double](repeating: 0, count: formulation.program.variableCount)
    y = feasible && solution.dualStatus == .feasible ? solution.duals : nil
    d = y == nil ? nil : solution.reducedCosts
    H = formulation.totalHours
    S = formulation.sliceCount
  }

  /// Hours-weighted average of a per-slice block of columns.
  func average(_ columns: ColumnSpan) -> Double {
    var s = 0.0
    for t in 0..<S { s += f.hours[t] * x[columns[t]] }
    return s / H
  }

  /// The worth (``Worth``) of raising the bounds of `rows` by one unit each.
  func dualSum(_ rows: RowSpan) -> Double? {
    guard let y else { return nil }
    var s = 0.0
    for r in rows.rows { s += y[r.index] }
    return worth(s)
  }

  /// The worth of one more unit of the upper bound of `columns` (each slice's), from their
  /// reduced costs; nil without a dual solution.
  func upperBoundWorth(_ columns: ColumnSpan) -> Double? {
    guard y != nil, let d = solution.reducedCosts, d.count >= columns.first + columns.count else { return nil }
    var s = 0.0
    for j in columns.columns { s += worth.ofUpperBound(reducedCost: d[j]) }
    return s
  }

  /// Amount units per rate-hour of a commodity: 1 for MW (a MW·h is a MWh) and Tbps,
  /// 1/8,760 for Mt/yr (a Mt is 8,760 (Mt/yr)·h).
  func amountPerUnitHour(_ commodity: Commodity?) -> Double { commodity?.amountPerUnitHour ?? 1 }

  /// The worth of one more unit of a parameter held by a fixed column (`capacity[c]`,
  /// `available[s]`): the column's reduced cost, which counts every row the parameter is in,
  /// through ``worth`` like every dual.
  func parameterValue(_ column: LPColumn) -> Double? {
    d.map { worth($0[column]) }
  }

  /// The worth of one more unit of supply `k` in every slice: its available-volume column
  /// (custom constraints naming `available[…]`) plus, per slice, the worth of raising the
  /// upper bound of the supply column (``upperBoundWorth(_:_:)``).
  func supplyValue(_ k: Int) -> Double? {
    guard let column = parameterValue(f.index.availableColumns[k]),
          let bound = upperBoundWorth(f.index.supplies[k]) else { return nil }
    return column + bound
  }

  func extract() -> Plan {
    let model = f.model
    let units = Dictionary(model.commodities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let built = investments(units)
    return Plan(
      modelName: model.name, scenarios: model.scenarioNames, currency: model.currency,
      objectiveKind: model.objective, status: solution.termination,
      objective: hasPoint ? solution.objectiveValue : nil, stages: [],
      certificate: hasPoint ? solution.certificate : nil,
      totalHours: H, slices: model.slices,
      corridors: corridors(units), countries: countries(units), markets: markets(units),
      storages: storages(), rules: withFlowUnits(rules()), constraints: constraints(),
      warnings: model.warnings.map(\.description) + notes(),
      timings: Plan.Timings(),
      size: LPSize(variables: f.program.variableCount, constraints: f.program.constraintCount,
                   nonZeros: f.program.nonZeroCount),
      hasPoint: hasPoint, hasDuals: y != nil,
      provenOptimal: solution.termination == .optimal && hasPoint,
      bestBound: solution.mip?.bestBound, gap: solution.mip?.gap,
      hasBuildOptions: model.hasBuildOptions, isMixedInteger: f.program.isMixedInteger, nodes: solution.mip?.nodes,
      investments: built, years: years(units, built: built))
  }

  var hasPoint: Bool { solution.primalStatus == .feasible && !solution.values.isEmpty }

  /// Planning notes on what the figures are (or are not).
  ///
  /// Missing figures are not described as zeros: the ``Plan`` marks them with
  /// ``Plan/hasPoint`` and ``Plan/hasDuals`` and reports show them as missing.
  func notes() -> [String] {
    var out: [String] = []
    let status = solution.termination
    let limit = status == .timeLimit ? "time limit" : "iteration limit"
    if !hasPoint {
      switch status {
      case .timeLimit, .iterationLimit:
        out.append("the solver stopped at the \(limit) before it found a feasible plan: there are no flows, revenues or shadow prices to show, and nothing is known about feasibility; allow more time (--time-limit) or solve a coarser model (fewer time slices)")
      case .infeasible, .infeasibleOrUnbounded:
        out.append("no feasible plan exists (\(status.rawValue)): there are no flows, revenues or shadow prices to show; `corridor check` validates the file, and the rules (min-share, firm volumes) and custom constraints are the usual suspects")
      default:
        out.append("no feasible plan (\(status.rawValue): \(status.message)): there are no flows, revenues or shadow prices to show")
      }
    } else if status == .timeLimit || status == .iterationLimit {
      let gap = solution.mip?.gap.map { "the gap to the best bound is \(Units.format($0 * 100)) %" }
        ?? "no bound on the optimum is known, so the gap is unknown"
      out.append("the solver stopped at the \(limit) with a feasible plan that is not proven optimal: \(gap); the figures are those of that plan\(y == nil ? ", and it has no shadow prices" : "")")
    } else if y == nil {
      out.append("no dual solution (\(status.rawValue)): shadow prices and duals are not available")
    }
    if f.program.isMixedInteger, hasPoint, y != nil {
      out.append("the shadow prices are those of the LP with every build decision fixed at the plan's choice (a MIP has no duals of its own)")
    }
    // Warnings about the model itself (a fair-share rule without the fairness objective,
    // min-cost with nothing to deliver) come from the loader, so `corridor check` gives them too.
    return out
  }

  func corridors(_ units: [String: Commodity]) -> [CorridorResult] {
    f.model.corridors.enumerated().map { c, corridor in
      let blocks = f.flowBlocks(corridor: c)
      // Existing capacity plus what the plan builds (investment models), × availability.
      let usable = (0..<S).map { corridor.usableCapacity(at: $0) + (corridor.enabled ? corridor.availability.value(at: $0) * builtCapacity(corridor: c, slice: $0) : 0) }
      let cap = (0..<S).reduce(0.0) { $0 + f.hours[$1] * usable[$1] } / H
      var total = [Double](repeating: 0, count: S)
      for b in blocks { for s in 0..<S { total[s] += x[b.columns[s]] } }
      var avg = 0.0
      for s in 0..<S { avg += f.hours[s] * total[s] }
      avg /= H
      let binding = blocks.isEmpty || !hasPoint ? 0 : (0..<S).filter { total[$0] >= usable[$0] - 1e-6 * (1 + usable[$0]) }.count
      let byCountry = Dictionary(grouping: blocks, by: \.origin)
      let order = blocks.map(\.origin).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      let shares = order.map { o in
        CountryFlow(country: o, flow: byCountry[o]!.reduce(0) { $0 + average($1.columns) })
      }
      // The capacity column's reduced cost: capacity rows and every custom row naming capacity[c].
      let shadow = parameterValue(f.index.capacityColumns[c])
      var result = CorridorResult(
        name: corridor.name, commodity: corridor.commodity, unit: units[corridor.commodity]?.unit ?? "",
        from: corridor.from, to: corridor.to, enabled: corridor.enabled, capacity: cap, flow: avg,
        peakFlow: total.max() ?? 0, utilization: cap > 0 ? avg / cap : nil, shadowPrice: shadow,
        bindingSlices: binding, byCountry: shares, lossFraction: corridor.loss,
        nominalCapacity: corridor.enabled ? (0..<S).reduce(0.0) { $0 + f.hours[$1] * (corridor.capacity.value(at: $1) + builtCapacity(corridor: c, slice: $1)) } / H : 0)
      result.sliceFlows = hasPoint ? total : []
      return result
    }
  }

  func countries(_ units: [String: Commodity]) -> [CountryResult] {
    let model = f.model
    let money = f.objectives
    var names: [String] = []
    for s in model.supplies where !names.contains(s.country) { names.append(s.country) }
    return names.map { o in
      var supplied: [SupplyUse] = []
      var cost = 0.0
      for (k, s) in model.supplies.enumerated() where s.country == o {
        let used = average(f.index.supplies[k])
        cost += money.payment(x, over: f.index.supplies[k])
        supplied.append(SupplyUse(commodity: s.commodity, unit: units[s.commodity]?.unit ?? "", used: used,
                                  available: s.volume.weightedSum(hours: f.hours) / H,
                                  supply: s.name, shadowPrice: supplyValue(k)))
      }
      var byCorridor: [CorridorFlow] = []
      var tariffs = 0.0
      for (c, corridor) in model.corridors.enumerated() {
        let blocks = f.flowBlocks(corridor: c, origin: o)
        guard !blocks.isEmpty else { continue }
        byCorridor.append(CorridorFlow(corridor: corridor.name, flow: blocks.reduce(0) { $0 + average($1.columns) }))
        for b in blocks { tariffs = money.payment(x, over: b.columns, startingAt: tariffs) }
      }
      var byMarket: [MarketSale] = []
      var revenue = 0.0
      for d in f.index.deliveries where d.origin == o {
        let market = model.markets[d.market]
        let r = money.money(x, over: d.columns)
        revenue += r
        byMarket.append(MarketSale(market: market.name, delivered: average(d.columns), revenue: r))
      }
      var wear = 0.0
      for (k, st) in model.storages.enumerated() where st.owner == o {
        wear = money.payment(x, over: f.index.storages[k].discharge, startingAt: wear)
      }
      return CountryResult(name: o, supplied: supplied, byCorridor: byCorridor, byMarket: byMarket,
                           revenue: revenue, supplyCost: cost, tariffs: tariffs, storageWear: wear)
    }
  }

  func markets(_ units: [String: Commodity]) -> [MarketResult] {
    f.model.markets.enumerated().map { m, market in
      let blocks = f.index.deliveries.filter { $0.market == m }
      // `weighted`: the amount weighted like revenue (by the year multipliers), for the average price.
      var revenue = 0.0, amount = 0.0, weighted = 0.0
      for b in blocks {
        revenue = f.objectives.money(x, over: b.columns, startingAt: revenue)
        for t in 0..<S {
          amount += f.hours[t] * x[b.columns[t]]
          weighted += f.hours[t] * f.moneyWeight[t] * x[b.columns[t]]
        }
      }
      let commodity = units[market.commodity]
      let avgPrice: Double? = weighted > 1e-12 ? commodity.map { $0.displayPrice(revenue / weighted) } ?? revenue / weighted : nil
      return MarketResult(
        name: market.name, node: market.node, commodity: market.commodity, unit: commodity?.unit ?? "",
        delivered: amount / H, volume: market.volume.map { $0.weightedSum(hours: f.hours) / H },
        revenue: revenue, averagePrice: avgPrice, priceUnit: commodity?.priceUnit ?? "",
        shadowPrice: f.index.marketRows[m].map { dualSum($0) } ?? (y == nil ? nil : 0),
        byCountry: blocks.map { CountryFlow(country: $0.origin, flow: average($0.columns)) })
    }
  }

  func storages() -> [StorageResult] {
    f.model.storages.enumerated().map { k, st in
      let c = f.index.storages[k]
      let commodity = f.model.commodity(named: st.commodity)
      // Levels are rate-hours in the LP: shown in the amount unit (Mt, MWh).
      return StorageResult(name: st.name, node: st.node, owner: st.owner, charged: average(c.charge),
                           discharged: average(c.discharge),
                           peakLevel: ((0..<S).map { x[c.level[$0]] }.max() ?? 0) * amountPerUnitHour(commodity),
                           unit: commodity?.unit ?? "", amountUnit: commodity?.amountUnit ?? "")
    }
  }

  /// The hours-weighted average flow of `origin` (nil: all) through `corridors`.
  func averageFlow(_ corridors: [String], origin: String?) -> Double {
    var total = 0.0
    for name in corridors {
      guard let c = f.model.corridors.firstIndex(where: { $0.name == name }) else { continue }
      for b in f.flowBlocks(corridor: c, origin: origin) { total += average(b.columns) }
    }
    return total
  }

  func isBinding(_ row: LPRow) -> Bool {
    guard hasPoint else { return false }
    guard let lp = try? f.program.bounds(of: f.program.constraint(at: row.index)) else { return false }
    let a = solution.activities.isEmpty ? 0 : solution.activities[row.index]
    let tol = 1e-6 * (1 + abs(a))
    return (lp.lower.isFinite && abs(a - lp.lower) <= tol) || (lp.upper.isFinite && abs(a - lp.upper) <= tol)
  }

  func rules() -> [RuleResult] {
    f.model.rules.enumerated().map { k, rule in
      let rows = f.index.ruleRows[k]
      let dual = rows.flatMap { dualSum($0) }
      let bindingRows = rows.map { r in r.rows.filter { isBinding($0) }.count } ?? 0
      switch rule.kind {
      case let .minShare(country, corridors, share), let .maxShare(country, corridors, share):
        let all = averageFlow(corridors, origin: nil)
        let mine = averageFlow(corridors, origin: country)
        // The row is F_o − σ·ΣF ≥ 0 (min) or ≤ 0 (max). One more point of σ moves the row like
        // raising its right-hand side by ΣF/100, for both kinds: ∂objective/∂σ = dual · ΣF.
        // With `dual` already a worth, that is a gain for max-share (the cap loosens) and
        // a cost for min-share (the floor tightens).
        return RuleResult(name: rule.name, kind: rule.kind.tag, target: share, achieved: all > 1e-12 ? mine / all : nil,
                          binding: bindingRows > 0, dual: dual, note: "\(country) on \(corridors.joined(separator: ", "))",
                          perSharePoint: dual.map { $0 * all / 100 }, unit: "fraction",
                          byCountry: hasPoint && all > 1e-12 ? [CountryFlow(country: country, flow: mine / all)] : [])
      case let .firm(country, market, volume):
        let m = f.model.markets.firstIndex { $0.name == market }
        let block = f.index.deliveries.first { $0.origin == country && $0.market == m }
        let least = block.map { b in (0..<S).map { x[b.columns[$0]] }.min() ?? 0 } ?? 0
        return RuleResult(name: rule.name, kind: .firm, target: volume, achieved: least,
                          binding: bindingRows > 0, dual: dual, note: "\(country) → \(market), every slice",
                          unit: unitOfMarket(market),
                          byCountry: hasPoint ? [CountryFlow(country: country, flow: least)] : [])
      case let .fairShare(countries, corridors, basis):
        let levels = countries.map { o -> Double in
          let w = basis == .equal ? 1 : max(f.availableAverage(country: o, corridors: corridors), 1e-9)
          return averageFlow(corridors, origin: o) / w
        }
        return RuleResult(name: rule.name, kind: .fairShare, target: nil, achieved: levels.min(),
                          binding: bindingRows > 0, dual: dual,
                          note: zip(countries, levels).map { "\($0) \(Self.fmt($1))" }.joined(separator: ", ") + (basis == .supply ? " (share of own supply)" : ""),
                          unit: basis == .supply ? "fraction" : unitOfCorridor(corridors.first),
                          byCountry: hasPoint ? zip(countries, levels).map { CountryFlow(country: $0, flow: $1) } : [])
      case let .priority(corridors, order):
        let flows = order.map { "\($0) \(Self.fmt(averageFlow(corridors, origin: $0)))" }
        return RuleResult(name: rule.name, kind: .priority, target: nil, achieved: nil, binding: false,
                          dual: nil, note: "order " + flows.joined(separator: " > "))
      }
    }
  }

  func unitOfMarket(_ name: String) -> String {
    f.model.market(named: name).flatMap { f.model.commodity(named: $0.commodity) }?.unit ?? ""
  }

  func unitOfCorridor(_ name: String?) -> String {
    name.flatMap { f.model.corridor(named: $0) }.flatMap { f.model.commodity(named: $0.commodity) }?.unit ?? ""
  }

  /// Sets each share and priority rule's ``RuleResult/flowUnit``: the unit of the flows
  /// through its corridors (a share rule's row and dual are per unit of that flow).
  func withFlowUnits(_ results: [RuleResult]) -> [RuleResult] {
    zip(f.model.rules, results).map { rule, result in
      var r = result
      switch rule.kind {
      case let .minShare(_, corridors, _), let .maxShare(_, corridors, _), let .priority(corridors, _):
        r.flowUnit = unitOfCorridor(corridors.first)
      case .firm, .fairShare:
        break
      }
      return r
    }
  }

  static func fmt(_ v: Double) -> String {
    let r = (v * 1000).rounded() / 1000
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  /// Custom constraints. Per-slice rows are rates (unless they hold storage levels, which
  /// are amounts); the per-horizon row is an amount. Amounts are shown in the commodity's
  /// amount unit and their duals per amount unit (USD/Mt, not USD per (Mt/yr)·h).
  func constraints() -> [ConstraintResult] {
    f.model.constraints.enumerated().map { k, cc in
      let rows = f.index.constraintRows[k]!
      var act = 0.0, rhs = 0.0
      let a = solution.activities
      let specs = f.constraintRows(k)
      for r in 0..<rows.count {
        let w = rows.count == 1 && cc.per == .horizon ? 1 : f.hours[r] / H
        // As the planner wrote it: variables on the left; on the right the row's bound less
        // its fixed parameter terms (capacity, available volume), at their current values.
        let parameters = f.parameterTotal(specs[r])
        act += w * (a.isEmpty || !hasPoint ? 0 : a[rows[r].index] - parameters)
        rhs += w * f.writtenBound(specs[r], cc.sense)
      }
      let binding = rows.rows.filter { isBinding($0) }.count
      let commodity = f.model.commodity(named: cc.commodity)
      let isAmount = cc.isAmount
      let scale = isAmount ? amountPerUnitHour(commodity) : 1
      return ConstraintResult(name: cc.name, expression: cc.source, per: cc.per.rawValue,
                              activity: act * scale, rhs: rhs * scale,
                              bindingRows: binding, dual: dualSum(rows).map { $0 / scale },
                              unit: (isAmount ? commodity?.amountUnit : commodity?.unit) ?? "")
    }
  }
}
