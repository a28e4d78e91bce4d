/// Keeping GLPK's copy of the model in step with the Swift arrays.
///
/// The model lives in Swift arrays; edits mark what changed (``DirtySet``) and
/// the next solve, write or analysis pushes just that into the ``GLPKProblem``
/// through its Swift methods. No GLPK call is made here: they all sit in the
/// `GLPK….swift` files (see ``GLPKProblem``).
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
    // GLPK aborts on a name over 255 bytes or with a control character (iscntrl):
    // such a model name is simply not passed on.
    if name.utf8.count <= 255, !name.isEmpty, !name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
      b.setName(name)
    } else {
      b.setName(nil)
    }
    let n = variableCount, m = constraintCount
    let oldCols = b.columns, oldRows = b.rows
    let newCols = n - oldCols, newRows = m - oldRows
    if newCols > 0 {
      b.addColumns(newCols)
      for j in oldCols..<n {
        b.setColumn(j, lower: colLower[j], upper: colUpper[j], kind: colKind[j])
        if let nm = colName[j] { b.setColumnName(j, nm) }
      }
      dirty.objective = true
    }
    if newRows > 0 {
      b.addRows(newRows)
      for i in oldRows..<m {
        b.setRow(i, lower: rowLower[i], upper: rowUpper[i])
        if let nm = rowName[i] { b.setRowName(i, nm) }
      }
    }
    if oldRows == 0 && newRows > 0 {
      // First load: one bulk call.
      b.loadMatrix(rowCount: m, rowStart: rowStart, index: matIndex, value: matValue)
    } else if newRows > 0 {
      b.setMatrixRows(oldRows..<m, columnCount: n, rowStart: rowStart, index: matIndex, value: matValue)
    }
    if newCols > 0 || newRows > 0 { b.scaled = false }
    for j in dirty.columns where j < b.columns {
      b.setColumn(j, lower: colLower[j], upper: colUpper[j], kind: colKind[j])
    }
    for i in dirty.rows where i < b.rows {
      b.setRow(i, lower: rowLower[i], upper: rowUpper[i])
    }
    if !dirty.matrixRows.isEmpty {
      // Rows loaded earlier whose coefficients were replaced since (rows added just now
      // were loaded from the current arrays above).
      b.setMatrixRows(dirty.matrixRows.sorted().filter { $0 < m - newRows }, columnCount: n,
                      rowStart: rowStart, index: matIndex, value: matValue)
      b.scaled = false  // the scale factors were computed for the old coefficients
    }
    if dirty.objective {
      b.setObjective(sense, constant: objectiveConstant, costs: cost)
    }
    dirty = DirtySet()
  }
}
