extension LinearProgram {
  /// Turns GLPK's interior-point answer into an optimal basic solution.
  ///
  /// GLPK has no crossover of its own, and an interior point is only close to
  /// optimal: on `models/electricity-2030.toml` rows were violated by 2.9e-5
  /// (relative) and the duals differed from the exact ones. The crossover:
  /// 1. fixes each column that the interior point puts at one of its bounds
  ///    (see ``sitsAt(_:_:reducedCost:)``) at that bound, leaving a smaller LP;
  /// 2. solves that LP with primal simplex from an advanced basis;
  /// 3. restores the original bounds, makes each column fixed in step 1 and
  ///    non-basic in the answer non-basic at the bound it sat on, and re-solves
  ///    the original LP with primal simplex from that basis. The basis is
  ///    primal feasible, so the few iterations that follow only correct reduced
  ///    costs of the wrong sign, and the answer is a simplex optimum: a vertex
  ///    with exact duals, a basis for ranging and warm starts.
  /// If step 2 fails (fixing made the small LP infeasible, or GLPK reports
  /// numerical trouble), step 3 still starts from whatever basis exists, so
  /// the answer is always that of a simplex solve of the original LP.
  func crossover(_ b: GLPKProblem, _ options: SolverOptions, interior: RawResult, start: Double) -> RawResult {
    var fixedAt: [(column: Int, status: BasisStatus)] = []
    let reduced = interior.reducedCosts ?? []
    for j in 0..<variableCount where colLower[j] < colUpper[j] {
      let x = interior.values[j], lo = colLower[j], hi = colUpper[j]
      let d = j < reduced.count ? abs(reduced[j]) : 0
      if lo.isFinite, Self.sitsAt(lo, x - lo, reducedCost: d), !(hi.isFinite && hi - x < x - lo) {
        b.fixColumn(j, at: lo)
        fixedAt.append((j, .atLower))
      } else if hi.isFinite, Self.sitsAt(hi, hi - x, reducedCost: d) {
        b.fixColumn(j, at: hi)
        fixedAt.append((j, .atUpper))
      }
    }
    b.scale(options.scaling)
    b.scaled = true
    b.crashBasis()
    /// The time left of the caller's limit (at least 1 ms), nil without one.
    func timeLeft() -> Double? {
      options.timeLimit.map { max(0.001, $0 - (MonotonicClock.now() - start)) }
    }
    glpkLog("Crossover: simplex on the LP with \(fixedAt.count) columns fixed at the bounds the interior point reached\n")
    let reduced1 = b.simplex(.primal, timeLimit: timeLeft(), iterationLimit: options.iterationLimit)
    // Back to the original bounds; fixed columns become non-basic at their bound.
    for (j, status) in fixedAt {
      b.setColumn(j, lower: colLower[j], upper: colUpper[j], kind: colKind[j])
      if b.columnStatus(j) != .basic { b.setColumnStatus(j, status) }
    }
    if reduced1.returnCode != 0 || !b.hasFactorization && !b.basicSolutionDefined {
      // No usable basis from step 2: start the original LP from an advanced basis.
      glpkLog("Crossover: the reduced LP did not solve (code \(reduced1.returnCode)); simplex on the original LP\n")
      b.crashBasis()
    }
    glpkLog("Crossover: primal simplex on the original LP from that basis\n")
    let full = b.simplex(.primal, timeLimit: timeLeft(), iterationLimit: options.iterationLimit)
    var r = full.result
    r.algorithm = .interior
    r.iterations = reduced1.iterations + full.iterations
    b.hasBasis = b.basicSolutionDefined || b.hasFactorization
    b.basisIsUserGiven = false
    if r.primal != .none {
      b.readBasicSolution(into: &r)
    }
    if r.termination == .optimal {
      r.raw = "GLP_OPT: interior point, then crossover to an optimal basis (\(r.iterations) simplex iterations)"
      return r
    }
    // The crossover's own simplex stopped early (a limit, numerical trouble):
    // keep the interior point and say why it is not a vertex.
    var kept = interior
    kept.raw = interior.raw + "; crossover stopped: " + r.raw
    kept.iterations = r.iterations
    return kept
  }
}

extension LinearProgram {
  /// Whether an interior point's column at distance `distance` from `bound`
  /// sits at it: within 1e-7 relative, or, within 1e-4 relative, nearer than
  /// its reduced cost is to zero (the usual primal/dual indicator: at an
  /// optimal face's centre a column strictly between its bounds has a reduced
  /// cost near 0, one at a bound a reduced cost away from 0). A wrong guess
  /// costs simplex iterations in the crossover's last step, never correctness.
  static func sitsAt(_ bound: Double, _ distance: Double, reducedCost d: Double) -> Bool {
    let scale = 1 + abs(bound)
    return distance <= 1e-7 * scale || (distance <= 1e-4 * scale && distance < d)
  }
}
