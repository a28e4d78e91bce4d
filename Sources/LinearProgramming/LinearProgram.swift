/// A linear or mixed-integer program, built in Swift and solved with GLPK.
///
/// The model lives in Swift arrays; GLPK sees it only when it is solved,
/// written or analysed. Every argument is validated here first (finite numbers,
/// `lower ≤ upper`, handles of this model, name length and uniqueness), because
/// GLPK aborts the process on invalid calls.
///
/// ```swift
/// let lp = LinearProgram(sense: .maximize)
/// let x = try lp.addVariable(name: "x", bounds: 0...4)
/// let y = try lp.addVariable(name: "y", lower: 0)
/// let cap = try lp.addConstraint(x + 2 * y <= 10, name: "cap")
/// try lp.setObjective(3 * x + 2 * y)
/// let s = try lp.solve()
/// s.objectiveValue   // 22
/// s.dual(cap)        // 1: one more unit of capacity is worth 1
/// ```
///
/// ## Editing after a solve
/// Changing bounds, costs or right-hand sides of a solved model keeps GLPK's
/// problem and its basis, so the next ``solve(_:)`` starts warm. Any edit
/// makes ``solution`` `nil` (a stale result cannot be read by accident).
///
/// ## Threads
/// A model is not `Sendable`. GLPK's problem object is created by the first
/// solve (or write, or analysis) on the calling thread and must be used and
/// deleted on that thread; using it from another throws
/// ``LPError/wrongThread(_:)``. To solve many models at once, build, solve and
/// read each one inside one call of ``ParallelSolver/map(count:maxConcurrency:_:)``.
public final class LinearProgram {
  /// The identity carried by this model's handles.
  public let id = ModelID.next()
  /// A name for logs and files (at most 255 characters).
  public var name: String { didSet { invalidate(structure: false) } }

  // Columns.
  var colLower: [Double] = []
  var colUpper: [Double] = []
  var colKind: [VariableKind] = []
  var colName: [String?] = []
  var cost: [Double] = []
  // Rows, with the matrix stored row-wise (CSR).
  var rowLower: [Double] = []
  var rowUpper: [Double] = []
  var rowName: [String?] = []
  var rowStart: [Int] = [0]
  var matIndex: [Int32] = []
  var matValue: [Double] = []

  public internal(set) var sense: ObjectiveSense
  /// The objective's constant term.
  public internal(set) var objectiveConstant: Double = 0

  var columnsByName: [String: Int] = [:]
  var rowsByName: [String: Int] = [:]

  /// Scratch for merging repeated terms (a stamp per column, no hashing).
  var stamp: [Int32] = []
  var stampPosition: [Int32] = []
  var stampGeneration: Int32 = 0

  /// Incremented by every edit; results remember the version they came from.
  public private(set) var version = 0
  /// GLPK's copy of the model, created lazily on the thread that first needs it.
  var backend: GLPKProblem?
  /// Edits not yet pushed to `backend`.
  var dirty = DirtySet()
  /// Solver output captured since the model was created (see ``SolverOptions/captureLog``).
  public internal(set) var log = ""

  /// The result of the last solve, or `nil` if the model was edited since.
  public internal(set) var solution: Solution?

  /// Creates an empty model.
  public init(name: String = "", sense: ObjectiveSense = .minimize) {
    self.name = name
    self.sense = sense
  }

  deinit {
    backend?.release()
  }

  /// The number of variables (columns).
  public var variableCount: Int { colLower.count }
  /// The number of constraints (rows).
  public var constraintCount: Int { rowLower.count }
  /// The number of non-zero constraint coefficients.
  public var nonZeroCount: Int { matValue.count }
  /// Whether any variable is integer or binary.
  public var isMixedInteger: Bool { colKind.contains { $0 != .continuous } }

  /// All variables, in column order.
  public var variables: [Variable] { (0..<variableCount).map { Variable(modelID: id, index: $0) } }
  /// All constraints, in row order.
  public var constraints: [Constraint] { (0..<constraintCount).map { Constraint(modelID: id, index: $0) } }

