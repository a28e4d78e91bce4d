import Glibc

/// The optional `OBJSENSE` section of an MPS file, which GLPK 5.0 neither
/// writes nor reads.
///
/// Free MPS as written by HiGHS, CPLEX or Gurobi may say, before `ROWS`:
///
///     OBJSENSE
///         MAX
///
/// (or `OBJSENSE MAX` on one line; `MAXIMIZE`, `MIN`, `MINIMIZE` likewise).
/// The reader finds the section, remembers the sense, and gives GLPK a copy in
/// which the section's lines are blank comments, so GLPK's line numbers in
/// error messages still match the user's file.
struct MPSObjectiveSense {
  var sense: ObjectiveSense
  /// 1-based numbers of the lines that make up the section.
  var lines: Set<Int>

  /// Looks for the section in the header (the lines before `ROWS`).
  /// - Throws: ``LPError/readFailed(path:message:)`` for a section without a
  ///   recognizable sense.
  static func scan(_ path: String) throws(LPError) -> MPSObjectiveSense? {
    guard let f = fopen(path, "r") else { return nil }
    defer { fclose(f) }
    var line: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    defer { free(line) }
    var number = 0
    var pending: Int? = nil  // the line of a bare `OBJSENSE` waiting for its value
    while getline(&line, &capacity, f) > 0, let l = line {
      number += 1
      let text = String(cString: l)
      if text.hasPrefix("*") || text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) { continue }
      let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
      let indicator = !(text.hasPrefix(" ") || text.hasPrefix("\t"))
      if let start = pending {
        guard !indicator, fields.count == 1, let s = sense(fields[0]) else {
          throw .readFailed(path: path, message: "\(path):\(start): OBJSENSE must be followed by MAX or MIN (on its line or the next, indented)")
        }
        return MPSObjectiveSense(sense: s, lines: [start, number])
      }
      guard indicator else { continue }
      if fields[0].uppercased() == "ROWS" { return nil }
      guard fields[0].uppercased() == "OBJSENSE" else { continue }
      if fields.count == 1 { pending = number; continue }
      guard fields.count == 2, let s = sense(fields[1]) else {
        throw .readFailed(path: path, message: "\(path):\(number): OBJSENSE must be MAX or MIN, not '\(fields.dropFirst().joined(separator: " "))'")
      }
      return MPSObjectiveSense(sense: s, lines: [number])
    }
    if let start = pending {
      throw .readFailed(path: path, message: "\(path):\(start): OBJSENSE must be followed by MAX or MIN")
    }
    return nil
  }

  private static func sense(_ word: String) -> ObjectiveSense? {
    switch word.uppercased() {
    case "MAX", "MAXIMIZE", "MAXIMISE": return .maximize
    case "MIN", "MINIMIZE", "MINIMISE": return .minimize
    default: return nil
    }
  }

  /// A temporary copy of `path` with the section's lines turned into `*`
  /// comments; the caller deletes it.
  func copyWithoutSection(_ path: String) throws(LPError) -> String {
    let copy = FileOutput.temporaryFolder() + "/corridor-mps-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).mps"
    let failure = Self.rewrite(path, to: copy) { number, text in lines.contains(number) ? "*\n" : text }
    if let failure {
      unlink(copy)
      throw .readFailed(path: path, message: "cannot prepare it for GLPK: \(failure)")
    }
    return copy
  }

  /// Adds `OBJSENSE` / `MAX` before the `ROWS` line of a free MPS file GLPK wrote.
  /// Returns an error message, or nil on success.
  static func insertMaximize(into path: String) -> String? {
    let tmp = path + ".sense"
    var done = false
    let failure = rewrite(path, to: tmp) { _, text in
      guard !done, text.hasPrefix("ROWS") else { return text }
      done = true
      return "OBJSENSE\n    MAX\n" + text
    }
    if let failure { unlink(tmp); return failure }
    // Keep the permissions the file was created with (the copy is private, 0600).
    var st = stat()
    if stat(path, &st) == 0 { chmod(tmp, st.st_mode & 0o7777) }
    if rename(tmp, path) != 0 { let reason = FileOutput.lastError(); unlink(tmp); return reason }
    return done ? nil : "GLPK's MPS file has no ROWS section to put OBJSENSE before"
  }

  /// Copies `source` to `destination` line by line through `transform`
  /// (1-based line number, line with its newline). Returns an error message or nil.
  private static func rewrite(_ source: String, to destination: String,
                              _ transform: (Int, String) -> String) -> String? {
    guard let input = fopen(source, "r") else { return FileOutput.lastError() }
    defer { fclose(input) }
    let fd = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return FileOutput.lastError() }
    var line: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    defer { free(line) }
    var number = 0
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 16)
    while case let n = getline(&line, &capacity, input), n > 0, let l = line {
      number += 1
      let text = String(decoding: UnsafeRawBufferPointer(start: l, count: n), as: UTF8.self)
      buffer += Array(transform(number, text).utf8)
      if buffer.count >= 1 << 16 {
        if let failure = FileOutput.writeAll(fd, &buffer) { close(fd); return failure }
        buffer.removeAll(keepingCapacity: true)
      }
    }
    if ferror(input) != 0 { close(fd); return "read error" }
    if let failure = FileOutput.writeAll(fd, &buffer) { close(fd); return failure }
    return close(fd) == 0 ? nil : FileOutput.lastError()
  }
}
