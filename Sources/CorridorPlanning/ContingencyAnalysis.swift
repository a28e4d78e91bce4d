import CorridorModel
import Dispatch
import LinearProgramming
import Synchronization

/// N-1 (or N-2) over a model's corridors on re-solvable sessions: `corridor contingency`.
///
///     let model = try ModelLoader.load(path: "models/electricity-2030.toml")
///     let r = try ContingencyAnalysis.run(model: model, options: ContingencyOptions(jobs: 2))
///     let worst = r.outages[r.ranking[0]]
///     print(worst.outage.name, worst.lost!, worst.lostFraction!)
///
/// ## Threads, and why each outage gets its own LP
/// A GLPK problem belongs to the thread that created it. Each of `jobs` workers runs on
/// one thread from start to end (one `DispatchQueue.concurrentPerform` iteration, with no
/// `await`) and takes outages off a shared counter. The base is solved once, cold, on the
/// calling thread before they start; its final basis (a plain value) is shared. For each
/// outage a worker builds the outage's session on its own thread (the base model with the outage's edits) and starts
/// it from the base basis with the dual simplex. Every outage edit touches only the
/// corridor's capacity column, which is fixed: its bounds (out, derated) or its
/// coefficients in the capacity rows (availability in a window). A fixed non-basic column
/// is dual feasible whatever its reduced cost, and the basis matrix does not contain it,
/// so the base basis stays dual feasible (GLPK's dual falls back to the primal simplex if
/// it is not, e.g. when the base made that column basic). On long horizons (the hourly
/// model) the outage re-solves only the time blocks it touches first, and the full LP then
/// starts from the base's basis outside them (see ``session(_:_:edits:from:times:)``).
/// Only plain values (``OutageResult``,
/// ``Plan``, ``Basis``) leave a worker; every session dies on its thread.
///
/// Resetting one session per worker between outages (``PlanningSession/reset(basis:)``)
/// was measured first: a GLPK problem keeps state beyond the model's values and the
/// basis (scale factors set by an earlier solve, and more: with scaling off the
/// differences stayed), so an
/// outage's last digits, and now and then whether its warm start held, depended on what
/// its worker ran before, and `--jobs 2` differed from `--jobs 1` (1 to 7 of the 28
/// electricity N-2 outages). A fresh LP per outage costs a build (no solve) and makes
/// each outage's answer a function of the model, the outage and the base basis only.
public enum ContingencyAnalysis {
  /// Relative change below which a corridor's flow is taken as unchanged.
  public static let flowTolerance = 1e-6

