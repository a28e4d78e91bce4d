// Rules ([rules.NAME]) and custom constraints ([constraints.NAME]).

extension ModelBuilder {
  /// Keys each rule kind accepts (besides kind, source, label, enabled).
  static let ruleKeys: [RuleKind.Tag: [String]] = [
    .minShare: ["country", "corridors", "group", "share"],
    .maxShare: ["country", "corridors", "group", "share"],
    .firm: ["country", "market", "volume"],
    .fairShare: ["countries", "corridors", "group", "basis"],
    .priority: ["corridors", "group", "order"],
  ]
  /// The words `kind = "…"` accepts, in the order messages list them.
  static let ruleKinds = RuleKind.Tag.allCases.map(\.rawValue)

  mutating func readRules() {
    for (name, t) in entries("rules") {
      checkName("rules", name)
      let path: EntryPath = ["rules", name]
      let r = reader(path, t)
      guard let kind = r.string("kind", required: "\"min-share\" (\(Self.ruleKinds.joined(separator: " | ")))") else {
        r.checkKeys(["kind", "source", "label", "enabled"] + Set(Self.ruleKeys.values.joined()).sorted(), context: "a rule")
        continue
      }
      guard let tag = RuleKind.Tag(rawValue: kind), let specific = Self.ruleKeys[tag] else {
        reporter.error(
          path + ["kind"],
          "unknown rule kind '\(kind)'\(DidYouMean.aside(for: kind, among: Self.ruleKinds)); use one of: \(Self.ruleKinds.joined(separator: ", "))")
        continue
      }
      var elsewhere: [String: String] = [:]
      for (other, keys) in Self.ruleKeys where other != tag {
        for k in keys where !specific.contains(k) { elsewhere[k] = "\(other.rawValue) rules" }
      }
      r.checkKeys(["kind", "source", "label", "enabled"] + specific, context: "a \(kind) rule", elsewhere: elsewhere)
      guard isEnabled(r, section: "rules", name: name) else { continue }
      let citation = r.string("source")
      var ruleKind: RuleKind?
      switch tag {
      case .minShare, .maxShare:
        let country = nodeReference(r, "country", required: "\"KZ\"", countryFor: "a rule's country")
        let list = corridorList(r)
        let share = r.has("share") ? r.fraction("share", default: nil) : requiredShare(r)
        guard let country, let list, let share else { break }
        if !hasSupply(country, commodity: list.commodity) {
          let message = "country '\(country)' has no supply of \(list.commodity), so its share on these corridors is always 0"
          if tag == .minShare, share > 0 {
            reporter.error(path + ["country"], message + "; add a supply or remove the rule")
          } else {
            reporter.warning(path + ["country"], message)
          }
        }
        ruleKind =
          tag == .minShare
          ? .minShare(country: country, corridors: list.names, share: share)
          : .maxShare(country: country, corridors: list.names, share: share)
      case .firm:
        let country = nodeReference(r, "country", required: "\"KZ\"", countryFor: "a rule's country")
        let market = marketReference(r, "market")
        let commodity = market.flatMap { m in commodities.first { $0.name == m.commodity } }
        let volume = r.rate("volume", Subject(name: "rule '\(name)'", commodity: commodity), required: true)
        guard let country, let market, let volume else { break }
        if !hasSupply(country, commodity: market.commodity) {
          reporter.error(
            path + ["country"],
            "country '\(country)' has no supply of \(market.commodity), so it can never deliver to market '\(market.name)'; add a supply or remove the rule")
          break
        }
        ruleKind = .firm(country: country, market: market.name, volume: volume)
      case .fairShare:
        let countries = countryList(r, "countries", minimum: 2)
        let list = corridorList(r)
        let basis = r.choice("basis", FairShareBasis.self, required: false, default: .supply)
        guard let countries, let list, let basis else { break }
        if basis == .supply {
          for c in countries where !hasSupply(c, commodity: list.commodity) {
            reporter.error(
              path + ["countries"],
              "country '\(c)' has no supply of \(list.commodity), so its weight under basis = \"supply\" is 0; add a supply, drop the country, or use basis = \"equal\"")
          }
        }
        ruleKind = .fairShare(countries: countries, corridors: list.names, basis: basis)
      case .priority:
        let list = corridorList(r)
        let order = countryList(r, "order", minimum: 1)
        guard let list, let order else { break }
        ruleKind = .priority(corridors: list.names, order: order)
      }
      if let ruleKind { rules.append(Rule(name: name, kind: ruleKind, citation: citation)) }
    }
  }

  private func requiredShare(_ r: ValueReader) -> Double? {
    reporter.error(r.path, "missing required key 'share'; add share = \"25 %\"")
    return nil
  }

  func hasSupply(_ country: String, commodity: String) -> Bool {
    supplies.contains { $0.country == country && $0.commodity == commodity }
  }

