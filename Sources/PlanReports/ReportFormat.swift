/// The output formats of `corridor solve`.
public enum ReportFormat: String, Sendable, CaseIterable {
  /// Aligned text tables for a terminal (the default).
  case table
  /// GitHub-flavoured Markdown tables.
  case markdown
  /// One JSON document with a stable, documented schema (docs/json-schema.md).
  case json
  /// Tidy CSV: one row per quantity.
  case csv
  /// One self-contained HTML page: summary, SVG map and charts, the tables
  /// (docs/html-report.md).
  case html
}

/// Number formatting shared by every text report: fixed, readable, stable.
enum Number {
  /// `1234567.891` → `1,234,567.9` style grouping with `digits` decimals.
  static func grouped(_ v: Double, digits: Int = 1) -> String {
    guard v.isFinite else { return v.isNaN ? "n/a" : (v > 0 ? "inf" : "-inf") }
    let rounded = (v * pow10(digits)).rounded() / pow10(digits)
    let negative = rounded < 0 && rounded != 0
    let a = abs(rounded)
    let whole = a.rounded(.towardZero)
    var digitsText = String(Int64(whole))
    var groups: [String] = []
    while digitsText.count > 3 {
      groups.insert(String(digitsText.suffix(3)), at: 0)
      digitsText = String(digitsText.dropLast(3))
    }
    groups.insert(digitsText, at: 0)
    var s = groups.joined(separator: ",")
    if digits > 0 {
      let frac = Int64(((a - whole) * pow10(digits)).rounded())
      var f = String(frac)
      while f.count < digits { f = "0" + f }
      if f.count > digits { f = String(repeating: "0", count: digits) }
      s += "." + f
    }
    return (negative ? "-" : "") + s
  }

  /// Shortest round-trip text (for CSV and JSON-adjacent output).
  static func exact(_ v: Double) -> String {
    guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return "\(v)"
  }

  /// "1 variable", "183,960 variables": a count, grouped, with the noun in the right number.
  static func counted(_ n: Int, _ singular: String, plural: String? = nil) -> String {
    grouped(Double(n), digits: 0) + " " + (n == 1 ? singular : plural ?? singular + "s")
  }

  /// A fraction as a percentage with one decimal.
  static func percent(_ v: Double?) -> String {
    guard let v else { return "–" }
    return grouped(v * 100, digits: 1) + " %"
  }

  private static func pow10(_ d: Int) -> Double {
    var p = 1.0
    for _ in 0..<d { p *= 10 }
    return p
  }
}
