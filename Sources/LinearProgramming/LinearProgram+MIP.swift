internal import CGLPK
import Glibc

/// Best bound seen by the branch-and-cut callback.
final class MIPProgress {
  var bestBound: Double?
}

extension LinearProgram {
  /// Branch-and-cut with GLPK's MIP presolver (which solves the LP relaxation itself).
  func runMIP(_ b: GLPKProblem, _ options: SolverOptions) -> (RawResult, MIPInfo?) {
    let p = b.prob
    if variableCount == 0 || constraintCount == 0 {
      return (solveTrivially(options), nil)
    }
    for j in 0..<variableCount where colKind[j] != .continuous && colLower[j].rounded(.up) > colUpper[j].rounded(.down) {
      let alg: SolverOptions.Algorithm = options.algorithm == .auto ? .primal : options.algorithm
      return (RawResult(termination: .infeasible, primal: .none, dual: .none,
                        raw: "no integer value lies between the bounds of integer \(describe(Variable(modelID: id, index: j)))",
                        objective: nil, algorithm: alg), nil)
    }
    applyScaling(p, options.scaling)
    var parm = glp_iocp()
    glp_init_iocp(&parm)
    parm.msg_lev = GLP_MSG_ALL
    parm.presolve = GLP_ON
    if let t = options.timeLimit { parm.tm_lim = Int32(clamping: Int((t * 1000).rounded(.up))) }
    if let g = options.mipGap { parm.mip_gap = g }
    let progress = MIPProgress()
    let ctx = Unmanaged.passRetained(progress).toOpaque()
    defer { Unmanaged<MIPProgress>.fromOpaque(ctx).release() }
    parm.cb_info = ctx
    parm.cb_func = { tree, info in
      guard let tree, let info else { return }
      let node = glp_ios_best_node(tree)
      if node != 0 {
        Unmanaged<MIPProgress>.fromOpaque(info).takeUnretainedValue().bestBound = glp_ios_node_bound(tree, node)
      }
    }
    let before = glp_get_it_cnt(p)
    let rc = glp_intopt(p, &parm)
    let iterations = Int(glp_get_it_cnt(p) - before)
    let status = glp_mip_status(p)
    let hasPoint = status == GLP_OPT || status == GLP_FEAS
    let alg: SolverOptions.Algorithm = options.algorithm == .auto ? .primal : options.algorithm
    func result(_ t: TerminationStatus, _ raw: String) -> RawResult {
      RawResult(termination: t, primal: hasPoint ? .feasible : .none, dual: .none, raw: raw,
                objective: hasPoint ? glp_mip_obj_val(p) : nil, iterations: max(0, iterations), algorithm: alg)
    }
    var r: RawResult
    switch rc {
    case 0, GLP_EMIPGAP:
      switch status {
      case GLP_OPT: r = result(.optimal, rc == 0 ? "GLP_OPT: integer optimum found" : "GLP_EMIPGAP: relative gap tolerance reached")
      case GLP_FEAS: r = result(.optimal, "GLP_FEAS: integer solution within the gap tolerance")
      case GLP_NOFEAS: r = result(.infeasible, "GLP_NOFEAS: no integer feasible solution")
      default: r = result(.solverError, "GLP_UNDEF: MIP solution undefined")
      }
    case GLP_ENOPFS: r = result(.infeasible, "GLP_ENOPFS: the LP relaxation has no primal feasible solution")
    case GLP_ENODFS: r = result(.infeasibleOrUnbounded, "GLP_ENODFS: the LP relaxation has no dual feasible solution (unbounded or infeasible)")
    case GLP_ETMLIM: r = result(.timeLimit, "GLP_ETMLIM: time limit exceeded")
    case GLP_ESTOP: r = result(.solverError, "GLP_ESTOP: search stopped")
    default: r = result(.solverError, "GLPK branch-and-cut returned code \(rc)")
    }
    b.hasBasis = false
    var info: MIPInfo? = nil
    if hasPoint {
      let n = variableCount, m = constraintCount
      r.values = (0..<n).map { glp_mip_col_val(p, Int32($0 + 1)) }
      r.activities = (0..<m).map { glp_mip_row_val(p, Int32($0 + 1)) }
      let obj = r.objective ?? 0
      let bound = status == GLP_OPT && rc == 0 ? obj : progress.bestBound
      info = MIPInfo(bestBound: bound, gap: bound.map { abs(obj - $0) / (abs(obj) + 1e-10) })
    } else {
      info = MIPInfo(bestBound: progress.bestBound, gap: nil)
    }
    return (r, info)
  }

  /// Duals of the LP with every integer variable fixed at its (rounded) value.
  ///
  /// Solved on a scratch copy so the model itself is untouched.
  func fixedIntegerDuals(_ b: GLPKProblem, values: [Double]) -> ([Double], [Double])? {
    let q = glp_create_prob()!
    defer { glp_delete_prob(q) }
    glp_copy_prob(q, b.prob, GLP_OFF)
    for j in 0..<variableCount where colKind[j] != .continuous {
      let v = values[j].rounded()
      glp_set_col_kind(q, Int32(j + 1), GLP_CV)
      glp_set_col_bnds(q, Int32(j + 1), GLP_FX, v, v)
    }
    var parm = glp_smcp()
    glp_init_smcp(&parm)
    parm.msg_lev = GLP_MSG_ALL
    glp_adv_basis(q, 0)
    guard glp_simplex(q, &parm) == 0, glp_get_status(q) == GLP_OPT else { return nil }
    let y = (0..<constraintCount).map { glp_get_row_dual(q, Int32($0 + 1)) }
    let d = (0..<variableCount).map { glp_get_col_dual(q, Int32($0 + 1)) }
    return (y, d)
  }
}
