import CorridorModel
import LinearProgramming

/// Options of ``Explainer/explain(model:options:)``.
public struct ExplainOptions: Sendable {
  /// Entries that may not move: a name (`black-sea`), or a section and a name
  /// (`corridors.black-sea`) where two sections share a name.
  public var fixed: [String] = []
  /// Weight of one unit of move per kind in the least relaxation (default 1 each, so the
  /// least relaxation minimises the sum of the moves in the entries' own units).
  public var weights: [EntryKind: Double] = [:]
  /// Seconds for the whole analysis; the best set found by then is returned, marked as not
  /// proven irreducible.
  public var timeLimit: Double?
  /// The solver options of every solve.
  public var solver = SolverOptions()

  public init(fixed: [String] = [], weights: [EntryKind: Double] = [:], timeLimit: Double? = nil, solver: SolverOptions = SolverOptions()) {
    self.fixed = fixed
    self.weights = weights
    self.timeLimit = timeLimit
    self.solver = solver
  }
}

/// Explains an infeasible corridor model in its own entries (``Explanation``).
///
/// Each relaxable entry of the model (a corridor's capacity, a supply's volume, a market's
/// absorption, a firm volume, a share, a custom constraint's bound, a storage's energy and
/// power) becomes one group of LP sides that move together by one amount in the entry's
/// unit (``LinearProgram/analyzeInfeasibility(groups:options:)``):
///
/// | entry                | LP sides (per slice)                  | scale              |
/// |----------------------|---------------------------------------|--------------------|
/// | corridor capacity    | upper side of its capacity rows       | availability a(s)  |
/// | supply volume        | upper bound of its supply columns     | 1                  |
/// | market absorption    | upper side of its market rows         | 1                  |
/// | firm volume          | lower side of its rows                | 1                  |
/// | min/max share        | lower/upper side of its row           | 1 (MW of average flow) |
/// | custom constraint    | its bound side(s)                     | 1 / amount per unit·h |
/// | storage energy/power | upper bound of level / charge, discharge | 1 / amount per unit·h, 1 |
///
/// Balances (flow conservation, storage levels) and bounds no entry owns are never relaxed:
/// they are physics, not choices. A corridor whose availability is 0 in a slice keeps
/// scale 1 there (the move restores that much usable capacity during the outage).
public enum Explainer {
  public static func explain(model: Model, options: ExplainOptions = ExplainOptions()) throws -> Explanation {
    // The time limit counts from here: building the LP and the block crash spend it too.
    let start = MonotonicClock.now()
    let f = try Formulation(model: model, names: model.slices.count <= 168)
    return try explain(formulation: f, options: options, since: start)
  }

  /// Explains the model of a formulation that may have been solved already (as `corridor
  /// solve` does): the analysis then starts from the basis where that solve stopped and
  /// reuses its infeasible verdict instead of solving the model once more.
  public static func explain(formulation f: Formulation, options: ExplainOptions = ExplainOptions()) throws -> Explanation {
    try explain(formulation: f, options: options, since: MonotonicClock.now())
  }

