// A conflict as a model of its own, to write out and check with another solver.

extension LinearProgram {
  /// A stand-alone model that holds only `sides`: the rows with a side in the
  /// list (keeping just those sides), the columns those rows use and the
  /// columns with a bound in the list, every other bound free, objective 0.
  ///
  /// Names, coefficients and side values are the receiver's; row and column
  /// order follows it. A model whose kept rows have no terms gets one free,
  /// unnamed column (a CPLEX LP file needs one). Written as a CPLEX LP file, the conflict of an
  /// ``analyzeInfeasibility(groups:options:)`` over ``sideGroups()`` is
  /// infeasible on its own in `glpsol`, and feasible once any one of its rows
  /// or bounds is removed (when the conflict is irreducible).
  /// - Throws: ``LPError/foreignHandle(_:)`` for a side out of range.
  public func subprogram(keeping sides: [RelaxableGroup.Side]) throws(LPError) -> LinearProgram {
    var rowLo: [Int: Double] = [:], rowUp: [Int: Double] = [:]
    var colLo: [Int: Double] = [:], colUp: [Int: Double] = [:]
    for side in sides {
      try checkSide(side)
      switch side {
      case .rowLower(let i): rowLo[i] = rowLower[i]
      case .rowUpper(let i): rowUp[i] = rowUpper[i]
      case .columnLower(let j): colLo[j] = colLower[j]
      case .columnUpper(let j): colUp[j] = colUpper[j]
      }
    }
    let rows = Set(rowLo.keys).union(rowUp.keys).sorted()
    var used = Set(colLo.keys).union(colUp.keys)
    for i in rows { for k in rowStart[i]..<rowStart[i + 1] { used.insert(Int(matIndex[k])) } }
    let columns = used.sorted()
    var position: [Int: Int] = [:]
    for (k, j) in columns.enumerated() { position[j] = k }

    let sub = LinearProgram(name: name.isEmpty ? "conflict" : "\(name)-conflict")
    for j in columns {
      try sub.addVariable(name: colName[j], lower: colLo[j] ?? -.infinity, upper: colUp[j] ?? .infinity)
    }
    // A conflict of empty rows (`0 >= 5`, possible in MPS) has no columns, and a CPLEX LP
    // file cannot hold a model without any: give it one free, unnamed column.
    if columns.isEmpty { try sub.addVariable(lower: -.infinity) }
    var starts = [0], index = [Int32](), value = [Double]()
    for i in rows {
      for k in rowStart[i]..<rowStart[i + 1] {
        index.append(Int32(position[Int(matIndex[k])] ?? 0))
        value.append(matValue[k])
      }
      starts.append(index.count)
    }
    let names = rows.map { rowName[$0] }
    try sub.addConstraints(
      rowStarts: starts, columns: index, coefficients: value,
      lower: rows.map { rowLo[$0] ?? -.infinity }, upper: rows.map { rowUp[$0] ?? .infinity },
      names: names.allSatisfy { $0 != nil } ? names.compactMap { $0 } : [])
    return sub
  }
}
