internal import CGLPK
import Glibc

/// GLPK's solvers on a ``GLPKProblem``: scaling, crash basis, simplex, interior
/// point, branch-and-cut, ranging, and reading their answers back.
///
/// The layer decides *what* to run (`LinearProgram+Solve.swift`,
/// `+Crossover`, `+MIP`, `+Sensitivity`); these methods only set GLPK's
/// parameter structs, call GLPK and map its return codes and statuses to the
/// Swift ``RawResult``. Parameter structs stay local (a global `var` is a
/// strict-concurrency error). Every run logs at `GLP_MSG_ALL`; the caller
/// captures the text with ``withGLPKOutput(_:)``.
extension GLPKProblem {
  /// Scales the problem as asked (LP and MIP alike).
  func scale(_ s: SolverOptions.Scaling) {
    switch s {
    case .auto: glp_scale_prob(prob, GLP_SF_AUTO)
    case .none: glp_unscale_prob(prob)
    case .geometric: glp_scale_prob(prob, GLP_SF_GM)
    case .equilibrium: glp_scale_prob(prob, GLP_SF_EQ)
    }
  }

  /// Replaces the basis by GLPK's advanced (triangular) crash basis.
  func crashBasis() {
    glp_adv_basis(prob, 0)
  }

  /// GLPK's simplex iteration count, cumulative over the problem's life.
  var iterationCount: Int { Int(glp_get_it_cnt(prob)) }

  /// Whether a factorization of the current basis exists (ranging needs one).
  var hasFactorization: Bool { glp_bf_exists(prob) != 0 }

  /// Whether GLPK's basic solution is defined (`glp_get_status` is not `GLP_UNDEF`).
  var basicSolutionDefined: Bool { glp_get_status(prob) != GLP_UNDEF }

  /// Whether GLPK's basic solution is optimal (`GLP_OPT`, not merely feasible).
  var basicSolutionOptimal: Bool { glp_get_status(prob) == GLP_OPT }
}

// MARK: - Simplex

/// One `glp_simplex` run.
struct SimplexRun {
  /// GLPK's return code (0: the method ended normally, whatever the status).
  var returnCode: Int32
  /// The mapped result; ``RawResult/algorithm`` says `.primal`, the caller sets it.
  var result: RawResult
  /// Iterations of this run.
  var iterations: Int
}

extension GLPKProblem {
  enum SimplexMethod { case primal, dual }

  /// Runs the simplex method from the current basis.
  /// - Parameters:
  ///   - timeLimit: seconds (rounded up to whole milliseconds), nil for none.
  ///   - iterationLimit: nil for none.
  func simplex(_ method: SimplexMethod, presolve: Bool = false, timeLimit: Double? = nil, iterationLimit: Int? = nil) -> SimplexRun {
    var parm = glp_smcp()
    glp_init_smcp(&parm)
    parm.msg_lev = GLP_MSG_ALL
    parm.meth = method == .dual ? GLP_DUALP : GLP_PRIMAL
    parm.presolve = presolve ? GLP_ON : GLP_OFF
    if let t = timeLimit { parm.tm_lim = Int32(clamping: Int((t * 1000).rounded(.up))) }
    if let n = iterationLimit { parm.it_lim = Int32(clamping: n) }
    let before = glp_get_it_cnt(prob)
    let rc = glp_simplex(prob, &parm)
    let iterations = Int(glp_get_it_cnt(prob) - before)
    return SimplexRun(returnCode: rc, result: simplexResult(rc: rc), iterations: max(0, iterations))
  }

