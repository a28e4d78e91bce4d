internal import CGLPK

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
    let p = b.prob
    var fixedAt: [(column: Int32, status: Int32)] = []
    let reduced = interior.reducedCosts ?? []
    for j in 0..<variableCount where colLower[j] < colUpper[j] {
      let x = interior.values[j], lo = colLower[j], hi = colUpper[j]
      let d = j < reduced.count ? abs(reduced[j]) : 0
      let k = Int32(j + 1)
      if lo.isFinite, Self.sitsAt(lo, x - lo, reducedCost: d), !(hi.isFinite && hi - x < x - lo) {
        glp_set_col_bnds(p, k, GLP_FX, lo, lo)
        fixedAt.append((k, GLP_NL))
      } else if hi.isFinite, Self.sitsAt(hi, hi - x, reducedCost: d) {
        glp_set_col_bnds(p, k, GLP_FX, hi, hi)
        fixedAt.append((k, GLP_NU))
      }
    }
    applyScaling(p, options.scaling)
    b.scaled = true
    glp_adv_basis(p, 0)
    var parm = glp_smcp()
    glp_init_smcp(&parm)
    parm.msg_lev = GLP_MSG_ALL
    parm.meth = GLP_PRIMAL
    parm.presolve = GLP_OFF
    func setLimits() {
      if let t = options.timeLimit {
        let left = max(0.001, t - (Clock.now() - start))
        parm.tm_lim = Int32(clamping: Int((left * 1000).rounded(.up)))
      }
      if let n = options.iterationLimit { parm.it_lim = Int32(clamping: n) }
    }
    setLimits()
    let before = glp_get_it_cnt(p)
    glpkLog("Crossover: simplex on the LP with \(fixedAt.count) columns fixed at the bounds the interior point reached\n")
    let reducedRC = glp_simplex(p, &parm)
    // Back to the original bounds; fixed columns become non-basic at their bound.
    for (k, status) in fixedAt {
      b.setColumn(Int(k) - 1, lower: colLower[Int(k) - 1], upper: colUpper[Int(k) - 1], kind: colKind[Int(k) - 1])
      if glp_get_col_stat(p, k) != GLP_BS { glp_set_col_stat(p, k, status) }
    }
    if reducedRC != 0 || glp_bf_exists(p) == 0 && glp_get_status(p) == GLP_UNDEF {
      // No usable basis from step 2: start the original LP from an advanced basis.
      glpkLog("Crossover: the reduced LP did not solve (code \(reducedRC)); simplex on the original LP\n")
      glp_adv_basis(p, 0)
    }
    glpkLog("Crossover: primal simplex on the original LP from that basis\n")
    setLimits()
    let rc = glp_simplex(p, &parm)
    var r = mapSimplex(rc: rc, p)
    r.algorithm = .interior
    r.iterations = max(0, Int(glp_get_it_cnt(p) - before))
    b.hasBasis = glp_get_status(p) != GLP_UNDEF || glp_bf_exists(p) != 0
    b.basisIsUserGiven = false
    if r.primal != .none {
      readBasicSolution(p, into: &r)
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

/// Writes a line into GLPK's output (captured like the solver's own log).
/// `glp_printf` is variadic and unavailable in Swift; `glp_puts` adds no newline.
func glpkLog(_ text: String) {
  text.withCString { glp_puts($0) }
}
