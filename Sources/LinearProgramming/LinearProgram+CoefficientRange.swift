extension LinearProgram {
  /// The magnitudes a constraint coefficient may have for a solve: GLPK's scaling
  /// computes its factors from the smallest and largest |aᵢⱼ| and aborts the whole
  /// process (`glp_set_sjj: invalid scale factor`) when one under- or overflows, as it
  /// does for a coefficient of 2.2e198 beside 0.6 (found by the fuzzer; glpsol aborts too).
  /// No unit choice of a real model needs more than this range.
  public static let coefficientMagnitudes: ClosedRange<Double> = 1e-100...1e100

  /// Throws for a non-zero constraint coefficient outside ``coefficientMagnitudes``,
  /// naming it, before GLPK sees the matrix: ``LPError/readFailed(path:message:)`` for a
  /// model read from the file `path`, else ``LPError/invalidArgument(_:)``.
  func checkCoefficientRange(readFrom path: String? = nil) throws(LPError) {
    let range = Self.coefficientMagnitudes
    for i in 0..<constraintCount {
      for k in rowStart[i]..<rowStart[i + 1] {
        let a = abs(matValue[k])
        guard a != 0, !range.contains(a) else { continue }
        let v = describe(Variable(modelID: id, index: Int(matIndex[k])))
        let c = describe(Constraint(modelID: id, index: i))
        let message = "coefficient \(matValue[k]) of \(v) in \(c) is outside \(range.lowerBound) … \(range.upperBound) "
          + "in magnitude, which GLPK cannot scale (it would abort); rescale the model's units"
        if let path { throw .readFailed(path: path, message: message) }
        throw .invalidArgument(message)
      }
    }
  }
}
