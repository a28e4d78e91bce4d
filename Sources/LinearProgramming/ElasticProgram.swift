/// The one elastic LP an infeasibility analysis re-solves (Chinneck's elastic
/// program), built once from a model and its relaxable groups.
///
/// Every non-fixed group gets a non-negative slack column for its lower sides
/// (`sL`) and one for its upper sides (`sU`), if it has such sides:
/// - a row side: the slack enters the row, `+scale` for a lower side and
///   `−scale` for an upper side. One row with both slacks is exact, ranged
///   and equality rows included: `lo ≤ r + a·sL − b·sU ≤ up` allows exactly
///   `lo − a·sL ≤ r ≤ up + b·sU` for the slack values the mode allows
///   (both fixed at 0: `[lo, up]`; `sL` free: `r ≤ up`; both free: any `r`),
///   and at a least-cost point only one of the two is positive. So rows are
///   not split.
/// - a column-bound side: the column loses that bound and an elastic row
///   `x + a·sL − b·sU` carries it (`≥ lo` and/or `≤ up`).
/// Sides in no group and sides of fixed groups stay as they are: hard.
///
/// Each group is in one of three modes, set by slack bounds and costs only, so
/// every re-solve starts warm from the previous basis:
/// - enforced: slacks fixed at 0 (the group holds);
/// - elastic(w): slacks in `[0, ∞)` at cost `w` (the least-relaxation LP);
/// - dropped: slacks in `[0, ∞)` at cost 0 (the group is as good as absent).
/// The original objective is not part of it: the elastic LP minimises only
/// the slacks' costs. Integer columns become continuous (the LP relaxation).
final class ElasticProgram {
  enum Mode: Equatable {
    case enforced
    case elastic(Double)
    case dropped
  }

  let lp: LinearProgram
  /// The source's columns, which keep their positions (slacks come after them).
  let originalColumnCount: Int
  /// Slack column of each group's lower sides, or nil (no lower sides, or fixed).
  let lowerSlack: [Int?]
  /// Slack column of each group's upper sides, or nil.
  let upperSlack: [Int?]
  private(set) var mode: [Mode]
  /// The source's size, and the columns whose bounds moved to elastic rows (rows
  /// `sourceRows...`, in this order) with which of their sides moved.
  let sourceColumns: Int
  let sourceRows: Int
  let elasticRows: [(column: Int, lower: Bool, upper: Bool)]

  /// Builds the elastic LP of `source` with every group enforced (the source's
  /// own feasibility problem). `groups` must have been validated.
  init(source: LinearProgram, groups: [RelaxableGroup]) throws(LPError) {
    let n = source.variableCount, m = source.constraintCount
    // Which slack, at which scale, each grouped side gets.
    var rowLo = [(Int, Double)?](repeating: nil, count: m), rowUp = rowLo
    var colLo = [(Int, Double)?](repeating: nil, count: n), colUp = colLo
    var lowerSlack = [Int?](repeating: nil, count: groups.count), upperSlack = lowerSlack
    var next = n
    for (g, group) in groups.enumerated() where !group.fixed {
      let hasLower = group.members.contains { $0.side.isLower }
      let hasUpper = group.members.contains { !$0.side.isLower }
      let sL = next, sU = next + (hasLower ? 1 : 0)
      if hasLower { lowerSlack[g] = sL }
      if hasUpper { upperSlack[g] = sU }
      next += (hasLower ? 1 : 0) + (hasUpper ? 1 : 0)
      for member in group.members {
        switch member.side {
        case .rowLower(let i): rowLo[i] = (sL, member.scale)
        case .rowUpper(let i): rowUp[i] = (sU, member.scale)
        case .columnLower(let j): colLo[j] = (sL, member.scale)
        case .columnUpper(let j): colUp[j] = (sU, member.scale)
        }
      }
    }
    let slacks = next - n
    // Columns: the source's, without their grouped bounds, then the slacks (fixed at 0: enforced).
    var lower = source.colLower, upper = source.colUpper
    for j in 0..<n {
      if colLo[j] != nil { lower[j] = -.infinity }
      if colUp[j] != nil { upper[j] = .infinity }
    }
    lower.append(contentsOf: repeatElement(0, count: slacks))
    upper.append(contentsOf: repeatElement(0, count: slacks))
    // Rows: the source's with their slack terms, then one elastic row per column with a grouped bound.
    var starts = [0], columns = [Int32](), coefficients = [Double]()
    var rowLower = source.rowLower, rowUpper = source.rowUpper
    starts.reserveCapacity(m + 1)
    columns.reserveCapacity(source.nonZeroCount + slacks)
    coefficients.reserveCapacity(source.nonZeroCount + slacks)
    for i in 0..<m {
      for k in source.rowStart[i]..<source.rowStart[i + 1] {
        columns.append(source.matIndex[k])
        coefficients.append(source.matValue[k])
      }
      if let (s, a) = rowLo[i] { columns.append(Int32(s)); coefficients.append(a) }
      if let (s, b) = rowUp[i] { columns.append(Int32(s)); coefficients.append(-b) }
      starts.append(columns.count)
    }
    var elasticRows: [(column: Int, lower: Bool, upper: Bool)] = []
    for j in 0..<n where colLo[j] != nil || colUp[j] != nil {
      elasticRows.append((j, colLo[j] != nil, colUp[j] != nil))
      columns.append(Int32(j)); coefficients.append(1)
      if let (s, a) = colLo[j] { columns.append(Int32(s)); coefficients.append(a) }
      if let (s, b) = colUp[j] { columns.append(Int32(s)); coefficients.append(-b) }
      starts.append(columns.count)
      rowLower.append(colLo[j] != nil ? source.colLower[j] : -.infinity)
      rowUpper.append(colUp[j] != nil ? source.colUpper[j] : .infinity)
    }
    let lp = LinearProgram(name: "elastic")
    try lp.addVariables(count: n + slacks, lower: lower, upper: upper)
    try lp.addConstraints(rowStarts: starts, columns: columns, coefficients: coefficients,
                          lower: rowLower, upper: rowUpper)
    self.lp = lp
    self.originalColumnCount = n
    self.lowerSlack = lowerSlack
    self.upperSlack = upperSlack
    self.mode = [Mode](repeating: .enforced, count: groups.count)
    self.sourceColumns = n
    self.sourceRows = m
    self.elasticRows = elasticRows
  }

