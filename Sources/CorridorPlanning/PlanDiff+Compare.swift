// Building a PlanDiff: entries matched by name, figures compared with one tolerance.

extension PlanDiff {
  /// Compares `other` with `base`.
  ///
  /// - Parameters:
  ///   - tolerance: see ``tolerance``; must be finite and ≥ 0 (the CLI checks it).
  ///   - all: list every entry, changed or not.
  public init(base: Plan, other: Plan, tolerance: Double = PlanDiff.defaultTolerance, all: Bool = false) {
    let a = Reading(base), b = Reading(other)
    let tol = tolerance
    func change(_ x: Double?, _ y: Double?) -> Change { Change(x, y, tolerance: tol) }
    /// Keeps an entry when it is listed anyway, is on one side only, or changed.
    func keep(_ presence: Presence, _ changes: [Change], _ flags: [FlagChange], _ nested: [KeyedChange] = []) -> Bool {
      all || presence != .both || changes.contains(where: \.changed) || flags.contains(where: \.changed)
        || nested.contains(where: \.change.changed)
    }
    /// Nested figures: every key of either side; only the changed ones unless `all`. A key
    /// missing on a side that has the entry and a feasible point is 0 there (a disabled
    /// corridor lists no countries; it carries nothing), else missing.
    func keyed(_ x: [(String, String, Double?)]?, _ y: [(String, String, Double?)]?, every: Bool = all) -> [KeyedChange] {
      let zeroA: Double? = x != nil && base.hasPoint ? 0 : nil
      let zeroB: Double? = y != nil && other.hasPoint ? 0 : nil
      return Self.matched(x ?? [], y ?? [], name: \.0).compactMap { p, q in
        let c = KeyedChange(key: (p ?? q)!.0, unit: (p ?? q)!.1,
                            change: change(p == nil ? zeroA : p?.2, q == nil ? zeroB : q?.2))
        return every || c.change.changed ? c : nil
      }
    }

    var corridors: [CorridorDiff] = []
    for (p, q) in Self.matched(base.corridors, other.corridors, name: \.name) {
      let c = (q ?? p)!
      let presence = Self.presence(p, q)
      let d = CorridorDiff(
        name: c.name, presence: presence, commodity: c.commodity, unit: c.unit, from: c.from, to: c.to,
        enabled: FlagChange(p?.enabled, q?.enabled),
        capacity: change(p?.capacity, q?.capacity),
        flow: change(p.flatMap { a.primal($0.flow) }, q.flatMap { b.primal($0.flow) }),
        utilization: change(p.flatMap { a.primal($0.utilization) }, q.flatMap { b.primal($0.utilization) }),
        shadowPrice: change(p.flatMap { a.dual($0.shadowPrice) }, q.flatMap { b.dual($0.shadowPrice) }),
        binding: FlagChange(p.flatMap { a.primal($0.binding) }, q.flatMap { b.primal($0.binding) }),
        byCountry: keyed(p.map { a.flows($0.byCountry, c.unit) }, q.map { b.flows($0.byCountry, c.unit) }))
      if keep(presence, [d.capacity, d.flow, d.utilization, d.shadowPrice], [d.enabled, d.binding], d.byCountry) {
        corridors.append(d)
      }
    }

    var countries: [CountryDiff] = []
    for (p, q) in Self.matched(base.countries, other.countries, name: \.name) {
      let presence = Self.presence(p, q)
      let d = CountryDiff(
        name: (q ?? p)!.name, presence: presence,
        // Every commodity's volume is shown for a listed country (usually one), changed or not.
        volume: keyed(p.map { a.volumes($0) }, q.map { b.volumes($0) }, every: true),
        revenue: change(p.flatMap { a.primal($0.revenue) }, q.flatMap { b.primal($0.revenue) }),
        netValue: change(p.flatMap { a.primal($0.netValue) }, q.flatMap { b.primal($0.netValue) }),
        shares: Self.sharesDiff(a.shares(of: (q ?? p)!.name), b.shares(of: (q ?? p)!.name), tolerance: tol, all: all))
      if keep(presence, [d.revenue, d.netValue], [], d.volume + d.shares) { countries.append(d) }
    }

    var markets: [MarketDiff] = []
    for (p, q) in Self.matched(base.markets, other.markets, name: \.name) {
      let m = (q ?? p)!
      let presence = Self.presence(p, q)
      let d = MarketDiff(
        name: m.name, presence: presence, commodity: m.commodity, unit: m.unit, priceUnit: m.priceUnit,
        delivered: change(p.flatMap { a.primal($0.delivered) }, q.flatMap { b.primal($0.delivered) }),
        revenue: change(p.flatMap { a.primal($0.revenue) }, q.flatMap { b.primal($0.revenue) }),
        averagePrice: change(p.flatMap { a.primal($0.averagePrice) }, q.flatMap { b.primal($0.averagePrice) }),
        shadowPrice: change(p.flatMap { a.dual($0.shadowPrice) }, q.flatMap { b.dual($0.shadowPrice) }))
      if keep(presence, [d.delivered, d.revenue, d.averagePrice, d.shadowPrice], []) { markets.append(d) }
    }

    var rules: [RuleDiff] = []
    for (p, q) in Self.matched(base.rules, other.rules, name: \.name) {
      let r = (q ?? p)!
      let presence = Self.presence(p, q)
      let flowRow = [.minShare, .maxShare, .priority].contains(r.kind)
      let d = RuleDiff(
        name: r.name, presence: presence, kind: r.kind, unit: r.unit, rowUnit: flowRow ? r.flowUnit : r.unit,
        target: change(p?.target, q?.target),
        achieved: change(p.flatMap { a.primal($0.achieved) }, q.flatMap { b.primal($0.achieved) }),
        binding: FlagChange(p.flatMap { a.primal($0.binding) }, q.flatMap { b.primal($0.binding) }),
        dual: change(p.flatMap { a.dual($0.dual) }, q.flatMap { b.dual($0.dual) }))
      // A kind that changed (a rule replaced under the same name) is a change too.
      let kindChanged = p != nil && q != nil && p?.kind != q?.kind
      if kindChanged || keep(presence, [d.target, d.achieved, d.dual], [d.binding]) { rules.append(d) }
    }

    var constraints: [ConstraintDiff] = []
    for (p, q) in Self.matched(base.constraints, other.constraints, name: \.name) {
      let c = (q ?? p)!
      let presence = Self.presence(p, q)
      let d = ConstraintDiff(
        name: c.name, presence: presence, per: c.per, unit: c.unit,
        activity: change(p.flatMap { a.primal($0.activity) }, q.flatMap { b.primal($0.activity) }),
        rhs: change(p?.rhs, q?.rhs),
        binding: FlagChange(p.flatMap { a.primal($0.binding) }, q.flatMap { b.primal($0.binding) }),
        dual: change(p.flatMap { a.dual($0.dual) }, q.flatMap { b.dual($0.dual) }))
      if keep(presence, [d.activity, d.rhs, d.dual], [d.binding]) { constraints.append(d) }
    }

    self.init(
      base: Side(base), other: Side(other), tolerance: tolerance, listsAll: all,
      objective: change(a.plan.hasPoint ? base.objective : nil, b.plan.hasPoint ? other.objective : nil),
      corridors: corridors, countries: countries, markets: markets, rules: rules, constraints: constraints)
  }

