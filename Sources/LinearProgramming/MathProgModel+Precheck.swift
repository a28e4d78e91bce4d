// A model GLPK's MathProg translator is known to abort on, refused before it runs.

import Glibc

extension MathProgModel {
  /// Refuses a model that makes GLPK 5.0's translator abort the process.
  ///
  /// `param j{i in I, j in J};` — a `param`, `var` or `set` with two or more indices, one
  /// of them named like the declared object — fails GLPK's internal assertion
  /// `avl_get_node_type(node) == A_INDEX` (mpl/mpl1.c) and aborts, also in `glpsol`. (With
  /// one index it is accepted.) Found by the MathProg fuzz target (docs/fuzzing.md). The
  /// scan is lexical: comments and strings are skipped, the data section is not read.
  /// - Throws: ``LPError/mathProg(message:)`` with `file:line` and what to rename.
  static func precheck(_ path: String) throws(LPError) {
    guard let bytes = readAll(path) else { return }  // GLPK reports unreadable files itself
    let tokens = lex(bytes)
    var k = 0
    var previous: String? = ";"
    while k < tokens.count {
      let (text, line) = tokens[k]
      if text == "data", k + 1 < tokens.count, tokens[k + 1].text == ";", previous == ";" { return }
      if previous == ";", ["param", "var", "set"].contains(text), k + 2 < tokens.count,
        isIdentifier(tokens[k + 1].text)
      {
        let name = tokens[k + 1].text
        var j = k + 2
        if j < tokens.count, tokens[j].text.hasPrefix("\"") || tokens[j].text.hasPrefix("'") { j += 1 }  // alias
        if j < tokens.count, tokens[j].text == "{" {
          let domain = dummyIndices(tokens, from: j + 1)
          if domain.entries >= 2, domain.names.contains(name) {
            throw .mathProg(
              message: "\(path):\(line): \(text) '\(name)' has an index also named '\(name)'; GLPK's translator aborts on such a declaration: rename the index (e.g. '\(name)_')")
          }
        }
      }
      previous = text
      k += 1
    }
  }

  /// The simple dummy indices (`name in …`) of an indexing expression whose `{` was just
  /// passed, and its number of entries (one per comma at the top level, up to `:` or `}`).
  private static func dummyIndices(_ tokens: [(text: String, line: Int)], from start: Int) -> (names: [String], entries: Int) {
    var names: [String] = []
    var entries = 0
    var depth = 0
    var atEntryStart = true
    var k = start
    while k < tokens.count {
      let t = tokens[k].text
      if depth == 0 && (t == "}" || t == ":" || t == ";") { break }
      if t == "(" || t == "[" || t == "{" { depth += 1 }
      if t == ")" || t == "]" || t == "}" { depth -= 1 }
      if depth == 0 && t == "," {
        atEntryStart = true
        k += 1
        continue
      }
      if atEntryStart {
        entries += 1
        if isIdentifier(t), k + 1 < tokens.count, tokens[k + 1].text == "in" { names.append(t) }
        atEntryStart = false
      }
      k += 1
    }
    return (names, entries)
  }

  private static func isIdentifier(_ s: String) -> Bool {
    guard let f = s.utf8.first else { return false }
    return f == 0x5F || (f | 0x20 >= 0x61 && f | 0x20 <= 0x7A)
  }

  /// Identifiers, numbers, strings and single punctuation characters, with their lines;
  /// comments (`/* … */`, `# …`) dropped.
  private static func lex(_ b: [UInt8]) -> [(text: String, line: Int)] {
    var out: [(text: String, line: Int)] = []
    var i = 0
    var line = 1
    func isWord(_ c: UInt8) -> Bool { c == 0x5F || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) }
    while i < b.count {
      let c = b[i]
      if c == 0x0A { line += 1; i += 1; continue }
      if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
      if c == 0x23 {  // # comment
        while i < b.count, b[i] != 0x0A { i += 1 }
        continue
      }
      if c == 0x2F, i + 1 < b.count, b[i + 1] == 0x2A {  // /* comment */
        i += 2
        while i < b.count, !(b[i] == 0x2A && i + 1 < b.count && b[i + 1] == 0x2F) {
          if b[i] == 0x0A { line += 1 }
          i += 1
        }
        i += 2
        continue
      }
      if c == 0x22 || c == 0x27 {  // string; a doubled quote stays inside
        let start = i
        i += 1
        while i < b.count {
          if b[i] == c {
            if i + 1 < b.count, b[i + 1] == c { i += 2; continue }
            break
          }
          if b[i] == 0x0A { line += 1 }
          i += 1
        }
        i += 1
        out.append((String(decoding: b[start..<min(i, b.count)], as: UTF8.self), line))
        continue
      }
      if isWord(c) {
        let start = i
        while i < b.count, isWord(b[i]) || b[i] == 0x2E && start < i && b[start] >= 0x30 && b[start] <= 0x39 { i += 1 }
        out.append((String(decoding: b[start..<i], as: UTF8.self), line))
        continue
      }
      out.append((String(decoding: [c], as: UTF8.self), line))
      i += 1
    }
    return out
  }

  private static func readAll(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      bytes += buffer[0..<n]
    }
    return bytes
  }
}
