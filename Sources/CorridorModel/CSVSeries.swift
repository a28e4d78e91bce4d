// CSV tables for per-slice series and hourly time axes, read with a byte scanner.

/// A parsed CSV file: a header row and data rows, kept as byte ranges so that only the
/// columns a model uses are converted to numbers.
///
/// Accepted: comma-separated, first row is the header, optional double quotes around a
/// field (`""` inside quotes is a quote), `\n` or `\r\n` line ends, blank lines and lines
/// starting with `#` ignored, UTF-8 (a byte-order mark is skipped). Refused with a message
/// that says how to re-save the file: UTF-16 ("Unicode text" from Excel), a header
/// separated by semicolons or tabs, and a column name used twice.
struct CSVTable {
  let path: String
  let bytes: [UInt8]
  /// Column names, trimmed.
  let header: [String]
  let headerLine: Int
  /// One entry per data row: its 1-based line and the byte ranges of its fields.
  let rows: [(line: Int, lineStart: Int, fields: [Range<Int>])]

  /// A reason a table cannot be read, with the place.
  struct Problems: Error { var list: [Problem] }

  struct Problem: Error, Equatable {
    var message: String
    var line: Int?
    var column: Int?
  }

  /// Reads and splits a file.
  static func read(path: String) -> Result<CSVTable, Problem> {
    switch FileBytes.read(path) {
    case .failure(let reason): return .failure(Problem(message: "cannot read CSV '\(path)': \(reason.reason)"))
    case .success(let bytes): return parse(bytes, path: path)
    }
  }