  /// Maps the simplex return code first, the solution status second.
  private func simplexResult(rc: Int32) -> RawResult {
    let p = prob
    let prim = pointStatus(glp_get_prim_stat(p))
    let dual = pointStatus(glp_get_dual_stat(p))
    func result(_ t: TerminationStatus, _ raw: String, primal: PointStatus = prim, dualS: PointStatus = dual) -> RawResult {
      RawResult(termination: t, primal: primal, dual: dualS, raw: raw,
                objective: primal == .none || t == .unbounded || t == .infeasibleOrUnbounded ? nil : glp_get_obj_val(p), algorithm: .primal)
    }
    switch rc {
    case 0:
      switch glp_get_status(p) {
      case GLP_OPT: return result(.optimal, "GLP_OPT: solution is optimal")
      case GLP_FEAS: return result(.optimal, "GLP_FEAS: solution is feasible")
      case GLP_NOFEAS:
        if prim == .infeasible || glp_get_prim_stat(p) == GLP_NOFEAS {
          return result(.infeasible, "GLP_NOFEAS: problem has no feasible solution", primal: .infeasible)
        }
        return result(.infeasibleOrUnbounded, "GLP_NOFEAS: no dual feasible solution")
      case GLP_UNBND:
        return result(prim == .feasible ? .unbounded : .infeasibleOrUnbounded, "GLP_UNBND: problem has unbounded solution")
      case GLP_INFEAS:
        // The dual simplex can end (rc 0) on a dual infeasibility with an infeasible
        // basic point: that proves only "infeasible or unbounded" (a feasible,
        // unbounded model ends here), never infeasibility, and the point's
        // objective means nothing.
        if glp_get_dual_stat(p) == GLP_NOFEAS {
          return result(.infeasibleOrUnbounded, "GLP_INFEAS: no dual feasible solution (the model is infeasible or unbounded)")
        }
        return result(.infeasible, "GLP_INFEAS: solution is infeasible")
      default:
        return result(.solverError, "GLP_UNDEF: solution is undefined", primal: .none, dualS: .none)
      }
    case GLP_ENOPFS: return result(.infeasible, "GLP_ENOPFS: presolver found no primal feasible solution", primal: .none, dualS: .none)
    case GLP_ENODFS: return result(.infeasibleOrUnbounded, "GLP_ENODFS: presolver found no dual feasible solution", primal: .none, dualS: .none)
    case GLP_ETMLIM: return result(.timeLimit, "GLP_ETMLIM: time limit exceeded")
    case GLP_EITLIM: return result(.iterationLimit, "GLP_EITLIM: iteration limit exceeded")
    case GLP_EBADB: return result(.numericalError, "GLP_EBADB: invalid initial basis", primal: .none, dualS: .none)
    case GLP_ESING: return result(.numericalError, "GLP_ESING: singular basis matrix", primal: .none, dualS: .none)
    case GLP_ECOND: return result(.numericalError, "GLP_ECOND: ill-conditioned basis matrix", primal: .none, dualS: .none)
    case GLP_EBOUND: return result(.solverError, "GLP_EBOUND: incorrect bounds", primal: .none, dualS: .none)
    case GLP_EOBJLL, GLP_EOBJUL: return result(.solverError, "objective limit reached")
    default: return result(.solverError, "GLPK simplex returned code \(rc)", primal: .none, dualS: .none)
    }
  }

  private func pointStatus(_ s: Int32) -> PointStatus {
    switch s {
    case GLP_FEAS: return .feasible
    case GLP_INFEAS, GLP_NOFEAS: return .infeasible
    default: return .none
    }
  }

  /// Reads the basic solution (values, activities, duals, reduced costs, basis) into `r`.
  func readBasicSolution(into r: inout RawResult) {
    let p = prob
    let n = columns, m = rows
    var x = [Double](repeating: 0, count: n), d = x
    var cs = [BasisStatus](repeating: .atLower, count: n)
    for j in 0..<n {
      let k = Int32(j + 1)
      x[j] = glp_get_col_prim(p, k)
      d[j] = glp_get_col_dual(p, k)
      cs[j] = BasisStatus(glpk: glp_get_col_stat(p, k))
    }
    var a = [Double](repeating: 0, count: m), y = a
    var rs = [BasisStatus](repeating: .basic, count: m)
    for i in 0..<m {
      let k = Int32(i + 1)
      a[i] = glp_get_row_prim(p, k)
      y[i] = glp_get_row_dual(p, k)
      rs[i] = BasisStatus(glpk: glp_get_row_stat(p, k))
    }
    r.values = x
    r.activities = a
    r.duals = y
    r.reducedCosts = d
    r.basis = Basis(variables: cs, constraints: rs)
  }

