// Reads the merged TOML section by section into a Model, reporting every problem.

/// Builds a ``Model`` from merged TOML. Each `read…` method validates one section
/// and appends to the model under construction; problems go to the reporter, and a
/// problem in one entry never stops the others from being checked.
struct ModelBuilder {
  let context: LoaderContext
  var reporter: Reporter { context.reporter }
  var root: [String: TOMLNode] { context.sources.root }

  static let sections = [
    "model", "time", "commodities", "nodes", "supply", "corridors", "markets", "storage", "rules",
    "constraints", "scenario",
  ]
  /// Commodities known by name (their table may omit `family`, or be left out).
  static let knownCommodities: [String: UnitFamily] = [
    "electricity": .power, "bandwidth": .bandwidth, "oil": .massFlow,
  ]

  var name = ""
  var description: String?
  var objective = ObjectiveKind.maxValue
  var commodities: [Commodity] = []
  var nodes: [Node] = []
  var supplies: [Supply] = []
  var corridors: [Corridor] = []
  var markets: [Market] = []
  var storages: [Storage] = []
  var rules: [Rule] = []
  var constraints: [CustomConstraint] = []
  /// Names of entries removed by `enabled = false`, per section.
  var disabled: [String: Set<String>] = [:]
  /// Names of entries that exist but had errors (already reported), per section:
  /// references to them are not reported again as "unknown".
  var broken: [String: Set<String>] = [:]
  /// Group name → corridor names.
  var groups: [String: [String]] = [:]
  /// Group names, in order of first use.
  var groupOrder: [String] = []

  init(context: LoaderContext) { self.context = context }

  mutating func build() -> Model? {
    checkTopLevel()
    readModel()
    readTime()
    readCommodities()
    readNodes()
    readSupplies()
    readCorridors()
    readMarkets()
    readStorages()
    readRules()
    readConstraints()
    checkModel()
    let scenarioNames = context.sources.documents.dropFirst().map { doc -> String in
      if case .string(let s)? = doc.root["scenario"]?.table?["name"], !s.isEmpty { return s }
      let file = doc.path.split(separator: "/").last.map(String.init) ?? doc.path
      return file.hasSuffix(".toml") ? String(file.dropLast(5)) : file
    }
    return Model(
      name: name, description: description, currency: context.currency, objective: objective,
      slices: context.slices, commodities: commodities, nodes: nodes, supplies: supplies,
      corridors: corridors, markets: markets, storages: storages, rules: rules,
      constraints: constraints, warnings: [], files: context.files, scenarioNames: scenarioNames,
      horizon: context.horizon)
  }

  // MARK: Helpers

  func reader(_ path: EntryPath, _ table: [String: TOMLNode]) -> ValueReader {
    ValueReader(path: path, table: table, reporter: reporter, loader: context)
  }

  /// The entries of a section (`[corridors.NAME]` tables), in file order.
  mutating func entries(_ section: String) -> [(name: String, table: [String: TOMLNode])] {
    guard let node = root[section] else { return [] }
    guard case .table(let t) = node else {
      reporter.error([section], "'\(section)' must be a table of entries: write [\(section).NAME] tables")
      return []
    }
    var result: [(name: String, table: [String: TOMLNode])] = []
    for (name, value) in t {
      guard case .table(let entry) = value else {
        reporter.error(
          [section, name],
          "'\(section).\(name)' must be a table; write [\(section).\(name)] followed by its keys")
        continue
      }
      if let document = context.sources.addedBy(section, name), !isCompleteNewEntry(section, entry) {
        reportUnknownOverride(section, name, entry, document: document, siblings: Array(t.keys))
        broken[section, default: []].insert(name)
        continue
      }
      result.append((name, entry))
    }
    return result.sorted { a, b in
      let (x, y) = (context.sources.order(of: [section, a.name]), context.sources.order(of: [section, b.name]))
      return x != y ? x < y : a.name < b.name
    }
  }

