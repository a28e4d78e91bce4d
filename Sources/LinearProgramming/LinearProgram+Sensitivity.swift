/// The range over which one number can move while the optimal basis stays optimal.
public struct SensitivityRange: Sendable, Equatable {
  /// Smallest value keeping the basis optimal (−∞ if none).
  public var lower: Double
  /// Largest value keeping the basis optimal (+∞ if none).
  public var upper: Double
}

extension LinearProgram {
  /// The range of a variable's objective coefficient over which the current
  /// basis stays optimal (cost ranging).
  ///
  /// Needs a current simplex solution with its basis factorization: solve with
  /// a simplex algorithm and presolve off. Basic variables are ranged by GLPK
  /// (its coefficient ranging, see `GLPKSolve.swift`); a non-basic variable's range follows from its reduced cost.
  /// - Throws: ``LPError/sensitivityUnavailable(_:)`` when no such basis exists.
  public func costRange(of v: Variable) throws(LPError) -> SensitivityRange {
    try check(v)
    let (b, sol) = try analysisReady()
    let c = cost[v.index]
    guard let status = sol.basis?.variables[v.index] else { throw .sensitivityUnavailable("no basis") }
    if status == .basic {
      return b.costRange(ofBasicColumn: v.index)
    }
    // Non-basic: the basis stays optimal while the reduced cost d = c − Aᵀy,
    // which moves one for one with c, keeps the sign its bound needs.
    let d = sol.reducedCosts?[v.index] ?? 0
    switch status {
    case .fixed: return SensitivityRange(lower: -.infinity, upper: .infinity)
    case .free: return SensitivityRange(lower: c - d, upper: c - d)  // d must stay 0
    default:
      // Minimize at lower or maximize at upper: d ≥ 0 must hold, so the cost may fall by d.
      // Minimize at upper or maximize at lower: d ≤ 0 must hold, so the cost may rise by −d.
      let dStaysNonNegative = (sense == .minimize) == (status == .atLower)
      if dStaysNonNegative { return SensitivityRange(lower: c - d, upper: .infinity) }
      return SensitivityRange(lower: -.infinity, upper: c - d)
    }
  }

  /// The range of a binding constraint's active bound (its right-hand side)
  /// over which the current basis stays primal feasible, so the shadow price holds.
  ///
  /// For a non-binding (basic) row the shadow price is 0 as long as the bound
  /// stays beyond the activity: the range is reported from the activity on.
  /// - Throws: ``LPError/sensitivityUnavailable(_:)`` when no basis factorization exists.
  public func rightHandSideRange(of c: Constraint) throws(LPError) -> SensitivityRange {
    try check(c)
    let (b, sol) = try analysisReady()
    guard let status = sol.basis?.constraints[c.index] else { throw .sensitivityUnavailable("no basis") }
    if status == .basic {
      let a = sol.activities[c.index]
      let lowerActive = rowUpper[c.index] == .infinity
      return lowerActive ? SensitivityRange(lower: -.infinity, upper: a) : SensitivityRange(lower: a, upper: .infinity)
    }
    return b.boundRange(ofNonBasicRow: c.index)
  }

  /// The current solution and GLPK's problem, when ranging is possible at all.
  private func analysisReady() throws(LPError) -> (GLPKProblem, Solution) {
    guard let sol = solution else {
      throw .notSolved("sensitivity analysis needs a current solution: solve the model (again) after editing it")
    }
    guard sol.termination == .optimal, sol.basis != nil, !isMixedInteger else {
      throw .sensitivityUnavailable("sensitivity analysis needs an optimal simplex basis of a continuous model (this solve: \(sol.termination.rawValue), algorithm \(sol.algorithm.rawValue))")
    }
    guard let b = backend else { throw .notSolved("the model has no GLPK problem") }
    try b.checkThread()
    // setStartingBasis replaces GLPK's basis under the solution (GLPK may keep its
    // factorization and would range the other basis). Models without rows or
    // variables are ranged without GLPK.
    guard !b.basisIsUserGiven || constraintCount == 0 || variableCount == 0 else {
      throw .sensitivityUnavailable("a starting basis was set after this solve, so GLPK no longer holds the solution's basis; solve again before sensitivity analysis")
    }
    guard b.hasFactorization else {
      throw .sensitivityUnavailable("GLPK has no basis factorization (was presolve on?); solve with presolve off and a simplex algorithm")
    }
    return (b, sol)
  }
}