  /// Splits CSV bytes into a header and rows.
  static func parse(_ bytes: [UInt8], path: String) -> Result<CSVTable, Problem> {
    var rows: [(line: Int, lineStart: Int, fields: [Range<Int>])] = []
    var header: [String]?
    var headerLine = 0
    var i = 0
    let n = bytes.count
    if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    if let problem = encodingProblem(bytes, path: path) { return .failure(problem) }
    var line = 0
    var fields: [Range<Int>] = []
    while i < n {
      line += 1
      let lineStart = i, rowLine = line
      // Blank or comment line?
      var j = i
      while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
      if j >= n || bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] == 0x23 /* # */ {
        while j < n, bytes[j] != 0x0A { j += 1 }
        i = j + 1
        continue
      }
      fields.removeAll(keepingCapacity: true)
      var fieldStart = i
      var inQuotes = false
      var quoteStart = i
      var lineEnd = n
      var k = i
      while k < n {
        let b = bytes[k]
        if inQuotes {
          if b == 0x22 {  // "
            if k + 1 < n, bytes[k + 1] == 0x22 { k += 2; continue }
            inQuotes = false
          } else if b == 0x0A {
            line += 1  // a quoted newline: the row continues on the next line
          }
          k += 1
          continue
        }
        if b == 0x22 {
          inQuotes = true
          quoteStart = k
        } else if b == 0x2C {  // ,
          fields.append(fieldStart..<k)
          fieldStart = k + 1
        } else if b == 0x0A {
          lineEnd = k
          break
        }
        k += 1
      }
      if inQuotes {
        // At the opening quote (the rest of the file is inside the field).
        let at = place(of: quoteStart, in: bytes, rowLine: rowLine, rowStart: lineStart)
        return .failure(Problem(message: "unterminated quoted field", line: at.line, column: at.column))
      }
      var end = lineEnd
      if end > fieldStart, bytes[end - 1] == 0x0D { end -= 1 }
      fields.append(fieldStart..<max(fieldStart, end))
      i = lineEnd + 1
      if header == nil {
        header = fields.map { text(bytes, $0) }
        headerLine = rowLine
      } else {
        rows.append((rowLine, lineStart, fields))
      }
    }
    guard let header else {
      return .failure(Problem(message: "CSV '\(path)' is empty; it needs a header row and data rows"))
    }
    if let problem = headerProblem(header, line: headerLine, path: path) { return .failure(problem) }
    return .success(CSVTable(path: path, bytes: bytes, header: header, headerLine: headerLine, rows: rows))
  }

  /// A file that is not UTF-8 text in the way Excel writes it when asked for "Unicode text":
  /// UTF-16 with a byte-order mark (FF FE or FE FF), or any NUL byte (UTF-16 without a mark).
  static func encodingProblem(_ bytes: [UInt8], path: String) -> Problem? {
    let bom16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    guard bom16 || bytes.contains(0) else { return nil }
    return Problem(
      message: "CSV '\(path)' is UTF-16 ('Unicode text' from Excel), not UTF-8; save it as 'CSV UTF-8 (comma delimited)' (in Excel: Save As, then that file type), or convert it with: iconv -f UTF-16 -t UTF-8")
  }

  /// A header that shows the file was written with another separator, or that names a
  /// column twice (so `column = "…"` would be ambiguous).
  static func headerProblem(_ header: [String], line: Int, path: String) -> Problem? {
    if header.count == 1, let only = header.first, only.contains(";") || only.contains("\t") {
      let separator = only.contains(";") ? "';' (semicolons, as Excel writes CSV where the decimal mark is a comma)" : "tabs"
      return Problem(
        message: "CSV '\(path)' separates its columns with \(separator), but the loader reads commas; save it as 'CSV UTF-8 (comma delimited)' with '.' as the decimal mark, or replace the separators by commas (and decimal commas by points)",
        line: line, column: 1)
    }
    var first: [String: Int] = [:]
    for (k, name) in header.enumerated() where !name.isEmpty {
      if let j = first[name] {
        return Problem(
          message: "CSV '\(path)' has the column '\(name)' twice (columns \(j + 1) and \(k + 1)); rename one so that column = \"\(name)\" names one column",
          line: line, column: 1)
      }
      first[name] = k
    }
    return nil
  }

  /// The trimmed, unquoted text of a field.
  static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    let r = trimmed(bytes, range)
    if r.count >= 2, bytes[r.lowerBound] == 0x22, bytes[r.upperBound - 1] == 0x22 {
      let inner = String(decoding: bytes[(r.lowerBound + 1)..<(r.upperBound - 1)], as: UTF8.self)
      return inner.replacingQuotes()
    }
    return String(decoding: bytes[r], as: UTF8.self)
  }

  static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    var a = range.lowerBound
    var b = range.upperBound
    while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
    while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D { b -= 1 }
    return a..<b
  }

  /// The 1-based line and column of byte `offset` of a row that starts at byte
  /// `rowStart` on line `rowLine`: a quoted newline carries a row over several lines.
  static func place(of offset: Int, in bytes: [UInt8], rowLine: Int, rowStart: Int) -> (line: Int, column: Int) {
    var line = rowLine, start = rowStart
    for k in rowStart..<offset where bytes[k] == 0x0A {
      line += 1
      start = k + 1
    }
    return (line, offset - start + 1)
  }

  /// Index of a column, or a problem naming the columns that exist.
  func columnIndex(_ name: String) -> Result<Int, Problem> {
    if let k = header.firstIndex(of: name) { return .success(k) }
    let known = header.map { "'\($0)'" }.joined(separator: ", ")
    return .failure(
      Problem(
        message: "CSV '\(path)' has no column '\(name)'\(DidYouMean.aside(for: name, among: header)); its columns are \(known)",
        line: headerLine))
  }

  /// The text of a column, row by row (for slice names).
  func strings(column k: Int) -> [String] {
    rows.map { k < $0.fields.count ? CSVTable.text(bytes, $0.fields[k]) : "" }
  }

  /// The first `count` values of column `k` as numbers, or the problems found (at most 10
  /// reported, then a count).
  func numbers(column k: Int, count: Int) -> Result<[Double], Problems> {
    var values: [Double] = []
    values.reserveCapacity(count)
    var problems: [Problem] = []
    var more = 0
    let name = k < header.count ? header[k] : "#\(k + 1)"
    for row in rows.prefix(count) {
      /// A problem at byte `offset` (its line and column worked out only on failure).
      func fail(_ message: String, at offset: Int) {
        if problems.count < 10 {
          let at = CSVTable.place(of: offset, in: bytes, rowLine: row.line, rowStart: row.lineStart)
          problems.append(Problem(message: message, line: at.line, column: at.column))
        } else {
          more += 1
        }
      }
      guard k < row.fields.count else {
        fail("row at line \(row.line) has \(row.fields.count) cells, but column '\(name)' is cell \(k + 1); fill the row", at: row.lineStart)
        values.append(0)
        continue
      }
      let field = CSVTable.trimmed(bytes, row.fields[k])
      if let v = CSVTable.parseNumber(bytes, field) {
        if v.isFinite {
          values.append(v)
        } else {
          fail("cell in column '\(name)' (column \(k + 1)) is not a finite number: '\(CSVTable.text(bytes, field))'", at: field.lowerBound)
          values.append(0)
        }
      } else {
        let cell = CSVTable.text(bytes, field)
        fail(
          cell.isEmpty
            ? "empty cell in column '\(name)' (column \(k + 1)); write a number"
            : "cell '\(cell)' in column '\(name)' (column \(k + 1)) is not a number", at: field.lowerBound)
        values.append(0)
      }
    }
    if more > 0, var last = problems.popLast() {
      last.message += " (and \(more + 1) more bad cells in this column)"
      problems.append(last)
    }
    return problems.isEmpty ? .success(values) : .failure(Problems(list: problems))
  }

  /// Parses a decimal number from bytes without allocating. Returns nil when the bytes are
  /// not a number; `nan`/`inf` parse to non-finite values (the caller rejects them).
  static func parseNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
    var i = range.lowerBound
    let end = range.upperBound
    guard i < end else { return nil }
    var quoted = false
    if bytes[i] == 0x22, end - i >= 2, bytes[end - 1] == 0x22 {
      quoted = true
      i += 1
    }
    let stop = quoted ? end - 1 : end
    var negative = false
    if i < stop, bytes[i] == 0x2D || bytes[i] == 0x2B {
      negative = bytes[i] == 0x2D
      i += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var significant = 0
    var exponent = 0
    var exact = true
    while i < stop, bytes[i] >= 0x30, bytes[i] <= 0x39 {
      if significant < 19 {
        mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 0x30)
        if mantissa != 0 { significant += 1 }
      } else {
        exponent += 1
        exact = false
      }
      digits += 1
      i += 1
    }
    if i < stop, bytes[i] == 0x2E {
      i += 1
      while i < stop, bytes[i] >= 0x30, bytes[i] <= 0x39 {
        if significant < 19 {
          mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 0x30)
          if mantissa != 0 { significant += 1 }
          exponent -= 1
        } else {
          exact = false
        }
        digits += 1
        i += 1
      }
    }
    if digits == 0 {
      // nan / inf spelled out
      let word = String(decoding: bytes[i..<stop], as: UTF8.self).lowercased()
      if word == "nan" { return .nan }
      if word == "inf" || word == "infinity" { return negative ? -.infinity : .infinity }
      return nil
    }
    if i < stop, bytes[i] == 0x65 || bytes[i] == 0x45 {
      i += 1
      var expNegative = false
      if i < stop, bytes[i] == 0x2D || bytes[i] == 0x2B {
        expNegative = bytes[i] == 0x2D
        i += 1
      }
      var e = 0
      var expDigits = 0
      while i < stop, bytes[i] >= 0x30, bytes[i] <= 0x39 {
        if e < 100_000 { e = e * 10 + Int(bytes[i] - 0x30) }
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
      exponent += expNegative ? -e : e
    }
    guard i == stop else { return nil }
    // Fast path (exact): mantissa < 2^53 and |exponent| <= 22 (Clinger).
    if exact, mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
      let m = Double(mantissa)
      let v = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
      return negative ? -v : v
    }
    // Slow path: let the standard library round correctly.
    let text = String(decoding: bytes[range.lowerBound + (quoted ? 1 : 0)..<stop], as: UTF8.self)
    return Double(text)
  }

  static let powersOfTen: [Double] = (0...22).map { e in
    var v = 1.0
    for _ in 0..<e { v *= 10 }
    return v
  }
}

extension String {
  /// `""` → `"` inside a quoted CSV field.
  func replacingQuotes() -> String {
    var out = ""
    var previousQuote = false
    for c in self {
      if c == "\"", previousQuote {
        previousQuote = false
        continue
      }
      previousQuote = c == "\""
      out.append(c)
    }
    return out
  }
}