  func invalidate(structure: Bool) {
    version &+= 1
    solution = nil
    if structure { dirty.structure = true }
  }
}

// MARK: - Variables

extension LinearProgram {
  /// Adds one variable.
  ///
  /// - Parameters:
  ///   - name: Optional unique name (at most 255 characters), used in files and logs.
  ///   - lower: Lower bound; `-.infinity` for none. Default 0.
  ///   - upper: Upper bound; `.infinity` for none.
  ///   - kind: Continuous, integer or binary (binary forces bounds `0...1`).
  ///   - cost: Objective coefficient. Default 0.
  /// - Throws: ``LPError`` for NaN, `lower > upper`, a bad or duplicate name.
  @discardableResult
  public func addVariable(
    name: String? = nil, lower: Double = 0, upper: Double = .infinity,
    kind: VariableKind = .continuous, cost: Double = 0
  ) throws(LPError) -> Variable {
    let what = name.map { "variable '\($0)'" } ?? "variable #\(variableCount)"
    var (lo, hi) = (lower, upper)
    if kind == .binary { (lo, hi) = Self.binaryBounds(lo, hi) }
    try Self.checkBounds(what, lo, hi)
    try Self.checkFinite("objective coefficient of \(what)", cost)
    if let name { try checkNewName(name, in: columnsByName, rowsByName) }
    let j = colLower.count
    colLower.append(lo)
    colUpper.append(hi)
    colKind.append(kind)
    colName.append(name)
    self.cost.append(cost)
    if let name { columnsByName[name] = j }
    invalidate(structure: true)
    return Variable(modelID: id, index: j)
  }

  /// Adds one variable with bounds given as a range, e.g. `bounds: 0...4`.
  @discardableResult
  public func addVariable(
    name: String? = nil, bounds: ClosedRange<Double>, kind: VariableKind = .continuous,
    cost: Double = 0
  ) throws(LPError) -> Variable {
    try addVariable(name: name, lower: bounds.lowerBound, upper: bounds.upperBound, kind: kind, cost: cost)
  }

  /// Adds `count` variables at once: the bulk path for large models.
  ///
  /// Each array is either empty (the default value for all) or has `count` entries.
  /// - Returns: The range of new column indices; handles are `Variable(index:)` via ``variable(at:)``.
  @discardableResult
  public func addVariables(
    count: Int, lower: [Double] = [], upper: [Double] = [], cost: [Double] = [],
    kind: VariableKind = .continuous, names: [String] = []
  ) throws(LPError) -> Range<Int> {
    guard count >= 0 else { throw .invalidArgument("addVariables: count \(count) is negative") }
    for (label, array) in [("lower", lower), ("upper", upper), ("cost", cost)] where !array.isEmpty && array.count != count {
      throw .invalidArgument("addVariables: '\(label)' has \(array.count) entries for \(count) variables")
    }
    guard names.isEmpty || names.count == count else {
      throw .invalidArgument("addVariables: 'names' has \(names.count) entries for \(count) variables")
    }
    let first = colLower.count
    for k in 0..<count {
      var lo = lower.isEmpty ? 0 : lower[k]
      var hi = upper.isEmpty ? .infinity : upper[k]
      if kind == .binary { (lo, hi) = Self.binaryBounds(lo, hi) }
      if !(lo <= hi) || lo.isNaN || hi.isNaN || lo == .infinity || hi == -.infinity {
        throw .invalidBounds(what: names.isEmpty ? "variable #\(first + k)" : "variable '\(names[k])'", lower: lo, upper: hi)
      }
      if !cost.isEmpty, !cost[k].isFinite {
        throw .nonFiniteValue(what: "objective coefficient of variable #\(first + k)", value: cost[k])
      }
    }
    if !names.isEmpty {
      var seen = Set<String>(minimumCapacity: count)
      for n in names {
        try Self.checkNameText(n)
        if columnsByName[n] != nil || rowsByName[n] != nil || !seen.insert(n).inserted { throw .duplicateName(n) }
      }
    }
    // Whole-array appends: appending element by element to a class's stored arrays pays
    // a dynamic exclusivity check per access (most of the time of a 100,000-column call).
    var lo = lower.isEmpty ? [Double](repeating: 0, count: count) : lower
    var hi = upper.isEmpty ? [Double](repeating: .infinity, count: count) : upper
    if kind == .binary {
      for k in 0..<count { (lo[k], hi[k]) = (max(0, lo[k]), min(1, hi[k])) }
    }
    colLower.append(contentsOf: lo)
    colUpper.append(contentsOf: hi)
    colKind.append(contentsOf: repeatElement(kind, count: count))
    if names.isEmpty {
      colName.append(contentsOf: repeatElement(nil, count: count))
    } else {
      colName.append(contentsOf: names.map { Optional($0) })
      for (k, n) in names.enumerated() { columnsByName[n] = first + k }
    }
    if cost.isEmpty {
      self.cost.append(contentsOf: repeatElement(0, count: count))
    } else {
      self.cost.append(contentsOf: cost)
    }
    invalidate(structure: true)
    return first..<(first + count)
  }

