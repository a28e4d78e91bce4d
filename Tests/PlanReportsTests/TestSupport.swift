// Helpers shared by the PlanReports tests: the package root, text goldens
// (through CorridorTestSupport's one golden helper), and an order-preserving
// reader of JSON object keys.

import CorridorTestSupport
import Foundation
import Testing

/// The package root (see CorridorTestSupport).
let packageRoot = CorridorTestSupport.packageRoot

/// Where this target's golden files live.
let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens").path

/// A line diff (the shared one in CorridorTestSupport, visible to every file here).
func lineDiff(expected: String, actual: String, limit: Int = 25) -> String {
  CorridorTestSupport.lineDiff(expected: expected, actual: actual, limit: limit)
}

/// Compares `actual` with the golden file `name`; under RECORD_GOLDENS=1 rewrites
/// it and prints what changed, and refuses to under CI (CorridorTestSupport/Goldens.swift).
func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  if let failure = checkTextGolden(actual, at: goldenFolder + "/" + name) {
    Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
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
