import Foundation
import CorridorModel
import LinearProgramming

/// A corridor model built once and re-solved after edits: the base of what-if analysis.
///
/// The session owns a ``Formulation`` (the model and its LP) and a ``Planner``. An edit
/// (``PlanningEdit``) changes a value of the model and, in place, the bounds, right-hand
/// sides, coefficients or objective coefficients that depend on it, through the same
/// functions that built the LP; the LP never grows. The next ``solve()`` starts from the
/// last basis: GLPK's `auto` algorithm runs the dual simplex after bound and right-hand-side
/// edits (the old basis stays dual feasible) and the primal simplex after cost or
/// coefficient edits. ``reset(basis:)`` returns to the base model's values.
///
///     let session = try PlanningSession(model: try ModelLoader.load(path: "models/oil-2030.toml"))
///     let base = try session.solve()
///     try session.apply(.capacity(corridor: "cpc", .constant(36.25)))  // CPC at half capacity
///     let cut = try session.solve()                                   // warm: a few dual pivots
///     print(base.objective! - cut.objective!, session.solves.last!.iterations)
///     try session.reset()                                             // CPC back to 72.5 Mt/yr
///
/// Results are ``Plan``s, keyed by domain names. A solve that GLPK cannot finish from the
/// old basis (a singular basis after a coefficient edit), or whose optimum fails its
/// certificate, is repeated from scratch, and its ``SolveRecord`` says so.
public final class PlanningSession {
  /// The model the session started from; ``reset(basis:)`` returns to its values.
  public let base: Model
  /// The formulation, whose ``Formulation/model`` is the model with every edit so far.
  public let formulation: Formulation
  public var planner: Planner
  /// One record per ``solve()``, in order.
  public private(set) var solves: [SolveRecord] = []
  /// The edits applied since the start or the last reset, in order.
  public private(set) var edits: [PlanningEdit] = []
  /// The final basis of the first optimal solve (the base plan), for ``reset(basis:)``.
  private var baseBasis: Basis?

  /// What one solve of the session took.
  public struct SolveRecord: Sendable {
    /// Simplex iterations over all stages.
    public var iterations: Int
    /// Whether it started from the previous basis and kept that answer (false: the first
    /// solve, or a warm start that was repeated cold; ``iterations`` then counts both).
    public var warm: Bool
    /// The number of edits applied since the previous solve (a reset counts as one).
    public var edits: Int
    public var status: TerminationStatus
  }

  /// The model now, with every edit applied.
  public var model: Model { formulation.model }

  /// Builds the LP of `model` (see ``Formulation/init(model:names:)``).
  public init(model: Model, options: SolverOptions = SolverOptions(), names: Bool = true) throws {
    base = model
    formulation = try Formulation(model: model, names: names)
    planner = Planner(options: options)
  }

  /// The LP's size: edits and solves leave it as built (the lexicographic stage rows are
  /// added by the first solve and reused).
  public var size: LPSize {
    LPSize(variables: formulation.program.variableCount, constraints: formulation.program.constraintCount,
           nonZeros: formulation.program.nonZeroCount)
  }

  private var editsSinceSolve = 0
  /// The edit counters when the base basis was restored (``reset(basis:)``), until the next solve.
  private var restart: (Int, Int)?

  /// Applies `edit` to the model and to its LP. Throws ``PlanningEditError`` (naming the entry,
  /// the value and what is allowed) and leaves everything as it was when the edit is invalid.
  public func apply(_ edit: PlanningEdit) throws {
    try apply([edit])
  }

  /// Applies `edits` in order (each is validated before any is applied).
  public func apply(_ edits: [PlanningEdit]) throws {
    var model = formulation.model
    var touched = Touched()
    for edit in edits { try Self.change(&model, by: edit, touched: &touched) }
    formulation.model = model
    try refresh(touched)
    self.edits += edits
    editsSinceSolve += edits.count
  }

  /// Applies the values of `edited`, a model that differs from the current one only in
  /// values (``PlanningEdit/edits(from:to:)``), and takes its names, labels and warnings.
  /// - Returns: false, with nothing changed, when `edited` needs a new formulation.
  @discardableResult
  public func adopt(_ edited: Model) throws -> Bool {
    guard let list = PlanningEdit.edits(from: formulation.model, to: edited) else { return false }
    try apply(list)
    formulation.model = edited
    return true
  }

  /// Returns to the base model's values. With `basis`, the next solve also starts from the
  /// base plan's final basis rather than from the last one (as each of a series of
  /// independent what-ifs should).
  public func reset(basis: Bool = false) throws {
    formulation.model = base
    try formulation.refreshAll()
    edits = []
    editsSinceSolve += 1
    if basis, let b = baseBasis, b.constraints.count == formulation.program.constraintCount {
      try formulation.program.setStartingBasis(b)
      restart = (formulation.coefficientEdits, formulation.objectiveEdits)
    }
  }