  /// The handle of the variable at column `index`.
  public func variable(at index: Int) throws(LPError) -> Variable {
    guard index >= 0, index < variableCount else {
      throw .foreignHandle("column \(index) (the model has \(variableCount) variables)")
    }
    return Variable(modelID: id, index: index)
  }

  /// The variable with this name, if any.
  public func variable(named name: String) -> Variable? {
    columnsByName[name].map { Variable(modelID: id, index: $0) }
  }

  /// The name of a variable (nil if unnamed).
  public func name(of v: Variable) throws(LPError) -> String? { try check(v); return colName[v.index] }
  /// The bounds of a variable.
  public func bounds(of v: Variable) throws(LPError) -> (lower: Double, upper: Double) {
    try check(v)
    return (colLower[v.index], colUpper[v.index])
  }
  /// The kind of a variable.
  public func kind(of v: Variable) throws(LPError) -> VariableKind { try check(v); return colKind[v.index] }
}

// MARK: - Constraints

extension LinearProgram {
  /// Adds one constraint, e.g. `try lp.addConstraint(2 * x + 3 * y <= 10, name: "cap")`.
  ///
  /// Repeated variables are merged; terms whose merged coefficient is exactly 0
  /// are dropped on purpose (GLPK would drop them silently). The expression's
  /// constant moves to the bounds.
  @discardableResult
  public func addConstraint(_ c: LinearConstraint, name: String? = nil) throws(LPError) -> Constraint {
    let what = name.map { "constraint '\($0)'" } ?? "constraint #\(constraintCount)"
    try Self.checkFinite("constant of \(what)", c.expression.constant)
    let lo = c.lower - c.expression.constant
    let hi = c.upper - c.expression.constant
    try Self.checkBounds(what, lo, hi)
    if let name { try checkNewName(name, in: rowsByName, columnsByName) }
    let start = matIndex.count
    do {
      try appendMerged(c.expression.terms, what: what)
    } catch {
      matIndex.removeSubrange(start...)
      matValue.removeSubrange(start...)
      throw error
    }
    rowLower.append(lo)
    rowUpper.append(hi)
    rowName.append(name)
    rowStart.append(matIndex.count)
    if let name { rowsByName[name] = rowLower.count - 1 }
    invalidate(structure: true)
    return Constraint(modelID: id, index: rowLower.count - 1)
  }

