import Glibc
import CorridorModel
import LinearProgramming

/// Solves a corridor model and reads the answer back as a ``Plan``.
///
/// Objectives with several goals are lexicographic: each stage is solved,
/// its optimum is kept exactly by a row, and the next stage re-solves warm
/// from the previous basis. The stages, in order:
/// 1. `max-min-fair` objective: maximise the fairness level of the
///    fair-share rules;
/// 2. each `priority` rule, each country in its order: maximise that
///    country's average flow on the rule's corridors;
/// 3. the main objective: net export value (`max-value`, also the last stage
///    of `max-min-fair`) or cost (`min-cost`).
/// Shadow prices are those of the last stage: the worth of one more unit of a
/// bound *with every earlier stage held at its optimum*.
///
/// ## How an earlier optimum is kept
/// A stage with optimum `z` leaves the row `stage objective ≥ z` (`≤ z` when
/// minimising) with no slack. An earlier version relaxed it to `z − 1e-7·|z|`
/// and later stages spent the slack (a fair split's country revenue off by 1 USD,
/// a priority flow off by 7e-6 MW).
///
/// The other way to keep the optimal face is to fix what complementary
/// slackness fixes: every column whose reduced cost is non-zero at its bound,
/// *and* every row whose dual is non-zero at its active bound (fixing the
/// columns alone does not keep the objective: a capacity row with a positive
/// dual could then fall slack). It was not chosen because fixing rows changes
/// what the last stage's duals mean: a capacity row fixed as an equality can show
/// a negative "value" of capacity, and a fixed column's reduced cost no longer has
/// a sign. With one exact objective row, every row and column keeps its own
/// bounds, so the last stage's shadow prices keep their sign and read as "what
/// one more unit is worth if no earlier goal gives way".
///
/// The row is numerically safe: GLPK accepts a point within its feasibility
/// tolerance (1e-7 relative to the bound), and the row is active at a vertex, so
/// the kept value equals `z` to rounding. If a later stage is nevertheless not
/// optimal with the exact row (a stage optimum from an interior-point solve can
/// lie a hair above the vertex optimum), the row is relaxed by
/// ``fallbackStageTolerance`` and the stage re-solved, and the plan says so in a note.
///
/// The stage rows are appended once per formulation, after the rows the
/// ``Formulation`` built, and reused (their bounds reset to free) by every later
/// ``solve(_:)``: solving a formulation twice gives the same LP and the same plan.
public struct Planner {
  public var options: SolverOptions
  /// Relative slack given to a stage's row only when a later stage could not be
  /// solved to optimality with the exact row (see "How an earlier optimum is kept").
  public var fallbackStageTolerance = 1e-9
  /// From this many time slices on, the first solve starts from a block-crash
  /// basis (``LinearProgram/blockCrashBasis(_:blocks:)``) when the algorithm is `auto`.
  public var blockCrashMinimumSlices = 500

  public init(options: SolverOptions = SolverOptions()) {
    self.options = options
  }

  /// Builds and solves `model`.
  public func plan(_ model: Model, names: Bool = true) throws -> Plan {
    let t0 = MonotonicClock.now()
    let f = try Formulation(model: model, names: names)
    let t1 = MonotonicClock.now()
    var plan = try solve(f)
    plan.timings.build = t1 - t0
    return plan
  }

  /// Solves a built formulation.
  public func solve(_ f: Formulation) throws -> Plan {
    let lp = f.program
    // A MIP's shadow prices come from the LP with its integer decisions fixed.
    var options = options
    if lp.isMixedInteger { options.mipDuals = true }
    let list = stageList(f)
    let stageRows = try prepareStageRows(f, list)
    var stages: [Plan.Stage] = []
    var notes: [String] = []
    var last: Solution? = nil
    let t0 = MonotonicClock.now()
    for (k, stage) in list.enumerated() {
      // Setting an unchanged objective would count as a cost edit (primal simplex next);
      // left alone, a re-solve after bound edits runs the dual simplex from the last basis.
      if lp.sense != stage.sense || lp.objectiveCoefficients != stage.coefficients {
        try lp.setObjective(coefficients: stage.coefficients, sense: stage.sense)
      }
      var s = try k == 0 ? firstSolve(f, options) : lp.solve(remaining(options, since: t0))
      if k > 0, s.termination == .infeasible || s.termination == .numericalError {
        // The exact row of the previous stage may sit a hair above what this solve can reach.
        let row = stageRows[k - 1].index, previous = list[k - 1]
        if let z = stages[k - 1].objective {
          try hold(previous, optimum: z, row: row, in: lp, slack: fallbackStageTolerance)
          s = try lp.solve(remaining(options, since: t0))
          notes.append("stage \"\(previous.name)\" was held within \(fallbackStageTolerance) of its optimum \(z) (relative), not exactly: the next stage could not be solved with it exact")
        }
      }
      stages.append(Plan.Stage(name: stage.name, sense: stage.sense, status: s.termination,
                               objective: s.primalStatus == .feasible ? s.objectiveValue : nil,
                               iterations: s.iterations))
      last = s
      guard s.isOptimal else {
        if k < list.count - 1 {
          let skipped = list[(k + 1)...].map(\.name).joined(separator: ", ")
          notes.append("stage \"\(stage.name)\" stopped (\(s.termination.rawValue)); the later stages (\(skipped)) were not solved, so the figures are those of the \"\(stage.name)\" objective")
        }
        break
      }
      if k < list.count - 1, let z = s.objectiveValue {
        try hold(stage, optimum: z, row: stageRows[k].index, in: lp, slack: 0)
      }
    }
    let t1 = MonotonicClock.now()
    f.hasBasis = f.hasBasis || last?.basis != nil
    guard let solution = last else { throw LPError.notSolved("no stage was solved") }
    var plan = PlanExtractor(formulation: f, solution: solution, objectiveSense: list[stages.count - 1].sense).extract()
    plan.stages = stages
    plan.provenOptimal = stages.count == list.count && stages.allSatisfy { $0.status == .optimal }
    plan.warnings += notes
    plan.timings.solve = t1 - t0
    plan.timings.extract = MonotonicClock.now() - t1
    return plan
  }

