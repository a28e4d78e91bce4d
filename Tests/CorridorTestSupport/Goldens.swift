// Golden files, one implementation for every test target that keeps them
// (PlanReportsTests' report texts, CorridorEndToEndTests' solution digests).
//
// A golden is compared, never silently rewritten:
// - normally the text is compared with the stored file and a line diff is
//   returned on a mismatch;
// - `RECORD_GOLDENS=1` rewrites the file, but loudly: every rewrite prints the
//   file name and a line diff of what changed (or that nothing did), so a
//   re-recording run shows each moved figure and its commit can say why;
// - under CI (`CI=true`, or `CI=1`) recording is refused: the test fails and
//   the file is left alone, so a CI run can only ever compare.
// `.ci/run` also checks with `git diff` that no golden changed during the run.
//
// The helpers return a failure message instead of recording a test issue, so
// this target needs no test framework; callers pass the message to
// `Issue.record`.

import Foundation

/// What golden handling the environment asks for.
public enum GoldenMode: Equatable, Sendable {
  /// Compare with the stored file (the default).
  case compare
  /// `RECORD_GOLDENS=1`: rewrite the stored file and print what changed.
  case record
  /// `RECORD_GOLDENS=1` under CI: refused, every golden check fails.
  case refusedUnderCI

  /// The mode for an environment (default: this process's).
  public static func from(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> GoldenMode {
    guard environment["RECORD_GOLDENS"] == "1" else { return .compare }
    return isCI(environment) ? .refusedUnderCI : .record
  }

  /// The mode of this test run.
  public static let current = GoldenMode.from()
}

/// The message of a refused re-recording.
public let goldenRecordingRefusedMessage =
  "RECORD_GOLDENS=1 is refused under CI (CI=true): CI only compares goldens. Re-record on a "
  + "development machine, review the printed diff and commit the goldens with the reason each figure moved."

/// A line diff: each differing line as `-N: golden` and `+N: now`, at most
/// `limit` differing lines, then how many more there were.
public func lineDiff(expected: String, actual: String, limit: Int = 25) -> String {
  let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
  var out: [String] = []
  var differing = 0
  for i in 0..<max(e.count, a.count) {
    let x = i < e.count ? e[i] : nil, y = i < a.count ? a[i] : nil
    guard x != y else { continue }
    differing += 1
    guard differing <= limit else { continue }
    out.append("-\(i + 1): \(x ?? "(no line)")")
    out.append("+\(i + 1): \(y ?? "(no line)")")
  }
  if differing > limit { out.append("… and \(differing - limit) more differing lines") }
  return out.joined(separator: "\n")
}

/// Writes `text` as the golden at `path` under `RECORD_GOLDENS=1`, printing the
/// file and a line diff from the previous version (or "unchanged", or "new").
///
/// - Returns: nil when written (or unchanged), else why not: recording refused
///   under CI, or the file could not be written.
public func recordGolden(_ text: String, at path: String, mode: GoldenMode = .current) -> String? {
  if mode == .refusedUnderCI { return "\(path): \(goldenRecordingRefusedMessage)" }
  let old = try? String(contentsOfFile: path, encoding: .utf8)
  if old == text {
    print("RECORD_GOLDENS: \(path) unchanged")
    return nil
  }
  do {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  } catch {
    return "RECORD_GOLDENS: cannot write \(path): \(error)"
  }
  if let old {
    print("RECORD_GOLDENS: REWROTE \(path); what changed (- old, + new):\n\(lineDiff(expected: old, actual: text))")
  } else {
    print("RECORD_GOLDENS: CREATED \(path) (\(text.split(separator: "\n").count) lines)")
  }
  return nil
}

/// Compares `actual` with the text golden at `path`, or records it (see ``GoldenMode``).
///
/// - Returns: nil when the golden matches (or was recorded), else a failure
///   message with a line diff, or saying how to record a missing golden.
public func checkTextGolden(_ actual: String, at path: String, mode: GoldenMode = .current) -> String? {
  switch mode {
  case .record, .refusedUnderCI:
    return recordGolden(actual, at: path, mode: mode)
  case .compare:
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
      return "no golden at \(path); record it with RECORD_GOLDENS=1 swift test --filter Golden"
    }
    if expected == actual { return nil }
    let name = (path as NSString).lastPathComponent
    return "\(name) differs from its golden (- golden, + now; re-record with RECORD_GOLDENS=1 if the change is understood):\n"
      + lineDiff(expected: expected, actual: actual)
  }
}