  /// Row duals and reduced costs of the basic solution.
  func basicDuals() -> (rows: [Double], columns: [Double]) {
    let y = (0..<rows).map { glp_get_row_dual(prob, Int32($0 + 1)) }
    let d = (0..<columns).map { glp_get_col_dual(prob, Int32($0 + 1)) }
    return (y, d)
  }
}

// MARK: - Interior point

extension GLPKProblem {
  /// Runs GLPK's interior-point method (no time or iteration limit of its own)
  /// and reads the point when it is optimal.
  func interiorPoint() -> RawResult {
    let p = prob
    var parm = glp_iptcp()
    glp_init_iptcp(&parm)
    parm.msg_lev = GLP_MSG_ALL
    let rc = glp_interior(p, &parm)
    let status = glp_ipt_status(p)
    var r: RawResult
    switch (rc, status) {
    case (0, GLP_OPT):
      r = RawResult(termination: .optimal, primal: .feasible, dual: .feasible, raw: "GLP_OPT: interior-point solution is optimal", objective: glp_ipt_obj_val(p), algorithm: .interior)
    case (0, GLP_NOFEAS), (0, GLP_INFEAS):
      r = RawResult(termination: .infeasibleOrUnbounded, primal: .none, dual: .none, raw: "GLP_NOFEAS: no feasible primal-dual solution", objective: nil, algorithm: .interior)
    case (GLP_ENOFEAS, _):
      r = RawResult(termination: .infeasibleOrUnbounded, primal: .none, dual: .none, raw: "GLP_ENOFEAS: no primal/dual feasible solution", objective: nil, algorithm: .interior)
    case (GLP_ENOCVG, _), (GLP_EITLIM, _), (GLP_EINSTAB, _):
      r = RawResult(termination: rc == GLP_EITLIM ? .iterationLimit : .numericalError, primal: .none, dual: .none, raw: "GLPK interior point returned code \(rc) (no convergence or instability)", objective: nil, algorithm: .interior)
    default:
      r = RawResult(termination: .solverError, primal: .none, dual: .none, raw: "GLPK interior point returned code \(rc), status \(status)", objective: nil, algorithm: .interior)
    }
    if r.primal == .feasible {
      let n = columns, m = rows
      r.values = (0..<n).map { glp_ipt_col_prim(p, Int32($0 + 1)) }
      r.reducedCosts = (0..<n).map { glp_ipt_col_dual(p, Int32($0 + 1)) }
      r.activities = (0..<m).map { glp_ipt_row_prim(p, Int32($0 + 1)) }
      r.duals = (0..<m).map { glp_ipt_row_dual(p, Int32($0 + 1)) }
    }
    return r
  }
}

// MARK: - Branch-and-cut

/// Best bound seen by the branch-and-cut callback.
final class MIPProgress {
  var bestBound: Double?
  var nodes: Int?
  let report: Bool
  let start = MonotonicClock.now()
  var lastReport = 0.0
  init(report: Bool) { self.report = report }

  /// One progress line on standard error, after 3 s and then every 2 s.
  func tick(incumbent: Double?) {
    guard report else { return }
    let now = MonotonicClock.now(), elapsed = now - start
    guard elapsed >= 3, now - lastReport >= 2 else { return }
    lastReport = now
    func num(_ v: Double?) -> String { v.map { String(format: "%.6g", $0) } ?? "none" }
    let gap = incumbent.flatMap { z in bestBound.map { abs(z - $0) / (abs(z) + 1e-10) * 100 } }
    let line = "branch and cut: \(String(format: "%.1f", elapsed)) s, \(nodes ?? 0) nodes, best plan \(num(incumbent)), bound \(num(bestBound)), gap \(gap.map { String(format: "%.3g %%", $0) } ?? "unknown")\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
  }
}

