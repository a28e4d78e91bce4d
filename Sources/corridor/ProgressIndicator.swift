import Foundation
import Glibc
import LinearProgramming

/// A one-line progress indicator on standard error for long work: what runs, the time it
/// has taken, and GLPK's latest progress line (simplex iteration and objective, or branch
/// and cut's best plan, bound and gap: ``SolverProgress``).
///
/// Shown only when standard error is a terminal and `--quiet` is not given, from the first
/// second on, redrawn in place every half second; cleared before the report is written
/// (``Output`` stops it), so nothing of it stays in the terminal or reaches a file.
final class ProgressIndicator: @unchecked Sendable {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var current: ProgressIndicator?

  private let label: String
  private let start = Date()
  private var running = true
  private var drawn = false
  private let stateLock = NSLock()
  private var thread: Thread?

  private init(label: String) { self.label = label }

  /// Runs `body` with the indicator on (when `enabled` and stderr is a terminal).
  static func run<T>(_ label: String, enabled: Bool, _ body: () throws -> T) rethrows -> T {
    guard enabled, isatty(2) == 1 else { return try body() }
    let p = ProgressIndicator(label: label)
    lock.withLock { current = p }
    SolverProgress.observe(true)
    let t = Thread { p.loop() }
    p.thread = t
    t.start()
    defer {
      stopCurrent()
      SolverProgress.observe(false)
    }
    return try body()
  }

  /// Stops and clears the running indicator, if any (before anything is written to stdout).
  static func stopCurrent() {
    let p = lock.withLock { () -> ProgressIndicator? in
      defer { current = nil }
      return current
    }
    p?.stop()
  }

  private func stop() {
    stateLock.withLock {
      running = false
      if drawn { Output.standardError("\r\u{1B}[K") }
      drawn = false
    }
  }

  private func loop() {
    while true {
      Thread.sleep(forTimeInterval: 0.5)
      let elapsed = Date().timeIntervalSince(start)
      stateLock.withLock {
        guard running else { return }
        guard elapsed >= 1 else { return }
        var line = "\(label): \(String(format: "%.0f", elapsed)) s"
        if let glpk = SolverProgress.latest { line += " — " + glpk }
        let width = Self.terminalWidth() - 1
        if line.count > width { line = String(line.prefix(max(10, width - 1))) + "…" }
        Output.standardError("\r" + line + "\u{1B}[K")
        drawn = true
      }
      if !stateLock.withLock({ running }) { return }
    }
  }

  private static func terminalWidth() -> Int {
    var w = winsize()
    return ioctl(2, UInt(TIOCGWINSZ), &w) == 0 && w.ws_col > 20 ? Int(w.ws_col) : 80
  }
}
