// One model or scenario file: its TOML values as plain Swift, and where each key sits.

import TOMLKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A TOML value copied out of TOMLKit into a plain Swift value, so that overlays can merge
/// trees and the rest of the loader never touches TOMLKit's reference types.
indirect enum TOMLNode: Equatable {
  case table([String: TOMLNode])
  case array([TOMLNode])
  case string(String)
  case integer(Int)
  case float(Double)
  case boolean(Bool)
  /// Dates and times: never meaningful in a model file; kept only to say so.
  case other(String)

  /// The TOML type name, for "expected a string, found an integer".
  var typeName: String {
    switch self {
    case .table: "table"
    case .array: "array"
    case .string: "string"
    case .integer: "integer"
    case .float: "float"
    case .boolean: "boolean"
    case .other(let name): name
    }
  }

  var table: [String: TOMLNode]? {
    if case .table(let t) = self { return t }
    return nil
  }

  /// Converts a TOMLKit value (recursively).
  init(_ value: any TOMLValueConvertible) {
    switch value.type {
    case .table:
      var result: [String: TOMLNode] = [:]
      if let t = value.table {
        for (key, child) in t { result[key] = TOMLNode(child) }
      }
      self = .table(result)
    case .array:
      self = .array(value.array.map { $0.map { TOMLNode($0) } } ?? [])
    case .string: self = .string(value.string ?? "")
    case .int: self = .integer(value.int ?? 0)
    case .double: self = .float(value.double ?? .nan)
    case .bool: self = .boolean(value.bool ?? false)
    case .date: self = .other("date")
    case .time: self = .other("time")
    case .dateTime: self = .other("date-time")
    }
  }

  /// The value at a relative path, if every step exists.
  subscript(path: [String]) -> TOMLNode? {
    var node: TOMLNode? = self
    for key in path {
      switch node {
      case .table(let t)?: node = t[key]
      case .array(let a)?:
        guard let i = Int(key), a.indices.contains(i) else { return nil }
        node = a[i]
      default: return nil
      }
    }
    return node
  }
}

/// A dotted key path, e.g. `["corridors", "black-sea", "capacity"]`; array elements are
/// their decimal index.
typealias EntryPath = [String]

extension Array where Element == String {
  /// `corridors.black-sea.capacity` (quoting segments that contain dots or spaces).
  var dotted: String {
    map { segment in
      segment.contains(where: { $0 == "." || $0 == " " || $0 == "\"" }) ? "\"\(segment)\"" : segment
    }.joined(separator: ".")
  }

  /// A dictionary key for the path (segments cannot contain U+0001).
  var storageKey: String { joined(separator: "\u{1}") }
}

/// Where a key (and its value) starts in a file. Lines and columns are 1-based; columns
/// count characters.
struct SourcePosition: Equatable {
  var line: Int
  var column: Int
  /// Where the value after `=` starts (for array elements and headers: same as the key).
  var valueLine: Int
  var valueColumn: Int
}

/// One parsed file: the model, a scenario, or an extra scenario.
struct ModelDocument {
  /// The path as shown in diagnostics (lexically normalised, relative if given relative).
  var path: String
  /// The absolute, symlink-resolved path, used to detect cycles.
  var canonicalPath: String
  /// The raw text (for column arithmetic in expression errors).
  var text: String
  /// The root table.
  var root: [String: TOMLNode]
  /// Positions of every key path the locator found.
  var positions: [String: SourcePosition]

  /// The position of `path`, or of its nearest ancestor that has one.
  func position(of path: EntryPath) -> SourcePosition? {
    var p = path
    while true {
      if let pos = positions[p.storageKey] { return pos }
      if p.isEmpty { return nil }
      p.removeLast()
    }
  }

  /// Reads and parses a file. On failure returns the diagnostics that say why.
  static func read(path: String, referencedFrom: (file: String, line: Int?, entry: String)? = nil)
    -> Result<ModelDocument, DocumentFailure>
  {
    func failure(_ message: String) -> Result<ModelDocument, DocumentFailure> {
      if let from = referencedFrom {
        return .failure(
          DocumentFailure(
            Diagnostic(
              severity: .error, file: from.file, line: from.line, entry: from.entry,
              message: message)))
      }
      return .failure(DocumentFailure(Diagnostic(severity: .error, file: path, message: message)))
    }
    let bytes: [UInt8]
    switch FileBytes.read(path) {
    case .success(let b): bytes = b
    case .failure(let reason): return failure("cannot read '\(path)': \(reason.reason)")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return failure("'\(path)' is not UTF-8 text; save it as UTF-8")
    }
    return parse(text: text, path: path)
  }

