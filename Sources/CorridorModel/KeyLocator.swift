// Maps TOML key paths to their lines: TOMLKit's values carry no positions.

/// A small scanner over the raw text of a (valid) TOML file that records where every key
/// path first appears.
///
/// It understands what this format uses: `[table]` and `[[array]]` headers, bare, quoted and
/// dotted keys, inline tables, arrays (multi-line, with comments) and all four string forms.
/// For
///
///     [corridors.black-sea]
///     capacity = "1.3 GW"
///     slices = [ { name = "w", hours = 10 } ]
///
/// it records `corridors`, `corridors.black-sea` (line 1), `corridors.black-sea.capacity`
/// (line 2), `…slices.0` and `…slices.0.name` (line 3). Array elements are numbered from 0.
///
/// The scanner never fails: on text that TOMLKit rejected it records what it can.
struct KeyLocator {
  private let s: [Unicode.Scalar]
  private var i = 0
  private var line = 1
  private var lineStart = 0
  private var arrayTableCounts: [String: Int] = [:]
  /// Current nesting of arrays and inline tables; beyond `maxDepth` the scanner stops
  /// descending (toml++ itself rejects more than 256 levels), so it cannot overflow the stack.
  private var depth = 0
  private let maxDepth = 300
  /// First position of each path (keyed by `EntryPath.storageKey`).
  private(set) var positions: [String: SourcePosition] = [:]
  /// Syntax that TOMLKit's parser (toml++ 3) does not report but *aborts the process* on
  /// (a failed internal assertion, in release builds too), so the loader must catch it
  /// first. Two shapes are known, both found by probing every character in every position:
  /// - a table header whose key starts with a character no key can start with (`[,x]`,
  ///   `[.x]`, `[é]`, `[` at the end of a line);
  /// - an array element that starts with `}`, U+0085, U+2028 or U+2029 (`x = [1, }]`).
  private(set) var fatalSyntax: (line: Int, column: Int, message: String)?

  init(_ text: String) { s = Array(text.unicodeScalars) }

