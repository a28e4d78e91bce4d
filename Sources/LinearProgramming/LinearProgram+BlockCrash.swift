/// The time structure of an LP whose rows and columns belong to time slices.
///
/// Hourly planning LPs are a chain of nearly independent slices, tied together
/// by a few rows (annual shares, storage levels carried from one hour to the
/// next). ``LinearProgram/blockCrashBasis(_:blocks:)`` uses that structure to
/// build a good starting basis.
public struct TimeStructure: Sendable, Equatable {
  /// Per column: its time index `0 ..< timeCount`, or −1 for a column that spans all times.
  public var columnTime: [Int32]
  /// Per row: its time index, or −1 for a coupling row (e.g. an annual share).
  public var rowTime: [Int32]
  /// The number of time indices.
  public var timeCount: Int

  public init(columnTime: [Int32], rowTime: [Int32], timeCount: Int) {
    self.columnTime = columnTime
    self.rowTime = rowTime
    self.timeCount = timeCount
  }
}

extension LinearProgram {
  /// An advanced starting basis for a time-structured LP, built from contiguous time blocks.
  ///
  /// GLPK's simplex time grows about as T^2.5 with the horizon, so one LP of
  /// 8,760 hours is far slower than 50 LPs of 175 hours. This solves the
  /// horizon in `blocks` contiguous blocks, in order: each block's LP has the
  /// rows and columns of its time indices; a term on a column of an earlier
  /// block becomes a constant taken from that block's solution (a storage
  /// level carried into the block); a term on a later block's column (the
  /// wrap-around of a cyclic storage) or on a spanning column is taken at 0 or
  /// its lower bound; coupling rows are left out. The blocks' bases, with the
  /// coupling rows' slacks basic, form a basis of the whole LP with exactly one
  /// basic per row. Give it to ``setStartingBasis(_:)`` and solve with the
  /// primal simplex (the approach measured in `GLPK-NOTES.md`, "Speed on hourly models").
  ///
  /// - Parameter timeLimit: Seconds the block solves may take together (nil: no limit).
  /// - Parameter costShift: Added to the block LPs' costs, per column (nil: none): the
  ///   coupling rows priced in (``couplingPrices(_:duals:)``), e.g. at the duals of a
  ///   close LP's optimum.
  /// - Returns: The basis, or nil when a block could not be solved to optimality
  ///   or the time ran out (the caller then starts cold).
  public func blockCrashBasis(_ structure: TimeStructure, blocks: Int, timeLimit: Double? = nil,
                              costShift: [Double]? = nil) throws(LPError) -> Basis? {
    let deadline = timeLimit.map { MonotonicClock.now() + $0 }
    let parts = try timeBlocks(structure, blocks: blocks)
    return try crashPass(parts, costShift: costShift, warm: nil, deadline: deadline)?.basis
  }

  /// An LP's rows and columns cut into `count` contiguous time blocks, and its coupling rows.
  struct TimeBlocks {
    /// The number of blocks.
    var count: Int
    /// The number of time indices they cut.
    var timeCount: Int
    /// Per column: its block, or −1 for a column that spans all times.
    var columnBlock: [Int]
    /// Per block: its rows and columns.
    var blocks: [TimeBlock]
    /// The rows of time −1 (left out of every block).
    var coupling: [Int]

    /// The block of time index `t` (−1 for a negative `t`: spanning or coupling).
    func block(ofTime t: Int) -> Int { t < 0 ? -1 : t * count / timeCount }
  }

  /// Cuts this LP into `blocks` contiguous time blocks (time t is in block t·K/T), after
  /// checking that `structure` fits it.
  func timeBlocks(_ structure: TimeStructure, blocks: Int) throws(LPError) -> TimeBlocks {
    let n = variableCount, m = constraintCount, T = structure.timeCount
    guard structure.columnTime.count == n, structure.rowTime.count == m, T > 0, blocks > 0 else {
      throw .invalidArgument("time structure has \(structure.columnTime.count) column and \(structure.rowTime.count) row entries for a model of \(n) and \(m), over \(T) times")
    }
    let K = min(blocks, T)
    var parts = TimeBlocks(count: K, timeCount: T, columnBlock: [Int](repeating: -1, count: n),
                           blocks: [TimeBlock](repeating: TimeBlock(rows: [], columns: []), count: K), coupling: [])
    for j in 0..<n {
      let t = structure.columnTime[j]
      guard t < Int32(T) else { throw .invalidArgument("column \(j) has time \(t) ≥ \(T)") }
      parts.columnBlock[j] = parts.block(ofTime: Int(t))
      if parts.columnBlock[j] >= 0 { parts.blocks[parts.columnBlock[j]].columns.append(j) }
    }
    for i in 0..<m {
      let t = structure.rowTime[i]
      guard t < Int32(T) else { throw .invalidArgument("row \(i) has time \(t) ≥ \(T)") }
      let b = parts.block(ofTime: Int(t))
      if b >= 0 { parts.blocks[b].rows.append(i) } else { parts.coupling.append(i) }
    }
    return parts
  }

  /// What one pass of the block crash leaves: the basis of the whole LP, the blocks'
  /// joint point (spanning columns at the values the blocks took them at), and each
  /// block LP's own basis (to start the next pass's block warm).
  struct CrashPass {
    var basis: Basis
    var values: [Double]
    var blockBases: [Basis]
  }

