internal import CGLPK
import Glibc

/// The one owner of a GLPK problem object (`glp_prob`).
///
/// ## The C boundary
/// Only the files named `GLPK….swift` import `CGLPK`; every GLPK call of the
/// layer is made there (this type and its extensions in `GLPKSolve.swift` and
/// `GLPKFiles.swift`, the translator in `GLPKMathProg.swift`, the output hooks
/// in `GLPKOutput.swift`). The rest of the layer calls Swift methods on a
/// `GLPKProblem`, with 0-based indices and Swift enums; the methods turn them
/// into GLPK's 1-based indices and constants. GLPK aborts the process on an
/// invalid call, so every argument that reaches a method here has been
/// validated by the public API first (see `GLPK-NOTES.md`).
///
/// Created on the thread that first needs it; every use checks that it is
/// still on that thread, because GLPK's memory is thread-local and a problem
/// deleted on another thread aborts the process.
final class GLPKProblem {
  /// GLPK's problem object; used only by the `GLPK….swift` files.
  let prob: OpaquePointer
  let owner: pthread_t
  /// How many columns and rows of the Swift model GLPK has.
  var columns = 0
  var rows = 0
  /// Whether the problem holds a basis from a previous simplex solve.
  var hasBasis = false
  /// Whether that basis was set by the caller (an advanced start) rather than left by a solve.
  var basisIsUserGiven = false
  /// Whether the scaling factors were computed for the current structure.
  var scaled = false

  /// An empty problem owned by the calling thread.
  init() {
    prob = glp_create_prob()
    owner = pthread_self()
  }

  /// A scratch copy of `other` (bounds, matrix, objective; names if `names`),
  /// owned by the calling thread, which must own `other`. Release it with ``release()``.
  init(copying other: GLPKProblem, names: Bool) {
    prob = glp_create_prob()
    owner = pthread_self()
    glp_copy_prob(prob, other.prob, names ? GLP_ON : GLP_OFF)
    columns = Int(glp_get_num_cols(prob))
    rows = Int(glp_get_num_rows(prob))
  }

  var onOwnerThread: Bool { pthread_equal(owner, pthread_self()) != 0 }

  func checkThread() throws(LPError) {
    guard onOwnerThread else {
      throw .wrongThread(
        "this model's GLPK problem was created on another thread; a GLPK problem must be created, solved and released on one thread (build and solve each model inside one ParallelSolver.map call)")
    }
  }

  /// Deletes the problem; from a foreign thread it is leaked instead of aborting.
  func release() {
    if onOwnerThread {
      glp_delete_prob(prob)
    } else {
      let msg = "corridor: warning: a LinearProgram was released on another thread than the one that solved it; its GLPK problem is leaked to avoid an abort\n"
      _ = msg.withCString { write(2, $0, strlen($0)) }
    }
  }
}

// MARK: - Structure and names

extension GLPKProblem {
  /// Sets the problem's name (nil clears it). The caller checks GLPK's limits
  /// (at most 255 bytes, no control characters).
  func setName(_ name: String?) {
    if let name { glp_set_prob_name(prob, name) } else { glp_set_prob_name(prob, nil) }
  }

  /// Appends `count` (> 0) columns; returns the 0-based index of the first.
  @discardableResult
  func addColumns(_ count: Int) -> Int {
    let first = Int(glp_add_cols(prob, Int32(count))) - 1
    columns += count
    return first
  }

  /// Appends `count` (> 0) rows; returns the 0-based index of the first.
  @discardableResult
  func addRows(_ count: Int) -> Int {
    let first = Int(glp_add_rows(prob, Int32(count))) - 1
    rows += count
    return first
  }

  /// Names column `j` (a name GLPK accepts: 1–255 bytes).
  func setColumnName(_ j: Int, _ name: String) {
    glp_set_col_name(prob, Int32(j + 1), name)
  }

  /// Names row `i` (a name GLPK accepts: 1–255 bytes).
  func setRowName(_ i: Int, _ name: String) {
    glp_set_row_name(prob, Int32(i + 1), name)
  }

