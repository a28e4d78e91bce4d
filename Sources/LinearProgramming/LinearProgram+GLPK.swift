internal import CGLPK
import Glibc

/// Keeping GLPK's copy of the model in step with the Swift arrays.
///
/// This file and its siblings named `+GLPK`/`GLPK…` are the only places that
/// call GLPK. Every call below receives arguments validated by the public API.
extension LinearProgram {
  /// GLPK's copy, created on this thread on first use and synchronized with every edit since.
  func syncedBackend() throws(LPError) -> GLPKProblem {
    if let b = backend {
      try b.checkThread()
      push(to: b)
      return b
    }
    let b = GLPKProblem()
    backend = b
    dirty = DirtySet(structure: true, objective: true)
    push(to: b)
    return b
  }

  private func push(to b: GLPKProblem) {
    let p = b.prob
    // GLPK aborts on a name over 255 bytes or with a control character (iscntrl):
    // such a model name is simply not passed on.
    if name.utf8.count <= 255, !name.isEmpty, !name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
      glp_set_prob_name(p, name)
    } else {
      glp_set_prob_name(p, nil)
    }
    let n = variableCount, m = constraintCount
    let newCols = n - b.columns, newRows = m - b.rows
    if newCols > 0 {
      glp_add_cols(p, Int32(newCols))
      for j in b.columns..<n {
        b.setColumn(j, lower: colLower[j], upper: colUpper[j], kind: colKind[j])
        if let nm = colName[j] { glp_set_col_name(p, Int32(j + 1), nm) }
      }
      dirty.objective = true
    }
    if newRows > 0 {
      glp_add_rows(p, Int32(newRows))
      for i in b.rows..<m {
        b.setRow(i, lower: rowLower[i], upper: rowUpper[i])
        if let nm = rowName[i] { glp_set_row_name(p, Int32(i + 1), nm) }
      }
    }
    if b.rows == 0 && newRows > 0 {
      loadMatrix(into: p)  // first load: one bulk call
    } else if newRows > 0 {
      var ind = [Int32](repeating: 0, count: n + 1)
      var val = [Double](repeating: 0, count: n + 1)
      for i in b.rows..<m {
        let len = rowStart[i + 1] - rowStart[i]
        for (t, k) in (rowStart[i]..<rowStart[i + 1]).enumerated() {
          ind[t + 1] = matIndex[k] + 1
          val[t + 1] = matValue[k]
        }
        glp_set_mat_row(p, Int32(i + 1), Int32(len), ind, val)
      }
    }
    if newCols > 0 || newRows > 0 { b.scaled = false }
    b.columns = n
    b.rows = m
    for j in dirty.columns where j < b.columns {
      b.setColumn(j, lower: colLower[j], upper: colUpper[j], kind: colKind[j])
    }
    for i in dirty.rows where i < b.rows {
      b.setRow(i, lower: rowLower[i], upper: rowUpper[i])
    }
    if !dirty.matrixRows.isEmpty {
      // Rows loaded earlier whose coefficients were replaced since (rows added just now
      // were loaded from the current arrays above).
      var ind = [Int32](repeating: 0, count: n + 1)
      var val = [Double](repeating: 0, count: n + 1)
      for i in dirty.matrixRows.sorted() where i < m - newRows {
        let len = rowStart[i + 1] - rowStart[i]
        for (t, k) in (rowStart[i]..<rowStart[i + 1]).enumerated() {
          ind[t + 1] = matIndex[k] + 1
          val[t + 1] = matValue[k]
        }
        glp_set_mat_row(p, Int32(i + 1), Int32(len), ind, val)
      }
      b.scaled = false  // the scale factors were computed for the old coefficients
    }
    if dirty.objective {
      glp_set_obj_dir(p, sense == .minimize ? GLP_MIN : GLP_MAX)
      glp_set_obj_coef(p, 0, objectiveConstant)
      for j in 0..<n { glp_set_obj_coef(p, Int32(j + 1), cost[j]) }
    }
    dirty = DirtySet()
  }

  /// Loads the whole matrix with one `glp_load_matrix` call (1-based triplets).
  private func loadMatrix(into p: OpaquePointer) {
    let nnz = matValue.count
    guard nnz > 0 else { return }
    var ia = [Int32](repeating: 0, count: nnz + 1)
    var ja = [Int32](repeating: 0, count: nnz + 1)
    var ar = [Double](repeating: 0, count: nnz + 1)
    ia.withUnsafeMutableBufferPointer { ia in
      ja.withUnsafeMutableBufferPointer { ja in
        ar.withUnsafeMutableBufferPointer { ar in
          for i in 0..<constraintCount {
            let r = Int32(i + 1)
            for k in rowStart[i]..<rowStart[i + 1] {
              ia[k + 1] = r
              ja[k + 1] = matIndex[k] + 1
              ar[k + 1] = matValue[k]
            }
          }
        }
      }
    }
    glp_load_matrix(p, Int32(nnz), ia, ja, ar)
  }

  /// Reads a GLPK problem object into a new Swift model (used by the file readers).
  static func extract(from p: OpaquePointer, name fallback: String) -> LinearProgram {
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