  static func explain(formulation f: Formulation, options: ExplainOptions, since start: Double) throws -> Explanation {
    func remaining() -> Double? { options.timeLimit.map { max(0, $0 - (MonotonicClock.now() - start)) } }
    var (members, groups) = candidates(f)
    let fixedSet = try resolveFixed(options.fixed, among: members)
    for (kind, w) in options.weights where !(w > 0 && w.isFinite) {
      throw PlanningEditError("weight of \(kind.rawValue) must be a positive number, not \(w)")
    }
    var weights: [EntryKind: Double] = [:]
    for kind in EntryKind.allCases { weights[kind] = options.weights[kind] ?? 1 }
    for i in groups.indices { groups[i].weight = weights[members[i].kind] ?? 1 }
    // A formulation solved already (corridor solve's) hands the analysis its verdict and
    // final basis; an unsolved one is analysed from GLPK's own start. Measured on the
    // 8,760-hour fixture (debug build, load 2-4; docs/explain.md, "Speed"): from GLPK's start
    // the analysis took 220-245 s, 4.4-5.0 cold solves (27,067 iterations); solving first by
    // the planner's path (block crash, then primal: 48 s) and starting the elastic LP from its
    // infeasible basis took 97 s for that LP's first solve against 38 s from the analysis's
    // own basis, and carrying a block-crash basis into the elastic LP ran past 4 minutes in
    // its first solve alone.
    var engine = InfeasibilityOptions(timeLimit: remaining(), solver: options.solver)
    // Fixed entries may be blamed, never moved: the conflict is sought with every entry
    // free to drop, the least relaxation (a second analysis, only when some are fixed)
    // with the fixed ones held.
    if !fixedSet.isEmpty { engine.relaxation = false }
    var a = try f.program.analyzeInfeasibility(groups: groups, options: engine)
    var solves = a.solves, iterations = a.iterations, method = a.method, trace = a.trace
    if !fixedSet.isEmpty, a.outcome == .infeasible, !a.hardInfeasible {
      engine.relaxation = true
      engine.timeLimit = remaining()
      var held = groups
      for i in fixedSet { held[i].fixed = true }
      let r = try f.program.analyzeInfeasibility(groups: held, options: engine)
      (a.relaxation, a.relaxationCost, a.relaxedValues) = (r.relaxation, r.relaxationCost, r.relaxedValues)
      a.timedOut = a.timedOut || r.timedOut
      solves += r.solves
      iterations += r.iterations
      trace += r.trace
      method += r.method.filter { $0 == "least relaxation" }.map { $0 + " (entries fixed)" }
    }
    let fixedNames = fixedSet.sorted().map { members[$0].title }
    let run = Explanation.Run(solves: solves, iterations: iterations, seconds: MonotonicClock.now() - start, method: method, entries: members.count, trace: trace)
    let status: Explanation.Status
    switch a.outcome {
    case .infeasible: status = .infeasible
    case .undecided: status = .undecided
    case .feasible, .relaxationFeasible: status = .feasible
    }
    guard status == .infeasible else {
      return Explanation(status: status, conflict: [], irreducible: status == .feasible, timedOut: a.timedOut, structural: false,
                         relaxation: nil, relaxationCost: nil, fixed: fixedNames, weights: weights, run: run)
    }
    let moves = a.relaxation.map { list in
      list.flatMap { r in move(members[r.group], lower: r.lower, upper: r.upper, formulation: f, point: a.relaxedValues) }
    }
    return Explanation(status: .infeasible, conflict: a.conflict.map { members[$0] }, irreducible: a.irreducible,
                       timedOut: a.timedOut, structural: a.hardInfeasible, relaxation: moves,
                       relaxationCost: a.relaxationCost, fixed: fixedNames, weights: weights, run: run)
  }

  // MARK: Entries as groups of LP sides