  /// Loads the rows `0..<rowCount` of a CSR matrix (0-based column indices,
  /// no duplicates in a row, no zeros) with one `glp_load_matrix` call, replacing any matrix.
  func loadMatrix(rowCount: Int, rowStart: [Int], index: [Int32], value: [Double]) {
    let nnz = rowStart[rowCount]
    guard nnz > 0 else { return }
    var ia = [Int32](repeating: 0, count: nnz + 1)
    var ja = [Int32](repeating: 0, count: nnz + 1)
    var ar = [Double](repeating: 0, count: nnz + 1)
    ia.withUnsafeMutableBufferPointer { ia in
      ja.withUnsafeMutableBufferPointer { ja in
        ar.withUnsafeMutableBufferPointer { ar in
          for i in 0..<rowCount {
            let r = Int32(i + 1)
            for k in rowStart[i]..<rowStart[i + 1] {
              ia[k + 1] = r
              ja[k + 1] = index[k] + 1
              ar[k + 1] = value[k]
            }
          }
        }
      }
    }
    glp_load_matrix(prob, Int32(nnz), ia, ja, ar)
  }

  /// Sets the coefficients of the rows in `range` from a CSR matrix (0-based
  /// column indices below `columnCount`, no duplicates in a row, no zeros).
  func setMatrixRows<Rows: Sequence<Int>>(_ range: Rows, columnCount: Int, rowStart: [Int], index: [Int32], value: [Double]) {
    var ind = [Int32](repeating: 0, count: columnCount + 1)
    var val = [Double](repeating: 0, count: columnCount + 1)
    for i in range {
      let len = rowStart[i + 1] - rowStart[i]
      for (t, k) in (rowStart[i]..<rowStart[i + 1]).enumerated() {
        ind[t + 1] = index[k] + 1
        val[t + 1] = value[k]
      }
      glp_set_mat_row(prob, Int32(i + 1), Int32(len), ind, val)
    }
  }

  /// Sets the objective: direction, constant term and one cost per column.
  func setObjective(_ sense: ObjectiveSense, constant: Double, costs: [Double]) {
    glp_set_obj_dir(prob, sense == .minimize ? GLP_MIN : GLP_MAX)
    glp_set_obj_coef(prob, 0, constant)
    for j in costs.indices { glp_set_obj_coef(prob, Int32(j + 1), costs[j]) }
  }

  /// Sets one column's cost.
  func setCost(_ j: Int, _ c: Double) {
    glp_set_obj_coef(prob, Int32(j + 1), c)
  }

  /// Sets the objective's constant term.
  func setObjectiveConstant(_ c: Double) {
    glp_set_obj_coef(prob, 0, c)
  }
}

// MARK: - Bounds

extension GLPKProblem {
  /// GLPK's bound type for a validated pair (never NaN, lower ≤ upper).
  private static func boundType(_ lower: Double, _ upper: Double) -> Int32 {
    switch (lower.isFinite, upper.isFinite) {
    case (false, false): return GLP_FR
    case (true, false): return GLP_LO
    case (false, true): return GLP_UP
    case (true, true): return lower == upper ? GLP_FX : GLP_DB
    }
  }

  /// Sets column `j`'s kind and bounds (validated: never NaN, lower ≤ upper).
  func setColumn(_ j: Int, lower: Double, upper: Double, kind: VariableKind) {
    let k = Int32(j + 1)
    glp_set_col_kind(prob, k, kind == .continuous ? GLP_CV : GLP_IV)
    // glp_intopt rejects an integer column with a fractional bound (GLP_EBOUND):
    // give GLPK the integer bounds it means. If no integer lies between them,
    // keep the given pair (runMIP reports such a model infeasible itself).
    var (lower, upper) = (lower, upper)
    if kind != .continuous, lower.rounded(.up) <= upper.rounded(.down) {
      (lower, upper) = (lower.rounded(.up), upper.rounded(.down))
    }
    glp_set_col_bnds(prob, k, Self.boundType(lower, upper), lower.isFinite ? lower : 0, upper.isFinite ? upper : 0)
  }

  /// Fixes column `j` at `value` (finite), keeping its kind.
  func fixColumn(_ j: Int, at value: Double) {
    glp_set_col_bnds(prob, Int32(j + 1), GLP_FX, value, value)
  }