  /// Parses TOML text shown in diagnostics as `path` (a file, or what generated the text).
  static func parse(text: String, path: String) -> Result<ModelDocument, DocumentFailure> {
    var locator = KeyLocator(text)
    locator.run()
    if let bad = locator.fatalSyntax {
      return .failure(
        DocumentFailure(
          Diagnostic(
            severity: .error, file: path, line: bad.line, column: bad.column,
            message: bareKeyHint(text, line: bad.line) ?? "TOML syntax error: \(bad.message)")))
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      return .failure(
        DocumentFailure(Diagnostic(
          severity: .error, file: path, line: error.source.begin.line,
          column: error.source.begin.column,
          message: bareKeyHint(text, line: error.source.begin.line)
            ?? "TOML syntax error: \(error.description); fix the syntax here")))
    } catch {
      return .failure(DocumentFailure(Diagnostic(severity: .error, file: path, message: "TOML syntax error: \(error)")))
    }
    let root = TOMLNode(table).table ?? [:]
    return .success(
      ModelDocument(
        path: path, canonicalPath: FileBytes.canonical(path), text: text, root: root,
        positions: locator.positions))
  }
}

/// "quote the key" for a syntax error on a line whose table header or key is a bare key
/// with characters TOML does not allow there (`[nodes.Türkiye]`, `Türkiye = …`): bare keys
/// are limited to ASCII letters, digits, `-` and `_`. Nil when that is not the problem.
func bareKeyHint(_ text: String, line: Int) -> String? {
  guard line >= 1 else { return nil }
  var lines = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
  guard lines.count >= line else { return nil }
  lines = [lines[line - 1]]
  let raw = String(lines[0]).trimmingWhitespace()
  let header: Bool
  let keyText: Substring
  if raw.hasPrefix("[") {
    guard let close = raw.firstIndex(of: "]") else { return nil }
    header = true
    let open = raw.hasPrefix("[[") ? raw.index(raw.startIndex, offsetBy: 2) : raw.index(after: raw.startIndex)
    guard open <= close else { return nil }
    keyText = raw[open..<close]
  } else if let equals = raw.firstIndex(of: "=") {
    header = false
    keyText = raw[..<equals]
  } else {
    return nil
  }
  guard !keyText.contains("\""), !keyText.contains("'") else { return nil }
  let segments = keyText.split(separator: ".", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
  func isBare(_ s: String) -> Bool {
    !s.isEmpty && s.unicodeScalars.allSatisfy { c in
      (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == "_"
    }
  }
  let offending = segments.filter { !isBare($0) && !$0.isEmpty && !$0.unicodeScalars.contains { $0 == " " || $0 == "\t" } }
  guard !offending.isEmpty, offending.allSatisfy({ $0.unicodeScalars.contains { !$0.isASCII } }) else { return nil }
  let quoted = segments.map { isBare($0) ? $0 : "\"\($0)\"" }.joined(separator: ".")
  let fixed = header ? (raw.hasPrefix("[[") ? "[[\(quoted)]]" : "[\(quoted)]") : "\(quoted) = …"
  return "key '\(offending[0])' has characters a bare TOML key cannot hold (only A–Z, a–z, 0–9, '-' and '_'); quote the key: \(fixed)"
}

/// Small file helpers over the C library (no Foundation needed).
enum FileBytes {
  /// The whole file, or a reason it could not be read.
  static func read(_ path: String) -> Result<[UInt8], ReadFailure> {
    var info = stat()
    guard stat(path, &info) == 0 else {
      return .failure(ReadFailure(errno == ENOENT ? "no such file" : String(cString: strerror(errno))))
    }
    if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(ReadFailure("it is a directory")) }
    guard let file = fopen(path, "rb") else { return .failure(ReadFailure(String(cString: strerror(errno)))) }
    defer { fclose(file) }
    var result: [UInt8] = []
    let size = Int(info.st_size)
    if size > 0 { result.reserveCapacity(size) }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if n > 0 { result.append(contentsOf: buffer[0..<n]) }
      if n < buffer.count {
        if ferror(file) != 0 { return .failure(ReadFailure(String(cString: strerror(errno)))) }
        break
      }
    }
    return .success(result)
  }

  /// The absolute, symlink-resolved path (or a lexical absolute path if the file is missing).
  static func canonical(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    if path.hasPrefix("/") { return normalize(path) }
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return normalize(path) }
    let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return normalize(cwd + "/" + path)
  }

  /// Resolves `reference` against the directory of `file`, lexically (`models/../data/x.csv`
  /// → `data/x.csv`). Absolute references are kept.
  static func resolve(_ reference: String, relativeTo file: String) -> String {
    if reference.hasPrefix("/") { return normalize(reference) }
    let dir: String
    if let slash = file.lastIndex(of: "/") {
      dir = String(file[..<slash])
      return normalize((dir.isEmpty ? "/" : dir + "/") + reference)
    }
    return normalize(reference)
  }

  /// Removes `.` segments and `x/..` pairs.
  static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var out: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = out.last, last != ".." {
        out.removeLast()
        continue
      }
      if part == "..", absolute, out.isEmpty { continue }
      out.append(part)
    }
    let joined = out.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }
}

/// Why a file could not be read ("no such file", "it is a directory", …).
struct ReadFailure: Error {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}

/// A file that could not be read or parsed, as the diagnostic to report.
struct DocumentFailure: Error {
  var diagnostic: Diagnostic
  init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
