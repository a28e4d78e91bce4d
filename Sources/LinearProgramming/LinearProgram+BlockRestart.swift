import Foundation
/// What a re-solve of a time-structured LP takes from the optimum of a close LP (the base
/// of an outage): its basis, its point and its row duals.
public struct BlockRestart: Sendable {
  /// The earlier LP's optimal basis.
  public var basis: Basis
  /// Its optimal point, one value per column.
  public var values: [Double]
  /// Its row duals (the prices of the coupling rows the blocks leave out); nil: none.
  public var duals: [Double]?

  public init(basis: Basis, values: [Double], duals: [Double]?) {
    self.basis = basis
    self.values = values
    self.duals = duals
  }
}

extension LinearProgram {
  /// A starting basis for this LP, a close variant of an LP already solved (`from`),
  /// that differs from it only in the time indices `times` (an outage in a window of slices).
  ///
  /// A dual simplex over the whole horizon from the earlier basis unwinds the change one
  /// pivot at a time over every hour, and is about as slow as a cold solve. This instead
  /// re-solves only the time blocks the change touches (the blocks of
  /// ``blockCrashBasis(_:blocks:timeLimit:)``: `blocks` contiguous blocks of the horizon):
  /// - each touched block's LP has the block's rows and columns; a term on any column
  ///   outside the block is a constant: the value just solved for an earlier touched
  ///   block, the earlier optimum's value elsewhere (so a storage level enters the window
  ///   and leaves it as the earlier plan had it);
  /// - the coupling rows (time −1, e.g. annual shares) are left out but priced into the
  ///   block's costs at the earlier optimum's duals (cost − Σ dual × coefficient): with
  ///   those prices the earlier optimum, restricted to a block, is optimal for the block
  ///   LP, and the block's re-solve trades against the coupling rows as the full LP would;
  /// - a block starts from the earlier basis restricted to it when that has one basic per
  ///   row (then the dual simplex), cold otherwise.
  /// The basis is the earlier one outside the touched blocks and the blocks' bases inside.
  /// Where that breaks the earlier basis's structure (a block basis has exactly one basic
  /// per row of the block, whereas the earlier basis may have held the next block's first
  /// storage row with this block's last level, or an active coupling row with a column of
  /// this block), ``repairStructurally(_:values:)`` gives each row left without a basic
  /// variable its slack, and makes a basic column left over non-basic.
  ///
  /// Give the basis to ``setStartingBasis(_:)`` and solve with the primal simplex.
  /// The basis can still be numerically singular (a cyclic storage whose levels are all
  /// basic over two blocks): the solve then ends with ``TerminationStatus/numericalError``.
  /// - Returns: The basis, or nil when a block could not be solved to optimality, the
  ///   time ran out, or the earlier optimum does not fit this LP (the caller then takes
  ///   another path).
  public func blockRestartBasis(_ structure: TimeStructure, blocks: Int, times: Range<Int>, from start: BlockRestart,
                                timeLimit: Double? = nil) throws(LPError) -> Basis? {
    let deadline = timeLimit.map { MonotonicClock.now() + $0 }
    let parts = try timeBlocks(structure, blocks: blocks)
    let n = variableCount, m = constraintCount, K = parts.count
    guard start.basis.variables.count == n, start.basis.constraints.count == m, start.values.count == n,
          start.duals.map({ $0.count == m }) ?? true, !times.isEmpty, times.lowerBound >= 0, times.upperBound <= parts.timeCount
    else { return nil }
    // Basic statuses of the earlier basis per block, less the block's rows: what a block
    // basis (exactly one basic per row) would change the count by.
    var excess = [Int](repeating: 0, count: K)
    for (b, part) in parts.blocks.enumerated() {
      let basic = part.columns.lazy.filter { start.basis.variables[$0] == .basic }.count
        + part.rows.lazy.filter { start.basis.constraints[$0] == .basic }.count
      excess[b] = basic - part.rows.count
    }
    let first = parts.block(ofTime: times.lowerBound), last = parts.block(ofTime: times.upperBound - 1)
    // Every block touched: nothing of the earlier optimum is kept, and the primal simplex
    // from the re-solved blocks was measured far slower than a cold solve (see the caller).
    guard first > 0 || last < K - 1 else { return nil }
    let trace = ProcessInfo.processInfo.environment["CORRIDOR_TRACE"] == "1"
    if trace { FileHandle.standardError.write(Data("corridor trace: block restart of blocks \(first)...\(last) of \(K), at \(MonotonicClock.now()) s\n".utf8)) }
    // The coupling rows priced into the block costs at the earlier duals.
    let shift = start.duals.map { couplingPrices(structure, duals: $0) }

    var value = start.values
    var colStatus = start.basis.variables
    var rowStatus = start.basis.constraints
    for b in first...last {
      var options = SolverOptions(algorithm: .dual)
      if let deadline {
        let left = deadline - MonotonicClock.now()
        guard left > 0 else { return nil }
        options.timeLimit = left
      }
      let cols = parts.blocks[b].columns, rows = parts.blocks[b].rows
      var warm: Basis? = nil
      if excess[b] == 0 {
        warm = Basis(variables: cols.map { start.basis.variables[$0] }, constraints: rows.map { start.basis.constraints[$0] })
      } else {
        options.algorithm = .primal
        options.warmStart = false
      }
      guard let (basis, x) = try solve(parts.blocks[b], outside: { value[$0] }, costShift: shift,
                                       start: warm, options)
      else { return nil }
      for (p, j) in cols.enumerated() {
        value[j] = x[p]
        colStatus[j] = basis.variables[p]
      }
      for (p, i) in rows.enumerated() { rowStatus[i] = basis.constraints[p] }
    }
    var basis = Basis(variables: colStatus, constraints: rowStatus)
    let repairs = repairStructurally(&basis, values: value)
    if trace { FileHandle.standardError.write(Data("corridor trace: blocks solved, \(repairs) statuses repaired, at \(MonotonicClock.now()) s\n".utf8)) }
    return basis
  }