  /// `corridors = [...]` (elements may be `group:NAME`) and/or `group = "NAME"`, expanded to
  /// distinct corridor names of one commodity.
  func corridorList(_ r: ValueReader) -> (names: [String], commodity: String)? {
    var names: [String] = []
    var ok = true
    var origin: [String: EntryPath] = [:]
    func add(_ corridor: String, at path: EntryPath) {
      if names.contains(corridor) {
        reporter.error(path, "corridor '\(corridor)' is listed twice (directly or through a group); list each corridor once")
        ok = false
      } else {
        names.append(corridor)
        origin[corridor] = path
      }
    }
    func addGroup(_ group: String, at path: EntryPath) {
      guard let members = groups[group] else {
        reporter.error(path, "unknown corridor group '\(group)'\(DidYouMean.hint(for: group, among: groupOrder))")
        ok = false
        return
      }
      for m in members { add(m, at: path) }
    }
    if !r.has("corridors"), !r.has("group") {
      reporter.error(r.path, "missing required key 'corridors'; add corridors = [\"black-sea\"] or group = \"westbound\"")
      return nil
    }
    if let list = r.stringArray("corridors") {
      if list.isEmpty {
        reporter.error(r.path + ["corridors"], "corridors is empty; list at least one corridor")
        ok = false
      }
      for (i, item) in list.enumerated() {
        let path = r.path + ["corridors", String(i)]
        if item.hasPrefix("group:") {
          addGroup(String(item.dropFirst(6)), at: path)
        } else if corridors.contains(where: { $0.name == item }) {
          add(item, at: path)
        } else if broken["corridors"]?.contains(item) == true {
          ok = false
        } else if groups[item] != nil {
          reporter.error(path, "'\(item)' is a corridor group; write \"group:\(item)\" or group = \"\(item)\"")
          ok = false
        } else {
          reporter.error(path, "unknown corridor '\(item)'\(DidYouMean.hint(for: item, among: corridors.map(\.name)))")
          ok = false
        }
      }
    } else if r.has("corridors") {
      ok = false
    }
    if r.has("group") {
      if let g = r.string("group") { addGroup(g, at: r.path + ["group"]) } else { ok = false }
    }
    guard ok, let first = names.first, let c = corridors.first(where: { $0.name == first }) else { return nil }
    for n in names.dropFirst() {
      if let other = corridors.first(where: { $0.name == n }), other.commodity != c.commodity {
        reporter.error(
          origin[n] ?? r.path,
          "corridor '\(n)' carries \(other.commodity), but '\(first)' carries \(c.commodity); a rule covers corridors of one commodity")
        return nil
      }
    }
    return (names, c.commodity)
  }

  /// A list of distinct country names.
  func countryList(_ r: ValueReader, _ key: String, minimum: Int) -> [String]? {
    guard r.has(key) else {
      reporter.error(r.path, "missing required key '\(key)'; add \(key) = [\"AZ\", \"KZ\"]")
      return nil
    }
    guard let list = r.stringArray(key) else { return nil }
    if list.count < minimum {
      reporter.error(
        r.path + [key],
        minimum == 1 ? "'\(key)' is empty; list at least one country" : "'\(key)' lists \(list.count) country; fairness needs at least \(minimum)")
      return nil
    }
    var ok = true
    var seen: Set<String> = []
    for (i, c) in list.enumerated() {
      let path = r.path + [key, String(i)]
      if !seen.insert(c).inserted {
        reporter.error(path, "'\(c)' appears twice in \(key); list each country once")
        ok = false
        continue
      }
      guard let node = nodes.first(where: { $0.name == c }) else {
        if broken["nodes"]?.contains(c) == true {
          ok = false
          continue
        }
        reporter.error(path, "unknown country '\(c)'\(DidYouMean.hint(for: c, among: nodes.filter { $0.kind == .country }.map(\.name)))")
        ok = false
        continue
      }
      if node.kind != .country {
        reporter.error(path, "node '\(c)' is a \(node.kind.rawValue) node; \(key) lists countries (kind = \"country\")")
        ok = false
      }
    }
    return ok ? list : nil
  }

  /// The names the expression language can refer to.
  func expressionContext() -> ExpressionContext {
    var e = ExpressionContext()
    for c in corridors { e.corridors[c.name] = .init(commodity: c.commodity, capacity: c.enabled ? c.capacity : 0) }
    e.groups = groups
    e.countries = Set(nodes.filter { $0.kind == .country }.map(\.name))
    for m in markets { e.markets[m.name] = m.commodity }
    for s in supplies { e.supplies[s.name] = (s.commodity, s.volume) }
    for s in storages { e.storages[s.name] = s.commodity }
    for c in commodities { e.commodities[c.name] = (c.family, c.unit) }
    for c in commodities { e.tonnesPerBarrel[c.name] = c.tonnesPerBarrel }
    e.disabled = disabled.values.reduce(into: Set<String>()) { $0.formUnion($1) }
    e.broken = broken.values.reduce(into: Set<String>()) { $0.formUnion($1) }
    e.hours = context.slices.map(\.hours)
    return e
  }

  mutating func readConstraints() {
    let expressionContext = expressionContext()
    for (name, t) in entries("constraints") {
      checkName("constraints", name)
      let path: EntryPath = ["constraints", name]
      let r = reader(path, t)
      r.checkKeys(["expr", "per", "label", "source", "enabled"], context: "a constraint")
      guard isEnabled(r, section: "constraints", name: name) else { continue }
      let expr = r.string("expr", required: "\"flow[KZ, caspian-cable] <= 0.6 * capacity[caspian-cable]\"")
      let per = r.choice("per", ConstraintScope.self, required: false, default: .slice)
      guard let expr, let per else { continue }
      do {
        let result = try ExpressionNormalizer.normalize(expr, context: expressionContext, scope: per)
        constraints.append(
          CustomConstraint(
            name: name, per: per, terms: result.terms, sense: result.sense, constant: result.constant,
            commodity: result.commodity, source: expr, citation: r.string("source")))
      } catch where error.message.isEmpty {
        continue  // refers to an entry that had its own error
      } catch {
        reporter.error(path + ["expr"], "\(error.message) (column \(error.column) of the expression)", valueColumn: error.column)
      }
    }
  }
}

extension ConstraintScope: CaseIterable {
  public static var allCases: [ConstraintScope] { [.slice, .horizon] }
}