  public static func run(model: Model, options: ContingencyOptions,
                         solver: SolverOptions = SolverOptions()) throws -> ContingencyResult {
    let outages = try options.outages(of: model)
    let edits = outages.map { options.edits(for: $0, in: model) }
    let workers = max(1, min(options.jobs, outages.count))
    // The base, once, on the calling thread; its session is gone before the workers start.
    let (base, baseIterations, start) = try solveBase(model, solver)
    let times = options.slices ?? 0..<model.slices.count
    let results = Mutex<[Result<OutageResult, any Error>?]>(Array(repeating: nil, count: outages.count))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let i = next.add(1, ordering: .relaxed).oldValue
        if i >= outages.count { break }
        let r = Result {
          try outage(outages[i], edits: edits[i], base: base) { edits in
            try session(model, solver, edits: edits, from: options.cold ? nil : start, times: times)
          }
        }
        results.withLock { $0[i] = r }
      }
    }
    var done: [OutageResult] = []
    for r in results.withLock({ $0 }) {
      guard let r else { throw ContingencyError("an outage was not run (every worker stopped)") }
      done.append(try r.get())
    }
    return ContingencyResult(options: options, base: base, baseIterations: baseIterations, outages: done,
                             ranking: rank(done), workers: workers)
  }

  /// Solves the base cold (the planner's default path) and returns its plan, its simplex
  /// iterations and its optimum (final basis, point, duals) to start the outages from;
  /// throws when it has no optimal plan to compare with.
  /// Refuses a model with build options: outages are measured on given capacities.
  public static func checkFixedNetwork(_ model: Model) throws {
    if model.hasBuildOptions {
      let names = model.corridors.filter { $0.build != nil }.map { "corridors.\($0.name)" } + model.storages.filter { $0.build != nil }.map { "storage.\($0.name)" }
      throw ContingencyError("N-1 outages are measured on a network whose capacities are given, and this model has build options (\(names.joined(separator: ", "))): solve it, then write the chosen sizes as capacities (and drop the [build] tables) in a scenario, and run contingency on that")
    }
  }

  static func solveBase(_ model: Model, _ solver: SolverOptions) throws -> (Plan, Int, BlockRestart) {
    try checkFixedNetwork(model)
    let session = try PlanningSession(model: model, options: solver, names: false)
    let base = try session.solve()
    guard base.provenOptimal, base.objective != nil, let s = session.formulation.program.solution, let basis = s.basis else {
      throw ContingencyError("the base model has no optimal plan (status \(base.status.rawValue)): an outage is measured against the base's optimum, so solve the model first (corridor solve) and fix it")
    }
    return (base, session.solves.last?.iterations ?? 0, BlockRestart(basis: basis, values: s.values, duals: s.duals))
  }

  /// Most critical first: no feasible plan, then the largest loss; ties by name.
  static func rank(_ outages: [OutageResult]) -> [Int] {
    outages.indices.sorted { a, b in
      let x = outages[a], y = outages[b]
      switch (x.lost, y.lost) {
      case (nil, .some): return true
      case (.some, nil): return false
      case let (.some(p), .some(q)) where p != q: return p > q
      default: return x.outage.name < y.outage.name
      }
    }
  }

  /// A session of `model` with `edits`, on the calling thread, whose first solve starts
  /// from the base's optimum `start` (its final basis, stage rows included); nil: a cold solve.
  ///
  /// On a long horizon (at least ``Planner/blockCrashMinimumSlices`` slices, one
  /// objective stage, edits of bounds only) the time blocks that `times` (the outage's
  /// slices) touch are re-solved, warm from the base's optimum, and the full LP runs the
  /// primal simplex from the base's basis outside them and the blocks' bases inside
  /// (``LinearProgram/blockRestartBasis(_:blocks:times:from:timeLimit:)``): the dual
  /// simplex over the whole year from the base basis is about as slow as a cold solve.
  /// When the outage touches every block (no window), the block crash of the planner's
  /// default path, with the coupling rows priced into the blocks by a price search from the
  /// base's duals (``LinearProgram/priceSearchBasis(_:blocks:prices:maxPasses:timeLimit:)``; measured fastest). Otherwise (or when the blocks
  /// cannot be solved) the dual simplex from the base basis: every outage edit touches only the corridor's fixed capacity column,
  /// so that basis stays dual feasible. `blocks` overrides, for tests on short horizons,
  /// from how many slices on the block path is taken and with how many blocks.
  static func session(_ model: Model, _ solver: SolverOptions, edits: [PlanningEdit], from start: BlockRestart?,
                      times: Range<Int>? = nil, blocks: (minimumSlices: Int, count: Int)? = nil) throws -> PlanningSession {
    let s = try PlanningSession(model: model, options: solver, names: false)
    try s.apply(edits)
    guard let start else { return s }
    let f = s.formulation
    _ = try s.planner.prepareStageRows(f, s.planner.stageList(f))
    let boundsOnly = edits.allSatisfy {
      switch $0 {
      case .enabled, .capacity, .availability, .firmVolume: true
      default: false
      }
    }
    let oneStage = Objectives.stageCount(f) == 1
    if boundsOnly, oneStage, solver.algorithm == .auto, solver.warmStart,
       f.sliceCount >= blocks?.minimumSlices ?? s.planner.blockCrashMinimumSlices {
      let K = min(blocks?.count ?? Planner.timeBlocks(f.sliceCount), f.sliceCount)
      let window = times ?? 0..<f.sliceCount
      if window.lowerBound * K / f.sliceCount == 0, (window.upperBound - 1) * K / f.sliceCount == K - 1 {
        // Every time block touched (a whole-year outage): nothing of the base's basis is
        // kept. The block crash of the planner's default path, its blocks priced against the
        // coupling rows by a price search started from the base's duals, then the primal
        // simplex: measured fastest (docs/contingency.md): 5,917 iterations against 14,474
        // for a cold solve (the crash priced at the base's duals without the search: 12,045;
        // the dual simplex from the base basis: 18,086; blocks re-solved from the base: 32,316).
        let lp = f.program, structure = s.planner.timeStructure(f)
        if let search = try lp.priceSearchBasis(structure, blocks: K, prices: start.duals.flatMap { $0.count == lp.constraintCount ? $0 : nil },
                                                      timeLimit: solver.timeLimit) {
          try lp.setStartingBasis(search.basis)  // `auto` from a given basis: the primal simplex
          f.hasBasis = true
        }
        return s
      }
      if let basis = try f.program.blockRestartBasis(s.planner.timeStructure(f), blocks: K, times: window, from: start,
                                                     timeLimit: solver.timeLimit) {
        try f.program.setStartingBasis(basis)  // `auto` from a given basis: the primal simplex
        f.hasBasis = true
        return s
      }
    }
    try f.program.setStartingBasis(start.basis)
    f.hasBasis = true
    if boundsOnly, solver.algorithm == .auto, oneStage { s.planner.options.algorithm = .dual }
    return s
  }

  /// Runs one outage on sessions from `open` (each built and solved on the calling thread).
  static func outage(_ outage: Outage, edits: [PlanningEdit], base: Plan,
                     open: ([PlanningEdit]) throws -> PlanningSession) throws -> OutageResult {
    let session = try open(edits)
    let plan = try session.solve()
    var iterations = session.solves.last?.iterations ?? 0
    var warm = session.solves.last?.warm ?? false
    var solves = 1
    let hasPlan = plan.provenOptimal && plan.hasPoint && plan.objective != nil
    var result = OutageResult(outage: outage, edits: edits, status: plan.status,
                              objective: hasPlan ? plan.objective : nil, lost: nil, lostFraction: nil,
                              countries: [], flows: [], commitments: [], iterations: 0, solves: 0, warm: true)
    if hasPlan, let before = base.objective, let after = plan.objective {
      let maximize = (base.stages.last?.sense ?? .maximize) == .maximize
      let lost = maximize ? before - after : after - before
      result.lost = lost
      result.lostFraction = abs(before) > 0 ? lost / abs(before) : nil
    }
    let afterCountries = Dictionary(plan.countries.map { ($0.name, $0.netValue) }, uniquingKeysWith: { a, _ in a })
    result.countries = base.countries.map {
      .init(country: $0.name, before: $0.netValue, after: hasPlan ? afterCountries[$0.name] : nil)
    }
    let afterFlows = Dictionary(plan.corridors.map { ($0.name, $0.flow) }, uniquingKeysWith: { a, _ in a })
    for c in base.corridors {
      let after = hasPlan ? afterFlows[c.name] : nil
      let out = outage.corridors.contains(c.name)
      if let a = after, abs(a - c.flow) <= flowTolerance * max(1, abs(a), abs(c.flow)), !out { continue }
      if after == nil, !out { continue }
      result.flows.append(.init(corridor: c.name, unit: c.unit, before: c.flow, after: after, out: out))
    }
    if !hasPlan, plan.status == .infeasible || plan.status == .infeasibleOrUnbounded {
      // Which commitments break: relax each alone; those that restore a plan are the culprits.
      let candidates = session.base.rules.compactMap { rule -> (String, PlanningEdit)? in
        switch rule.kind {
        case .firm: (rule.name, .firmVolume(rule: rule.name, 0))
        case .minShare: (rule.name, .share(rule: rule.name, 0))
        default: nil
        }
      }
      for (name, relax) in candidates {
        let probeSession = try open(edits + [relax])
        let probe = try probeSession.solve()
        iterations += probeSession.solves.last?.iterations ?? 0
        warm = warm && (probeSession.solves.last?.warm ?? false)
        solves += 1
        if probe.provenOptimal { result.commitments.append(name) }
      }
      if result.commitments.isEmpty, !candidates.isEmpty {
        result.commitments = candidates.map(\.0)
        result.commitmentsJointly = true
      }
    }
    result.iterations = iterations
    result.solves = solves
    result.warm = warm
    return result
  }
}