  /// The costs that price the coupling rows (time −1) into time blocks at `duals`:
  /// −Σ over coupling rows i of duals[i] × a_ij, per column j. Added to the costs, they make
  /// a block LP trade against the coupling rows it leaves out at those prices.
  public func couplingPrices(_ structure: TimeStructure, duals: [Double]) -> [Double] {
    var d = [Double](repeating: 0, count: variableCount)
    guard duals.count == constraintCount, structure.rowTime.count == constraintCount else { return d }
    for i in 0..<constraintCount where structure.rowTime[i] < 0 && duals[i] != 0 {
      for k in rowStart[i]..<rowStart[i + 1] { d[Int(matIndex[k])] -= duals[i] * matValue[k] }
    }
    return d
  }

  /// Makes `basis` structurally non-singular with one basic per row: a row with no basic
  /// variable of its own left to hold it gets its slack made basic, and a basic column
  /// left over is made non-basic at the bound nearest its value in `values`.
  ///
  /// A basis matrix is non-singular only if each row can be paired with a distinct basic
  /// variable that has a coefficient in it (its own slack, or a column). This pairs them:
  /// slacks first, then greedily, then by augmenting paths (row → basic column in it →
  /// the row that column is paired with → …) for each row still unpaired. Where the
  /// assembled basis of ``blockRestartBasis(_:blocks:times:from:timeLimit:)`` broke a
  /// pairing of the earlier basis (a storage level of a re-solved block that held the next
  /// block's storage row; a column of a re-solved block that held an active coupling row),
  /// no path exists and the row takes its slack. The count of basics then equals the rows.
  /// - Returns: The number of statuses changed.
  func repairStructurally(_ basis: inout Basis, values: [Double]) -> Int {
    let n = variableCount, m = constraintCount
    var rowOf = [Int](repeating: -1, count: n)  // the row a basic column is paired with
    var colOf = [Int](repeating: -2, count: m)  // per row: its column, −1 its slack, −2 none
    for i in 0..<m where basis.constraints[i] == .basic { colOf[i] = -1 }
    // Greedy: each unpaired row takes the first unpaired basic column in it.
    for i in 0..<m where colOf[i] == -2 {
      for k in rowStart[i]..<rowStart[i + 1] {
        let j = Int(matIndex[k])
        if basis.variables[j] == .basic, rowOf[j] < 0, matValue[k] != 0 {
          rowOf[j] = i
          colOf[i] = j
          break
        }
      }
    }
    // Augmenting paths from each row still unpaired (iterative depth-first search).
    var seen = [Int](repeating: -1, count: n)
    var changed = 0
    for root in 0..<m where colOf[root] == -2 {
      var stack: [(row: Int, next: Int)] = [(root, rowStart[root])]
      var via: [Int] = []  // the column taken out of each stacked row
      var found = false
      while let top = stack.last, !found {
        let i = top.row
        var k = top.next
        var advanced = false
        while k < rowStart[i + 1] {
          let j = Int(matIndex[k])
          k += 1
          guard basis.variables[j] == .basic, matValue[k - 1] != 0, seen[j] != root else { continue }
          seen[j] = root
          stack[stack.count - 1].next = k
          via.append(j)
          if rowOf[j] < 0 {
            found = true
          } else {
            stack.append((rowOf[j], rowStart[rowOf[j]]))
          }
          advanced = true
          break
        }
        if !advanced {
          stack.removeLast()
          if !via.isEmpty { via.removeLast() }
        }
      }
      if found {
        // Flip the path: row stack[d] takes column via[d].
        for d in 0..<via.count {
          let j = via[d], i = stack[d].row
          rowOf[j] = i
          colOf[i] = j
        }
      } else {
        basis.constraints[root] = .basic
        colOf[root] = -1
        changed += 1
      }
    }
    for j in 0..<n where basis.variables[j] == .basic && rowOf[j] < 0 {
      let lo = colLower[j], hi = colUpper[j]
      if lo.isFinite && hi.isFinite {
        basis.variables[j] = lo == hi ? .fixed : (abs(values[j] - lo) <= abs(hi - values[j]) ? .atLower : .atUpper)
      } else {
        basis.variables[j] = Self.nonBasicStatus(lo, hi)
      }
      changed += 1
    }
    return changed
  }
}
