// Reading the multi-year horizon (`[time] years`), commissioning dates and build options.

extension ModelBuilder {
  /// Reads `years`, `year-weights` and `discount-rate` of `[time]` (after its slices) and,
  /// when there are years, repeats the slices for each year (``Horizon``).
  mutating func readHorizon(_ t: [String: TOMLNode]) {
    let r = reader(["time"], t)
    guard t["years"] != nil else {
      for key in ["year-weights", "discount-rate"] where t[key] != nil {
        reporter.error(["time", key], "'\(key)' needs planning years: add years = [2030, 2035, 2040] to [time]")
      }
      return
    }
    context.yearsWritten = true
    guard case .array(let items) = t["years"]! , !items.isEmpty else {
      reporter.error(["time", "years"], "write years = [2030, 2035, 2040]: a non-empty list of increasing calendar years")
      return
    }
    var years: [Int] = []
    for (i, item) in items.enumerated() {
      guard case .integer(let y) = item, (1900...2300).contains(y) else {
        reporter.error(["time", "years", String(i)], "a planning year is a calendar year such as 2030, found \(Self.shown(item))")
        return
      }
      if let last = years.last, y <= last {
        reporter.error(["time", "years", String(i)], "years must increase: \(y) comes after \(last)")
        return
      }
      years.append(Int(y))
    }
    // A bad weight is reported and the default weights stand in, so the years still hold
    // and values given per year are read (the load fails on the reported error).
    var weights: [Int]?
    if let node = t["year-weights"] {
      if case .array(let ws) = node, ws.count == years.count {
        var list: [Int] = []
        for (i, w) in ws.enumerated() {
          guard case .integer(let v) = w, (1...100).contains(v) else {
            reporter.error(["time", "year-weights", String(i)], "a year weight is a whole number of years from 1 to 100, found \(Self.shown(w))")
            continue
          }
          list.append(Int(v))
        }
        if list.count == years.count { weights = list }
      } else {
        reporter.error(["time", "year-weights"], "write one weight per planning year (\(years.count)): the number of calendar years each represents, e.g. year-weights = [\(years.map { _ in "5" }.joined(separator: ", "))]")
      }
    }
    // A bad rate is reported; the years still hold, so per-year values are read (and
    // checked) instead of each being reported as "given per year without years".
    let rate = r.fraction("discount-rate", default: 0) ?? 0
    let horizon = Horizon(calendarYears: years, weights: weights, discountRate: rate, yearSlices: context.slices)
    context.horizon = horizon
    let single = context.slices.count == 1
    context.slices = years.flatMap { y in
      context.slices.map { s in TimeSlice(name: single ? "\(y)" : "\(y)/\(s.name)", hours: s.hours) }
    }
  }

  /// A TOML value as an error message shows it: `2500`, `2.5`, or its type (`string`).
  static func shown(_ node: TOMLNode) -> String {
    switch node {
    case .integer(let v): String(v)
    case .float(let v): Units.format(v)
    default: node.typeName
    }
  }

  /// A calendar year key (`available-from`, `retires`), checked against the horizon:
  /// `available-from` must be one of its years, `retires` after its first year.
  func yearKey(_ r: ValueReader, _ key: String, _ path: EntryPath) -> Int?? {
    guard let node = r.table[key] else { return .some(nil) }
    guard let horizon = context.horizon else {
      // Years written but wrong: their error is the one to fix.
      if !context.yearsWritten {
        reporter.error(path + [key], "'\(key)' needs planning years: add years = [2030, 2035, 2040] to [time]")
      }
      return nil
    }
    guard case .integer(let y) = node else {
      reporter.error(path + [key], "'\(key)' is a calendar year such as \(horizon.years[0].year), found \(node.typeName)")
      return nil
    }
    let list = horizon.years.map { String($0.year) }.joined(separator: ", ")
    if key == "retires" {
      guard Int(y) > horizon.years[0].year else {
        reporter.error(path + [key], "retires = \(y) is not after the horizon's first year \(horizon.years[0].year); remove the entry or set enabled = false instead")
        return nil
      }
    } else if horizon.index(of: Int(y)) == nil {
      // The horizon covers its first year to the last year's weight (2030–2044 for
      // 2030, 2035, 2040 with weights 5): a date inside it falls between planning years.
      let first = horizon.years[0].year, last = horizon.years[horizon.years.count - 1]
      let end = last.year + last.weight - 1
      if let next = horizon.years.first(where: { $0.year > Int(y) }), Int(y) > first {
        reporter.error(path + [key], "\(key) = \(y) falls between the planning years (\(list)); capacity starts in a planning year: write \(key) = \(next.year) (the first planning year on or after \(y)), or add \(y) to years in [time]")
      } else if Int(y) > first, Int(y) <= end {
        reporter.error(path + [key], "\(key) = \(y) falls within the last planning year's span (\(last.year)–\(end)); capacity starts in a planning year: add \(y) to years in [time], or use one of \(list)")
      } else {
        reporter.error(path + [key], "\(key) = \(y) is outside the horizon (\(first)–\(end)); use one of its planning years (\(list))")
      }
      return nil
    }
    return .some(Int(y))
  }