  /// The keys a scenario must give to add a new entry to a section (rather than change one).
  static let keysOfNewEntry: [String: [String]] = [
    "nodes": ["kind"], "supply": ["country", "commodity", "volume"],
    "corridors": ["from", "to", "commodity", "capacity"], "markets": ["node", "commodity", "price"],
    "storage": ["node", "commodity", "power", "energy"], "rules": ["kind"], "constraints": ["expr"],
  ]

  /// Whether a scenario-added entry has what a new entry needs (then it is read as one).
  func isCompleteNewEntry(_ section: String, _ entry: [String: TOMLNode]) -> Bool {
    (Self.keysOfNewEntry[section] ?? []).allSatisfy { entry[$0] != nil }
  }

  /// A scenario names an entry the model below it does not have, without what a new entry
  /// needs: most likely a misspelt name. Says so once, with the names that exist, instead of
  /// listing the keys a new entry would need.
  func reportUnknownOverride(_ section: String, _ name: String, _ entry: [String: TOMLNode], document: Int, siblings: [String]) {
    let existing = siblings.filter { sibling in
      guard let d = context.sources.addedBy(section, sibling) else { return true }
      return d < document
    }.sorted()
    let base = context.sources.documents.first?.path ?? "the base model"
    let what = section == "supply" || section == "storage" ? "\(section) entry" : String(section.dropLast(section == "commodities" ? 3 : 1)) + (section == "commodities" ? "y" : "")
    let hint: String
    if let s = DidYouMean.suggestion(for: name, among: existing) {
      hint = "; did you mean '\(s)'?"
    } else if existing.isEmpty {
      hint = "."
    } else {
      let shown = existing.prefix(12).joined(separator: ", ") + (existing.count > 12 ? ", …" : "")
      hint = "; the \(section) there are: \(shown)."
    }
    let needed = (Self.keysOfNewEntry[section] ?? []).filter { entry[$0] == nil }
    reporter.error(
      [section, name],
      "\(what) '\(name)' is not in the model this scenario changes (\(base))\(hint) To add a new \(what) instead, give \(needed.joined(separator: ", "))")
  }

  /// Entry names appear in expressions as `flow[name]`: no spaces, commas, brackets, quotes
  /// or colons.
  func checkName(_ section: String, _ name: String) {
    let forbidden: Set<Unicode.Scalar> = [",", "[", "]", "(", ")", "\"", "'", ":", "#"]
    if name.isEmpty
      || name.unicodeScalars.contains(where: {
        forbidden.contains($0) || $0.properties.isWhitespace || $0.properties.generalCategory == .control
      })
    {
      reporter.error(
        [section, name],
        "name '\(name)' cannot be used in expressions and rules; use letters, digits, '-', '_' and '.'")
    }
  }

  /// Reads `enabled`; for entries other than corridors, a disabled entry is dropped.
  mutating func isEnabled(_ r: ValueReader, section: String, name: String) -> Bool {
    let on = r.bool("enabled", default: true)
    if !on { disabled[section, default: []].insert(name) }
    return on
  }

  /// "(enabled = false at scenario.toml:5)": where an entry was switched off.
  func disabledAt(_ section: String, _ name: String) -> String {
    let place = context.sources.location(of: [section, name, "enabled"])
    return "enabled = false at \(place.file)\(place.position.map { ":\($0.line)" } ?? "")"
  }

  /// A reference to a node; reports unknown, disabled and wrong-kind nodes.
  func nodeReference(_ r: ValueReader, _ key: String, required example: String?, countryFor role: String? = nil) -> String? {
    guard let name = r.name(key, required: example) else { return nil }
    guard let node = nodes.first(where: { $0.name == name }) else {
      if broken["nodes"]?.contains(name) == true { return nil }
      if disabled["nodes"]?.contains(name) == true {
        reporter.error(r.path + [key], "node '\(name)' is disabled (\(disabledAt("nodes", name))); disable this entry too or use another node")
      } else {
        reporter.error(
          r.path + [key],
          "unknown node '\(name)'\(DidYouMean.hint(for: name, among: nodes.map(\.name)))\(nodes.isEmpty ? "; declare it as [nodes.\(name)]" : "")")
      }
      return nil
    }
    if let role, node.kind != .country {
      reporter.error(
        r.path + [key],
        "node '\(name)' is a \(node.kind.rawValue) node, but \(role) must be a node of kind country; set kind = \"country\" on [nodes.\(name)] or name a country")
      return nil
    }
    return name
  }

