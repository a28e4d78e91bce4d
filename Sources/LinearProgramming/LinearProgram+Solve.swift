extension LinearProgram {
  /// Solves the model and returns (and keeps in ``solution``) the result.
  ///
  /// Continuous models run the chosen LP algorithm; models with integer or
  /// binary variables run GLPK's branch-and-cut (with its presolver) and, on
  /// request, a second LP with the integers fixed to report duals.
  /// Re-solving an edited model starts from the previous basis unless
  /// `options.warmStart` is false.
  ///
  /// - Throws: ``LPError`` for invalid options or a wrong thread. Infeasible,
  ///   unbounded or interrupted solves are not errors: read ``Solution/termination``.
  @discardableResult
  public func solve(_ options: SolverOptions = SolverOptions()) throws(LPError) -> Solution {
    try options.validate()
    try checkCoefficientRange()
    let wasDirty = dirty
    let b = try syncedBackend()
    let start = MonotonicClock.now()
    let ((result, mipInfo), text) = withGLPKOutput { () -> (RawResult, MIPInfo?) in
      if isMixedInteger {
        return runMIP(b, options)
      }
      return (runLP(b, options, edits: wasDirty), nil)
    }
    let elapsed = MonotonicClock.now() - start
    if options.captureLog { log += text }
    var sol = result
    var duals = sol.duals
    var reduced = sol.reducedCosts
    if isMixedInteger, options.mipDuals, sol.primal == .feasible {
      let (fixed, _) = withGLPKOutput { fixedIntegerDuals(b, values: sol.values) }
      duals = fixed?.0
      reduced = fixed?.1
    }
    sol.duals = duals
    sol.reducedCosts = reduced
    // The duals of the LP with the integers fixed are dual feasible for that LP.
    if isMixedInteger, options.mipDuals, duals != nil, reduced != nil { sol.dual = .feasible }
    // A point is complete when it has one value per variable (none for a model without variables).
    let certificate: Certificate? = sol.primal == .none || sol.values.count != variableCount ? nil
      : certificate(values: sol.values, duals: sol.dual == .feasible || isMixedInteger ? duals : nil,
                    objective: sol.objective ?? 0)
    let solution = Solution(
      termination: sol.termination, primalStatus: sol.primal, dualStatus: sol.dual,
      rawStatus: sol.raw, objectiveValue: sol.objective, values: sol.values,
      activities: sol.activities, duals: duals, reducedCosts: reduced, basis: sol.basis,
      iterations: sol.iterations, solveTime: elapsed, algorithm: sol.algorithm, mip: mipInfo,
      certificate: certificate, log: options.captureLog ? text : "",
      modelID: id, modelVersion: version)
    self.solution = solution
    return solution
  }

  /// Sets the basis the next simplex solve starts from (an advanced start).
  ///
  /// A status that does not fit a bound (e.g. `atUpper` without an upper bound)
  /// is corrected by GLPK. The basis must have one basic status per constraint,
  /// and a basic variable must appear in some constraint; a basis that is
  /// singular nonetheless ends the next solve with ``TerminationStatus/numericalError``
  /// (GLPK's `GLP_ESING`), and the solve after that starts cold.
  /// - Throws: ``LPError/invalidArgument(_:)`` for the wrong number of statuses,
  ///   of basic statuses, or a basic variable without coefficients (on which
  ///   GLPK's factorization aborts the process).
  public func setStartingBasis(_ basis: Basis) throws(LPError) {
    guard basis.variables.count == variableCount, basis.constraints.count == constraintCount else {
      throw .invalidArgument("basis has \(basis.variables.count) variable and \(basis.constraints.count) constraint statuses; the model has \(variableCount) and \(constraintCount)")
    }
    let basicCount = basis.variables.lazy.filter { $0 == .basic }.count + basis.constraints.lazy.filter { $0 == .basic }.count
    guard basicCount == constraintCount else {
      throw .invalidArgument("basis has \(basicCount) basic statuses; a basis of a model with \(constraintCount) constraints has exactly \(constraintCount)")
    }
    var inSomeRow = [Bool](repeating: false, count: variableCount)
    for j in matIndex { inSomeRow[Int(j)] = true }
    if let j = basis.variables.indices.first(where: { basis.variables[$0] == .basic && !inSomeRow[$0] }) {
      throw .invalidArgument("basis makes \(describe(Variable(modelID: id, index: j))) basic, but it has no coefficient in any constraint (a singular basis); make it non-basic")
    }
    let b = try syncedBackend()
    b.setStatuses(basis)
    b.hasBasis = true
    b.basisIsUserGiven = true
  }
}