  /// One pass of the block crash: solves the blocks of `parts` in order, each with a storage
  /// level of an earlier block as a constant at the value just solved, a later block's or a
  /// spanning column at 0 or its bound, and `costShift` added to the costs. `warm` (one basis
  /// per block, from an earlier pass) starts each block from its earlier basis.
  /// Nil when a block could not be solved to optimality or `deadline` passed.
  func crashPass(_ parts: TimeBlocks, costShift: [Double]?, warm: [Basis]?,
                 deadline: Double?) throws(LPError) -> CrashPass? {
    let n = variableCount, m = constraintCount
    let colBlock = parts.columnBlock
    var value = [Double](repeating: 0, count: n)  // solved values of earlier blocks
    for j in 0..<n where colBlock[j] < 0 {
      value[j] = colLower[j].isFinite ? colLower[j] : (colUpper[j].isFinite && colUpper[j] < 0 ? colUpper[j] : 0)
    }
    var colStatus = [BasisStatus](repeating: .atLower, count: n)
    var rowStatus = [BasisStatus](repeating: .basic, count: m)
    for j in 0..<n where colBlock[j] < 0 { colStatus[j] = Self.nonBasicStatus(colLower[j], colUpper[j]) }
    var blockBases: [Basis] = []
    blockBases.reserveCapacity(parts.count)
    for b in 0..<parts.count {
      var options = SolverOptions(algorithm: .primal, warmStart: false)
      if let deadline {
        let left = deadline - MonotonicClock.now()
        guard left > 0 else { return nil }
        options.timeLimit = left
      }
      let blockLP = parts.blocks[b]
      guard let (basis, x) = try solve(blockLP, outside: { colBlock[$0] < b ? value[$0] : nil },
                                       costShift: costShift, start: warm?[b], options)
      else { return nil }
      for (p, j) in blockLP.columns.enumerated() {
        value[j] = x[p]
        colStatus[j] = basis.variables[p]
      }
      for (p, i) in blockLP.rows.enumerated() { rowStatus[i] = basis.constraints[p] }
      blockBases.append(basis)
    }
    return CrashPass(basis: Basis(variables: colStatus, constraints: rowStatus), values: value, blockBases: blockBases)
  }

  /// The rows and columns of one time block (indices into this LP).
  struct TimeBlock {
    var rows: [Int]
    var columns: [Int]
  }

  /// Solves the LP of `block`: its columns, its rows, and in each row every term on a
  /// column outside the block taken as the constant `outside(j)` (nil: left out, i.e. 0).
  /// `costShift` (indexed by this LP's columns) is added to the block's costs (prices of
  /// rows left out); `start`, a basis of the block LP, starts it warm. Returns the block
  /// LP's basis and values (in the order of `block.columns`), or nil when it was not
  /// solved to optimality.
  func solve(_ block: TimeBlock, outside: (Int) -> Double?, costShift: [Double]?, start: Basis?,
             _ options: SolverOptions) throws(LPError) -> (Basis, [Double])? {
    let sub = LinearProgram(name: "time block", sense: sense)
    var position = [Int: Int32]()
    position.reserveCapacity(block.columns.count)
    var lower: [Double] = [], upper: [Double] = [], cost: [Double] = []
    for j in block.columns {
      position[j] = Int32(lower.count)
      lower.append(colLower[j]); upper.append(colUpper[j]); cost.append(self.cost[j] + (costShift?[j] ?? 0))
    }
    try sub.addVariables(count: lower.count, lower: lower, upper: upper, cost: cost)
    var starts = [0], cols: [Int32] = [], vals: [Double] = [], lo: [Double] = [], hi: [Double] = []
    for i in block.rows {
      var shift = 0.0
      for k in rowStart[i]..<rowStart[i + 1] {
        let j = Int(matIndex[k])
        if let p = position[j] {
          cols.append(p)
          vals.append(matValue[k])
        } else if let v = outside(j) {
          shift += matValue[k] * v
        }
      }
      starts.append(cols.count)
      lo.append(rowLower[i] - shift)
      hi.append(rowUpper[i] - shift)
    }
    for k in lo.indices where lo[k] > hi[k] { lo[k] = hi[k] }
    try sub.addConstraints(rowStarts: starts, columns: cols, coefficients: vals, lower: lo, upper: hi)
    var options = options
    if let start {
      try sub.setStartingBasis(start)
      options.warmStart = true
    }
    var s = try sub.solve(options)
    if start != nil, !s.isOptimal {  // a warm start GLPK could not finish: once more, cold
      var cold = options
      cold.warmStart = false
      cold.algorithm = .primal
      s = try sub.solve(cold)
    }
    guard s.isOptimal, let basis = s.basis else { return nil }
    return (basis, s.values)
  }

  /// The non-basic status a column rests at with these bounds.
  static func nonBasicStatus(_ lower: Double, _ upper: Double) -> BasisStatus {
    if lower.isFinite && upper.isFinite && lower == upper { return .fixed }
    if lower.isFinite { return .atLower }
    if upper.isFinite { return .atUpper }
    return .free
  }
}
