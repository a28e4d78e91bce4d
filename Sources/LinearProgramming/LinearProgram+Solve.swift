internal import CGLPK
import Glibc

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
    let wasDirty = dirty
    let b = try syncedBackend()
    let start = Clock.now()
    let ((result, mipInfo), text) = withGLPKOutput { () -> (RawResult, MIPInfo?) in
      if isMixedInteger {
        return runMIP(b, options)
      }
      return (runLP(b, options, edits: wasDirty), nil)
    }
    let elapsed = Clock.now() - start
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
    for (j, s) in basis.variables.enumerated() { glp_set_col_stat(b.prob, Int32(j + 1), s.glpk) }
    for (i, s) in basis.constraints.enumerated() { glp_set_row_stat(b.prob, Int32(i + 1), s.glpk) }
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

enum Clock {
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }
}

extension BasisStatus {
  var glpk: Int32 {
    switch self {
    case .basic: return GLP_BS
    case .atLower: return GLP_NL
    case .atUpper: return GLP_NU
    case .free: return GLP_NF
    case .fixed: return GLP_NS
    }
  }

  init(glpk: Int32) {
    switch glpk {
    case GLP_BS: self = .basic
    case GLP_NU: self = .atUpper
    case GLP_NF: self = .free
    case GLP_NS: self = .fixed
    default: self = .atLower
    }
  }
}

// MARK: - LP

extension LinearProgram {
  func runLP(_ b: GLPKProblem, _ options: SolverOptions, edits: DirtySet) -> RawResult {
    let p = b.prob
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
      applyScaling(p, options.scaling)
      b.scaled = true
    }
    if !(options.warmStart && b.hasBasis) && !options.presolve {
      glp_adv_basis(p, 0)
    }
    b.basisIsUserGiven = false
    var parm = glp_smcp()
    glp_init_smcp(&parm)
    parm.msg_lev = GLP_MSG_ALL
    parm.meth = algorithm == .dual ? GLP_DUALP : GLP_PRIMAL
    parm.presolve = options.presolve ? GLP_ON : GLP_OFF
    if let t = options.timeLimit { parm.tm_lim = Int32(clamping: Int((t * 1000).rounded(.up))) }
    if let n = options.iterationLimit { parm.it_lim = Int32(clamping: n) }
    let before = glp_get_it_cnt(p)
    let rc = glp_simplex(p, &parm)
    let iterations = Int(glp_get_it_cnt(p) - before)
    var r = mapSimplex(rc: rc, p)
    r.algorithm = algorithm
    r.iterations = max(0, iterations)
    b.hasBasis = glp_get_status(p) != GLP_UNDEF && !options.presolve || glp_bf_exists(p) != 0
    if r.primal != .none {
      readBasicSolution(p, into: &r)
    }
    return r
  }

  /// Scales the problem as asked (LP and MIP alike).
  func applyScaling(_ p: OpaquePointer, _ s: SolverOptions.Scaling) {
    switch s {
    case .auto: glp_scale_prob(p, GLP_SF_AUTO)
    case .none: glp_unscale_prob(p)
    case .geometric: glp_scale_prob(p, GLP_SF_GM)
    case .equilibrium: glp_scale_prob(p, GLP_SF_EQ)
    }
  }

  /// Maps the simplex return code first, the solution status second.
  func mapSimplex(rc: Int32, _ p: OpaquePointer) -> RawResult {
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

  func pointStatus(_ s: Int32) -> PointStatus {
    switch s {
    case GLP_FEAS: return .feasible
    case GLP_INFEAS, GLP_NOFEAS: return .infeasible
    default: return .none
    }
  }

  func readBasicSolution(_ p: OpaquePointer, into r: inout RawResult) {
    let n = variableCount, m = constraintCount
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

  private func runInterior(_ b: GLPKProblem, _ options: SolverOptions) -> RawResult {
    let p = b.prob
    let start = Clock.now()
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
      let n = variableCount, m = constraintCount
      r.values = (0..<n).map { glp_ipt_col_prim(p, Int32($0 + 1)) }
      r.reducedCosts = (0..<n).map { glp_ipt_col_dual(p, Int32($0 + 1)) }
      r.activities = (0..<m).map { glp_ipt_row_prim(p, Int32($0 + 1)) }
      r.duals = (0..<m).map { glp_ipt_row_dual(p, Int32($0 + 1)) }
      if options.crossover {
        return crossover(b, options, interior: r, start: start)
      }
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