  /// Adds many rows at once from a compressed sparse row (CSR) matrix: the bulk path.
  ///
  /// Row `i` has the terms `columns[rowStarts[i] ..< rowStarts[i+1]]` with
  /// `coefficients` at the same positions; `rowStarts` has one entry more than
  /// there are rows and starts at 0. Column indices are zero-based. Repeated
  /// columns in a row are merged and zero coefficients dropped.
  /// - Returns: The range of new row indices.
  @discardableResult
  public func addConstraints(
    rowStarts: [Int], columns: [Int32], coefficients: [Double],
    lower: [Double], upper: [Double], names: [String] = []
  ) throws(LPError) -> Range<Int> {
    let rows = rowStarts.count - 1
    guard rows >= 0, rowStarts.first == 0, rowStarts.last == columns.count,
      columns.count == coefficients.count
    else {
      throw .invalidArgument("addConstraints: rowStarts must start at 0 and end at columns.count (\(columns.count)), with coefficients of the same length (\(coefficients.count))")
    }
    guard lower.count == rows, upper.count == rows, names.isEmpty || names.count == rows else {
      throw .invalidArgument("addConstraints: \(rows) rows need \(rows) lower and upper bounds (got \(lower.count), \(upper.count)) and no or \(rows) names")
    }
    let n = Int32(variableCount)
    let first = constraintCount
    for i in 0..<rows {
      guard rowStarts[i] <= rowStarts[i + 1] else {
        throw .invalidArgument("addConstraints: rowStarts decreases at row \(i)")
      }
      let lo = lower[i], hi = upper[i]
      if !(lo <= hi) || lo == .infinity || hi == -.infinity {  // also NaN; the message only when needed
        try Self.checkBounds(names.isEmpty ? "row #\(first + i)" : "constraint '\(names[i])'", lo, hi)
      }
    }
    for k in columns.indices {
      guard columns[k] >= 0, columns[k] < n else {
        throw .foreignHandle("column \(columns[k]) at position \(k) (the model has \(n) variables)")
      }
      guard coefficients[k].isFinite else {
        throw .nonFiniteValue(what: "coefficient at position \(k)", value: coefficients[k])
      }
    }
    if !names.isEmpty {
      var seen = Set<String>(minimumCapacity: rows)
      for nm in names {
        try Self.checkNameText(nm)
        if rowsByName[nm] != nil || columnsByName[nm] != nil || !seen.insert(nm).inserted { throw .duplicateName(nm) }
      }
    }
    // The merge works on local arrays moved out of the model and moved back: every access
    // to a class's stored array pays a dynamic exclusivity check, which was three quarters
    // of this loop's time (0.45 s for 96,363 rows and 473,040 terms).
    prepareStamp()
    var index = matIndex, value = matValue, mark = stamp, position = stampPosition
    (matIndex, matValue, stamp, stampPosition) = ([], [], [], [])
    let oldCount = index.count
    var generation = stampGeneration
    var ends = [Int]()
    ends.reserveCapacity(rows)
    index.reserveCapacity(index.count + columns.count)
    value.reserveCapacity(value.count + columns.count)
    for i in 0..<rows {
      let rowBegin = index.count
      if generation == .max {
        for k in mark.indices { mark[k] = 0 }
        generation = 0
      }
      generation += 1
      var merged = false
      for k in rowStarts[i]..<rowStarts[i + 1] {
        let j = Int(columns[k])
        if mark[j] == generation {
          value[Int(position[j])] += coefficients[k]
          merged = true
        } else {
          mark[j] = generation
          position[j] = Int32(index.count)
          index.append(Int32(j))
          value.append(coefficients[k])
        }
      }
      // A sum of repeated terms may overflow: leave the model as it was and say where.
      if merged, let k = (rowBegin..<index.count).first(where: { !value[$0].isFinite }) {
        let (j, v) = (Int(index[k]), value[k])
        index.removeLast(index.count - oldCount)
        value.removeLast(value.count - oldCount)
        (matIndex, matValue, stamp, stampPosition) = (index, value, mark, position)
        stampGeneration = generation
        throw .nonFiniteValue(what: "merged coefficient of \(describe(Variable(modelID: id, index: j))) in row #\(first + i)", value: v)
      }
      // Drop terms whose merged coefficient is exactly 0.
      var w = rowBegin
      for k in rowBegin..<index.count where value[k] != 0 {
        index[w] = index[k]
        value[w] = value[k]
        w += 1
      }
      index.removeLast(index.count - w)
      value.removeLast(value.count - w)
      ends.append(index.count)
    }
    (matIndex, matValue, stamp, stampPosition) = (index, value, mark, position)
    stampGeneration = generation
    rowLower.append(contentsOf: lower)
    rowUpper.append(contentsOf: upper)
    rowStart.append(contentsOf: ends)
    if names.isEmpty {
      rowName.append(contentsOf: repeatElement(nil, count: rows))
    } else {
      rowName.append(contentsOf: names.map { Optional($0) })
      for (i, nm) in names.enumerated() { rowsByName[nm] = first + i }
    }
    invalidate(structure: true)
    return first..<(first + rows)
  }

