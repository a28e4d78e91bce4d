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

  /// Aligned columns separated by two spaces, with a rule under the header.
  func text() -> String {
    var widths = headers.map(\.count)
    for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
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
    for r in rows { out += line(r) + "\n" }
    return out
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
