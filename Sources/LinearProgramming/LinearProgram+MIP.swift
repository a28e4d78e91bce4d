extension LinearProgram {
  /// Branch-and-cut with GLPK's MIP presolver (which solves the LP relaxation itself).
  func runMIP(_ b: GLPKProblem, _ options: SolverOptions) -> (RawResult, MIPInfo?) {
    if variableCount == 0 || constraintCount == 0 {
      return (solveTrivially(options), nil)
    }
    for j in 0..<variableCount where colKind[j] != .continuous && colLower[j].rounded(.up) > colUpper[j].rounded(.down) {
      let alg: SolverOptions.Algorithm = options.algorithm == .auto ? .primal : options.algorithm
      return (RawResult(termination: .infeasible, primal: .none, dual: .none,
                        raw: "no integer value lies between the bounds of integer \(describe(Variable(modelID: id, index: j)))",
                        objective: nil, algorithm: alg), nil)
    }
    b.scale(options.scaling)
    let alg: SolverOptions.Algorithm = options.algorithm == .auto ? .primal : options.algorithm
    let (r, info) = b.branchAndCut(timeLimit: options.timeLimit, mipGap: options.mipGap, algorithm: alg, progress: options.mipProgress)
    b.hasBasis = false
    return (r, info)
  }

  /// Duals of the LP with every integer variable fixed at its (rounded) value.
  ///
  /// Solved on a scratch copy so the model itself is untouched.
  func fixedIntegerDuals(_ b: GLPKProblem, values: [Double]) -> ([Double], [Double])? {
    let q = GLPKProblem(copying: b, names: false)
    defer { q.release() }
    for j in 0..<variableCount where colKind[j] != .continuous {
      let v = values[j].rounded()
      q.setColumn(j, lower: v, upper: v, kind: .continuous)
    }
    q.crashBasis()
    guard q.simplex(.primal).returnCode == 0, q.basicSolutionOptimal else { return nil }
    let (y, d) = q.basicDuals()
    return (y, d)
  }
}