  /// A reference to a commodity; known commodities (electricity, bandwidth, oil) are
  /// declared implicitly with their family's default unit.
  mutating func commodityReference(_ r: ValueReader) -> Commodity? {
    guard let name = r.name("commodity", required: "\"electricity\"") else { return nil }
    if let c = commodities.first(where: { $0.name == name }) { return c }
    if let family = Self.knownCommodities[name] {
      let c = Commodity(name: name, family: family, unit: family.defaultUnit)
      commodities.append(c)
      return c
    }
    let candidates = commodities.map(\.name) + Self.knownCommodities.keys.sorted()
    reporter.error(
      r.path + ["commodity"],
      "unknown commodity '\(name)'\(DidYouMean.aside(for: name, among: candidates)); declare it as [commodities.\(name)] with family and unit")
    return nil
  }

  /// A reference to a market by name.
  func marketReference(_ r: ValueReader, _ key: String) -> Market? {
    guard let name = r.name(key, required: "\"RO\"") else { return nil }
    if let m = markets.first(where: { $0.name == name }) { return m }
    if broken["markets"]?.contains(name) == true { return nil }
    if disabled["markets"]?.contains(name) == true {
      reporter.error(r.path + [key], "market '\(name)' is disabled (\(disabledAt("markets", name))); disable this entry too")
    } else {
      reporter.error(r.path + [key], "unknown market '\(name)'\(DidYouMean.hint(for: name, among: markets.map(\.name)))")
    }
    return nil
  }

  // MARK: Sections

  func checkTopLevel() {
    for key in root.keys.sorted() where !Self.sections.contains(key) {
      let aliases = ["supplies": "supply", "storages": "storage", "corridor": "corridors", "market": "markets",
                     "node": "nodes", "rule": "rules", "constraint": "constraints", "commodity": "commodities"]
      let suggestion = aliases[key] ?? DidYouMean.suggestion(for: key, among: Self.sections)
      reporter.error(
        [key],
        "unknown section '\(key)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "; sections are: \(Self.sections.joined(separator: ", "))")")
    }
  }

  mutating func readModel() {
    guard let node = root["model"] else {
      reporter.error([], "missing [model] table; add [model] with name = \"…\"")
      return
    }
    guard case .table(let t) = node else {
      reporter.error(["model"], "[model] must be a table")
      return
    }
    let r = reader(["model"], t)
    r.checkKeys(["name", "description", "currency", "exchange-rates", "objective", "source"], context: "[model]")
    name = r.string("name", required: "\"Caspian electricity 2030\"") ?? ""
    description = r.string("description")
    if let currency = r.string("currency") {
      if Units.isCurrencyCode(currency) {
        context.currency = currency
      } else {
        reporter.error(["model", "currency"], "currency '\(currency)' is not a three-letter ISO code; write e.g. \"EUR\" or \"USD\"")
      }
    }
    if let node = t["exchange-rates"] {
      if case .table(let rates) = node {
        for code in rates.keys.sorted() {
          let path: EntryPath = ["model", "exchange-rates", code]
          guard Units.isCurrencyCode(code) else {
            reporter.error(path, "'\(code)' is not a three-letter currency code such as USD")
            continue
          }
          let rr = reader(["model", "exchange-rates"], rates)
          guard let v = rr.number(code) else { continue }
          guard v > 0, v <= 1e6 else {
            reporter.error(path, "exchange rate must be positive and plausible (1 \(code) = x \(context.currency)); found \(Units.format(v))")
            continue
          }
          context.exchangeRates[code] = v
        }
      } else {
        reporter.error(["model", "exchange-rates"], "write exchange-rates = { USD = 0.92 } (1 USD in the model currency)")
      }
    }
    objective = r.choice("objective", ObjectiveKind.self, required: false, default: .maxValue) ?? .maxValue
  }

