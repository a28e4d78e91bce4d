import Foundation
import Testing

/// The one-line progress indicator (issue #12): on a terminal, unless --quiet; never in a
/// pipe or a file. The terminal is a pseudo-terminal made by util-linux's `script`.
@Suite("Progress on stderr: a terminal gets one redrawn line, a pipe nothing")
struct ProgressIndicatorCLITests {
  static let model = packageRoot + "/models/electricity-hourly-8760.toml"

  /// Runs corridor under `script` (a pty for stdin, stdout and stderr); returns what the
  /// terminal received.
  func onTerminal(_ arguments: [String]) throws -> String {
    guard let binary = corridorBinary else { throw RunError.noBinary }
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      Issue.record("util-linux's script is missing (Debian: bsdutils); cannot make a terminal")
      return ""
    }
    let dir = try scratchFolder("pty")
    let typescript = dir + "/typescript"
    let command = ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    let r = try run("/usr/bin/script", ["-q", "-e", "-c", command, typescript], timeout: 120)
    #expect(r.status == 13, "\(r)")  // the time limit stops the solve
    return (try? String(contentsOfFile: typescript, encoding: .utf8)) ?? ""
  }

  @Test("A terminal sees 'solving …: N s — simplex …' redrawn in place; --quiet and a pipe see none")
  func indicator() throws {
    let out = try onTerminal(["solve", Self.model, "--time-limit", "3", "--format", "json", "--output", try scratchFolder("o") + "/r.json"])
    #expect(out.contains("\rsolving electricity-hourly-8760.toml: "), "\(out.prefix(500))")
    #expect(out.contains("simplex"), "\(out.prefix(500))")
    #expect(out.contains("\u{1B}[K"))
    // Cleared at the end: the last thing on the line is the erase, not a stale indicator.
    #expect(out.components(separatedBy: "\r").last?.hasPrefix("\u{1B}[K") ?? false, "\(out.suffix(300))")
    let quiet = try onTerminal(["solve", Self.model, "--time-limit", "3", "--quiet", "--format", "json", "--output", try scratchFolder("q") + "/r.json"])
    #expect(!quiet.contains("solving "), "\(quiet.prefix(500))")
    let piped = try corridor("solve", Self.model, "--time-limit", "3", "--format", "json")
    #expect(piped.status == 13 && !piped.stderr.contains("solving ") && !piped.stderr.contains("\u{1B}"), "\(piped)")
  }
}
