// Readers of the rendered reports, written independently of the renderers: they take
// the text apart by its visible layout (the dashes under a table header, Markdown
// pipes, RFC 4180 CSV) and never call PlanReports' own code.

import Foundation

/// One table of a text or Markdown report: its title, header names and units, and cells.
struct ParsedTable {
  var title: String
  /// Header names without the unit suffix ("capacity (MW)" → "capacity").
  var names: [String]
  /// The unit a header states, if any ("capacity (MW)" → "MW").
  var headerUnits: [String?]
  var rows: [[String]]

  func column(_ name: String) -> Int? { names.firstIndex(of: name) }

  /// The rows whose key columns hold the given texts.
  func rows(where keys: [(String, String)]) -> [[String]] {
    rows.filter { r in keys.allSatisfy { k, v in column(k).map { r[$0] == v } ?? false } }
  }

  init(title: String, headers: [String], rows: [[String]]) {
    self.title = title
    self.rows = rows
    names = []
    headerUnits = []
    for h in headers {
      // The unit is what the first " (" opens, up to the last ")": "shadow price (USD/(Mt/yr))".
      if let open = h.range(of: " ("), h.hasSuffix(")") {
        names.append(String(h[..<open.lowerBound]))
        headerUnits.append(String(h[open.upperBound...].dropLast()))
      } else {
        names.append(h)
        headerUnits.append(nil)
      }
    }
  }
}

/// A report cell read as a number: missing (`–`), or a value with the unit written in
/// the cell or in the column's header, and the decimals shown.
enum ParsedCell: Equatable {
  case missing
  case number(value: Double, unit: String, decimals: Int)
  case text(String)

  static func read(_ cell: String, headerUnit: String?) -> ParsedCell {
    if cell == "–" { return .missing }
    var numberText = cell, unit = headerUnit ?? ""
    if headerUnit == nil, let space = cell.firstIndex(of: " ") {
      numberText = String(cell[..<space])
      unit = String(cell[cell.index(after: space)...])
    }
    let plain = numberText.replacingOccurrences(of: ",", with: "")
    guard let v = Double(plain), plain.first.map({ $0.isNumber || $0 == "-" }) == true else { return .text(cell) }
    let decimals = plain.firstIndex(of: ".").map { plain.distance(from: $0, to: plain.endIndex) - 1 } ?? 0
    return .number(value: v, unit: unit, decimals: decimals)
  }
}

/// The parts of a text (`corridor solve`) or Markdown report.
struct ParsedReport {
  var summary: [String: String] = [:]
  var tables: [String: ParsedTable] = [:]
  /// Lines longer than 120 characters (text reports only).
  var longestLine = 0

  func table(_ prefix: String) -> ParsedTable? { tables.first { $0.key.hasPrefix(prefix) }?.value }

  /// Reads the aligned-text report: blocks separated by blank lines; a table is a title,
  /// a header, a rule of dashes whose runs give the column extents, and rows; a row with
  /// an empty first cell continues the previous row's last cell (wrapped text).
  static func text(_ s: String) -> ParsedReport {
    var r = ParsedReport()
    let blocks = s.components(separatedBy: "\n\n")
    r.longestLine = s.split(separator: "\n").map(\.count).max() ?? 0
    for (k, block) in blocks.enumerated() {
      let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
      if k == 0 {
        for line in lines.dropFirst() {
          guard let gap = line.range(of: "  ") else { continue }
          r.summary[String(line[..<gap.lowerBound])] = line[gap.upperBound...].trimmingCharacters(in: .whitespaces)
        }
        continue
      }
      guard lines.count >= 3, lines[2].allSatisfy({ $0 == "-" || $0 == " " }) else { continue }
      let rule = Array(lines[2])
      var extents: [(Int, Int)] = []
      var i = 0
      while i < rule.count {
        if rule[i] == "-" {
          let start = i
          while i < rule.count, rule[i] == "-" { i += 1 }
          extents.append((start, i))
        } else { i += 1 }
      }
      func cells(_ line: String) -> [String] {
        let chars = Array(line)
        return extents.enumerated().map { n, e in
          let end = n == extents.count - 1 ? chars.count : min(e.1, chars.count)
          guard e.0 < chars.count, e.0 < end else { return "" }
          return String(chars[e.0..<end]).trimmingCharacters(in: .whitespaces)
        }
      }
      var rows: [[String]] = []
      for line in lines.dropFirst(3) {
        let c = cells(line)
        if c.first == "", var last = rows.popLast() {
          last[last.count - 1] += " " + (c.last ?? "")
          rows.append(last)
        } else {
          rows.append(c)
        }
      }
      r.tables[lines[0]] = ParsedTable(title: lines[0], headers: cells(lines[1]), rows: rows)
    }
    return r
  }

  /// Reads the Markdown report: `### Title`, then a pipe table (escaped `\|` inside cells).
  static func markdown(_ s: String) -> ParsedReport {
    var r = ParsedReport()
    func cells(_ line: String) -> [String] {
      var out: [String] = [], cur = "", escaped = false
      for ch in line.dropFirst().dropLast() {
        if escaped { cur.append(ch); escaped = false; continue }
        if ch == "\\" { escaped = true; continue }
        if ch == "|" { out.append(cur.trimmingCharacters(in: .whitespaces)); cur = ""; continue }
        cur.append(ch)
      }
      out.append(cur.trimmingCharacters(in: .whitespaces))
      return out
    }
    let blocks = s.components(separatedBy: "\n\n")
    var title: String?
    for block in blocks {
      let lines = block.split(separator: "\n").map(String.init)
      if lines.count == 1, lines[0].hasPrefix("### ") { title = String(lines[0].dropFirst(4)); continue }
      guard lines.count >= 2, lines[0].hasPrefix("|") else { continue }
      let rows = lines.dropFirst(2).map(cells)
      if let t = title {
        r.tables[t] = ParsedTable(title: t, headers: cells(lines[0]), rows: rows)
        title = nil
      } else {
        for row in rows where row.count == 2 { r.summary[row[0]] = row[1] }
      }
    }
    return r
  }
}

/// One row of the tidy CSV.
struct CSVRow: Hashable {
  var section, name, detail, quantity, value, unit: String
}

/// RFC 4180 fields of each line (quoted fields may hold commas and doubled quotes).
func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = [], row: [String] = [], field = ""
  var quoted = false
  var chars = Array(text)[...]
  while let c = chars.popFirst() {
    if quoted {
      if c == "\"" {
        if chars.first == "\"" { field.append("\""); chars = chars.dropFirst() } else { quoted = false }
      } else { field.append(c) }
    } else if c == "\"" {
      quoted = true
    } else if c == "," {
      row.append(field); field = ""
    } else if c == "\n" {
      row.append(field); field = ""
      rows.append(row); row = []
    } else {
      field.append(c)
    }
  }
  return rows
}
