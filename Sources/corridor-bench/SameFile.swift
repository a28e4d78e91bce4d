// "The same file": the layer's own free MPS read back through LinearProgram.read, so the
// LP carries exactly the numbers glpsol reads (the MPS writer rounds coefficients, which
// changes GLPK's pivoting path by a few per cent of iterations). GLPK's MPS reader keeps
// the objective as an extra free row, which glpsol deletes before solving; so does this.
import LinearProgramming

enum SameFile {
  /// The MPS model with its free rows dropped, rebuilt through the bulk API.
  static func model(mps path: String) throws -> LinearProgram {
    let read = try LinearProgram.read(path, format: .freeMPS, sense: .maximize)
    let n = read.variableCount
    var lower = [Double](), upper = [Double]()
    lower.reserveCapacity(n); upper.reserveCapacity(n)
    for v in read.variables {
      let b = try read.bounds(of: v)
      lower.append(b.lower); upper.append(b.upper)
    }
    var starts = [0], cols = [Int32](), vals = [Double](), rlo = [Double](), rhi = [Double]()
    for c in read.constraints {
      let b = try read.bounds(of: c)
      if b.lower == -.infinity && b.upper == .infinity { continue }
      for (v, a) in try read.terms(of: c) { cols.append(Int32(v.index)); vals.append(a) }
      starts.append(cols.count); rlo.append(b.lower); rhi.append(b.upper)
    }
    let lp = LinearProgram(name: "caspian", sense: .maximize)
    try lp.addVariables(count: n, lower: lower, upper: upper, cost: read.objectiveCoefficients)
    try lp.addConstraints(rowStarts: starts, columns: cols, coefficients: vals, lower: rlo, upper: rhi)
    return lp
  }
}
