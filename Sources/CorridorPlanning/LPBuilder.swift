import CorridorModel
import LinearProgramming

/// Accumulates columns and rows in flat arrays and hands them to a
/// ``LinearProgram`` in two bulk calls: the fast path for hourly models.
struct LPBuilder {
  var lower: [Double] = []
  var upper: [Double] = []
  var cost: [Double] = []
  var columnNames: [String] = []
  /// Columns that are binary (build decisions of discrete size).
  var binary: Set<Int> = []
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
  /// Every name shortened so far (columns and rows share GLPK's name space), to keep
  /// shortened names unique.
  private var shortened: Set<String> = []

  init(names: Bool) { self.names = names }

  /// GLPK's limit on a column or row name, in bytes.
  static let nameLimit = 255

  /// A name GLPK can store. GLPK refuses names over ``nameLimit`` bytes or with a control
  /// character (a slice name from a CSV, say); such a name becomes its first bytes (cut at a
  /// character boundary, control characters shown as `?`), `~`, and 16 hex digits of a 64-bit
  /// FNV-1a hash of the whole name. The hash makes the short form stable from run to run and
  /// distinct for distinct names; ``fit(_:)`` also guards against the (2⁻⁶⁴) collision.
  /// Other names are kept as they are.
  ///
  ///     flow[KZ,<241 characters>,h0042]  →  flow[KZ,<first 234 bytes>~9f2c…e1
  static func shortened(_ name: String) -> String {
    let control = name.utf8.contains { $0 < 0x20 || $0 == 0x7F }
    guard name.utf8.count > nameLimit || control else { return name }
    let suffix = "~" + FNV1a.hex(name.utf8)
    let budget = nameLimit - suffix.utf8.count - 4  // room for a "#n" counter on collision
    var head = ""
    var used = 0
    for c in name.unicodeScalars {
      let shown: Unicode.Scalar = c.value < 0x20 || c.value == 0x7F ? "?" : c
      let n = String(shown).utf8.count
      if used + n > budget { break }
      head.unicodeScalars.append(shown)
      used += n
    }
    return head + suffix
  }

  /// ``shortened(_:)``, made unique among the names this builder shortened.
  private mutating func fit(_ name: String) -> String {
    let short = Self.shortened(name)
    guard short != name else { return name }
    var candidate = short
    var n = 1
    while !shortened.insert(candidate).inserted {
      n += 1
      candidate = short + "#\(n)"
    }
    return candidate
  }

  var columnCount: Int { lower.count }
  var rowCount: Int { rowLower.count }

  /// Adds a column and returns its index.
  @discardableResult
  mutating func column(_ name: @autoclosure () -> String, lower lo: Double = 0, upper hi: Double = .infinity, cost c: Double = 0, time: Int = -1) -> Int {
    columnTime.append(Int32(time))
    lower.append(lo)
    upper.append(hi)
    cost.append(c)
    if names { columnNames.append(fit(name())) }
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
    if names { rowNames.append(fit(name())) }
    return rowLower.count - 1
  }

  /// Builds the program.
  func build(name: String, sense: ObjectiveSense) throws(LPError) -> LinearProgram {
    let lp = LinearProgram(name: name, sense: sense)
    try lp.addVariables(count: columnCount, lower: lower, upper: upper, cost: cost, names: columnNames)
    for j in binary.sorted() { try lp.setKind(lp.variable(at: j), .binary) }
    try lp.addConstraints(rowStarts: rowStarts, columns: rowColumns, coefficients: rowValues,
                          lower: rowLower, upper: rowUpper, names: rowNames)
    return lp
  }
}
