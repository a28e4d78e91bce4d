// Helpers shared by the PlanReports tests: the package root, text goldens
// with a line diff, and an order-preserving reader of JSON object keys.

import CorridorTestSupport
import Foundation
import Testing

/// The package root (see CorridorTestSupport).
let packageRoot = CorridorTestSupport.packageRoot

/// Where this target's golden files live.
let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens").path

/// Whether `RECORD_GOLDENS=1` asks to rewrite golden files instead of comparing.
let recordingGoldens = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"

/// A line diff: each differing line, `-` golden and `+` now, with its line number.
func lineDiff(expected: String, actual: String, limit: Int = 25) -> String {
  let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
  var out: [String] = []
  var shown = 0
  for i in 0..<max(e.count, a.count) {
    let x = i < e.count ? e[i] : nil, y = i < a.count ? a[i] : nil
    guard x != y else { continue }
    shown += 1
    if shown > limit { out.append("… more differences"); break }
    out.append("-\(i + 1): \(x ?? "(no line)")")
    out.append("+\(i + 1): \(y ?? "(no line)")")
  }
  return out.joined(separator: "\n")
}

/// Compares `actual` with the golden file `name` (or writes it under RECORD_GOLDENS=1).
func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let path = goldenFolder + "/" + name
  if recordingGoldens {
    do {
      try actual.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("cannot write \(path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
    Issue.record("no golden \(path); record it with RECORD_GOLDENS=1 swift test --filter Golden",
                 sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    let diff = lineDiff(expected: expected, actual: actual)
    Issue.record("\(name) differs from its golden (re-record with RECORD_GOLDENS=1 if intended):\n\(diff)",
                 sourceLocation: sourceLocation)
  }
}

/// The keys of every JSON object in `text`, in the order they are written, with
/// the object's path (`$.corridors[0]`). Assumes valid JSON.
func objectKeyOrders(_ text: String) -> [(path: String, keys: [String])] {
  let chars = Array(text.unicodeScalars)
  var i = 0
  var result: [(String, [String])] = []

  func skipSpace() { while i < chars.count, [" ", "\n", "\r", "\t"].contains(chars[i]) { i += 1 } }
  func string() -> String {
    var s = ""
    i += 1  // opening quote
    while i < chars.count, chars[i] != "\"" {
      if chars[i] == "\\" { s.unicodeScalars.append(chars[i]); i += 1 }
      s.unicodeScalars.append(chars[i])
      i += 1
    }
    i += 1
    return s
  }
  func value(_ path: String) {
    skipSpace()
    guard i < chars.count else { return }
    switch chars[i] {
    case "{":
      i += 1
      var keys: [String] = []
      let slot = result.count
      result.append((path, []))
      skipSpace()
      if chars[i] == "}" { i += 1; result[slot].1 = keys; return }
      while true {
        skipSpace()
        let k = string()
        keys.append(k)
        skipSpace()
        i += 1  // colon
        value(path + "." + k)
        skipSpace()
        if chars[i] == "," { i += 1; continue }
        i += 1  // closing brace
        break
      }
      result[slot].1 = keys
    case "[":
      i += 1
      var n = 0
      skipSpace()
      if chars[i] == "]" { i += 1; return }
      while true {
        value(path + "[\(n)]")
        n += 1
        skipSpace()
        if chars[i] == "," { i += 1; continue }
        i += 1
        break
      }
    case "\"":
      _ = string()
    default:
      while i < chars.count, !([",", "}", "]", " ", "\n"] as [Unicode.Scalar]).contains(chars[i]) { i += 1 }
    }
  }
  value("$")
  return result
}
