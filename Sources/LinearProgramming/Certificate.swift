/// Checks of a returned solution, computed in Swift from the model and the values.
///
/// Nothing here is read from GLPK's own diagnostics: row activities are
/// recomputed from the stored matrix, reduced costs from `c − Aᵀy`, so a wrong
/// value from any layer below shows up as a violation.
///
/// Every measure is relative, so a model in MW and EUR over 8,760 hours is
/// judged like a textbook LP. For a continuous model with a dual point:
/// - ``maxBoundViolation``: how far any variable lies outside its bounds,
///   divided by `1 + |bound|`;
/// - ``maxRowViolation``: the same for row activities;
/// - ``maxDualInfeasibility``: how far any dual or reduced cost has the wrong
///   sign for its bound (for the objective sense), divided by `1 + max |cost|`;
/// - ``maxComplementarityViolation``: the largest `|reduced cost| · slack` or
///   `|dual| · slack` product (0 at an exact optimal vertex), divided by
///   `max(1, |objective|)`: its share of the objective;
/// - ``relativeGap``: `|primal − dual objective| / max(1, |primal objective|)`.
/// For a MIP: ``maxIntegralityViolation`` is the largest distance of an
/// integer variable from the nearest integer; with ``SolverOptions/mipDuals``
/// the dual measures judge the LP with every integer variable fixed at its value.
public struct Certificate: Sendable, Equatable {
  public var maxBoundViolation: Double
  public var maxRowViolation: Double
  public var maxDualInfeasibility: Double?
  public var maxComplementarityViolation: Double?
  public var relativeGap: Double?
  public var maxIntegralityViolation: Double?
  /// The dual objective value `Σ y·(active row bound) + Σ d·(active column bound) + constant`.
  public var dualObjective: Double?

  /// Whether every available measure is within `tolerance`.
  public func holds(tolerance: Double = 1e-7) -> Bool {
    let measures = [maxBoundViolation, maxRowViolation, maxDualInfeasibility ?? 0,
                    maxComplementarityViolation ?? 0, relativeGap ?? 0, maxIntegralityViolation ?? 0]
    return measures.allSatisfy { $0 <= tolerance }
  }
}

extension LinearProgram {
  /// Computes the certificate of `x` (values) and `y` (duals) against this model.
  ///
  /// Violations are scaled by `1 + |bound|` so large capacities (thousands of
  /// MW) and small ones are judged alike; the gap is relative.
  func certificate(values x: [Double], duals y: [Double]?, objective: Double) -> Certificate {
    let n = variableCount, m = constraintCount
    var boundViolation = 0.0
    var integrality: Double? = nil
    for j in 0..<n {
      let v = x[j]
      let lo = colLower[j], hi = colUpper[j]
      if v < lo { boundViolation = max(boundViolation, (lo - v) / (1 + abs(lo))) }
      if v > hi { boundViolation = max(boundViolation, (v - hi) / (1 + abs(hi))) }
      if colKind[j] != .continuous {
        integrality = max(integrality ?? 0, abs(v - v.rounded()))
      }
    }
    var act = [Double](repeating: 0, count: m)
    var rowViolation = 0.0
    for i in 0..<m {
      var s = 0.0
      for k in rowStart[i]..<rowStart[i + 1] { s += matValue[k] * x[Int(matIndex[k])] }
      act[i] = s
      let lo = rowLower[i], hi = rowUpper[i]
      if s < lo { rowViolation = max(rowViolation, (lo - s) / (1 + abs(lo))) }
      if s > hi { rowViolation = max(rowViolation, (s - hi) / (1 + abs(hi))) }
    }
    var cert = Certificate(maxBoundViolation: boundViolation, maxRowViolation: rowViolation,
                           maxIntegralityViolation: integrality)
    guard let y else { return cert }

    // Reduced costs d = c − Aᵀy, from the stored matrix.
    var d = cost
    for i in 0..<m where y[i] != 0 {
      for k in rowStart[i]..<rowStart[i + 1] { d[Int(matIndex[k])] -= matValue[k] * y[i] }
    }
    // For a minimization, a multiplier may be positive only where the lower
    // bound is active and negative only where the upper one is; a
    // maximization flips both. `s` turns both senses into the first.
    let s: Double = sense == .minimize ? 1 : -1
    var dualInf = 0.0, compl = 0.0
    var dualObj = objectiveConstant
    func judge(_ mult: Double, _ value: Double, _ lo: Double, _ hi: Double) {
      let t = s * mult
      if t > 0 {
        if lo.isFinite {
          compl = max(compl, t * abs(value - lo))
          dualObj += mult * lo
        } else {
          dualInf = max(dualInf, t)
          dualObj += mult * value
        }
      } else if t < 0 {
        if hi.isFinite {
          compl = max(compl, -t * abs(hi - value))
          dualObj += mult * hi
        } else {
          dualInf = max(dualInf, -t)
          dualObj += mult * value
        }
      }
    }
    for i in 0..<m { judge(y[i], act[i], rowLower[i], rowUpper[i]) }
    for j in 0..<n {
      // A MIP's duals (SolverOptions.mipDuals) belong to the LP with every
      // integer variable fixed at its value: judge them against that LP.
      if colKind[j] != .continuous {
        let v = x[j].rounded()
        judge(d[j], x[j], v, v)
      } else {
        judge(d[j], x[j], colLower[j], colUpper[j])
      }
    }
    var costScale = 0.0
    for c in cost { costScale = max(costScale, abs(c)) }
    cert.maxDualInfeasibility = dualInf / (1 + costScale)
    cert.maxComplementarityViolation = compl / max(1, abs(objective))
    cert.dualObjective = dualObj
    cert.relativeGap = abs(objective - dualObj) / max(1, abs(objective))
    return cert
  }
}