  mutating func readTime() {
    guard let node = root["time"] else {
      context.slices = [TimeSlice(name: "year", hours: 8760)]
      return
    }
    guard case .table(let t) = node else {
      reporter.error(["time"], "[time] must be a table")
      context.slices = [TimeSlice(name: "year", hours: 8760)]
      return
    }
    let r = reader(["time"], t)
    r.checkKeys(["slices", "hourly", "years", "year-weights", "discount-rate", "source"], context: "[time]")
    if t["slices"] != nil, t["hourly"] != nil {
      reporter.error(["time", "hourly"], "[time] has both 'slices' and 'hourly'; keep one")
    }
    if let hourly = t["hourly"] {
      readHourly(hourly)
    } else if let slices = t["slices"] {
      readSlices(slices)
    } else {
      context.slices = [TimeSlice(name: "year", hours: 8760)]
    }
    if !context.slices.isEmpty { readHorizon(t) }
  }

  mutating func readSlices(_ node: TOMLNode) {
    guard case .array(let items) = node else {
      reporter.error(["time", "slices"], "write slices = [ { name = \"winter\", hours = \"2190 h\" }, … ]")
      return
    }
    if items.isEmpty {
      reporter.error(["time", "slices"], "slices is empty; list at least one { name = …, hours = … }, or remove [time] for one 8760 h year")
      return
    }
    var seen: [String: Int] = [:]
    var slices: [TimeSlice] = []
    for (i, item) in items.enumerated() {
      let path: EntryPath = ["time", "slices", String(i)]
      guard case .table(let t) = item else {
        reporter.error(path, "each slice is a table { name = \"…\", hours = \"… h\" }, found \(item.typeName)")
        continue
      }
      let r = reader(path, t)
      r.checkKeys(["name", "hours", "source"], context: "a time slice")
      let name = r.string("name", required: "\"winter-day\"")
      let hours = r.hours("hours", required: true)
      if let name {
        if let first = seen[name] {
          reporter.error(path + ["name"], "duplicate slice name '\(name)' (also slice \(first + 1)); slice names must be unique")
        } else {
          seen[name] = i
        }
      }
      if let name, let hours { slices.append(TimeSlice(name: name, hours: hours)) }
    }
    if slices.count == items.count { context.slices = slices }
  }

