// Helpers shared by the CorridorModel tests.

import Testing

@testable import CorridorModel

/// The directory of the test sources (fixtures live under `Fixtures/`).
let testDirectory: String = {
  let file = #filePath
  guard let slash = file.lastIndex(of: "/") else { return "." }
  return String(file[..<slash])
}()

/// Path of a fixture, e.g. `fixture("good/full.toml")`.
func fixture(_ name: String) -> String { testDirectory + "/Fixtures/" + name }

/// `|a - b| <= 1e-9 · max(1, |a|, |b|)`.
func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// A scratch directory for files written by a test (removed by the OS eventually).
func scratchDirectory(_ name: String) -> String {
  let dir = "/tmp/corridor-model-tests-\(getpid())/\(name)"
  _ = dir.withCString { path in
    var p = ""
    for part in dir.split(separator: "/") {
      p += "/" + part
      _ = mkdir(p, 0o755)
    }
    return path
  }
  return dir
}

/// Writes `text` to `path`, every byte of it: NUL bytes too (`fputs` would stop
/// at the first one, so a NUL in a test model never reached the loader).
/// A file that cannot be written is a test failure, not a silent skip.
func write(_ text: String, to path: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let bytes = Array(text.utf8)
  guard let f = fopen(path, "wb") else {
    Issue.record("cannot open \(path) for writing (errno \(errno))", sourceLocation: sourceLocation)
    return
  }
  let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
  let closed = fclose(f)
  if written != bytes.count || closed != 0 {
    Issue.record("wrote \(written) of \(bytes.count) bytes to \(path)", sourceLocation: sourceLocation)
  }
}

/// Whether a 1-based (line, column) position lies inside `text`, counting lines
/// by "\n" and columns in unicode scalars (as the locator and the expression
/// parser do); the column just past a line's end counts (an error at the end).
func isInside(line: Int, column: Int, of text: String) -> Bool {
  let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
  guard line >= 1, line <= lines.count else { return false }
  return column >= 1 && column <= lines[line - 1].count + 1
}

/// The diagnostics (errors and warnings) of a failing load; empty if it loaded.
func loadDiagnostics(_ path: String, scenario: String? = nil) -> [Diagnostic] {
  do {
    _ = try ModelLoader.load(path: path, scenario: scenario)
    return []
  } catch {
    return error.diagnostics
  }
}

/// Only the errors of a failing load.
func loadErrors(_ path: String, scenario: String? = nil) -> [Diagnostic] {
  loadDiagnostics(path, scenario: scenario).filter { $0.severity == .error }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
