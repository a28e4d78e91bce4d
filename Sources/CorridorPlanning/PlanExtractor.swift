import CorridorModel
import LinearProgramming

/// Reads a solution of a ``Formulation`` back into domain terms.
struct PlanExtractor {
  let f: Formulation
  let solution: Solution
  let x: [Double]
  let y: [Double]?
  /// Reduced costs, when duals are available (same conditions as `y`).
  let d: [Double]?
  let H: Double
  let S: Int

  init(formulation: Formulation, solution: Solution) {
    f = formulation
    self.solution = solution
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
  func average(_ base: Int) -> Double {
    var s = 0.0
    for t in 0..<S { s += f.hours[t] * x[base + t] }
    return s / H
  }

  func dualSum(_ base: Int, _ count: Int) -> Double? {
    guard let y else { return nil }
    var s = 0.0
    for r in base..<(base + count) { s += y[r] }
    return s
  }

  /// The value of one more unit of a parameter held by a fixed column (`capacity[c]`,
  /// `available[s]`): the column's reduced cost, which counts every row the parameter is in.
  /// Same convention as ``dualSum(_:_:)`` (∂objective/∂parameter of the solved objective).
  func parameterValue(_ column: Int) -> Double? {
    d.map { $0[column] }
  }

  /// The value of one more unit of supply `k` in every slice: its available-volume column
  /// (custom constraints naming `available[…]`) plus, per slice, the multiplier of the
  /// upper bound of the supply column. That multiplier is the reduced cost where it pays to
  /// raise the bound (≥ 0 for a maximisation, ≤ 0 for a minimisation) and 0 otherwise.
  /// Same convention as ``dualSum(_:_:)``.
  func supplyValue(_ k: Int) -> Double? {
    guard let d else { return nil }
    let maximize = f.program.sense == .maximize
    var v = d[f.availableColumns[k]]
    for s in 0..<S {
      let r = d[f.supplyBase[k] + s]
      v += maximize ? max(r, 0) : min(r, 0)
    }
    return v
  }

  func extract() -> Plan {
    let model = f.model
    let units = Dictionary(model.commodities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    return Plan(
      modelName: model.name, scenarios: model.scenarioNames, currency: model.currency,
      objectiveKind: model.objective, status: solution.termination,
      objective: solution.primalStatus == .feasible ? solution.objectiveValue : nil, stages: [],
      certificate: hasPoint ? solution.certificate : nil,
      totalHours: H, slices: model.slices,
      corridors: corridors(units), countries: countries(units), markets: markets(units),
      storages: storages(), rules: rules(), constraints: constraints(),
      warnings: model.warnings.map(\.description) + notes(),
      timings: Plan.Timings(),
      size: LPSize(variables: f.program.variableCount, constraints: f.program.constraintCount,
                   nonZeros: f.program.nonZeroCount),
      hasPoint: hasPoint, hasDuals: y != nil)
  }

  var hasPoint: Bool { solution.primalStatus == .feasible && !solution.values.isEmpty }

  func notes() -> [String] {
    var out: [String] = []
    if !hasPoint {
      out.append("no feasible point (\(solution.termination.rawValue)): flows, revenues and shadow prices are shown as 0 and mean nothing; `corridor check` validates the file, and the rules and firm volumes are the usual suspects")
    } else if y == nil {
      out.append("no dual solution (\(solution.termination.rawValue)): shadow prices and duals are not available")
    }
    if f.model.objective != .maxMinFair,
       f.model.rules.contains(where: { if case .fairShare = $0.kind { return true } else { return false } }) {
      out.append("fair-share rules act only with objective \"max-min-fair\"; they are reported but did not constrain this plan")
    }
    return out
  }

  func corridors(_ units: [String: Commodity]) -> [CorridorResult] {
    f.model.corridors.enumerated().map { c, corridor in
      let blocks = f.flowBlocks(corridor: c)
      let usable = (0..<S).map { corridor.usableCapacity(at: $0) }
      let cap = (0..<S).reduce(0.0) { $0 + f.hours[$1] * usable[$1] } / H
      var total = [Double](repeating: 0, count: S)
      for b in blocks { for s in 0..<S { total[s] += x[b.base + s] } }
      var avg = 0.0
      for s in 0..<S { avg += f.hours[s] * total[s] }
      avg /= H
      let binding = blocks.isEmpty || !hasPoint ? 0 : (0..<S).filter { total[$0] >= usable[$0] - 1e-6 * (1 + usable[$0]) }.count
      let byCountry = Dictionary(grouping: blocks, by: \.origin)
      let order = blocks.map(\.origin).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      let shares = order.map { o in
        CountryFlow(country: o, flow: byCountry[o]!.reduce(0) { $0 + average($1.base) })
      }
      // The capacity column's reduced cost: capacity rows and every custom row naming capacity[c].
      let shadow = parameterValue(f.capacityColumns[c])
      return CorridorResult(
        name: corridor.name, commodity: corridor.commodity, unit: units[corridor.commodity]?.unit ?? "",
        from: corridor.from, to: corridor.to, enabled: corridor.enabled, capacity: cap, flow: avg,
        peakFlow: total.max() ?? 0, utilization: cap > 0 ? avg / cap : nil, shadowPrice: shadow,
        bindingSlices: binding, byCountry: shares, lossFraction: corridor.loss,
        nominalCapacity: corridor.enabled ? corridor.capacity.weightedMean(hours: f.hours) : 0)
    }
  }

  func countries(_ units: [String: Commodity]) -> [CountryResult] {
    let model = f.model
    var names: [String] = []
    for s in model.supplies where !names.contains(s.country) { names.append(s.country) }
    return names.map { o in
      var supplied: [SupplyUse] = []
      var cost = 0.0
      for (k, s) in model.supplies.enumerated() where s.country == o {
        let used = average(f.supplyBase[k])
        var c = 0.0
        for t in 0..<S { c += s.cost * f.hours[t] * x[f.supplyBase[k] + t] }
        cost += c
        supplied.append(SupplyUse(commodity: s.commodity, unit: units[s.commodity]?.unit ?? "", used: used,
                                  available: s.volume.weightedSum(hours: f.hours) / H,
                                  supply: s.name, shadowPrice: supplyValue(k)))
      }
      var byCorridor: [CorridorFlow] = []
      var tariffs = 0.0
      for (c, corridor) in model.corridors.enumerated() {
        let blocks = f.flowBlocks(corridor: c, origin: o)
        guard !blocks.isEmpty else { continue }
        byCorridor.append(CorridorFlow(corridor: corridor.name, flow: blocks.reduce(0) { $0 + average($1.base) }))
        for b in blocks { for t in 0..<S { tariffs += corridor.tariff.value(at: t) * f.hours[t] * x[b.base + t] } }
      }
      var byMarket: [MarketSale] = []
      var revenue = 0.0
      for d in f.deliveries where d.origin == o {
        let market = model.markets[d.market]
        var r = 0.0
        for t in 0..<S { r += market.price.value(at: t) * f.hours[t] * x[d.base + t] }
        revenue += r
        byMarket.append(MarketSale(market: market.name, delivered: average(d.base), revenue: r))
      }
      var wear = 0.0
      for (k, st) in model.storages.enumerated() where st.owner == o {
        for t in 0..<S { wear += st.wearCost * f.hours[t] * x[f.storageColumns[k].discharge + t] }
      }
      return CountryResult(name: o, supplied: supplied, byCorridor: byCorridor, byMarket: byMarket,
                           revenue: revenue, supplyCost: cost, tariffs: tariffs, storageWear: wear)
    }
  }

  func markets(_ units: [String: Commodity]) -> [MarketResult] {
    f.model.markets.enumerated().map { m, market in
      let blocks = f.deliveries.filter { $0.market == m }
      var revenue = 0.0, amount = 0.0
      for b in blocks {
        for t in 0..<S {
          revenue += market.price.value(at: t) * f.hours[t] * x[b.base + t]
          amount += f.hours[t] * x[b.base + t]
        }
      }
      let commodity = units[market.commodity]
      let avgPrice: Double? = amount > 1e-12 ? commodity.map { $0.displayPrice(revenue / amount) } ?? revenue / amount : nil
      return MarketResult(
        name: market.name, node: market.node, commodity: market.commodity, unit: commodity?.unit ?? "",
        delivered: amount / H, volume: market.volume.map { $0.weightedSum(hours: f.hours) / H },
        revenue: revenue, averagePrice: avgPrice, priceUnit: commodity?.priceUnit ?? "",
        shadowPrice: f.marketRows[m].map { dualSum($0, S) } ?? (y == nil ? nil : 0),
        byCountry: blocks.map { CountryFlow(country: $0.origin, flow: average($0.base)) })
    }
  }

  func storages() -> [StorageResult] {
    f.model.storages.enumerated().map { k, st in
      let c = f.storageColumns[k]
      let commodity = f.model.commodity(named: st.commodity)
      return StorageResult(name: st.name, node: st.node, owner: st.owner, charged: average(c.charge),
                           discharged: average(c.discharge),
                           peakLevel: (0..<S).map { x[c.level + $0] }.max() ?? 0,
                           unit: commodity?.unit ?? "", amountUnit: commodity?.amountUnit ?? "")
    }
  }

  /// The hours-weighted average flow of `origin` (nil: all) through `corridors`.
  func averageFlow(_ corridors: [String], origin: String?) -> Double {
    var total = 0.0
    for name in corridors {
      guard let c = f.model.corridors.firstIndex(where: { $0.name == name }) else { continue }
      for b in f.flowBlocks(corridor: c, origin: origin) { total += average(b.base) }
    }
    return total
  }

  func isBinding(_ row: Int) -> Bool {
    guard hasPoint else { return false }
    guard let lp = try? f.program.bounds(of: f.program.constraint(at: row)) else { return false }
    let a = solution.activities.isEmpty ? 0 : solution.activities[row]
    let tol = 1e-6 * (1 + abs(a))
    return (lp.lower.isFinite && abs(a - lp.lower) <= tol) || (lp.upper.isFinite && abs(a - lp.upper) <= tol)
  }

  func rules() -> [RuleResult] {
    f.model.rules.enumerated().map { k, rule in
      let rows = f.ruleRows[k]
      let dual = rows.flatMap { dualSum($0.base, $0.count) }
      let bindingRows = rows.map { r in (r.base..<(r.base + r.count)).filter { isBinding($0) }.count } ?? 0
      switch rule.kind {
      case let .minShare(country, corridors, share), let .maxShare(country, corridors, share):
        let all = averageFlow(corridors, origin: nil)
        let mine = averageFlow(corridors, origin: country)
        let kind: String
        if case .minShare = rule.kind { kind = "min-share" } else { kind = "max-share" }
        // The row is F_o − σ·ΣF ≥ 0: one more point of σ moves its right-hand side by ΣF/100.
        let sign: Double = kind == "min-share" ? 1 : -1
        return RuleResult(name: rule.name, kind: kind, target: share, achieved: all > 1e-12 ? mine / all : nil,
                          binding: bindingRows > 0, dual: dual, note: "\(country) on \(corridors.joined(separator: ", "))",
                          perSharePoint: dual.map { sign * $0 * all / 100 }, unit: "fraction")
      case let .firm(country, market, volume):
        let m = f.model.markets.firstIndex { $0.name == market }
        let block = f.deliveries.first { $0.origin == country && $0.market == m }
        let least = block.map { b in (0..<S).map { x[b.base + $0] }.min() ?? 0 } ?? 0
        return RuleResult(name: rule.name, kind: "firm", target: volume, achieved: least,
                          binding: bindingRows > 0, dual: dual, note: "\(country) → \(market), every slice",
                          unit: unitOfMarket(market))
      case let .fairShare(countries, corridors, basis):
        let levels = countries.map { o -> Double in
          let w = basis == .equal ? 1 : max(f.availableAverage(country: o, corridors: corridors), 1e-9)
          return averageFlow(corridors, origin: o) / w
        }
        return RuleResult(name: rule.name, kind: "fair-share", target: nil, achieved: levels.min(),
                          binding: bindingRows > 0, dual: dual,
                          note: zip(countries, levels).map { "\($0) \(Self.fmt($1))" }.joined(separator: ", ") + (basis == .supply ? " (share of own supply)" : ""),
                          unit: basis == .supply ? "fraction" : unitOfCorridor(corridors.first))
      case let .priority(corridors, order):
        let flows = order.map { "\($0) \(Self.fmt(averageFlow(corridors, origin: $0)))" }
        return RuleResult(name: rule.name, kind: "priority", target: nil, achieved: nil, binding: false,
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

  static func fmt(_ v: Double) -> String {
    let r = (v * 1000).rounded() / 1000
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  func constraints() -> [ConstraintResult] {
    f.model.constraints.enumerated().map { k, cc in
      let rows = f.constraintRows[k]!
      var act = 0.0, rhs = 0.0
      let a = solution.activities
      for r in 0..<rows.count {
        let w = rows.count == 1 && cc.per == .horizon ? 1 : f.hours[r] / H
        act += w * (a.isEmpty || !hasPoint ? 0 : a[rows.base + r])
        rhs += w * cc.constant.value(at: cc.per == .slice ? r : 0)
      }
      let binding = (rows.base..<(rows.base + rows.count)).filter { isBinding($0) }.count
      let commodity = f.model.commodity(named: cc.commodity)
      return ConstraintResult(name: cc.name, expression: cc.source, per: cc.per.rawValue, activity: act, rhs: rhs,
                              bindingRows: binding, dual: dualSum(rows.base, rows.count),
                              unit: (cc.per == .slice ? commodity?.unit : commodity?.amountUnit) ?? "")
    }
  }
}