extension GLPKProblem {
  /// Branch-and-cut with GLPK's MIP presolver (which solves the LP relaxation
  /// itself); reads the integer point when there is one. `algorithm` is the
  /// one the result reports.
  func branchAndCut(timeLimit: Double?, mipGap: Double?, algorithm alg: SolverOptions.Algorithm, progress report: Bool = false) -> (RawResult, MIPInfo) {
    let p = prob
    var parm = glp_iocp()
    glp_init_iocp(&parm)
    parm.msg_lev = GLP_MSG_ALL
    parm.presolve = GLP_ON
    if let t = timeLimit { parm.tm_lim = Int32(clamping: Int((t * 1000).rounded(.up))) }
    if let g = mipGap { parm.mip_gap = g }
    let progress = MIPProgress(report: report)
    let ctx = Unmanaged.passRetained(progress).toOpaque()
    defer { Unmanaged<MIPProgress>.fromOpaque(ctx).release() }
    parm.cb_info = ctx
    parm.cb_func = { tree, info in
      guard let tree, let info else { return }
      let progress = Unmanaged<MIPProgress>.fromOpaque(info).takeUnretainedValue()
      let node = glp_ios_best_node(tree)
      if node != 0 { progress.bestBound = glp_ios_node_bound(tree, node) }
      var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
      glp_ios_tree_size(tree, &active, &current, &total)
      progress.nodes = Int(total)
      let p = glp_ios_get_prob(tree)
      let incumbent = glp_mip_status(p) == GLP_FEAS || glp_mip_status(p) == GLP_OPT ? glp_mip_obj_val(p) : nil
      progress.tick(incumbent: incumbent)
    }
    let before = glp_get_it_cnt(p)
    let rc = glp_intopt(p, &parm)
    let iterations = Int(glp_get_it_cnt(p) - before)
    let status = glp_mip_status(p)
    let hasPoint = status == GLP_OPT || status == GLP_FEAS
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
    let info: MIPInfo
    if hasPoint {
      let n = columns, m = rows
      r.values = (0..<n).map { glp_mip_col_val(p, Int32($0 + 1)) }
      r.activities = (0..<m).map { glp_mip_row_val(p, Int32($0 + 1)) }
      let obj = r.objective ?? 0
      let bound = status == GLP_OPT && rc == 0 ? obj : progress.bestBound
      info = MIPInfo(bestBound: bound, gap: bound.map { abs(obj - $0) / (abs(obj) + 1e-10) }, nodes: progress.nodes)
    } else {
      info = MIPInfo(bestBound: progress.bestBound, gap: nil, nodes: progress.nodes)
    }
    return (r, info)
  }
}

// MARK: - Ranging

extension SensitivityRange {
  /// GLPK's ranging routines say "no limit" with ±DBL_MAX; the API says ±∞.
  init(glpkLower: Double, glpkUpper: Double) {
    lower = glpkLower <= -.greatestFiniteMagnitude ? -.infinity : glpkLower
    upper = glpkUpper >= .greatestFiniteMagnitude ? .infinity : glpkUpper
  }
}

extension GLPKProblem {
  /// The cost range of basic column `j` (`glp_analyze_coef`; needs a
  /// factorization, aborts on a non-basic column).
  func costRange(ofBasicColumn j: Int) -> SensitivityRange {
    var c1 = 0.0, c2 = 0.0, v1 = 0.0, v2 = 0.0
    var k1: Int32 = 0, k2: Int32 = 0
    glp_analyze_coef(prob, Int32(rows + j + 1), &c1, &k1, &v1, &c2, &k2, &v2)
    return SensitivityRange(glpkLower: c1, glpkUpper: c2)
  }

  /// The range of non-basic row `i`'s active bound (`glp_analyze_bound`; needs
  /// a factorization, aborts on a basic row).
  func boundRange(ofNonBasicRow i: Int) -> SensitivityRange {
    var l = 0.0, u = 0.0
    var k1: Int32 = 0, k2: Int32 = 0
    glp_analyze_bound(prob, Int32(i + 1), &l, &k1, &u, &k2)
    return SensitivityRange(glpkLower: l, glpkUpper: u)
  }
}