  /// Every relaxable entry of the formulation, with its group of LP sides (see the table in
  /// the type's documentation), in model order.
  static func candidates(_ f: Formulation) -> ([Explanation.Member], [RelaxableGroup]) {
    let model = f.model
    let S = f.sliceCount
    var members: [Explanation.Member] = []
    var groups: [RelaxableGroup] = []
    func add(_ m: Explanation.Member, _ sides: [RelaxableGroup.Member]) {
      guard !sides.isEmpty else { return }
      members.append(m)
      groups.append(RelaxableGroup(members: sides))
    }
    func unit(_ commodity: String) -> String { model.commodity(named: commodity)?.unit ?? "" }
    func amountUnit(_ commodity: String) -> String { model.commodity(named: commodity)?.amountUnit ?? "" }
    func perUnitHour(_ commodity: String) -> Double { model.commodity(named: commodity)?.amountPerUnitHour ?? 1 }
    let sources = model.sources

    for (c, corridor) in model.corridors.enumerated() {
      guard let rows = f.index.capacityRows[c] else { continue }
      let availability = (0..<S).map { corridor.availability.value(at: $0) }
      let sides = (0..<S).map { s in
        RelaxableGroup.Member(side: .rowUpper(rows[s].index), scale: availability[s] > 0 ? availability[s] : 1)
      }
      var notes: [String] = []
      if !corridor.enabled { notes.append("disabled") }
      let out = (0..<S).filter { availability[$0] == 0 }
      if !out.isEmpty, corridor.enabled {
        notes.append("out of service (availability 0) in \(sliceList(out, model))")
      }
      let low = (0..<S).filter { availability[$0] > 0 && availability[$0] < corridor.availability.maximum }
      if !low.isEmpty, corridor.enabled {
        let least = low.map { availability[$0] }.min() ?? 0
        notes.append("availability down to \(Explanation.format(least * 100)) % in \(sliceList(low.filter { availability[$0] == least }, model))")
      }
      add(.init(entry: .corridor(corridor.name), kind: .corridor, quantity: "capacity",
                value: corridor.enabled ? corridor.capacity.maximum : 0, perSlice: !corridor.capacity.isConstant,
                unit: unit(corridor.commodity), locations: sources.locations("corridors", corridor.name),
                note: notes.isEmpty ? nil : notes.joined(separator: "; ")), sides)
    }
    for (k, supply) in model.supplies.enumerated() {
      let sides = (0..<S).map { RelaxableGroup.Member(side: .columnUpper(f.index.supplies[k][$0].index), scale: 1) }
      add(.init(entry: .supply(supply.name), kind: .supply, quantity: "volume", value: supply.volume.maximum,
                perSlice: !supply.volume.isConstant, unit: unit(supply.commodity),
                locations: sources.locations("supply", supply.name), note: nil), sides)
    }
    for (m, market) in model.markets.enumerated() {
      guard let rows = f.index.marketRows[m], let volume = market.volume else { continue }
      add(.init(entry: .market(market.name), kind: .market, quantity: "volume", value: volume.maximum,
                perSlice: !volume.isConstant, unit: unit(market.commodity),
                locations: sources.locations("markets", market.name), note: nil),
          rows.rows.map { .init(side: .rowUpper($0.index), scale: 1) })
    }
    for (k, rule) in model.rules.enumerated() {
      guard let rows = f.index.ruleRows[k] else { continue }
      let locations = sources.locations("rules", rule.name)
      switch rule.kind {
      case let .firm(_, market, volume):
        add(.init(entry: .rule(rule.name), kind: .firm, quantity: "volume", value: volume, perSlice: false,
                  unit: unit(model.market(named: market)?.commodity ?? ""), locations: locations, note: nil),
            rows.rows.map { .init(side: .rowLower($0.index), scale: 1) })
      case let .minShare(_, _, share):
        add(.init(entry: .rule(rule.name), kind: .share, quantity: "share", value: share * 100, perSlice: false,
                  unit: "%", locations: locations, note: nil), [.init(side: .rowLower(rows[0].index), scale: 1)])
      case let .maxShare(_, _, share):
        add(.init(entry: .rule(rule.name), kind: .share, quantity: "share", value: share * 100, perSlice: false,
                  unit: "%", locations: locations, note: nil), [.init(side: .rowUpper(rows[0].index), scale: 1)])
      case .fairShare, .priority:
        continue  // always feasible: they rank plans, they do not forbid them
      }
    }
    for (k, cc) in model.constraints.enumerated() {
      guard let rows = f.index.constraintRows[k] else { continue }
      let isAmount = cc.isAmount
      let perUnit = isAmount ? perUnitHour(cc.commodity) : 1
      let specs = f.constraintRows(k)
      // The bound as the planner reads it: fixed parameter terms (capacity[c]) on the right.
      let bounds = specs.map { f.writtenBound($0, cc.sense) * perUnit }
      var sides: [RelaxableGroup.Member] = []
      for r in rows.rows {
        if cc.sense != .lessEqual { sides.append(.init(side: .rowLower(r.index), scale: 1 / perUnit)) }
        if cc.sense != .greaterEqual { sides.append(.init(side: .rowUpper(r.index), scale: 1 / perUnit)) }
      }
      add(.init(entry: .constraint(cc.name), kind: .constraint, quantity: "bound", value: bounds.max() ?? 0,
                perSlice: Set(bounds).count > 1, unit: (isAmount ? amountUnit(cc.commodity) : unit(cc.commodity)),
                locations: sources.locations("constraints", cc.name), note: cc.source), sides)
    }
    for (k, st) in model.storages.enumerated() {
      let cols = f.index.storages[k]
      let perUnit = perUnitHour(st.commodity)
      let locations = sources.locations("storage", st.name)
      // A storage with a build option holds its limits in rows (existing + built), not bounds.
      let limits = f.index.storageLimitRows[k]
      let levelSides: [RelaxableGroup.Side] = limits.map { r in (0..<f.sliceCount).map { .rowUpper(r.first + 3 * $0 + 2) } }
        ?? cols.level.columns.map { .columnUpper($0.index) }
      let powerSides: [RelaxableGroup.Side] = limits.map { r in (0..<f.sliceCount).flatMap { [.rowUpper(r.first + 3 * $0), .rowUpper(r.first + 3 * $0 + 1)] } }
        ?? (cols.charge.columns + cols.discharge.columns).map { .columnUpper($0.index) }
      add(.init(entry: .storage(st.name), kind: .storage, quantity: "energy", value: st.energy * perUnit, perSlice: false,
                unit: amountUnit(st.commodity), locations: locations, note: nil),
          levelSides.map { .init(side: $0, scale: 1 / perUnit) })
      add(.init(entry: .storage(st.name), kind: .storage, quantity: "power", value: st.power, perSlice: false,
                unit: unit(st.commodity), locations: locations, note: nil),
          powerSides.map { .init(side: $0, scale: 1) })
    }
    return (members, groups)
  }