  /// `series` with zero capacity in the years before `from` and from `retires` on.
  func commissioned(_ series: Series, from: Int?, retires: Int?) -> Series {
    guard let horizon = context.horizon, from != nil || retires != nil else { return series }
    let values = (0..<context.slices.count).map { s -> Double in
      let y = horizon.years[horizon.yearIndex(ofSlice: s)].year
      let serves = (from.map { y >= $0 } ?? true) && (retires.map { y < $0 } ?? true)
      return serves ? series.value(at: s) : 0
    }
    return .perSlice(values)
  }

  /// `[corridors.NAME.build]` or `[storage.NAME.build]`: what may be built, its cost, O&M,
  /// lifetime, discount rate and dates. Returns nil (after reporting) when it is wrong.
  func readBuild(_ node: TOMLNode, _ path: EntryPath, _ subject: Subject, storage: Bool) -> BuildOption? {
    guard case .table(let t) = node else {
      reporter.error(path, "write [\(path.dotted)] with sizes = […] (or size = …, or max = …), cost = …, lifetime = …")
      return nil
    }
    let r = reader(path, t)
    r.checkKeys(["max", "sizes", "size", "cost", "costs", "fixed-om", "lifetime", "discount-rate", "available-from",
                 "retires", "duration", "source"] , context: storage ? "a storage build option" : "a corridor build option")
    let forms = ["max", "sizes", "size"].filter { t[$0] != nil }
    guard forms.count == 1 else {
      reporter.error(path, forms.isEmpty
        ? "say what may be built: sizes = [\"1 GW\", \"2 GW\"] (at most one), size = \"1.3 GW\" (yes or no), or max = \"4 GW\" (any amount up to it)"
        : "give only one of \(forms.joined(separator: ", ")): sizes (a choice), size (yes or no) or max (any amount)")
      return nil
    }
    var failed = false
    let choice: BuildOption.Choice?
    switch forms[0] {
    case "max": choice = r.rate("max", subject, required: true).map { .continuous(maximum: $0) }
    case "size": choice = r.rate("size", subject, required: true).map { .project(size: $0) }
    default:
      guard case .array(let items) = t["sizes"]!, !items.isEmpty else {
        reporter.error(path + ["sizes"], "write sizes = [\"1 GW\", \"2 GW\", \"4 GW\"]: a non-empty list")
        return nil
      }
      var sizes: [Double] = []
      for i in items.indices {
        let er = ValueReader(path: path + ["sizes"], table: [String(i): items[i]], reporter: reporter, loader: context)
        if let v = er.rate(String(i), subject, required: true) { sizes.append(v) } else { failed = true }
      }
      choice = failed ? nil : .sizes(sizes)
    }
    if let choice, choice.discreteSizes.contains(where: { $0 <= 0 }) || { if case .continuous(let m) = choice { m <= 0 } else { false } }() {
      reporter.error(path + [forms[0]], "a size to build must be positive")
      failed = true
    }
    let duration: Double?
    if storage {
      duration = r.hours("duration", required: true)
      if let d = duration, d <= 0 { reporter.error(path + ["duration"], "duration must be positive: the hours of storage per unit of power built"); failed = true }
    } else {
      if t["duration"] != nil { reporter.error(path + ["duration"], "duration is for storage build options (energy = power × duration); remove it"); failed = true }
      duration = nil
    }
    // Cost: per unit (cost = "2.7 MEUR/MW") or per option (costs = […], or cost = "3.5 GEUR" for a project).
    var perUnit: Double?
    var perOption: [Double]?
    let sizes = choice?.discreteSizes ?? []
    if t["cost"] == nil, t["costs"] == nil {
      reporter.error(path, "missing investment cost: write cost = \"2.7 M\(context.currency)/\(subject.commodity?.unit ?? "MW")\" (per unit of capacity)\(sizes.count > 1 ? " or costs = [\(sizes.map { _ in "\"1 G\(context.currency)\"" }.joined(separator: ", "))] (one per size)" : "")")
      failed = true
    }
    if t["cost"] != nil, t["costs"] != nil {
      reporter.error(path + ["costs"], "give cost (per unit, or the project's total) or costs (one per size), not both")
      failed = true
    }
    if let money = r.money("cost", subject, perUnitOf: storage ? "power" : "capacity", duration: duration) {
      switch money {
      case .perUnit(let v): perUnit = v
      case .total(let v):
        if case .project = choice { perOption = [v] } else {
          reporter.error(path + ["cost"], "a total cost fits a yes/no project (size = …); for \(forms[0]) give the cost per unit (\"2.7 M\(context.currency)/\(subject.commodity?.unit ?? "MW")\")\(forms[0] == "sizes" ? " or costs = [one per size]" : "")")
          failed = true
        }
      case .perUnitYear:
        reporter.error(path + ["cost"], "cost is the investment, not a yearly cost; put yearly costs in fixed-om")
        failed = true
      }
    } else if t["cost"] != nil { failed = true }
    if let node = t["costs"] {
      guard case .array(let items) = node, case .sizes(let s)? = choice, items.count == s.count else {
        reporter.error(path + ["costs"], "costs lists one total per size of sizes = […] (\(sizes.count) here), e.g. costs = [\"2.5 G\(context.currency)\", …]")
        return nil
      }
      var list: [Double] = []
      for i in items.indices {
        let er = ValueReader(path: path + ["costs"], table: [String(i): items[i]], reporter: reporter, loader: context)
        switch er.money(String(i), subject, perUnitOf: "capacity", duration: duration) {
        case .total(let v)?: list.append(v)
        case nil: failed = true
        default:
          reporter.error(path + ["costs", String(i)], "each of costs is the total of one size, e.g. \"2.5 G\(context.currency)\"")
          failed = true
        }
      }
      perOption = list
    }
    var om = 0.0
    if t["fixed-om"] != nil {
      switch r.money("fixed-om", subject, perUnitOf: storage ? "power" : "capacity", duration: duration) {
      case .perUnitYear(let v)?: om = v
      case nil: failed = true
      default:
        reporter.error(path + ["fixed-om"], "fixed-om is a yearly cost per unit of capacity, e.g. \"30 k\(context.currency)/\(subject.commodity?.unit ?? "MW")/yr\"")
        failed = true
      }
    }
    var lifetime: Double?
    switch t["lifetime"] {
    case nil: reporter.error(path, "missing lifetime: the economic lifetime in years of what is built, e.g. lifetime = 40"); failed = true
    case .integer(let v)?: lifetime = Double(v)
    case .float(let v)?: lifetime = v
    case .string?:
      if let h = r.hours("lifetime", required: true) { lifetime = h / 8760 } else { failed = true }
    case let other?: reporter.error(path + ["lifetime"], "lifetime is a number of years such as 40, found \(other.typeName)"); failed = true
    }
    if let l = lifetime, !(l > 0 && l <= 200) {
      reporter.error(path + ["lifetime"], "lifetime is \(Units.format(l)) years; it must be more than 0 and at most 200")
      failed = true
      lifetime = nil
    }
    let rate = r.fraction("discount-rate", default: context.horizon?.discountRate ?? 0)
    if rate == nil { failed = true }
    guard let from = yearKey(r, "available-from", path), let retires = yearKey(r, "retires", path) else { return nil }
    if let from, let retires, retires <= from {
      reporter.error(path + ["retires"], "retires = \(retires) is not after available-from = \(from)")
      failed = true
    }
    guard !failed, let choice, let lifetime, let rate else { return nil }
    return (BuildOption(choice: choice, costPerUnit: perUnit, costPerOption: perOption, fixedOM: om, lifetime: lifetime,
                             discountRate: rate, availableFrom: from, retires: retires, duration: duration))
  }
}
