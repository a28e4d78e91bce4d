// The loader's bad-input corpus (Tests/CorridorModelTests/Fixtures/bad, owned by
// the CorridorModel tests) through the command line: every broken file must
// fail cleanly in `corridor check` and `corridor solve --output`.
//
// For each file: exit 65 or 66 (never a crash: no signal, no status ≥ 128),
// nothing on stdout, a diagnostic on stderr that names the file (or, for an
// error inside a CSV or base file it references, that file in the corpus), and
// no output file nor temporary file left behind.

import Foundation
import Testing

enum BadCorpus {
  static let folder = "Tests/CorridorModelTests/Fixtures/bad"

  /// The corpus's model files (support/ holds files they reference).
  static let files: [String] = {
    let all = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/" + folder)) ?? []
    return all.filter { $0.hasSuffix(".toml") }.sorted()
  }()
}

@Suite("Bad-input corpus through the CLI", .enabled(if: corridorBinary != nil, "the corridor binary was not found"))
struct BadCorpusCLITests {

  @Test func corpusIsThere() {
    #expect(BadCorpus.files.count >= 60, "expected the 63-file corpus, found \(BadCorpus.files.count)")
  }

  @Test(arguments: BadCorpus.files)
  func failsCleanly(file: String) throws {
    let path = BadCorpus.folder + "/" + file
    let dir = try scratchFolder("bad")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let output = dir + "/report.json"

    let check = try corridor("check", path)
    expectCleanFailure(check, command: "check", path: path)

    let solve = try corridor("solve", path, "--format", "json", "--output", output)
    expectCleanFailure(solve, command: "solve", path: path)
    #expect(!fileExists(output), "\(path): solve wrote \(output)")
    #expect((try? FileManager.default.contentsOfDirectory(atPath: dir))?.isEmpty == true,
            "\(path): files left in the output folder")
    #expect(check.stderr == solve.stderr, "\(path): check and solve report the same diagnostics")
  }

  func expectCleanFailure(_ r: RunResult, command: String, path: String,
                          sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!r.signaled && !r.timedOut && r.status < 128, "\(command) \(path) crashed: \(r)", sourceLocation: sourceLocation)
    #expect([65, 66].contains(r.status), "\(command) \(path): exit \(r.status), expected 65 or 66\n\(r)",
            sourceLocation: sourceLocation)
    #expect(r.stdout.isEmpty, "\(command) \(path) printed to stdout: \(r.stdout.prefix(300))", sourceLocation: sourceLocation)
    let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
    let namesTheFile = r.stderr.contains(path)
      || first.hasPrefix(BadCorpus.folder + "/support/")  // an error inside a file the model references
    #expect(namesTheFile, "\(command) \(path): stderr does not name the file:\n\(r.stderr.prefix(500))",
            sourceLocation: sourceLocation)
  }
}
