/// Replacing the coefficients of existing rows, keeping the basis.
///
/// A re-solvable planning session changes coefficients (a corridor's availability
/// multiplies its capacity column in each slice's capacity row; a min-share rule's
/// share weighs every flow in its row). Rewriting whole rows keeps the call simple
/// for the caller, who computes a row's terms with the same function that built it:
///
///     // row 12 was  x0 + x1 − 0.5·cap ≤ 0; the corridor's availability drops to 0.3
///     try lp.replaceTerms(ofRows: [12], rowStarts: [0, 3], columns: [0, 1, 9],
///                         coefficients: [1, 1, -0.3])
///
/// Rows whose terms come out identical (after merging repeated columns and dropping
/// zeros, as ``addConstraints(rowStarts:columns:coefficients:lower:upper:names:)``
/// does) are left untouched and not marked as edited, so an edit that only moves
/// bounds still re-solves with the dual simplex. Edited rows keep their place,
/// bounds and names; the next solve starts from the previous basis (GLPK refactors it;
/// the `auto` algorithm then runs the primal simplex).
extension LinearProgram {
  /// Replaces the terms of the rows `rows` (row indices, each at most once) with the
  /// terms given in compressed-row form, one segment per entry of `rows`.
  ///
  /// - Returns: How many rows changed.
  @discardableResult
  public func replaceTerms(ofRows rows: [Int], rowStarts: [Int], columns: [Int32], coefficients: [Double]) throws(LPError) -> Int {
    guard rowStarts.count == rows.count + 1, rowStarts.first == 0, rowStarts.last == columns.count,
          columns.count == coefficients.count
    else {
      throw .invalidArgument("replaceTerms: rowStarts must have one entry per row plus one, start at 0 and end at columns.count (\(columns.count)), with coefficients of the same length (\(coefficients.count))")
    }
    var seen = Set<Int>()
    for (k, i) in rows.enumerated() {
      guard i >= 0, i < constraintCount else {
        throw .foreignHandle("row \(i) (the model has \(constraintCount) constraints)")
      }
      guard seen.insert(i).inserted else { throw .invalidArgument("replaceTerms: row \(i) is given twice") }
      guard rowStarts[k] <= rowStarts[k + 1] else { throw .invalidArgument("replaceTerms: rowStarts decreases at entry \(k)") }
    }
    let n = Int32(variableCount)
    for k in columns.indices {
      guard columns[k] >= 0, columns[k] < n else {
        throw .foreignHandle("column \(columns[k]) at position \(k) (the model has \(n) variables)")
      }
      guard coefficients[k].isFinite else { throw .nonFiniteValue(what: "coefficient at position \(k)", value: coefficients[k]) }
    }
    // Merge each new row in first-appearance order; keep those that differ from the stored row.
    var changed: [(row: Int, index: [Int32], value: [Double])] = []
    var slot: [Int32: Int] = [:]
    for (k, i) in rows.enumerated() {
      slot.removeAll(keepingCapacity: true)
      var index: [Int32] = [], value: [Double] = []
      for t in rowStarts[k]..<rowStarts[k + 1] {
        if let p = slot[columns[t]] {
          value[p] += coefficients[t]
        } else {
          slot[columns[t]] = index.count
          index.append(columns[t])
          value.append(coefficients[t])
        }
      }
      if let t = value.firstIndex(where: { !$0.isFinite }) {
        throw .nonFiniteValue(what: "merged coefficient of \(describe(Variable(modelID: id, index: Int(index[t])))) in row #\(i)", value: value[t])
      }
      let keep = value.indices.filter { value[$0] != 0 }
      index = keep.map { index[$0] }
      value = keep.map { value[$0] }
      let old = rowStart[i]..<rowStart[i + 1]
      if !(Array(matIndex[old]) == index && Array(matValue[old]) == value) {
        changed.append((i, index, value))
      }
    }
    guard !changed.isEmpty else { return 0 }
    if changed.allSatisfy({ rowStart[$0.row + 1] - rowStart[$0.row] == $0.index.count }) {
      for c in changed {
        let first = rowStart[c.row]
        for t in c.index.indices {
          matIndex[first + t] = c.index[t]
          matValue[first + t] = c.value[t]
        }
      }
    } else {
      // Some row changes length: rebuild the compressed rows once.
      var replacement = [Int: Int]()
      for (k, c) in changed.enumerated() { replacement[c.row] = k }
      var index: [Int32] = [], value: [Double] = [], starts = [0]
      index.reserveCapacity(matIndex.count + 16)
      value.reserveCapacity(matValue.count + 16)
      starts.reserveCapacity(constraintCount + 1)
      for i in 0..<constraintCount {
        if let k = replacement[i] {
          index += changed[k].index
          value += changed[k].value
        } else {
          index += matIndex[rowStart[i]..<rowStart[i + 1]]
          value += matValue[rowStart[i]..<rowStart[i + 1]]
        }
        starts.append(index.count)
      }
      (matIndex, matValue, rowStart) = (index, value, starts)
    }
    for c in changed { dirty.matrixRows.insert(c.row) }
    invalidate(structure: false)
    return changed.count
  }

  /// The terms of row `i` as (column, coefficient) pairs, in stored order.
  public func terms(ofRow i: Int) throws(LPError) -> [(column: Int, coefficient: Double)] {
    guard i >= 0, i < constraintCount else { throw .foreignHandle("row \(i) (the model has \(constraintCount) constraints)") }
    return (rowStart[i]..<rowStart[i + 1]).map { (Int(matIndex[$0]), matValue[$0]) }
  }
}
