/// A plain table rendered as aligned text or as Markdown.
struct TextTable {
  var title: String?
  var headers: [String]
  var rows: [[String]] = []
  /// Columns aligned right (numbers).
  var numeric: Set<Int> = []

  init(_ title: String? = nil, headers: [String], numeric: Set<Int> = []) {
    self.title = title
    self.headers = headers
    self.numeric = numeric
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  /// Aligned columns separated by two spaces, with a rule under the header. When a line
  /// would be wider than `maxWidth`, the last column (free text) wraps at spaces onto
  /// continuation lines whose other cells are blank (at least 12 characters wide, so a very
  /// wide table may still pass `maxWidth`).
  func text(maxWidth: Int = 120) -> String {
    var widths = headers.map(\.count)
    for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
    var body = rows
    if let last = widths.indices.last, last > 0 {
      let prefix = widths.dropLast().reduce(0, +) + 2 * last
      if prefix + widths[last] > maxWidth {
        let room = max(12, maxWidth - prefix, headers[last].count)
        body = rows.flatMap { r -> [[String]] in
          guard r.count == widths.count else { return [r] }
          let pieces = Self.wrap(r[last], width: room)
          return pieces.enumerated().map { k, piece in
            k == 0 ? Array(r.dropLast()) + [piece] : Array(repeating: "", count: last) + [piece]
          }
        }
        widths[last] = max(headers[last].count, body.map { $0.count == widths.count ? $0[last].count : 0 }.max() ?? 0)
      }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, c in
        let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
        return numeric.contains(i) ? pad + c : c + pad
      }.joined(separator: "  ").replacingTrailingSpaces()
    }
    var out = ""
    if let title { out += title + "\n" }
    out += line(headers) + "\n"
    out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for r in body { out += line(r) + "\n" }
    return out
  }

  /// Splits `text` at spaces into pieces of at most `width` characters (a longer word
  /// stays whole).
  static func wrap(_ text: String, width: Int) -> [String] {
    var pieces: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if current.isEmpty { current = String(word); continue }
      if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        pieces.append(current)
        current = String(word)
      }
    }
    pieces.append(current)
    return pieces
  }

  /// A GitHub-flavoured Markdown table with an optional `###` title.
  func markdown() -> String {
    var out = ""
    if let title { out += "### \(title)\n\n" }
    out += "| " + headers.joined(separator: " | ") + " |\n"
    out += "|" + headers.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
    for r in rows { out += "| " + r.map { $0.replacingPipes() }.joined(separator: " | ") + " |\n" }
    return out
  }
}

extension String {
  func replacingTrailingSpaces() -> String {
    var s = Substring(self)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }

  func replacingPipes() -> String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}

/// CSV quoting per RFC 4180.
enum CSV {
  static func field(_ s: String) -> String {
    if s.contains(",") || s.contains("\"") || s.contains("\n") {
      return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
    return s
  }

  static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }
}

/// One cell of a report table: text, or a figure shown with `digits` decimals.
enum Cell {
  case text(String)
  /// A figure; `digits` nil: 0 decimals from 100 up, else 2 (prices and duals).
  case figure(Figure, digits: Int?)

  /// A figure before → after (`72.5 → 36.25`), both in `before`'s unit (a diff).
  case change(Figure, Figure, digits: Int?)

  static func fig(_ f: Figure, _ digits: Int? = 1) -> Cell { .figure(f, digits: digits) }
}

/// A table of ``Cell``s that writes each figure's unit once: in the header,
/// `capacity (MW)`, when every figure of the column has the same unit, else after each
/// number, `16.0 Tbps`. Fractions are shown as percentages (`%`). A missing figure is `–`.
struct FigureTable {
  var title: String?
  var headers: [String]
  var rows: [[Cell]] = []

  init(_ title: String?, headers: [String]) {
    self.title = title
    self.headers = headers
  }

  mutating func add(_ row: [Cell]) { rows.append(row) }

  /// How a unit is displayed: a fraction as a percentage.
  static func displayUnit(_ unit: String) -> String { unit == ReportUnits.fraction ? "%" : unit }

  static func number(_ f: Figure, digits: Int?) -> String? {
    guard let v = f.value else { return nil }
    let shown = f.unit == ReportUnits.fraction ? v * 100 : v
    return Number.grouped(shown, digits: digits ?? (abs(shown) >= 100 ? 0 : 2))
  }

  var table: TextTable {
    var t = TextTable(title, headers: headers)
    var unitInHeader: Set<Int> = []
    for i in headers.indices {
      var units: Set<String> = []
      var figures = false
      for r in rows where i < r.count {
        if case let .figure(f, _) = r[i] { figures = true; units.insert(f.unit) }
        if case let .change(f, _, _) = r[i] { figures = true; units.insert(f.unit) }
      }
      if figures { t.numeric.insert(i) }
      if units.count == 1, let u = units.first, !u.isEmpty {
        t.headers[i] += " (\(Self.displayUnit(u)))"
        unitInHeader.insert(i)
      }
    }
    for r in rows {
      t.add(r.enumerated().map { i, c in
        switch c {
        case let .text(s): return s
        case let .figure(f, digits):
          guard let n = Self.number(f, digits: digits) else { return "–" }
          return unitInHeader.contains(i) || f.unit.isEmpty ? n : n + " " + Self.displayUnit(f.unit)
        case let .change(f, g, digits):
          let n = (Self.number(f, digits: digits) ?? "–") + " → " + (Self.number(g, digits: digits) ?? "–")
          return unitInHeader.contains(i) || f.unit.isEmpty ? n : n + " " + Self.displayUnit(f.unit)
        }
      })
    }
    return t
  }
}

extension TextTable {
  /// A report's summary: the title, then one `key  value` line per row with the values
  /// aligned (Markdown: a `##` heading and a two-column table). Every report opens with one.
  static func summary(_ title: String, _ rows: [(String, String)], markdown: Bool) -> String {
    if markdown {
      var t = TextTable(nil, headers: ["", ""])
      for (k, v) in rows { t.add([k, v]) }
      return "## \(title)\n\n" + t.markdown()
    }
    let width = rows.map(\.0.count).max() ?? 0
    return title + "\n" + rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n") + "\n"
  }
}