/// What one GLPK run produced, before it becomes a public ``Solution``.
struct RawResult {
  var termination: TerminationStatus
  var primal: PointStatus
  var dual: PointStatus
  var raw: String
  var objective: Double?
  var values: [Double] = []
  var activities: [Double] = []
  var duals: [Double]?
  var reducedCosts: [Double]?
  var basis: Basis?
  var iterations = 0
  var algorithm: SolverOptions.Algorithm
}

// MARK: - LP

extension LinearProgram {
  func runLP(_ b: GLPKProblem, _ options: SolverOptions, edits: DirtySet) -> RawResult {
    if variableCount == 0 || constraintCount == 0 {
      return solveTrivially(options)
    }
    var algorithm = options.algorithm
    let warm = options.warmStart && b.hasBasis && !edits.structure
    if algorithm == .auto {
      if warm && !b.basisIsUserGiven {
        let boundsOnly = !edits.objective && edits.matrixRows.isEmpty && (!edits.rows.isEmpty || !edits.columns.isEmpty)
        algorithm = boundsOnly ? .dual : .primal
      } else {
        algorithm = .primal
      }
    }
    if algorithm == .interior {
      return runInterior(b, options)
    }
    if !b.scaled || !warm {
      b.scale(options.scaling)
      b.scaled = true
    }
    if !(options.warmStart && b.hasBasis) && !options.presolve {
      b.crashBasis()
    }
    b.basisIsUserGiven = false
    let run = b.simplex(algorithm == .dual ? .dual : .primal, presolve: options.presolve,
                        timeLimit: options.timeLimit, iterationLimit: options.iterationLimit)
    var r = run.result
    r.algorithm = algorithm
    r.iterations = run.iterations
    b.hasBasis = b.basicSolutionDefined && !options.presolve || b.hasFactorization
    if r.primal != .none {
      b.readBasicSolution(into: &r)
    }
    return r
  }

  private func runInterior(_ b: GLPKProblem, _ options: SolverOptions) -> RawResult {
    let start = MonotonicClock.now()
    let r = b.interiorPoint()
    if r.primal == .feasible, options.crossover {
      return crossover(b, options, interior: r, start: start)
    }
    return r
  }

  /// A model without rows (or without columns) needs no solver: each variable
  /// sits at the bound its cost prefers. GLPK's routines reject empty problems.
  func solveTrivially(_ options: SolverOptions) -> RawResult {
    let s: Double = sense == .minimize ? 1 : -1
    var x = [Double](repeating: 0, count: variableCount)
    var unbounded = false, infeasible = false
    // Rows without terms (only possible here when there are no variables) have activity 0.
    for i in 0..<constraintCount where rowLower[i] > 0 || rowUpper[i] < 0 { infeasible = true }
    for j in 0..<variableCount {
      var lo = colLower[j], hi = colUpper[j]
      if colKind[j] != .continuous { lo = lo.rounded(.up); hi = hi.rounded(.down) }
      if lo > hi { infeasible = true; continue }
      let c = s * cost[j]
      // Any point within the bounds; the preferred bound where the cost has one.
      x[j] = lo.isFinite ? lo : (hi.isFinite ? hi : 0)
      if c > 0 { if !lo.isFinite { unbounded = true } }
      else if c < 0 { if hi.isFinite { x[j] = hi } else { unbounded = true } }
    }
    let alg: SolverOptions.Algorithm = options.algorithm == .auto ? .primal : options.algorithm
    if infeasible {
      return RawResult(termination: .infeasible, primal: .none, dual: .none, raw: "an empty row excludes 0, or no integer value lies between the bounds of an integer variable", objective: nil, algorithm: alg)
    }
    var obj: Double = objectiveConstant
    for j in 0..<variableCount { obj += cost[j] * x[j] }
    if unbounded {
      // A feasible point (as GLPK gives the last vertex it reached) with its objective.
      return RawResult(termination: .unbounded, primal: .feasible, dual: .infeasible, raw: "a variable with a non-zero cost has no bound in the improving direction", objective: obj, values: x, activities: [Double](repeating: 0, count: constraintCount), algorithm: alg)
    }
    var bs = [BasisStatus](repeating: .free, count: variableCount)
    for j in 0..<variableCount {
      let lo: Double = colLower[j], hi: Double = colUpper[j], v: Double = x[j]
      if lo == hi { bs[j] = .fixed } else if v == lo { bs[j] = .atLower } else if v == hi { bs[j] = .atUpper }
    }
    return RawResult(termination: .optimal, primal: .feasible, dual: .feasible, raw: "solved without GLPK: the model has no constraints or no variables", objective: obj, values: x, activities: [Double](repeating: 0, count: constraintCount), duals: [Double](repeating: 0, count: constraintCount), reducedCosts: cost, basis: Basis(variables: bs, constraints: [BasisStatus](repeating: .basic, count: constraintCount)), iterations: 0, algorithm: alg)
  }
}