  private var column: Int { i - lineStart + 1 }
  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let j = i + offset
    return j >= 0 && j < s.count ? s[j] : nil
  }

  private mutating func advance() {
    guard i < s.count else { return }
    if s[i] == "\n" {
      line += 1
      lineStart = i + 1
    }
    i += 1
  }

  private mutating func record(_ path: EntryPath, line: Int, column: Int) {
    let key = path.storageKey
    if positions[key] == nil {
      positions[key] = SourcePosition(line: line, column: column, valueLine: line, valueColumn: column)
    }
  }

  /// Scans the whole text.
  mutating func run() {
    var current: EntryPath = []
    while i < s.count {
      skipBlank(newlines: true)
      guard let c = peek() else { break }
      let start = i
      if c == "[" {
        let (l, col) = (line, column)
        let isArray = peek(1) == "["
        advance()
        if isArray { advance() }
        checkHeaderStart(afterWhitespaceAllowed: !isArray)
        let key = parseKey()
        skipBlank(newlines: false)
        if peek() == "]" { advance() }
        if isArray, peek() == "]" { advance() }
        for k in 1...max(1, key.count) where k <= key.count { record(Array(key.prefix(k)), line: l, column: col) }
        if isArray {
          let n = arrayTableCounts[key.storageKey, default: 0]
          arrayTableCounts[key.storageKey] = n + 1
          current = key + [String(n)]
          record(current, line: l, column: col)
        } else {
          current = key
        }
        skipRestOfLine()
      } else {
        parseKeyValue(prefix: current)
        skipRestOfLine()
      }
      if i == start { advance() }  // guarantee progress on malformed text
    }
  }

  /// Records a malformed header if the header key (after spaces and tabs) does not start
  /// with a bare-key character, a quote or `]`. Mirrors toml++'s `parse_table_header`.
  private mutating func checkHeaderStart(afterWhitespaceAllowed: Bool) {
    var j = i
    while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
    guard j < s.count, fatalSyntax == nil else { return }
    var c = s[j]
    if c == "[", afterWhitespaceAllowed {
      if j > i { return }  // "[ [": toml++ reports this one itself
      j += 1
      while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
      guard j < s.count else { return }
      c = s[j]
    }
    if isBareKeyScalar(c) || c == "\"" || c == "'" || c == "]" { return }
    let found = c == "\n" || c == "\r" ? "the end of the line" : "'\(c)'"
    fatalSyntax = (line, j - lineStart + 1, "a table header must start with a key, found \(found); write e.g. [corridors.black-sea]")
  }

  /// Skips spaces and tabs, and with `newlines` also newlines and comments.
  private mutating func skipBlank(newlines: Bool) {
    while let c = peek() {
      if c == " " || c == "\t" || c == "\r" {
        advance()
      } else if newlines, c == "\n" {
        advance()
      } else if newlines, c == "#" {
        while let d = peek(), d != "\n" { advance() }
      } else {
        break
      }
    }
  }

  private mutating func skipRestOfLine() {
    while let c = peek(), c != "\n" {
      if c == "#" {
        while let d = peek(), d != "\n" { advance() }
        break
      }
      advance()
    }
  }

  /// `a.b."c d".'e'` → ["a", "b", "c d", "e"].
  private mutating func parseKey() -> EntryPath {
    var parts: EntryPath = []
    while true {
      skipBlank(newlines: false)
      guard let c = peek() else { break }
      if c == "\"" {
        parts.append(readBasicString())
      } else if c == "'" {
        parts.append(readLiteralString())
      } else {
        var word = ""
        while let d = peek(), isBareKeyScalar(d) {
          word.unicodeScalars.append(d)
          advance()
        }
        if word.isEmpty { break }
        parts.append(word)
      }
      skipBlank(newlines: false)
      if peek() == "." { advance() } else { break }
    }
    return parts
  }

  private func isBareKeyScalar(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == "_"
  }

  private mutating func parseKeyValue(prefix: EntryPath) {
    let (l, col) = (line, column)
    let key = parseKey()
    guard !key.isEmpty else { return }
    for k in 1...key.count { record(prefix + key.prefix(k), line: l, column: col) }
    let path = prefix + key
    skipBlank(newlines: false)
    guard peek() == "=" else { return }
    advance()
    skipBlank(newlines: false)
    if var pos = positions[path.storageKey], pos.line == l, pos.column == col {
      pos.valueLine = line
      pos.valueColumn = column
      positions[path.storageKey] = pos
    }
    parseValue(path: path)
  }

  private mutating func parseValue(path: EntryPath) {
    guard let c = peek() else { return }
    guard depth < maxDepth else {
      skipNestedValue()
      return
    }
    depth += 1
    defer { depth -= 1 }
    switch c {
    case "{":
      advance()
      while i < s.count {
        skipBlank(newlines: true)
        guard let d = peek() else { return }
        if d == "}" {
          advance()
          return
        }
        let before = i
        parseKeyValue(prefix: path)
        skipBlank(newlines: true)
        if peek() == "," { advance() }
        if i == before { advance() }
      }
    case "[":
      advance()
      var index = 0
      while i < s.count {
        skipBlank(newlines: true)
        guard let d = peek() else { return }
        if d == "]" {
          advance()
          return
        }
        if fatalSyntax == nil, d == "}" || d == "\u{85}" || d == "\u{2028}" || d == "\u{2029}" {
          let found = d == "}" ? "'}'" : "U+\(String(d.value, radix: 16, uppercase: true))"
          fatalSyntax = (line, column, "expected an array element or ']', found \(found)")
        }
        let before = i
        let element = path + [String(index)]
        record(element, line: line, column: column)
        parseValue(path: element)
        index += 1
        skipBlank(newlines: true)
        if peek() == "," { advance() }
        if i == before { advance() }
      }
    case "\"":
      _ = readBasicString()
    case "'":
      _ = readLiteralString()
    default:
      while let d = peek(), d != ",", d != "]", d != "}", d != "\n", d != "#" { advance() }
    }
  }

  /// Skips a whole value without recording or recursing: brackets and braces are counted,
  /// strings skipped.
  private mutating func skipNestedValue() {
    var open = 0
    while let c = peek() {
      switch c {
      case "[", "{":
        open += 1
        advance()
      case "]", "}":
        if open == 0 { return }
        open -= 1
        advance()
        if open == 0 { return }
      case "\"": _ = readBasicString()
      case "'": _ = readLiteralString()
      case "#":
        while let d = peek(), d != "\n" { advance() }
      default:
        if open == 0, c == "," || c == "\n" { return }
        advance()
      }
    }
  }

  /// Reads `"…"` or `"""…"""`, decoding the common escapes; returns the content.
  private mutating func readBasicString() -> String {
    let triple = peek(1) == "\"" && peek(2) == "\""
    advance()
    if triple {
      advance()
      advance()
    }
    var out = ""
    while let c = peek() {
      if c == "\\" {
        advance()
        guard let e = peek() else { break }
        switch e {
        case "n": out += "\n"
        case "t": out += "\t"
        case "\"": out += "\""
        case "\\": out += "\\"
        default: out.unicodeScalars.append(e)
        }
        advance()
        continue
      }
      if c == "\"" {
        if !triple {
          advance()
          return out
        }
        if peek(1) == "\"", peek(2) == "\"" {
          advance()
          advance()
          advance()
          while peek() == "\"" { advance() }  // up to two quotes may close the content
          return out
        }
      }
      if !triple, c == "\n" { return out }
      out.unicodeScalars.append(c)
      advance()
    }
    return out
  }

  /// Reads `'…'` or `'''…'''`.
  private mutating func readLiteralString() -> String {
    let triple = peek(1) == "'" && peek(2) == "'"
    advance()
    if triple {
      advance()
      advance()
    }
    var out = ""
    while let c = peek() {
      if c == "'" {
        if !triple {
          advance()
          return out
        }
        if peek(1) == "'", peek(2) == "'" {
          advance()
          advance()
          advance()
          while peek() == "'" { advance() }
          return out
        }
      }
      if !triple, c == "\n" { return out }
      out.unicodeScalars.append(c)
      advance()
    }
    return out
  }
}