  /// `options` with the time limit reduced by what the earlier stages used: the limit
  /// is for the whole plan, not for each stage.
  func remaining(_ options: SolverOptions, since start: Double) -> SolverOptions {
    var o = options
    if let t = options.timeLimit { o.timeLimit = max(0.001, t - (MonotonicClock.now() - start)) }
    return o
  }

  /// Leaves `f.program` as the LP of the last stage: earlier lexicographic
  /// stages are solved and kept as rows, the main objective is set. This is
  /// what `corridor export` writes.
  public func prepareExport(_ f: Formulation) throws {
    if stageList(f).count > 1 {
      _ = try solve(f)
    } else {
      try f.useMainObjective()
    }
  }

  /// The first solve: from a block-crash basis on long horizons, cold otherwise.
  /// A crash that GLPK cannot use (singular, numerical trouble) falls back to a cold start.
  func firstSolve(_ f: Formulation, _ options: SolverOptions? = nil) throws -> Solution {
    let options = options ?? self.options
    let lp = f.program
    let start = MonotonicClock.now()
    guard options.algorithm == .auto, options.warmStart, !f.hasBasis, f.sliceCount >= blockCrashMinimumSlices,
          let basis = try lp.blockCrashBasis(timeStructure(f), blocks: Self.timeBlocks(f.sliceCount),
                                             timeLimit: options.timeLimit)
    else { return try lp.solve(options) }
    try lp.setStartingBasis(basis)
    var remaining = options
    if let t = options.timeLimit { remaining.timeLimit = max(0.001, t - (MonotonicClock.now() - start)) }
    let s = try lp.solve(remaining)
    if s.termination == .numericalError || s.termination == .solverError {
      var cold = options
      cold.warmStart = false
      return try lp.solve(cold)
    }
    return s
  }

  /// The number of time blocks of a block crash over `slices` slices: weeks of hours, at least 24.
  static func timeBlocks(_ slices: Int) -> Int { max(24, slices / 168) }

  typealias StageObjective = Objectives.Stage

  /// The lexicographic stages of `f` (built by ``Objectives/stages(_:)``).
  func stageList(_ f: Formulation) -> [StageObjective] { f.objectives.stages(f) }

  /// The formulation's time structure extended over the stage rows, which span the horizon.
  func timeStructure(_ f: Formulation) -> TimeStructure {
    var t = f.timeStructure
    let extra = f.program.constraintCount - t.rowTime.count
    if extra > 0 { t.rowTime += [Int32](repeating: -1, count: extra) }
    return t
  }

  /// The rows that hold stages `0 ..< list.count − 1`, one per stage, after the
  /// formulation's own rows: appended on the first solve of `f`, reused (set free)
  /// on later ones.
  func prepareStageRows(_ f: Formulation, _ list: [StageObjective]) throws -> [LPRow] {
    let lp = f.program
    let base = f.timeStructure.rowTime.count
    let needed = list.count - 1
    guard needed > 0 else { return [] }
    if lp.constraintCount == base {
      var starts = [0], cols: [Int32] = [], vals: [Double] = []
      for stage in list.dropLast() {
        for (j, c) in stage.coefficients.enumerated() where c != 0 {
          cols.append(Int32(j))
          vals.append(c)
        }
        starts.append(cols.count)
      }
      // Name the rows only when the formulation names its own (`names: false` saves time).
      let named = base > 0 && ((try? lp.name(of: lp.constraint(at: 0))) ?? nil) != nil
      try lp.addConstraints(rowStarts: starts, columns: cols, coefficients: vals,
                            lower: [Double](repeating: -.infinity, count: needed),
                            upper: [Double](repeating: .infinity, count: needed),
                            names: named ? list.dropLast().map { LPBuilder.shortened("stage[\($0.name)]") } : [])
    } else {
      guard lp.constraintCount == base + needed else {
        throw LPError.invalidArgument("the formulation has \(lp.constraintCount - base) rows after its own, expected \(needed) stage rows")
      }
      for r in base..<(base + needed) {
        try lp.setBounds(lp.constraint(at: r), lower: -.infinity, upper: .infinity)
      }
    }
    let rows = (base..<(base + needed)).map(LPRow.init)
    f.index.setStageRows(rows, names: list.dropLast().map(\.name))
    return rows
  }

  /// Sets the stage row to `stage objective ≥ z − slack·max(1, |z|)` (≤ … + … when minimising).
  private func hold(_ stage: StageObjective, optimum z: Double, row: Int, in lp: LinearProgram, slack: Double) throws {
    let d = slack * max(1, abs(z))
    let (lo, hi) = stage.sense == .maximize ? (z - d, Double.infinity) : (-Double.infinity, z + d)
    try lp.setBounds(lp.constraint(at: row), lower: lo, upper: hi)
  }
}
