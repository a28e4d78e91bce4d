import CorridorModel
import CorridorPlanning
import Dispatch
import Foundation
import LinearProgramming
import Synchronization

/// Runs the cases of a sweep into a ``SweepDatabase``, in parallel, each worker re-solving
/// warm from its previous case.
///
/// The cases to run are split into `jobs` contiguous blocks (neighbouring cases differ in
/// one value); each worker keeps one ``PlanningSession`` and moves it to its next case by
/// edits (``PlanningSession/adopt(_:)``) when only values changed, or builds a new one
/// (a scenario that adds or removes entries). A worker owns its session, and so its GLPK
/// problem, on its own thread. Finished cases (already in the database) are skipped, so
/// running the same command again finishes a killed sweep.
public struct SweepRunner: Sendable {
  public var sweep: SweepDefinition
  public var solver: SolverOptions
  public var jobs: Int
  /// Solve every case from scratch (a new session each), for measuring what warm starts save.
  public var cold = false

  public init(sweep: SweepDefinition, solver: SolverOptions = SolverOptions(), jobs: Int, cold: Bool = false) {
    self.sweep = sweep
    self.solver = solver
    self.jobs = max(1, jobs)
    self.cold = cold
  }

  /// What a run did.
  public struct Summary: Sendable {
    public var total: Int
    public var skipped: Int
    public var solved: Int
    public var warm: Int
    public var seconds: Double
  }

  /// Loads case `c`'s model: the base, its scenario, and the case's values. A problem in a
  /// value the sweep sets is reported at its key in the sweep file
  /// (``SweepDefinition/placing(_:caseLabel:overlay:)``).
  public func model(of c: SweepCase) throws(ModelLoadError) -> Model {
    let label = "\(sweep.file) (case \(c.id))"
    do {
      return try ModelLoader.load(path: sweep.model, scenario: c.scenario(sweep), overlay: (text: c.overlay(sweep), label: label))
    } catch {
      throw ModelLoadError(diagnostics: sweep.placing(error.diagnostics, caseLabel: "\(c.id) (\(c.label(sweep)))", overlay: label))
    }
  }

  /// Runs `cases` (skipping finished ones) into `db`; `progress` is called after each case
  /// with (finished now, to run in all, seconds elapsed), from the workers' threads.
  public func run(_ cases: [SweepCase], into db: SweepDatabase,
                  progress: (@Sendable (Int, Int, Double) -> Void)? = nil) throws -> Summary {
    let start = MonotonicClock.now()
    let finished = try db.finishedCases()
    let todo = cases.filter { !finished.contains($0.id) }
    let workers = min(jobs, max(1, todo.count))
    let state = RunState()
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      let block = todo[(todo.count * w / workers)..<(todo.count * (w + 1) / workers)]
      var session: PlanningSession?
      for c in block {
        if state.failed { return }
        do {
          let model = try self.model(of: c)
          let t0 = MonotonicClock.now()
          var warm = false
          if !cold, let s = session, try s.adopt(model) { warm = true } else {
            session = try PlanningSession(model: model, options: solver, names: false)
          }
          let before = session!.solves.count
          let plan = try session!.solve()
          let iterations = session!.solves[before...].reduce(0) { $0 + $1.iterations }
          try db.record(c, of: sweep, plan: plan, warm: warm, iterations: iterations, seconds: MonotonicClock.now() - t0)
          let done = state.finish(warm: warm)
          progress?(done, todo.count, MonotonicClock.now() - start)
        } catch {
          state.fail(error, case: c)
          return
        }
      }
    }
    if let (error, c) = state.failure {
      if let e = error as? ModelLoadError { throw SweepCaseError(caseID: c.id, label: c.label(sweep), underlying: e) }
      throw error
    }
    return Summary(total: cases.count, skipped: cases.count - todo.count, solved: state.done, warm: state.warm,
                   seconds: MonotonicClock.now() - start)
  }
}

/// A case whose model does not load (a value the model rejects): the loader's diagnostics.
public struct SweepCaseError: Error, Sendable {
  public var caseID: Int
  public var label: String
  public var underlying: ModelLoadError
  public init(caseID: Int, label: String, underlying: ModelLoadError) {
    self.caseID = caseID
    self.label = label
    self.underlying = underlying
  }
}

/// Counters shared by the workers, behind one mutex (Sendable without an unchecked promise).
final class RunState: Sendable {
  private struct Counts {
    var finished = 0
    var warmFinished = 0
    var error: (any Error, SweepCase)?
  }
  private let counts = Mutex(Counts())

  /// Cases finished, and how many of them warm.
  var done: Int { counts.withLock { $0.finished } }
  var warm: Int { counts.withLock { $0.warmFinished } }

  var failed: Bool { counts.withLock { $0.error != nil } }
  var failure: (any Error, SweepCase)? { counts.withLock { $0.error } }

  func finish(warm w: Bool) -> Int {
    counts.withLock {
      $0.finished += 1
      if w { $0.warmFinished += 1 }
      return $0.finished
    }
  }

  func fail(_ e: any Error, case c: SweepCase) {
    counts.withLock { if $0.error == nil { $0.error = (e, c) } }
  }
}