  /// Starts the next solve from `basis`, a basis of the source model (e.g. of its
  /// last, infeasible, solve), carried over to the elastic LP.
  ///
  /// Slacks start non-basic at 0. A column whose bound moved to an elastic row
  /// `x + a·sL − b·sU` and sat at that bound becomes basic while the row takes the
  /// bound (non-basic): the same point, and the basis stays nonsingular (each
  /// elastic row adds one basic variable, with a 1 on the diagonal).
  /// - Throws: ``LPError/invalidArgument(_:)`` for a basis of another size.
  func start(from basis: Basis) throws(LPError) {
    guard basis.variables.count == sourceColumns, basis.constraints.count == sourceRows else {
      throw .invalidArgument("infeasibility analysis: the starting basis has \(basis.variables.count) variable and \(basis.constraints.count) constraint statuses; the model has \(sourceColumns) and \(sourceRows)")
    }
    var columns = basis.variables
    columns.append(contentsOf: repeatElement(.atLower, count: lp.variableCount - sourceColumns))
    var rows = basis.constraints
    for e in elasticRows {
      var row = BasisStatus.basic
      switch columns[e.column] {
      case .atLower where e.lower: (columns[e.column], row) = (.basic, .atLower)
      case .atUpper where e.upper: (columns[e.column], row) = (.basic, .atUpper)
      case .fixed:
        // Keep the column at a side it still has; with both sides moved, the row is fixed.
        if !e.upper { columns[e.column] = .atUpper } else if !e.lower { columns[e.column] = .atLower } else { (columns[e.column], row) = (.basic, .fixed) }
      default: break
      }
      rows.append(row)
    }
    try lp.setStartingBasis(Basis(variables: columns, constraints: rows))
  }

  /// Puts group `g` in `mode`, touching only the slack bounds and costs that change.
  func set(_ g: Int, _ newMode: Mode) throws(LPError) {
    guard mode[g] != newMode else { return }
    let old = mode[g]
    mode[g] = newMode
    let (upper, cost): (Double, Double)
    switch newMode {
    case .enforced: (upper, cost) = (0, costOf(old))  // the cost of a fixed slack does not matter: keep it
    case .elastic(let w): (upper, cost) = (.infinity, w)
    case .dropped: (upper, cost) = (.infinity, 0)
    }
    for s in [lowerSlack[g], upperSlack[g]].compactMap({ $0 }) {
      let v = Variable(modelID: lp.id, index: s)
      if lp.colUpper[s] != upper { try lp.setBounds(v, lower: 0, upper: upper) }
      if lp.cost[s] != cost { try lp.setCost(v, cost) }
    }
  }

  private func costOf(_ mode: Mode) -> Double {
    if case .elastic(let w) = mode { return w }
    return 0
  }

  /// Sets the cost of every slack to 0 (a pure feasibility problem), keeping bounds and modes' meaning:
  /// elastic groups become dropped.
  func zeroCosts() throws(LPError) {
    for g in mode.indices {
      if case .elastic = mode[g] { try set(g, .dropped) }
      for s in [lowerSlack[g], upperSlack[g]].compactMap({ $0 }) where lp.cost[s] != 0 {
        try lp.setCost(Variable(modelID: lp.id, index: s), 0)
      }
    }
  }

  /// The price the duals of an optimal elastic solution put on group `g`: its slacks' costs
  /// less their reduced costs, `Σ y·coefficient` over the group's rows (the larger of its two
  /// slacks). Every term has the sign of its side, so a positive price means that a row of
  /// the group carries a non-zero dual: the group is in the Farkas certificate.
  func price(_ g: Int, in s: Solution) -> Double {
    guard let d = s.reducedCosts else { return .infinity }
    func one(_ k: Int?) -> Double { k.map { $0 < d.count ? abs(lp.cost[$0] - d[$0]) : 0 } ?? 0 }
    return max(one(lowerSlack[g]), one(upperSlack[g]))
  }

  /// The slack values of group `g` in a solution of ``lp`` (0 where it has no such slack).
  func slacks(_ g: Int, in s: Solution) -> (lower: Double, upper: Double) {
    func value(_ k: Int?) -> Double { k.map { $0 < s.values.count ? max(0, s.values[$0]) : 0 } ?? 0 }
    return (value(lowerSlack[g]), value(upperSlack[g]))
  }
}