  /// The handle of the constraint at row `index`.
  public func constraint(at index: Int) throws(LPError) -> Constraint {
    guard index >= 0, index < constraintCount else {
      throw .foreignHandle("row \(index) (the model has \(constraintCount) constraints)")
    }
    return Constraint(modelID: id, index: index)
  }

  /// The constraint with this name, if any.
  public func constraint(named name: String) -> Constraint? {
    rowsByName[name].map { Constraint(modelID: id, index: $0) }
  }

  /// The name of a constraint (nil if unnamed).
  public func name(of c: Constraint) throws(LPError) -> String? { try check(c); return rowName[c.index] }
  /// The bounds `lower ≤ row ≤ upper` of a constraint.
  public func bounds(of c: Constraint) throws(LPError) -> (lower: Double, upper: Double) {
    try check(c)
    return (rowLower[c.index], rowUpper[c.index])
  }
  /// The merged terms of a constraint's row.
  public func terms(of c: Constraint) throws(LPError) -> [(variable: Variable, coefficient: Double)] {
    try check(c)
    return (rowStart[c.index]..<rowStart[c.index + 1]).map {
      (Variable(modelID: id, index: Int(matIndex[$0])), matValue[$0])
    }
  }
}

// MARK: - Objective

extension LinearProgram {
  /// Sets the objective `expression` (its constant included) and, optionally, the sense.
  ///
  /// Coefficients of variables not in the expression become 0.
  public func setObjective(_ expression: LinearExpression, sense: ObjectiveSense? = nil) throws(LPError) {
    try Self.checkFinite("objective constant", expression.constant)
    var newCost = [Double](repeating: 0, count: variableCount)
    for (v, a) in expression.terms {
      try check(v)
      try Self.checkFinite("objective coefficient of \(describe(v))", a)
      newCost[v.index] += a
    }
    for (j, c) in newCost.enumerated() where !c.isFinite {
      throw .nonFiniteValue(what: "objective coefficient of \(describe(Variable(modelID: id, index: j)))", value: c)
    }
    cost = newCost
    objectiveConstant = expression.constant
    if let sense { self.sense = sense }
    dirty.objective = true
    invalidate(structure: false)
  }

  /// The objective as an expression (non-zero coefficients, column order).
  public var objective: LinearExpression {
    var e = LinearExpression(constant: objectiveConstant)
    for (j, c) in cost.enumerated() where c != 0 { e.terms.append((Variable(modelID: id, index: j), c)) }
    return e
  }

  /// Changes the objective's sense, keeping its coefficients.
  public func setSense(_ sense: ObjectiveSense) {
    self.sense = sense
    dirty.objective = true
    invalidate(structure: false)
  }
}

// MARK: - Edits that keep the basis (warm start)

extension LinearProgram {
  /// Changes a variable's bounds. The next solve starts from the previous basis.
  public func setBounds(_ v: Variable, lower: Double, upper: Double) throws(LPError) {
    try check(v)
    var (lo, hi) = (lower, upper)
    if colKind[v.index] == .binary { (lo, hi) = Self.binaryBounds(lo, hi) }
    try Self.checkBounds(describe(v), lo, hi)
    colLower[v.index] = lo
    colUpper[v.index] = hi
    dirty.columns.insert(v.index)
    invalidate(structure: false)
  }

