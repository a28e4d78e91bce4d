// Collects diagnostics while the loader validates, placing each at its file and line.

/// Collects every problem found while loading; the loader throws them all at the end.
final class Reporter {
  private(set) var diagnostics: [Diagnostic] = []
  var sources: OverlaySources?

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Reports a problem with the value at `path` of the merged model.
  func error(_ path: EntryPath, _ message: String) { add(.error, path, message) }

  /// Reports a warning about the value at `path`.
  func warning(_ path: EntryPath, _ message: String) { add(.warning, path, message) }

  /// Reports a problem at a column of a string value (expressions): the column is placed in
  /// the file when the value is a one-line string without escapes.
  func error(_ path: EntryPath, _ message: String, valueColumn: Int) {
    var d = diagnostic(.error, path, message)
    if let sources {
      let doc = sources.documents[sources.owner(of: path)]
      if let pos = doc.positions[path.storageKey] {
        d.line = pos.valueLine
        d.column = Self.fileColumn(text: doc.text, position: pos, offset: valueColumn)
      }
    }
    diagnostics.append(d)
  }

  func add(_ severity: Diagnostic.Severity, _ path: EntryPath, _ message: String) {
    diagnostics.append(diagnostic(severity, path, message))
  }

  /// Adds a ready-made diagnostic.
  func add(_ d: Diagnostic) { diagnostics.append(d) }

  private func diagnostic(_ severity: Diagnostic.Severity, _ path: EntryPath, _ message: String) -> Diagnostic {
    let place = sources?.location(of: path)
    return Diagnostic(
      severity: severity, file: place?.file ?? "", line: place?.position?.line,
      entry: path.dotted, message: message)
  }

  /// The file column of character `offset` (1-based) inside the string value that starts at
  /// `position`, or nil if the string has escapes or spans lines before that character.
  static func fileColumn(text: String, position: SourcePosition, offset: Int) -> Int? {
    var line = 1
    var lineScalars: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        if line == position.valueLine { break }
        line += 1
        continue
      }
      if line == position.valueLine { lineScalars.append(scalar) }
    }
    let start = position.valueColumn - 1
    guard lineScalars.indices.contains(start) else { return nil }
    let quote = lineScalars[start]
    guard quote == "\"" || quote == "'" else { return nil }
    // Triple-quoted strings: content starts after three quotes (and may begin with a newline).
    if start + 2 < lineScalars.count, lineScalars[start + 1] == quote, lineScalars[start + 2] == quote {
      return nil
    }
    let contentStart = start + 1
    let end = contentStart + offset - 1
    guard end < lineScalars.count else { return nil }
    if quote == "\"", lineScalars[contentStart..<end].contains("\\") { return nil }
    return end + 1
  }

  /// Diagnostics sorted by file (in load order) and line; errors before warnings on a tie.
  func sorted(files: [String]) -> [Diagnostic] {
    let rank = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    return diagnostics.enumerated().sorted { a, b in
      let ka = (rank[a.element.file] ?? Int.max, a.element.line ?? 0)
      let kb = (rank[b.element.file] ?? Int.max, b.element.line ?? 0)
      if ka != kb { return ka < kb }
      return a.offset < b.offset
    }.map(\.element)
  }
}
