// An MPS BOUNDS section GLPK's reader is known to abort on, refused before it runs.

import Glibc

extension LinearProgram {
  /// Refuses an MPS file whose BOUNDS section gives a column an `FR`, `FX` or `BV` record
  /// after both of its bounds were already set (`LO` and `UP`, `FX`, `FR`, `BV`, `MI` and
  /// `PL`, ...).
  ///
  /// GLPK 5.0's reader reports most repeated bounds as errors, but on this case fails its
  /// assertion `(flag[j] & mask) == 0x00` (api/mps.c) and aborts the process; glpsol too.
  /// Found by the MPS fuzz target (docs/fuzzing.md). Fields are read as GLPK reads them:
  /// by position in fixed MPS, by whitespace in free MPS.
  /// - Throws: ``LPError/readFailed(path:message:)`` with the line and the column.
  static func checkMPSBounds(_ path: String, fixed: Bool) throws(LPError) {
    guard let text = readText(path) else { return }  // GLPK reports unreadable files itself
    var inBounds = false
    var set: [String: (lower: Bool, upper: Bool)] = [:]
    for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      guard let first = line.first, first != "*" else { continue }
      if first != " " && first != "\t" {
        inBounds = line.split(separator: " ").first == "BOUNDS"
        continue
      }
      guard inBounds else { continue }
      let type: String
      let column: String
      if fixed {
        let chars = Array(line)
        func field(_ from: Int, _ to: Int) -> String {
          guard from < chars.count else { return "" }
          return String(chars[from..<min(to, chars.count)]).trimmingCharacters(in: " \t")
        }
        type = field(1, 3)
        column = field(14, 22)
      } else {
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let t = tokens.first else { continue }
        type = t
        let takesValue = !["FR", "MI", "PL", "BV"].contains(t)
        let hasBoundName = tokens.count >= (takesValue ? 4 : 3)
        guard tokens.count > (hasBoundName ? 2 : 1) else { continue }
        column = tokens[hasBoundName ? 2 : 1]
      }
      var flags = set[column] ?? (false, false)
      switch type {
      case "FR", "FX", "BV":
        if flags.lower && flags.upper {
          throw .readFailed(
            path: path,
            message: "\(path):\(k + 1): column '\(column)' gets a \(type) bound after both its bounds were set (GLPK's reader aborts on this); give each column one consistent set of bound records")
        }
        flags = (true, true)
      case "LO", "LI", "MI": flags.lower = true
      case "UP", "UI", "PL", "SC": flags.upper = true
      default: continue
      }
      set[column] = flags
    }
  }

  private static func readText(_ path: String) -> String? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      bytes += buffer[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
