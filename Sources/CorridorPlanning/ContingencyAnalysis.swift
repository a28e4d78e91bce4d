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
/// ## Threads
/// A GLPK problem belongs to the thread that created it. Each of `jobs` workers runs on
/// one thread from start to end (one `DispatchQueue.concurrentPerform` iteration, with no
/// `await`): it builds its own ``PlanningSession``, solves the base cold, then takes
/// outages off a shared counter; before each it resets the session to the base model and
/// the base plan's basis (``PlanningSession/reset(basis:)``), so an outage's answer does not
/// depend on which worker ran it or what that worker ran before. Only plain values
/// (``OutageResult``, ``Plan``) leave a worker; the session dies on its thread.
public enum ContingencyAnalysis {
  /// Relative change below which a corridor's flow is taken as unchanged.
  public static let flowTolerance = 1e-6

  public static func run(model: CorridorModel, options: ContingencyOptions,
                         solver: SolverOptions = SolverOptions()) throws -> ContingencyResult {
    let outages = try options.outages(of: model)
    let edits = outages.map { options.edits(for: $0, in: model) }
    let workers = max(1, min(options.jobs, outages.count))
    let bases = Mutex<[Result<(Plan, Int), any Error>?]>(Array(repeating: nil, count: workers))
    let results = Mutex<[Result<OutageResult, any Error>?]>(Array(repeating: nil, count: outages.count))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      let session: PlanningSession, base: Plan
      do {
        session = try PlanningSession(model: model, options: solver, names: false)
        base = try session.solve()
        let iterations = session.solves.last?.iterations ?? 0
        bases.withLock { $0[w] = .success((base, iterations)) }
        guard base.provenOptimal, base.objective != nil else { return }
      } catch {
        bases.withLock { $0[w] = .failure(error) }
        return
      }
      while true {
        let i = next.add(1, ordering: .relaxed).oldValue
        if i >= outages.count { break }
        let r = Result { try outage(outages[i], edits: edits[i], session: session, base: base) }
        results.withLock { $0[i] = r }
      }
    }
    let started = bases.withLock { $0 }
    guard let first = started.compactMap({ $0 }).first else {
      throw ContingencyError("no worker started")
    }
    let (base, baseIterations) = try first.get()
    guard base.provenOptimal, base.objective != nil else {
      throw ContingencyError("the base model has no optimal plan (status \(base.status.rawValue)): an outage is measured against the base's optimum, so solve the model first (corridor solve) and fix it")
    }
    var done: [OutageResult] = []
    for r in results.withLock({ $0 }) {
      guard let r else { throw ContingencyError("an outage was not run (every worker stopped)") }
      done.append(try r.get())
    }
    return ContingencyResult(options: options, base: base, baseIterations: baseIterations, outages: done,
                             ranking: rank(done), workers: workers)
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

  /// Runs one outage on `session` (on the calling thread) from the base model and basis.
  static func outage(_ outage: Outage, edits: [PlanningEdit], session: PlanningSession, base: Plan) throws -> OutageResult {
    try session.reset(basis: true)
    try session.apply(edits)
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
        try session.reset(basis: true)
        try session.apply(edits + [relax])
        let probe = try session.solve()
        iterations += session.solves.last?.iterations ?? 0
        warm = warm && (session.solves.last?.warm ?? false)
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