  /// Solves the model as it is now, starting from the last basis, and returns its plan.
  public func solve() throws -> Plan {
    let warm = formulation.hasBasis && planner.options.warmStart
    var planner = self.planner
    // GLPK's `auto` runs the primal simplex from a basis it was given (it may be a crash,
    // not dual feasible). The base plan's optimal basis stays dual feasible under bound and
    // right-hand-side edits of a one-stage objective: run the dual simplex from it.
    if let r = restart, planner.options.algorithm == .auto, Objectives.stageCount(formulation) == 1,
       r == (formulation.coefficientEdits, formulation.objectiveEdits) {
      planner.options.algorithm = .dual
    }
    restart = nil
    var plan = try planner.solve(formulation)
    var record = SolveRecord(iterations: plan.stages.reduce(0) { $0 + $1.iterations }, warm: warm,
                             edits: editsSinceSolve, status: plan.status)
    // A warm start GLPK cannot finish (a singular basis after a coefficient edit), or an
    // optimum whose certificate fails (roundoff of an old factorization when the optimum
    // collapses to about 0): solve again from scratch, as a fresh build would.
    let certified = plan.certificate?.holds() ?? true
    if ProcessInfo.processInfo.environment["CORRIDOR_TRACE"] == "1" {
      // A diagnostic line per solve (docs/contingency.md, "Warm against cold: measured").
      let line = "corridor trace: solve \(plan.status.rawValue), \(record.iterations) iterations, certificate \(certified ? "holds" : "fails"), at \(MonotonicClock.now()) s\n"
      FileHandle.standardError.write(Data(line.utf8))
    }
    if warm, plan.status == .numericalError || plan.status == .solverError || (plan.provenOptimal && !certified) {
      var cold = self.planner  // the caller's algorithm, not the dual simplex chosen for a warm start
      cold.options.warmStart = false
      plan = try cold.solve(formulation)
      record.iterations += plan.stages.reduce(0) { $0 + $1.iterations }
      record.warm = false
      record.status = plan.status
    }
    solves.append(record)
    editsSinceSolve = 0
    if baseBasis == nil, edits.isEmpty, plan.provenOptimal { baseBasis = formulation.program.solution?.basis }
    return plan
  }

  // MARK: Edits

  /// Which entries an edit touched, by model position.
  struct Touched {
    var corridors = Set<Int>(), supplies = Set<Int>(), markets = Set<Int>()
    var rules = Set<Int>(), constraints = Set<Int>()
  }

  private func refresh(_ t: Touched) throws {
    let f = formulation
    for c in t.corridors.sorted() { try f.refreshCorridor(c) }
    for k in t.supplies.sorted() { try f.refreshSupply(k) }
    for m in t.markets.sorted() { try f.refreshMarket(m) }
    for k in t.rules.sorted() { try f.refreshRule(k) }
    for k in t.constraints.sorted() { try f.refreshConstraint(k) }
    f.refreshObjectives()
  }