  /// Changes one objective coefficient. The next solve starts from the previous basis.
  public func setCost(_ v: Variable, _ coefficient: Double) throws(LPError) {
    try check(v)
    try Self.checkFinite("objective coefficient of \(describe(v))", coefficient)
    cost[v.index] = coefficient
    dirty.objective = true
    invalidate(structure: false)
  }

  /// Changes a constraint's bounds (its right-hand side). The next solve starts warm.
  public func setBounds(_ c: Constraint, lower: Double, upper: Double) throws(LPError) {
    try check(c)
    try Self.checkBounds(describe(c), lower, upper)
    rowLower[c.index] = lower
    rowUpper[c.index] = upper
    dirty.rows.insert(c.index)
    invalidate(structure: false)
  }

  /// Changes a variable's kind (e.g. to relax integrality).
  public func setKind(_ v: Variable, _ kind: VariableKind) throws(LPError) {
    try check(v)
    if kind == .binary {
      // Binary forces 0...1 within the current bounds; they must still meet.
      let (lo, hi) = (max(0, colLower[v.index]), min(1, colUpper[v.index]))
      try Self.checkBounds("\(describe(v)) made binary", lo, hi)
      colLower[v.index] = lo
      colUpper[v.index] = hi
    }
    colKind[v.index] = kind
    dirty.columns.insert(v.index)
    invalidate(structure: false)
  }
}

// MARK: - Validation helpers

extension LinearProgram {
  func check(_ v: Variable) throws(LPError) {
    guard v.modelID == id, v.index >= 0, v.index < variableCount else {
      throw .foreignHandle(v.modelID == id ? "\(v)" : "\(v) of \(v.modelID)")
    }
  }

  func check(_ c: Constraint) throws(LPError) {
    guard c.modelID == id, c.index >= 0, c.index < constraintCount else {
      throw .foreignHandle(c.modelID == id ? "\(c)" : "\(c) of \(c.modelID)")
    }
  }

  func describe(_ v: Variable) -> String {
    (v.index < colName.count ? colName[v.index] : nil).map { "variable '\($0)'" } ?? "variable #\(v.index)"
  }

  func describe(_ c: Constraint) -> String {
    (c.index < rowName.count ? rowName[c.index] : nil).map { "constraint '\($0)'" } ?? "constraint #\(c.index)"
  }

  static func checkFinite(_ what: String, _ x: Double) throws(LPError) {
    guard x.isFinite else { throw .nonFiniteValue(what: what, value: x) }
  }

  /// A binary variable's bounds: the given ones within 0...1. NaN stays NaN for
  /// ``checkBounds(_:_:_:)`` to reject (`max(0, .nan)` would be 0).
  static func binaryBounds(_ lower: Double, _ upper: Double) -> (Double, Double) {
    (lower.isNaN ? lower : max(0, lower), upper.isNaN ? upper : min(1, upper))
  }

  /// Bounds may be infinite on their own side only, never NaN, and `lower ≤ upper`.
  static func checkBounds(_ what: String, _ lower: Double, _ upper: Double) throws(LPError) {
    if lower.isNaN { throw .nonFiniteValue(what: "lower bound of \(what)", value: lower) }
    if upper.isNaN { throw .nonFiniteValue(what: "upper bound of \(what)", value: upper) }
    if lower == .infinity { throw .nonFiniteValue(what: "lower bound of \(what)", value: lower) }
    if upper == -.infinity { throw .nonFiniteValue(what: "upper bound of \(what)", value: upper) }
    guard lower <= upper else { throw .invalidBounds(what: what, lower: lower, upper: upper) }
  }

  /// GLPK stores names of 1…255 bytes without control characters.
  static func checkNameText(_ name: String) throws(LPError) {
    if name.isEmpty { throw .invalidName(name, reason: "names must not be empty") }
    if name.utf8.count > 255 {
      throw .invalidName(name, reason: "it has \(name.utf8.count) bytes; GLPK allows at most 255")
    }
    // GLPK aborts on a name with a control character (its check is iscntrl).
    if let c = name.utf8.first(where: { $0 < 0x20 || $0 == 0x7F }) {
      throw .invalidName(name, reason: "it contains the control character \(c == 0 ? "NUL" : "0x" + String(c, radix: 16, uppercase: true)); GLPK stores no control characters in names")
    }
  }

