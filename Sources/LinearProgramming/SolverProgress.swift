import Foundation

/// The latest progress line of any GLPK solve in the process, for a progress indicator.
///
/// GLPK reports progress only through its log (a simplex line every few hundred
/// iterations, `*  1234: obj = … inf = …`; a branch-and-cut line `+  56: mip = … <= … 1.2%
/// (3; 7)`). While ``observe(_:)`` is on, the layer's log hook keeps the last such line, and
/// ``latest`` gives it back read for a person: the phase, the iteration count and the rest.
/// Solves on several threads overwrite each other's line: it says that work goes on, not
/// which solve it is.
public enum SolverProgress {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var observed = false
  nonisolated(unsafe) private static var line: String?

  /// Turns keeping the latest line on or off (off forgets it).
  public static func observe(_ on: Bool) {
    lock.withLock {
      observed = on
      if !on { line = nil }
    }
  }

  /// The latest simplex or branch-and-cut line, trimmed, or nil.
  public static var latest: String? { lock.withLock { line } }

  /// Called with every chunk of GLPK output: keeps lines that start with an iteration count.
  static func note(_ text: String) {
    guard lock.withLock({ observed }) else { return }
    for raw in text.split(separator: "\n") {
      let t = raw.trimmingCharacters(in: .whitespaces)
      guard let first = t.first, "*+ ".contains(first) || first.isNumber else { continue }
      let body = t.drop { $0 == "*" || $0 == "+" || $0 == " " }
      guard let colon = body.firstIndex(of: ":"), Int(body[..<colon]) != nil else { continue }
      let phase = t.hasPrefix("+") ? "branch and cut" : "simplex"
      let detail = body[body.index(after: colon)...].split(whereSeparator: { $0 == " " }).joined(separator: " ")
      let summary = "\(phase) \(body[..<colon]): \(detail)"
      lock.withLock { line = summary }
    }
  }
}