  mutating func readHourly(_ node: TOMLNode) {
    let path: EntryPath = ["time", "hourly"]
    guard case .table(let t) = node else {
      reporter.error(path, "write hourly = { csv = \"../data/hourly.csv\" }")
      return
    }
    let r = reader(path, t)
    r.checkKeys(["csv"], context: "hourly")
    guard let reference = r.string("csv", required: "\"../data/hourly.csv\"") else { return }
    let file = context.resolve(reference, namedAt: path + ["csv"])
    switch context.table(file) {
    case .failure(let problem):
      context.report(problem, file: file, referencedAt: path + ["csv"])
    case .success(let csv):
      guard !csv.rows.isEmpty else {
        reporter.error(path + ["csv"], "hourly CSV '\(file)' has no data rows; it needs one row per hour")
        return
      }
      if csv.rows.count > 1_000_000 {
        reporter.error(path + ["csv"], "hourly CSV '\(file)' has \(csv.rows.count) rows; that is more than a century of hours")
        return
      }
      let names: [String]
      if let k = csv.header.firstIndex(of: "slice") ?? csv.header.firstIndex(of: "hour") {
        names = csv.strings(column: k)
        var seen: Set<String> = []
        for (i, n) in names.enumerated() where !seen.insert(n).inserted || n.isEmpty {
          reporter.add(
            Diagnostic(
              severity: .error, file: file, line: csv.rows[i].line, entry: path.dotted,
              message: n.isEmpty ? "empty slice name in row \(i + 1)" : "duplicate slice name '\(n)' in row \(i + 1); slice names must be unique"))
          return
        }
      } else {
        let width = max(4, String(csv.rows.count - 1).count)
        names = (0..<csv.rows.count).map { i in
          let digits = String(i)
          return "h" + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
      }
      context.hourlyFile = file
      context.slices = names.map { TimeSlice(name: $0, hours: 1) }
    }
  }

  mutating func readCommodities() {
    for (name, t) in entries("commodities") {
      let path: EntryPath = ["commodities", name]
      checkName("commodities", name)
      let r = reader(path, t)
      r.checkKeys(["family", "unit", "tonnes-per-barrel", "label", "source"], context: "a commodity")
      var family = r.choice("family", UnitFamily.self, required: false)
      let unit = r.string("unit")
      if family == nil, t["family"] == nil {
        if let known = Self.knownCommodities[name] {
          family = known
        } else if let unit, let inferred = Units.family(of: unit) {
          family = inferred
        } else {
          reporter.error(
            path,
            "missing required key 'family' (only electricity, bandwidth and oil are known by name); add family = \"power\" (power | bandwidth | mass-flow)")
        }
      }
      guard let family else { continue }
      var chosen = family.defaultUnit
      if let unit {
        if let f = Units.family(of: unit) {
          if f != family {
            reporter.error(
              path + ["unit"],
              "unit '\(unit)' is a \(f.noun), but commodity '\(name)' is \(family.noun); use one of \(Units.rateUnits(of: family).joined(separator: ", "))")
            continue
          }
          chosen = unit
        } else {
          reporter.error(
            path + ["unit"],
            "'\(unit)' is not a rate unit\(Units.unitSuggestion(for: unit, among: Units.rateUnits(of: family)).map { " (did you mean '\($0)'?)" } ?? ""); use one of \(Units.rateUnits(of: family).joined(separator: ", "))\(Units.barrelRates[unit] != nil ? " (barrels can be written in values with tonnes-per-barrel, but a commodity's unit is in tonnes)" : "")")
          continue
        }
      }
      var perBarrel: Double?
      if r.has("tonnes-per-barrel") {
        guard family == .massFlow else {
          reporter.error(
            path + ["tonnes-per-barrel"],
            "tonnes-per-barrel applies to mass-flow commodities (oil), but '\(name)' is \(family.noun); remove it")
          continue
        }
        guard let v = r.number("tonnes-per-barrel") else { continue }
        // Crude oils run from about 0.12 t/bbl (light) to 0.16 t/bbl (heavy); allow a wide margin.
        guard v >= 0.05, v <= 0.5 else {
          reporter.error(
            path + ["tonnes-per-barrel"],
            "tonnes-per-barrel = \(Units.format(v)) is implausible (crude oil is about 0.12–0.16 t per barrel, 6.3–8.5 barrels per tonne); write the tonnes in one barrel, e.g. 0.1364")
          continue
        }
        perBarrel = v
      }
      commodities.append(Commodity(name: name, family: family, unit: chosen, tonnesPerBarrel: perBarrel))
    }
  }

  mutating func readNodes() {
    for (name, t) in entries("nodes") {
      checkName("nodes", name)
      let r = reader(["nodes", name], t)
      r.checkKeys(["kind", "label", "lat", "lon", "source", "enabled"], context: "a node")
      guard isEnabled(r, section: "nodes", name: name) else { continue }
      let kind = r.choice("kind", NodeKind.self, required: true)
      let label = r.string("label")
      let lat = r.number("lat")
      let lon = r.number("lon")
      if let lat, abs(lat) > 90 { reporter.error(["nodes", name, "lat"], "latitude \(Units.format(lat)) is outside −90…90 degrees") }
      if let lon, abs(lon) > 180 { reporter.error(["nodes", name, "lon"], "longitude \(Units.format(lon)) is outside −180…180 degrees") }
      if (lat == nil) != (lon == nil), t["lat"] == nil || t["lon"] == nil {
        reporter.warning(["nodes", name], "node has only one of lat and lon; maps need both")
      }
      guard let kind else {
        broken["nodes", default: []].insert(name)
        continue
      }
      nodes.append(
        Node(
          name: name, kind: kind, label: label, latitude: lat.flatMap { abs($0) <= 90 ? $0 : nil },
          longitude: lon.flatMap { abs($0) <= 180 ? $0 : nil }))
    }
  }

  mutating func readSupplies() {
    for (name, t) in entries("supply") {
      checkName("supply", name)
      let r = reader(["supply", name], t)
      r.checkKeys(["country", "commodity", "volume", "cost", "label", "source", "enabled"], context: "a supply entry")
      guard isEnabled(r, section: "supply", name: name) else { continue }
      let country = nodeReference(r, "country", required: "\"KZ\"", countryFor: "a supply's country")
      let commodity = commodityReference(r)
      let subject = Subject(name: "supply '\(name)'", commodity: commodity)
      let volume = r.series("volume", subject, kind: .rate, required: true)
      let cost = r.has("cost") ? r.price("cost", subject, required: false, nonNegative: true) : 0
      guard let country, let commodity, let volume, let cost else {
        broken["supply", default: []].insert(name)
        continue
      }
      supplies.append(
        Supply(
          name: name, country: country, commodity: commodity.name, volume: volume, cost: cost,
          label: r.string("label"), citation: r.string("source")))
    }
  }

  mutating func readCorridors() {
    for (name, t) in entries("corridors") {
      checkName("corridors", name)
      let path: EntryPath = ["corridors", name]
      let r = reader(path, t)
      r.checkKeys(
        ["from", "to", "commodity", "capacity", "loss", "tariff", "availability", "two-way", "groups", "enabled", "label", "source",
         "available-from", "retires", "build"],
        context: "a corridor")
      let enabled = r.bool("enabled", default: true)
      let from = nodeReference(r, "from", required: "\"GE\"")
      let to = nodeReference(r, "to", required: "\"RO\"")
      if let from, let to, from == to {
        reporter.error(path + ["to"], "corridor goes from '\(from)' to itself; 'from' and 'to' must differ")
      }
      let commodity = commodityReference(r)
      let subject = Subject(name: "corridor '\(name)'", commodity: commodity)
      // Capacity, tariff and availability: a constant, a per-slice list or a CSV column.
      let capacity = r.series("capacity", subject, kind: .rate, required: true)
      let loss = r.fraction("loss", default: 0, exclusiveUpper: true)
      let tariff: Series? = r.has("tariff") ? r.series("tariff", subject, kind: .price(nonNegative: true), required: false) : 0
      let availability = r.fractionSeries("availability", subject, default: 1)
      let twoWay = r.bool("two-way", default: false)
      let groupList = r.stringArray("groups") ?? []
      var seen: Set<String> = []
      for (i, g) in groupList.enumerated() {
        if !seen.insert(g).inserted {
          reporter.warning(path + ["groups", String(i)], "group '\(g)' is listed twice")
        }
        if g.isEmpty || g.contains(where: { $0 == "," || $0 == "]" || $0 == " " || $0 == ":" }) {
          reporter.error(path + ["groups", String(i)], "group name '\(g)' cannot be used in expressions; use letters, digits, '-', '_' and '.'")
        }
      }
      let uniqueGroups = groupList.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      let inService = yearKey(r, "available-from", path), retires = yearKey(r, "retires", path)
      var build = t["build"].map { readBuild($0, path + ["build"], subject, storage: false) }
      guard let from, let to, from != to, let commodity, var capacity, let loss, let tariff, let availability,
            let inService, let retires, build != .some(nil) else {
        broken["corridors", default: []].insert(name)
        continue
      }
      capacity = commissioned(capacity, from: inService, retires: retires)
      // A build on a corridor that enters service later can serve no earlier than it, unless
      // the build gives its own date. (`retires` is the existing capacity's: what is built
      // may replace it, so it is not inherited.)
      if case var option?? = build, option.availableFrom == nil, let inService {
        option.availableFrom = inService
        build = .some(option)
      }
      let probe = Corridor(name: name, from: from, to: to, commodity: commodity.name, capacity: capacity,
                           availability: availability)
      if enabled, build == nil, !probe.hasUsableCapacity(slices: context.slices.count) {
        reporter.warning(path, "corridor has no usable capacity (capacity × availability = 0\(capacity.isConstant && availability.isConstant ? "" : " in every slice")); it will carry nothing")
      }
      for g in uniqueGroups {
        if groups[g] == nil { groupOrder.append(g) }
        groups[g, default: []].append(name)
      }
      var corridor = Corridor(
        name: name, from: from, to: to, commodity: commodity.name, capacity: capacity, loss: loss,
        tariff: tariff, availability: availability, twoWay: twoWay, groups: uniqueGroups,
        enabled: enabled, label: r.string("label"), citation: r.string("source"))
      corridor.build = build.flatMap { $0 }
      corridors.append(corridor)
    }
    for g in groupOrder where corridors.contains(where: { $0.name == g }) {
      if let owner = corridors.first(where: { $0.groups.contains(g) }) {
        reporter.error(
          ["corridors", owner.name, "groups"],
          "group '\(g)' has the same name as a corridor; rename the group so rules and expressions are unambiguous")
      }
    }
  }

  mutating func readMarkets() {
    for (name, t) in entries("markets") {
      checkName("markets", name)
      let r = reader(["markets", name], t)
      r.checkKeys(["node", "commodity", "price", "volume", "label", "source", "enabled"], context: "a market")
      guard isEnabled(r, section: "markets", name: name) else { continue }
      let node = nodeReference(r, "node", required: "\"RO\"")
      let commodity = commodityReference(r)
      let subject = Subject(name: "market '\(name)'", commodity: commodity)
      let price = r.series("price", subject, kind: .price(nonNegative: false), required: true)
      let volume = r.has("volume") ? r.series("volume", subject, kind: .rate, required: false) : nil
      guard let node, let commodity, let price, !r.has("volume") || volume != nil else {
        broken["markets", default: []].insert(name)
        continue
      }
      markets.append(
        Market(
          name: name, node: node, commodity: commodity.name, price: price, volume: volume,
          label: r.string("label"), citation: r.string("source")))
    }
  }

  mutating func readStorages() {
    for (name, t) in entries("storage") {
      checkName("storage", name)
      let path: EntryPath = ["storage", name]
      let r = reader(path, t)
      r.checkKeys(
        ["node", "owner", "commodity", "power", "energy", "efficiency", "wear-cost", "label", "source", "enabled", "build"],
        context: "a storage")
      guard isEnabled(r, section: "storage", name: name) else { continue }
      let node = nodeReference(r, "node", required: "\"AZ\"")
      var owner: String?
      if r.has("owner") {
        owner = nodeReference(r, "owner", required: nil, countryFor: "a storage's owner")
      } else if let node, let n = nodes.first(where: { $0.name == node }) {
        if n.kind == .country {
          owner = node
        } else {
          reporter.error(path, "missing key 'owner': node '\(node)' is a \(n.kind.rawValue) node, so say which country owns the storage: owner = \"AZ\"")
        }
      }
      let commodity = commodityReference(r)
      if let commodity, commodity.family == .bandwidth {
        reporter.error(path + ["commodity"], "bandwidth cannot be stored; storage is for power and mass-flow commodities")
        broken["storage", default: []].insert(name)
        continue
      }
      let subject = Subject(name: "storage '\(name)'", commodity: commodity)
      let power = r.rate("power", subject, required: true)
      let energy = r.amount("energy", subject, required: true)
      let efficiency = r.fraction("efficiency", default: 1, positive: true)
      let wear = r.has("wear-cost") ? r.price("wear-cost", subject, required: false, nonNegative: true) : 0
      let build = t["build"].map { readBuild($0, path + ["build"], subject, storage: true) }
      guard let node, let owner, let commodity, let power, let energy, let efficiency, let wear,
            build != .some(nil) else {
        broken["storage", default: []].insert(name)
        continue
      }
      var storage = Storage(
        name: name, node: node, owner: owner, commodity: commodity.name, power: power, energy: energy,
        efficiency: efficiency, wearCost: wear, label: r.string("label"), citation: r.string("source"))
      storage.build = build.flatMap { $0 }
      storages.append(storage)
    }
  }
}
