// Whole-model checks: emptiness, objective prerequisites, reachability.

extension ModelBuilder {
  mutating func checkModel() {
    guard !reporter.hasErrors || !(corridors.isEmpty && supplies.isEmpty && markets.isEmpty) else {
      return
    }
    // Only complain about emptiness when the section is really absent or empty, not when
    // its entries had errors (those were reported).
    func sectionIsEmpty(_ s: String) -> Bool { (root[s]?.table ?? [:]).isEmpty }
    if corridors.filter(\.enabled).isEmpty, sectionIsEmpty("corridors") || !corridors.isEmpty {
      reporter.error(
        corridors.isEmpty ? [] : ["corridors"],
        corridors.isEmpty
          ? "the model has no corridors; add at least one [corridors.NAME] table"
          : "every corridor is disabled (enabled = false); nothing can flow")
    }
    if supplies.isEmpty, sectionIsEmpty("supply") {
      reporter.error([], "the model has no supply; add at least one [supply.NAME] table")
    } else if supplies.isEmpty, broken["supply"]?.isEmpty ?? true, let names = disabled["supply"], !names.isEmpty {
      // Every supply switched off is an empty model too, not a plan of 0.
      reporter.error(
        ["supply"],
        "every supply is disabled (\(disabledAt("supply", names.sorted()[0]))\(names.count > 1 ? ", …" : "")); nothing can flow: enable one, or add a [supply.NAME]")
    }
    if markets.isEmpty, sectionIsEmpty("markets") {
      reporter.error([], "the model has no markets; add at least one [markets.NAME] table")
    } else if markets.isEmpty, broken["markets"]?.isEmpty ?? true, let names = disabled["markets"], !names.isEmpty {
      reporter.error(
        ["markets"],
        "every market is disabled (\(disabledAt("markets", names.sorted()[0]))\(names.count > 1 ? ", …" : "")); nothing can be sold: enable one, or add a [markets.NAME]")
    }
    if objective == .maxMinFair, !rules.contains(where: { if case .fairShare = $0.kind { true } else { false } }),
      !reporter.hasErrors
    {
      reporter.error(["model", "objective"], "objective \"max-min-fair\" needs a fair-share rule; add [rules.NAME] with kind = \"fair-share\"")
    }
    // Reachability is only meaningful when every entry loaded: an entry dropped for an
    // error would otherwise cause a cascade of misleading warnings.
    if !reporter.hasErrors {
      checkReachability()
      checkObjectiveFit()
    }
  }

  /// Warnings that used to appear only in a solved plan's notes, so that `corridor check`
  /// gives them too: rules the objective ignores, and a min-cost model with nothing to deliver.
  func checkObjectiveFit() {
    if objective != .maxMinFair {
      for rule in rules {
        guard case .fairShare = rule.kind else { continue }
        reporter.warning(
          ["rules", rule.name],
          "fair-share rules act only with objective \"max-min-fair\"; this rule is reported but does not constrain the plan (set objective = \"max-min-fair\" in [model], or remove the rule)")
      }
    }
    guard objective == .minCost else { return }
    // Costs (supply, tariffs, wear) are never negative, so when moving nothing satisfies every
    // rule and constraint, the cheapest plan is to move nothing.
    let firm = rules.contains { if case .firm(_, _, let v) = $0.kind { v > 0 } else { false } }
    let forcing = constraints.contains { c in
      switch c.sense {
      case .greaterEqual: c.constant.maximum > 0
      case .lessEqual: c.constant.minimum < 0
      case .equal: c.constant.maximum != 0 || c.constant.minimum != 0
      }
    }
    if !firm, !forcing {
      reporter.warning(
        ["model", "objective"],
        "objective \"min-cost\" with nothing to deliver: no firm rule or constraint requires any flow, so the cheapest plan moves nothing (cost 0); add a firm rule (kind = \"firm\") or a constraint such as delivered[KZ, RO] >= …, or use objective = \"max-value\"")
    }
  }

  /// Nodes reachable from `start` over enabled corridors of `commodity` with usable capacity.
  func reachable(from start: Set<String>, commodity: String) -> Set<String> {
    var adjacency: [String: [String]] = [:]
    for c in corridors where c.enabled && c.commodity == commodity && (c.build != nil || c.hasUsableCapacity(slices: context.slices.count)) {
      adjacency[c.from, default: []].append(c.to)
      if c.twoWay { adjacency[c.to, default: []].append(c.from) }
    }
    var seen = start
    var stack = Array(start)
    while let n = stack.popLast() {
      for m in adjacency[n] ?? [] where seen.insert(m).inserted { stack.append(m) }
    }
    return seen
  }

  /// Warnings: markets no supply can reach, supplies that reach no market, firm rules whose
  /// market the country cannot reach, storage nowhere near its commodity.
  func checkReachability() {
    for commodity in Set(markets.map(\.commodity)).union(supplies.map(\.commodity)).sorted() {
      let sources = Set(supplies.filter { $0.commodity == commodity }.map(\.country))
      let all = reachable(from: sources, commodity: commodity)
      for m in markets where m.commodity == commodity && !all.contains(m.node) {
        reporter.warning(
          ["markets", m.name],
          sources.isEmpty
            ? "no supply of \(commodity) exists, so market '\(m.name)' can never be served"
            : "market '\(m.name)' at node '\(m.node)' cannot be reached from any supply of \(commodity) over enabled corridors; it will receive nothing")
      }
      let marketNodes = Set(markets.filter { $0.commodity == commodity }.map(\.node))
      for s in supplies where s.commodity == commodity {
        if reachable(from: [s.country], commodity: commodity).isDisjoint(with: marketNodes) {
          reporter.warning(
            ["supply", s.name],
            "supply '\(s.name)' in '\(s.country)' has no route to any market of \(commodity); it will sell nothing")
        }
      }
    }
    for rule in rules {
      if case .firm(let country, let marketName, _) = rule.kind, let market = markets.first(where: { $0.name == marketName }),
        !reachable(from: [country], commodity: market.commodity).contains(market.node)
      {
        reporter.warning(
          ["rules", rule.name],
          "firm rule cannot be met: no enabled corridor path from '\(country)' to market '\(marketName)' (node '\(market.node)'); the plan will fall short of it")
      }
    }
  }
}