  /// Sets row `i`'s bounds (validated: never NaN, lower ≤ upper).
  func setRow(_ i: Int, lower: Double, upper: Double) {
    glp_set_row_bnds(prob, Int32(i + 1), Self.boundType(lower, upper), lower.isFinite ? lower : 0, upper.isFinite ? upper : 0)
  }
}

// MARK: - Basis statuses

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

extension GLPKProblem {
  /// Column `j`'s status in GLPK's current basis.
  func columnStatus(_ j: Int) -> BasisStatus {
    BasisStatus(glpk: glp_get_col_stat(prob, Int32(j + 1)))
  }

  /// Row `i`'s status in GLPK's current basis.
  func rowStatus(_ i: Int) -> BasisStatus {
    BasisStatus(glpk: glp_get_row_stat(prob, Int32(i + 1)))
  }

  /// Sets column `j`'s status (GLPK corrects one that does not fit the bounds).
  func setColumnStatus(_ j: Int, _ s: BasisStatus) {
    glp_set_col_stat(prob, Int32(j + 1), s.glpk)
  }

  /// Sets every column's and row's status from a basis of this problem's size.
  func setStatuses(_ basis: Basis) {
    for (j, s) in basis.variables.enumerated() { glp_set_col_stat(prob, Int32(j + 1), s.glpk) }
    for (i, s) in basis.constraints.enumerated() { glp_set_row_stat(prob, Int32(i + 1), s.glpk) }
  }
}

// MARK: - Reading a problem back

extension GLPKProblem {
  /// A new Swift model holding this problem (read by a file reader or built by
  /// the MathProg translator); `fallback` names it when GLPK's problem has no name.
  func extract(name fallback: String) -> LinearProgram {
    let p = prob
    let lp = LinearProgram(name: glp_get_prob_name(p).map { String(cString: $0) } ?? fallback,
                           sense: glp_get_obj_dir(p) == GLP_MAX ? .maximize : .minimize)
    let n = Int(glp_get_num_cols(p)), m = Int(glp_get_num_rows(p))
    func bounds(_ type: Int32, _ lo: Double, _ hi: Double) -> (Double, Double) {
      switch type {
      case GLP_FR: return (-.infinity, .infinity)
      case GLP_LO: return (lo, .infinity)
      case GLP_UP: return (-.infinity, hi)
      case GLP_FX: return (lo, lo)
      default: return (lo, hi)
      }
    }
    for j in 1...max(n, 1) where n > 0 {
      let (lo, hi) = bounds(glp_get_col_type(p, Int32(j)), glp_get_col_lb(p, Int32(j)), glp_get_col_ub(p, Int32(j)))
      let kind: VariableKind = glp_get_col_kind(p, Int32(j)) == GLP_CV ? .continuous : .integer
      let nm = glp_get_col_name(p, Int32(j)).map { String(cString: $0) }
      lp.colLower.append(lo)
      lp.colUpper.append(hi)
      lp.colKind.append(kind)
      lp.colName.append(nm)
      lp.cost.append(glp_get_obj_coef(p, Int32(j)))
      if let nm, lp.columnsByName[nm] == nil { lp.columnsByName[nm] = j - 1 }
    }
    lp.objectiveConstant = glp_get_obj_coef(p, 0)
    var ind = [Int32](repeating: 0, count: n + 1)
    var val = [Double](repeating: 0, count: n + 1)
    for i in 1...max(m, 1) where m > 0 {
      let (lo, hi) = bounds(glp_get_row_type(p, Int32(i)), glp_get_row_lb(p, Int32(i)), glp_get_row_ub(p, Int32(i)))
      let len = Int(glp_get_mat_row(p, Int32(i), &ind, &val))
      for t in 1...max(len, 1) where len > 0 {
        lp.matIndex.append(ind[t] - 1)
        lp.matValue.append(val[t])
      }
      lp.rowStart.append(lp.matIndex.count)
      lp.rowLower.append(lo)
      lp.rowUpper.append(hi)
      let nm = glp_get_row_name(p, Int32(i)).map { String(cString: $0) }
      lp.rowName.append(nm)
      if let nm, lp.rowsByName[nm] == nil { lp.rowsByName[nm] = i - 1 }
    }
    return lp
  }
}
