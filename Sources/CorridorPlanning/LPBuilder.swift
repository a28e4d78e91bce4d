import LinearProgramming

/// Accumulates columns and rows in flat arrays and hands them to a
/// ``LinearProgram`` in two bulk calls: the fast path for hourly models.
struct LPBuilder {
  var lower: [Double] = []
  var upper: [Double] = []
  var cost: [Double] = []
  var columnNames: [String] = []
  /// Time slice of each column and row (−1: spans the horizon), for the block crash.
  var columnTime: [Int32] = []
  var rowTime: [Int32] = []

  var rowStarts: [Int] = [0]
  var rowColumns: [Int32] = []
  var rowValues: [Double] = []
  var rowLower: [Double] = []
  var rowUpper: [Double] = []
  var rowNames: [String] = []

  let names: Bool

  init(names: Bool) { self.names = names }

  var columnCount: Int { lower.count }
  var rowCount: Int { rowLower.count }

  /// Adds a column and returns its index.
  @discardableResult
  mutating func column(_ name: @autoclosure () -> String, lower lo: Double = 0, upper hi: Double = .infinity, cost c: Double = 0, time: Int = -1) -> Int {
    columnTime.append(Int32(time))
    lower.append(lo)
    upper.append(hi)
    cost.append(c)
    if names { columnNames.append(name()) }
    return lower.count - 1
  }

  /// Adds a term to the row being built.
  mutating func term(_ column: Int, _ coefficient: Double) {
    rowColumns.append(Int32(column))
    rowValues.append(coefficient)
  }

  /// Closes the row being built with its bounds; returns its index.
  @discardableResult
  mutating func endRow(_ name: @autoclosure () -> String, lower lo: Double, upper hi: Double, time: Int = -1) -> Int {
    rowTime.append(Int32(time))
    rowLower.append(lo)
    rowUpper.append(hi)
    rowStarts.append(rowColumns.count)
    if names { rowNames.append(name()) }
    return rowLower.count - 1
  }

  /// Builds the program.
  func build(name: String, sense: ObjectiveSense) throws(LPError) -> LinearProgram {
    let lp = LinearProgram(name: name, sense: sense)
    try lp.addVariables(count: columnCount, lower: lower, upper: upper, cost: cost, names: columnNames)
    try lp.addConstraints(rowStarts: rowStarts, columns: rowColumns, coefficients: rowValues,
                          lower: rowLower, upper: rowUpper, names: rowNames)
    return lp
  }
}