  /// Pairs entries by name: the base's in its order (with their match in `other`, if any),
  /// then those only in `other`, in its order.
  static func matched<T>(_ base: [T], _ other: [T], name: (T) -> String) -> [(T?, T?)] {
    var index: [String: T] = [:]
    for o in other where index[name(o)] == nil { index[name(o)] = o }
    var seen = Set<String>()
    var out: [(T?, T?)] = []
    for x in base where seen.insert(name(x)).inserted { out.append((x, index[name(x)])) }
    for o in other where seen.insert(name(o)).inserted { out.append((nil, o)) }
    return out
  }

  /// Shares under rules: a rule on one side only is missing (nil) on the other, not 0.
  static func sharesDiff(_ x: [(String, String, Double?)], _ y: [(String, String, Double?)], tolerance: Double, all: Bool)
    -> [KeyedChange]
  {
    matched(x, y, name: \.0).compactMap { p, q in
      let c = KeyedChange(key: (p ?? q)!.0, unit: (p ?? q)!.1, change: Change(p?.2, q?.2, tolerance: tolerance))
      return all || c.change.changed ? c : nil
    }
  }

  static func presence<T>(_ p: T?, _ q: T?) -> Presence {
    p == nil ? .added : q == nil ? .removed : .both
  }

  /// Reads a plan's figures as the reports do: flows and money only with a feasible
  /// point, duals only with a dual solution.
  struct Reading {
    let plan: Plan
    init(_ plan: Plan) { self.plan = plan }

    func primal<T>(_ v: T?) -> T? { plan.hasPoint ? v : nil }
    func dual(_ v: Double?) -> Double? { plan.hasDuals ? v : nil }

    func flows(_ list: [CountryFlow], _ unit: String) -> [(String, String, Double?)] {
      list.map { ($0.country, unit, primal($0.flow)) }
    }

    /// Supply used per commodity (the sum over the country's supply entries of it).
    func volumes(_ c: CountryResult) -> [(String, String, Double?)] {
      var order: [String] = []
      var total: [String: (unit: String, used: Double)] = [:]
      for s in c.supplied {
        if total[s.commodity] == nil { order.append(s.commodity); total[s.commodity] = (s.unit, 0) }
        total[s.commodity]!.used += s.used
      }
      return order.map { ($0, total[$0]!.unit, primal(total[$0]!.used)) }
    }

    /// The country's achieved share under each share rule that names it. A rule whose
    /// corridors carry nothing has no share (and an empty ``RuleResult/byCountry``); its
    /// country is then read from the note the extractor writes (`"KZ on cable"`), so the
    /// share shows as missing rather than the rule vanishing from the country.
    func shares(of country: String) -> [(String, String, Double?)] {
      plan.rules.filter { $0.kind == .minShare || $0.kind == .maxShare }.compactMap { r in
        guard r.byCountry.contains(where: { $0.country == country }) || r.note?.hasPrefix(country + " on ") == true
        else { return nil }
        return (r.name, r.unit, primal(r.byCountry.first { $0.country == country }?.flow ?? r.achieved))
      }
    }
  }
}
