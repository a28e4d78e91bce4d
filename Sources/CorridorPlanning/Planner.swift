import Glibc
import CorridorModel
import LinearProgramming

/// Solves a corridor model and reads the answer back as a ``Plan``.
///
/// Objectives with several goals are lexicographic: each stage is solved,
/// its optimum is kept (within a relative 1e-7) by an extra row, and the next
/// stage re-solves warm from the previous basis. The stages, in order:
/// 1. `max-min-fair` objective: maximise the fairness level of the
///    fair-share rules;
/// 2. each `priority` rule, each country in its order: maximise that
///    country's average flow on the rule's corridors;
/// 3. the main objective: net export value (`max-value`, also the last stage
///    of `max-min-fair`) or cost (`min-cost`).
/// Shadow prices are those of the last stage.
public struct Planner {
  public var options: SolverOptions
  /// Relative tolerance by which a stage's optimum may give way to later stages.
  public var stageTolerance = 1e-7
  /// From this many time slices on, the first solve starts from a block-crash
  /// basis (``LinearProgram/blockCrashBasis(_:blocks:)``) when the algorithm is `auto`.
  public var blockCrashMinimumSlices = 500

  public init(options: SolverOptions = SolverOptions()) {
    self.options = options
  }

  /// Builds and solves `model`.
  public func plan(_ model: CorridorModel, names: Bool = true) throws -> Plan {
    let t0 = Clock.now()
    let f = try Formulation(model: model, names: names)
    let t1 = Clock.now()
    var plan = try solve(f)
    plan.timings.build = t1 - t0
    return plan
  }

  /// Solves a built formulation.
  public func solve(_ f: Formulation) throws -> Plan {
    let lp = f.program
    var stages: [Plan.Stage] = []
    var last: Solution? = nil
    let t0 = Clock.now()
    for (k, stage) in stageList(f).enumerated() {
      try lp.setObjective(coefficients: stage.coefficients, sense: stage.sense)
      let s = try k == 0 ? firstSolve(f) : lp.solve(options)
      stages.append(Plan.Stage(name: stage.name, sense: stage.sense, status: s.termination,
                               objective: s.primalStatus == .feasible ? s.objectiveValue : nil,
                               iterations: s.iterations))
      last = s
      guard s.isOptimal else { break }
      let isLast = k == stageList(f).count - 1
      if !isLast, let z = s.objectiveValue {
        try keep(stage, optimum: z, in: lp)
      }
    }
    let t1 = Clock.now()
    guard let solution = last else { throw LPError.notSolved("no stage was solved") }
    var plan = PlanExtractor(formulation: f, solution: solution).extract()
    plan.stages = stages
    plan.timings.solve = t1 - t0
    plan.timings.extract = Clock.now() - t1
    return plan
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
  func firstSolve(_ f: Formulation) throws -> Solution {
    let lp = f.program
    let start = Clock.now()
    guard options.algorithm == .auto, options.warmStart, f.sliceCount >= blockCrashMinimumSlices,
          let basis = try lp.blockCrashBasis(f.timeStructure, blocks: max(24, f.sliceCount / 168),
                                             timeLimit: options.timeLimit)
    else { return try lp.solve(options) }
    try lp.setStartingBasis(basis)
    var remaining = options
    if let t = options.timeLimit { remaining.timeLimit = max(0.001, t - (Clock.now() - start)) }
    let s = try lp.solve(remaining)
    if s.termination == .numericalError || s.termination == .solverError {
      var cold = options
      cold.warmStart = false
      return try lp.solve(cold)
    }
    return s
  }

  struct StageObjective {
    var name: String
    var sense: ObjectiveSense
    var coefficients: [Double]
  }

  func stageList(_ f: Formulation) -> [StageObjective] {
    var list: [StageObjective] = []
    let n = f.program.variableCount
    if let z = f.fairnessColumn {
      var c = [Double](repeating: 0, count: n)
      c[z] = 1
      list.append(StageObjective(name: "fairness", sense: .maximize, coefficients: c))
    }
    for rule in f.model.rules {
      guard case let .priority(corridors, order) = rule.kind else { continue }
      for country in order {
        var c = [Double](repeating: 0, count: n)
        for name in corridors {
          guard let ci = f.model.corridors.firstIndex(where: { $0.name == name }) else { continue }
          for block in f.flowBlocks(corridor: ci, origin: country) {
            for s in 0..<f.sliceCount { c[block.base + s] += f.hours[s] / f.totalHours }
          }
        }
        list.append(StageObjective(name: "priority \(rule.name): \(country)", sense: .maximize, coefficients: c))
      }
    }
    if f.model.objective == .minCost {
      list.append(StageObjective(name: "cost", sense: .minimize, coefficients: f.costCoefficients))
    } else {
      list.append(StageObjective(name: "value", sense: .maximize, coefficients: f.valueCoefficients))
    }
    return list
  }

  /// Adds the row `stage objective ≥ optimum − tolerance` (or ≤ for minimization).
  private func keep(_ stage: StageObjective, optimum z: Double, in lp: LinearProgram) throws {
    var cols: [Int32] = []
    var vals: [Double] = []
    for (j, c) in stage.coefficients.enumerated() where c != 0 {
      cols.append(Int32(j))
      vals.append(c)
    }
    let slack = stageTolerance * max(1, abs(z))
    let (lo, hi) = stage.sense == .maximize ? (z - slack, Double.infinity) : (-Double.infinity, z + slack)
    try lp.addConstraints(rowStarts: [0, cols.count], columns: cols, coefficients: vals,
                          lower: [lo], upper: [hi], names: lp.constraintCount > 0 && lp.constraint(named: "stage[\(stage.name)]") == nil ? ["stage[\(stage.name)]"] : [])
  }
}

enum Clock {
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }
}