  /// `winter-day, winter-night` or `slices 2162–4345 (2161 … 4344)` for long runs.
  static func sliceList(_ slices: [Int], _ model: Model) -> String {
    guard slices.count > 4 else { return slices.map { model.slices[$0].name }.joined(separator: ", ") }
    let runs = slices.count == (slices.last! - slices.first! + 1)
    let names = "\(model.slices[slices.first!].name) … \(model.slices[slices.last!].name)"
    return runs ? "slices \(slices.first! + 1)–\(slices.last! + 1) (\(names))" : "\(slices.count) slices (\(names))"
  }

  /// The candidates `--fixed` names, by position; an unknown name is an error that lists
  /// what could be meant.
  static func resolveFixed(_ names: [String], among members: [Explanation.Member]) throws -> Set<Int> {
    var out = Set<Int>()
    let sections: Set<String> = ["corridors", "supply", "markets", "storage", "rules", "constraints"]
    let allNames = Set(members.compactMap(\.entry.name))
    for given in names {
      var section: String?
      var bare = given
      if let dot = given.firstIndex(of: "."), sections.contains(String(given[..<dot])) {
        section = String(given[..<dot])
        bare = String(given[given.index(after: dot)...])
      }
      let hits = members.indices.filter { i in
        members[i].entry.name == bare && (section == nil || members[i].entry.section == section)
      }
      guard !hits.isEmpty else {
        throw PlanningEditError("--fixed '\(given)' names no entry the explanation can move\(DidYouMean.hint(for: bare, among: allNames)); "
          + "name a corridor, supply, market, firm or share rule, custom constraint or storage (as `corridors.NAME` where two sections share a name)")
      }
      out.formUnion(hits)
    }
    return out
  }

  // MARK: Moves

  /// The moves of one member from its group's relaxation amounts (lower sides, upper sides).
  static func move(_ m: Explanation.Member, lower: Double, upper: Double, formulation f: Formulation, point: [Double]?) -> [Explanation.Move] {
    var out: [Explanation.Move] = []
    let tiny = 1e-9 * max(1, abs(m.value))
    if m.kind == .share {
      // A share is not linear in its row's slack: report the share the relaxed plan reaches.
      guard lower > tiny || upper > tiny, case let .rule(name) = m.entry,
            let rule = f.model.rules.first(where: { $0.name == name }) else { return [] }
      let reached = shareReached(rule, f, point) ?? (lower > tiny ? 0 : 100)
      let direction: Explanation.Move.Direction = lower > tiny ? .down : .up
      return [.init(member: m, direction: direction, amount: abs(m.value - reached), to: reached)]
    }
    if lower > tiny { out.append(.init(member: m, direction: .down, amount: lower, to: m.value - lower)) }
    if upper > tiny { out.append(.init(member: m, direction: .up, amount: upper, to: m.value + upper)) }
    return out
  }

  /// The share (in %) of a share rule's country over its corridors at `point`, nil without
  /// a point or without flow.
  static func shareReached(_ rule: Rule, _ f: Formulation, _ point: [Double]?) -> Double? {
    guard let point else { return nil }
    let (country, corridors): (String, [String])
    switch rule.kind {
    case let .minShare(c, cs, _), let .maxShare(c, cs, _): (country, corridors) = (c, cs)
    default: return nil
    }
    let own = f.averageFlowTerms(corridors: corridors, origin: country, scale: 1).reduce(0) { $0 + $1.coefficient * point[$1.column] }
    let all = f.averageFlowTerms(corridors: corridors, origin: nil, scale: 1).reduce(0) { $0 + $1.coefficient * point[$1.column] }
    guard all > 1e-9 else { return nil }
    return 100 * own / all
  }
}