  func checkNewName(_ name: String, in own: [String: Int], _ other: [String: Int]) throws(LPError) {
    try Self.checkNameText(name)
    if own[name] != nil || other[name] != nil { throw .duplicateName(name) }
  }

  // Merge repeated terms of one row with a stamp per column (no hashing).
  func prepareStamp() {
    if stamp.count < variableCount {
      stamp.append(contentsOf: repeatElement(0, count: variableCount - stamp.count))
      stampPosition.append(contentsOf: repeatElement(0, count: variableCount - stampPosition.count))
    }
  }

  func nextGeneration() {
    if stampGeneration == .max {
      for k in stamp.indices { stamp[k] = 0 }
      stampGeneration = 0
    }
    stampGeneration += 1
  }

  @inline(__always)
  func mergeTerm(_ j: Int, _ a: Double, rowBegin: Int) {
    if stamp[j] == stampGeneration {
      matValue[Int(stampPosition[j])] += a
    } else {
      stamp[j] = stampGeneration
      stampPosition[j] = Int32(matIndex.count)
      matIndex.append(Int32(j))
      matValue.append(a)
    }
    _ = rowBegin
  }

  func compactZeros(from rowBegin: Int) {
    var w = rowBegin
    for k in rowBegin..<matIndex.count where matValue[k] != 0 {
      matIndex[w] = matIndex[k]
      matValue[w] = matValue[k]
      w += 1
    }
    matIndex.removeSubrange(w...)
    matValue.removeSubrange(w...)
  }

  func appendMerged(_ terms: [(variable: Variable, coefficient: Double)], what: String) throws(LPError) {
    prepareStamp()
    nextGeneration()
    let rowBegin = matIndex.count
    for (v, a) in terms {
      try check(v)
      try Self.checkFinite("coefficient of \(describe(v)) in \(what)", a)
      mergeTerm(v.index, a, rowBegin: rowBegin)
    }
    for k in rowBegin..<matValue.count where !matValue[k].isFinite {
      throw .nonFiniteValue(what: "merged coefficient of \(describe(Variable(modelID: id, index: Int(matIndex[k])))) in \(what)", value: matValue[k])
    }
    compactZeros(from: rowBegin)
  }
}

/// What changed since GLPK's copy was last synchronized.
struct DirtySet {
  var structure = false
  var objective = false
  var columns = Set<Int>()
  var rows = Set<Int>()
  /// Existing rows whose coefficients changed (``LinearProgram/replaceTerms(ofRows:rowStarts:columns:coefficients:)``).
  var matrixRows = Set<Int>()
}

// MARK: - Bulk objective

extension LinearProgram {
  /// Sets every objective coefficient at once (column order): the bulk path.
  ///
  /// - Parameters:
  ///   - coefficients: One finite coefficient per variable.
  ///   - constant: The objective's constant term.
  ///   - sense: The new sense, or nil to keep the current one.
  public func setObjective(coefficients: [Double], constant: Double = 0, sense: ObjectiveSense? = nil) throws(LPError) {
    guard coefficients.count == variableCount else {
      throw .invalidArgument("setObjective: \(coefficients.count) coefficients for \(variableCount) variables")
    }
    try Self.checkFinite("objective constant", constant)
    for (j, c) in coefficients.enumerated() where !c.isFinite {
      throw .nonFiniteValue(what: "objective coefficient of \(describe(Variable(modelID: id, index: j)))", value: c)
    }
    cost = coefficients
    objectiveConstant = constant
    if let sense { self.sense = sense }
    dirty.objective = true
    invalidate(structure: false)
  }

  /// The objective coefficients in column order.
  public var objectiveCoefficients: [Double] { cost }
}