  static func change(_ model: inout Model, by edit: PlanningEdit, touched t: inout Touched) throws {
    let S = model.slices.count
    /// The position of the entry `name` among `names`, or an error listing what there is.
    func position(_ name: String, in names: [String], _ kind: String, _ plural: String) throws -> Int {
      guard let i = names.firstIndex(of: name) else {
        throw PlanningEditError("unknown \(kind) '\(name)' in the edit \"\(edit)\"; the model's \(plural) are \(names.joined(separator: ", "))")
      }
      return i
    }
    func corridor(_ name: String) throws -> Int { try position(name, in: model.corridors.map(\.name), "corridor", "corridors") }
    func supply(_ name: String) throws -> Int { try position(name, in: model.supplies.map(\.name), "supply", "supplies") }
    func market(_ name: String) throws -> Int { try position(name, in: model.markets.map(\.name), "market", "markets") }
    func rule(_ name: String) throws -> Int { try position(name, in: model.rules.map(\.name), "rule", "rules") }
    func check(_ s: Series, _ what: String, in range: ClosedRange<Double>? = nil) throws {
      let values: [Double]
      switch s {
      case let .constant(v): values = [v]
      case let .perSlice(v):
        guard v.count == S else {
          throw PlanningEditError("\(what) has \(v.count) values; the model has \(S) slices: give one value, or one per slice")
        }
        values = v
      }
      for v in values where !v.isFinite || !(range?.contains(v) ?? true) {
        throw PlanningEditError("\(what) is \(v); it must be a finite number\(range.map { " in \($0.lowerBound)…\($0.upperBound)" } ?? "")")
      }
    }
    let nonNegative: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude
    switch edit {
    case let .capacity(name, v):
      let c = try corridor(name)
      try check(v, "the capacity of corridor '\(name)'", in: nonNegative)
      model.corridors[c].capacity = v
      t.corridors.insert(c)
    case let .availability(name, v):
      let c = try corridor(name)
      try check(v, "the availability of corridor '\(name)'", in: 0...1)
      model.corridors[c].availability = v
      t.corridors.insert(c)
    case let .availabilityWindow(name, window, v):
      let c = try corridor(name)
      guard window.lowerBound >= 0, window.upperBound <= S, !window.isEmpty else {
        throw PlanningEditError("the slice window \(window.lowerBound)..<\(window.upperBound) for corridor '\(name)' is outside the horizon; slices are 0..<\(S)")
      }
      try check(.constant(v), "the availability of corridor '\(name)'", in: 0...1)
      var values = (0..<S).map { model.corridors[c].availability.value(at: $0) }
      for s in window { values[s] = v }
      model.corridors[c].availability = .perSlice(values)
      t.corridors.insert(c)
    case let .enabled(name, on):
      let c = try corridor(name)
      model.corridors[c].enabled = on
      t.corridors.insert(c)
    case let .tariff(name, v):
      let c = try corridor(name)
      try check(v, "the tariff of corridor '\(name)'")
      model.corridors[c].tariff = v
      t.corridors.insert(c)
    case let .supplyVolume(name, v):
      let k = try supply(name)
      try check(v, "the volume of supply '\(name)'", in: nonNegative)
      model.supplies[k].volume = v
      t.supplies.insert(k)
    case let .supplyCost(name, v):
      let k = try supply(name)
      try check(.constant(v), "the cost of supply '\(name)'")
      model.supplies[k].cost = v
      t.supplies.insert(k)
    case let .marketPrice(name, v):
      let m = try market(name)
      try check(v, "the price of market '\(name)'")
      model.markets[m].price = v
      t.markets.insert(m)
    case let .marketVolume(name, v):
      let m = try market(name)
      guard model.markets[m].volume != nil else {
        throw PlanningEditError("market '\(name)' has no volume in the model, so the LP has no row to hold one; give it a volume in the model file (a new formulation) to edit it")
      }
      try check(v, "the volume of market '\(name)'", in: nonNegative)
      model.markets[m].volume = v
      t.markets.insert(m)
    case let .share(name, v):
      let r = try rule(name)
      try check(.constant(v), "the share of rule '\(name)'", in: 0...1)
      switch model.rules[r].kind {
      case let .minShare(country, corridors, _): model.rules[r].kind = .minShare(country: country, corridors: corridors, share: v)
      case let .maxShare(country, corridors, _): model.rules[r].kind = .maxShare(country: country, corridors: corridors, share: v)
      default: throw PlanningEditError("rule '\(name)' is not a min-share or max-share rule, so it has no share to edit")
      }
      t.rules.insert(r)
    case let .firmVolume(name, v):
      let r = try rule(name)
      try check(.constant(v), "the volume of rule '\(name)'", in: nonNegative)
      guard case let .firm(country, market, _) = model.rules[r].kind else {
        throw PlanningEditError("rule '\(name)' is not a firm rule, so it has no volume to edit")
      }
      model.rules[r].kind = .firm(country: country, market: market, volume: v)
      t.rules.insert(r)
    case let .constraintConstant(name, v):
      guard let k = model.constraints.firstIndex(where: { $0.name == name }) else {
        throw PlanningEditError("unknown constraint '\(name)' in the edit \"\(edit)\"; the model's constraints are \(model.constraints.map(\.name).joined(separator: ", "))")
      }
      try check(v, "the right-hand side of constraint '\(name)'")
      model.constraints[k].constant = v
      t.constraints.insert(k)
    }
  }
}

extension PlanningSession {
  /// Opens `path` (a model or scenario file) and, with `scenario`, applies it: as edits of a
  /// session on the model without it when the scenario only changes values (so the session
  /// resets to the model as given and re-solves warm), or as a new model otherwise.
  ///
  ///     let s = try PlanningSession.open(path: "models/oil-2030.toml", scenario: "models/scenarios/cpc-minus-50.toml")
  ///     s.edits          // [capacity of corridor cpc = …]
  ///     try s.solve()    // the plan `corridor solve models/oil-2030.toml --scenario …` prints
  public static func open(path: String, scenario: String? = nil, options: SolverOptions = SolverOptions()) throws -> PlanningSession {
    let base = try ModelLoader.load(path: path)
    guard let scenario else { return try PlanningSession(model: base, options: options) }
    let edited = try ModelLoader.load(path: path, scenario: scenario)
    let session = try PlanningSession(model: base, options: options)
    if try session.adopt(edited) { return session }
    return try PlanningSession(model: edited, options: options)
  }
}
