// Failures of the built `corridor` binary that must be clean (issue #8 items
// 12, 13, 14, 16): write errors, output paths that are links, FIFOs, devices
// or inputs, bad option values, options that do not apply, help text layout.
// Each test runs the real binary and checks exit status, stderr and files.

import CorridorTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built binary with its stdout sent to `stdout` (a file handle the
/// test opened) and extra environment variables; stderr is captured.
private func runCorridor(
  _ arguments: [String], stdout: FileHandle, environment extra: [String: String] = [:], timeout: Double = 60
) throws -> (status: Int32, signaled: Bool, stderr: String) {
  guard let binary = corridorBinary else { throw RunError.noBinary }
  let scratch = try scratchFolder("stderr")
  defer { try? FileManager.default.removeItem(atPath: scratch) }
  let errPath = scratch + "/stderr"
  FileManager.default.createFile(atPath: errPath, contents: nil)
  let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
  let p = Process()
  p.executableURL = URL(fileURLWithPath: binary)
  p.arguments = arguments
  p.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
  p.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
  p.standardInput = FileHandle.nullDevice
  p.standardOutput = stdout
  p.standardError = err
  let finished = DispatchSemaphore(value: 0)
  p.terminationHandler = { _ in finished.signal() }
  try p.run()
  if finished.wait(timeout: .now() + timeout) == .timedOut {
    kill(p.processIdentifier, SIGKILL)
    finished.wait()
  }
  p.waitUntilExit()
  try? err.close()
  let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
  return (p.terminationStatus, p.terminationReason == .uncaughtSignal, stderr)
}

/// Whether `path` is a character device (checked before relying on /dev/full).
private func isCharacterDevice(_ path: String) -> Bool {
  var st = stat()
  return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR
}

private func fileText(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

@Suite struct CLIFailureTests {
  // MARK: Item 12: write errors on stdout

  /// `> /dev/full` crashed with a `try!` in FileHandle.write (SIGILL, exit 132).
  @Test(arguments: [
    ["solve", "models/oil-2030.toml"],
    ["solve", "models/oil-2030.toml", "--format", "json"],
    ["check", "models/oil-2030.toml"],
    ["--help"],
    ["solve", "--help"],
  ])
  func stdoutOnAFullDeviceIsExit73(arguments: [String]) throws {
    try #require(isCharacterDevice("/dev/full"),
                 "/dev/full is not a character device on this machine (something replaced it); restore it with `mknod -m 666 /dev/full c 1 7`")
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let r = try runCorridor(arguments, stdout: full)
    #expect(!r.signaled, "crashed: \(r.stderr.prefix(500))")
    #expect(r.status == 73, "exit \(r.status): \(r.stderr.prefix(500))")
    #expect(r.stderr.contains("cannot write to standard output: No space left on device"), "\(r.stderr.prefix(500))")
    #expect(!r.stderr.contains("Fatal error"))
  }

  // MARK: Item 13: --output through links, into FIFOs and devices, never over an input

  /// A symbolic link's target gets the report; the link stays a link.
  @Test func outputThroughASymlinkWritesTheTarget() throws {
    let dir = try scratchFolder("symlink")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir + "/reports", withIntermediateDirectories: true)
    let target = try writeFile(dir + "/reports", "latest.json", "old contents\n")
    try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "reports/latest.json")
    let r = try corridor("solve", "models/oil-2030.toml", "--format", "json", "--output", dir + "/link.json")
    #expect(r.status == 0, "\(r)")
    let destination = try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json")
    #expect(destination == "reports/latest.json", "the link was replaced")
    let text = try #require(fileText(target))
    #expect(text != "old contents\n", "the link's target was not written")
    let json = try #require(jsonObject(text))
    #expect(json["status"] != nil)
    // No temporary file is left in either folder.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir) + FileManager.default.contentsOfDirectory(atPath: dir + "/reports")
    #expect(leftovers.sorted() == ["latest.json", "link.json", "reports"], "\(leftovers)")
  }

  /// A dangling link creates its target.
  @Test func outputThroughADanglingSymlinkCreatesTheTarget() throws {
    let dir = try scratchFolder("dangling")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: dir + "/made.csv")
    let r = try corridor("solve", "models/oil-2030.toml", "--format", "csv", "--output", dir + "/link.csv")
    #expect(r.status == 0, "\(r)")
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.csv")) == dir + "/made.csv")
    #expect((fileText(dir + "/made.csv")?.count ?? 0) > 100)
  }

  /// A FIFO is written, not replaced by a regular file: a reader gets the report.
  @Test func outputIntoAFIFOReachesItsReader() throws {
    let dir = try scratchFolder("fifo")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fifo = dir + "/pipe"
    try #require(mkfifo(fifo, 0o600) == 0)
    let received = Received()
    let reader = Thread {
      // Blocks until the writer opens the FIFO; reads until it closes it.
      if let h = FileHandle(forReadingAtPath: fifo) {
        received.set(String(decoding: h.readDataToEndOfFile(), as: UTF8.self))
        try? h.close()
      }
      received.done.signal()
    }
    reader.start()
    let r = try corridor("solve", "models/oil-2030.toml", "--format", "json", "--output", fifo)
    #expect(r.status == 0, "\(r)")
    #expect(received.done.wait(timeout: .now() + 30) == .success, "the reader never saw the writer close the FIFO")
    var st = stat()
    #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO, "the FIFO was replaced")
    let json = jsonObject(received.get())
    #expect(json?["objective"] != nil, "the reader got: \(received.get().prefix(300))")
  }

  /// `--output` on a full device: the write error is reported (73) and the
  /// device stays a device. The path is a link to /dev/full in a scratch
  /// folder, so a regression (replacing the file by rename) replaces the
  /// link, never the machine's /dev/full.
  @Test func outputToAFullDeviceIsExit73() throws {
    try #require(isCharacterDevice("/dev/full"), "/dev/full is not a character device on this machine")
    let dir = try scratchFolder("full")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let link = dir + "/full"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/full")
    let r = try corridor("solve", "models/oil-2030.toml", "--output", link)
    #expect(r.status == 73, "\(r)")
    #expect(r.stderr.contains("cannot write '\(link)': No space left on device"), "\(r.stderr)")
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == "/dev/full", "the link was replaced")
    #expect(isCharacterDevice("/dev/full"), "/dev/full was replaced by a regular file")
  }

  /// `--output /dev/fd/1` (as `/dev/stdout`) writes into the file descriptor's
  /// file, appending (`>> log` keeps the log), and replaces nothing. The test
  /// uses /dev/fd/1, not /dev/stdout: a regression that renames over the
  /// path then fails to create its temporary file in /proc instead of
  /// replacing the machine's /dev/stdout.
  @Test func outputToTheStandardOutputPathAppends() throws {
    let dir = try scratchFolder("devfd")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let log = try writeFile(dir, "log.txt", "previous line\n")
    let handle = try #require(FileHandle(forWritingAtPath: log))
    _ = try handle.seekToEnd()
    let r = try runCorridor(["solve", "models/oil-2030.toml", "--format", "csv", "--output", "/dev/fd/1"], stdout: handle)
    try? handle.close()
    #expect(r.status == 0, "\(r.stderr)")
    let text = try #require(fileText(log))
    #expect(text.hasPrefix("previous line\n"), "the log was truncated or replaced: \(text.prefix(200))")
    #expect(text.count > 200, "the report did not arrive: \(text.prefix(200))")
    var st = stat()
    #expect(lstat("/dev/fd", &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK, "/dev/fd was replaced")
  }

  /// `--output` naming the model (directly, through a link, or a hard link), the
  /// scenario, or a CSV file the model reads is refused (64); the file is untouched.
  @Test func outputOverAnInputIsRefused() throws {
    let dir = try scratchFolder("inputs")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // A copy of a model that reads a CSV file, in the same layout.
    try FileManager.default.createDirectory(atPath: dir + "/models/teaching", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
    let model = dir + "/models/teaching/storage.toml"
    let csv = dir + "/data/teaching-storage-day.csv"
    try FileManager.default.copyItem(atPath: packageRoot + "/models/teaching/04-storage-shift.toml", toPath: model)
    try FileManager.default.copyItem(atPath: packageRoot + "/data/teaching-storage-day.csv", toPath: csv)
    try FileManager.default.createSymbolicLink(atPath: dir + "/model-link.toml", withDestinationPath: model)
    try FileManager.default.linkItem(atPath: model, toPath: dir + "/hard.toml")
    let modelBefore = try #require(fileText(model)), csvBefore = try #require(fileText(csv))
    let baseline = try corridor("solve", model)
    try #require(baseline.status == 0, "\(baseline)")

    let cases: [(args: [String], expect: String)] = [
      (["solve", model, "--output", model], "the model"),
      (["solve", model, "--output", dir + "/model-link.toml"], "the model"),
      (["solve", model, "--output", dir + "/hard.toml"], "the model"),
      (["solve", model, "--format", "csv", "--output", csv], "a CSV file the model reads"),
      (["solve", model, "--format", "csv", "--output", dir + "/models/teaching/../../data/teaching-storage-day.csv"], "a CSV file the model reads"),
      (["export", model, "--lp", model], "the model"),
      (["export", model, "--mps", csv], "a CSV file the model reads"),
    ]
    for c in cases {
      let r = try corridor(c.args)
      #expect(r.status == 64, "\(c.args): \(r)")
      #expect(r.stderr.contains(c.expect) && r.stderr.contains("Choose another output path"), "\(c.args): \(r.stderr)")
      #expect(fileText(model) == modelBefore, "\(c.args) changed the model")
      #expect(fileText(csv) == csvBefore, "\(c.args) changed the CSV file")
    }
    let lp = try writeFile(dir, "tiny.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n")
    let r = try corridor("solve", lp, "--output", lp)
    #expect(r.status == 64, "\(r)")
    #expect(fileText(lp) == "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n")
  }

  /// A report is written with the permissions the replaced file had.
  @Test func replacedReportKeepsItsPermissions() throws {
    let dir = try scratchFolder("mode")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = try writeFile(dir, "report.txt", "old\n")
    #expect(chmod(out, 0o640) == 0)
    let r = try corridor("solve", "models/oil-2030.toml", "--output", out)
    #expect(r.status == 0, "\(r)")
    var st = stat()
    #expect(stat(out, &st) == 0 && st.st_mode & 0o777 == 0o640, "mode \(String(st.st_mode & 0o777, radix: 8))")
    #expect(fileText(out) != "old\n")
  }

  // MARK: Item 14: bad values, options that do not apply, --log, OBJSENSE

  /// GLPK reads crossed bounds silently; simplex then failed with exit 70 and no message.
  @Test func crossedBoundsInAnLPFileAreExit65NamingTheColumn() throws {
    let dir = try scratchFolder("bounds")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lp = try writeFile(dir, "crossed.lp", "Minimize\n obj: x + y\nSubject To\n c1: x + y >= 1\nBounds\n 3 <= x <= 2\nEnd\n")
    let r = try corridor("solve", lp)
    #expect(r.status == 65, "\(r)")
    #expect(r.stderr.contains("crossed.lp") && r.stderr.contains("column 'x'") && r.stderr.contains("lower bound 3 above its upper bound 2"), "\(r.stderr)")
    #expect(r.stdout.isEmpty, "a report was printed: \(r.stdout.prefix(300))")
  }

  /// A folder is a missing input (66) whatever its name, and the message names it.
  @Test(arguments: ["model.toml", "plain-folder", "problem.lp"])
  func aFolderAsTheModelIsExit66(name: String) throws {
    let dir = try scratchFolder("folder")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let folder = dir + "/" + name
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for command in ["solve", "check"] where !(command == "check" && !name.hasSuffix(".toml")) {
      let r = try corridor(command, folder)
      #expect(r.status == 66, "\(command) \(name): \(r)")
      #expect(r.stderr.contains("'\(folder)'") && r.stderr.contains("folder"), "\(r.stderr)")
    }
  }

  /// `--time-limit -5` said "Missing value": ArgumentParser read -5 as an option.
  @Test(arguments: ["-5", "0", "abc", "nan", "inf"])
  func aBadTimeLimitSaysWhatIsWrong(value: String) throws {
    let r = try corridor("solve", "models/oil-2030.toml", "--time-limit", value)
    #expect(r.status == 64, "\(r)")
    #expect(r.stderr.contains("--time-limit must be a positive number of seconds") && r.stderr.contains("'\(value)'"), "\(r.stderr)")
    #expect(!r.stderr.contains("Missing value"))
  }

  /// Options that do not apply to the input's kind are usage errors, not ignored.
  @Test func optionsThatDoNotApplyAreUsageErrors() throws {
    let dir = try scratchFolder("options")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lp = try writeFile(dir, "tiny.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n")
    let cases: [(args: [String], option: String)] = [
      (["solve", "models/oil-2030.toml", "--mps-format", "fixed"], "--mps-format"),
      (["solve", lp, "--mps-format", "free"], "--mps-format"),
      (["solve", "models/oil-2030.toml", "--max"], "--max"),
      (["solve", lp, "--max"], "--max"),
      (["solve", "models/oil-2030.toml", "--data", "x.dat"], "--data"),
      (["solve", lp, "--scenario", "models/scenarios/cpc-minus-50.toml"], "--scenario"),
      (["export", "models/oil-2030.toml", "--lp", dir + "/a.lp", "--no-objsense"], "--no-objsense"),
    ]
    for c in cases {
      let r = try corridor(c.args)
      #expect(r.status == 64, "\(c.args): \(r)")
      #expect(r.stderr.contains(c.option + " applies to"), "\(c.args): \(r.stderr)")
    }
  }

  /// `--log` on a corridor model was dropped silently; now GLPK's log is on stderr
  /// and the report on stdout is the same as without it.
  @Test func logForACorridorModelGoesToStderr() throws {
    let plain = try corridor("solve", "models/oil-2030.toml")
    let logged = try corridor("solve", "models/oil-2030.toml", "--log")
    #expect(plain.status == 0 && logged.status == 0, "\(logged)")
    #expect(logged.stderr.contains("GLPK Simplex Optimizer") && logged.stderr.contains("OPTIMAL LP SOLUTION FOUND"), "\(logged.stderr.prefix(500))")
    #expect(!plain.stderr.contains("GLPK Simplex Optimizer"))
    let strip = { (s: String) in s.split(separator: "\n").filter { !$0.hasPrefix("timings") && !$0.contains(" ms") && !$0.contains(" s)") } }
    #expect(strip(plain.stdout) == strip(logged.stdout))
  }

  /// Interior point on electricity-2030 exited 0 with "certificate VIOLATED"
  /// (primal 2.9e-5). With the crossover the certificate holds and the
  /// objective equals the simplex one.
  @Test func interiorPointOnElectricityHoldsItsCertificate() throws {
    let simplex = try corridor("solve", "models/electricity-2030.toml", "--format", "json")
    let interior = try corridor("solve", "models/electricity-2030.toml", "--format", "json", "--algorithm", "interior")
    #expect(simplex.status == 0 && interior.status == 0, "\(interior)")
    #expect(!interior.stderr.contains("certificate"), "\(interior.stderr)")
    let a = try #require(jsonObject(simplex.stdout)), b = try #require(jsonObject(interior.stdout))
    let za = try #require(objectiveNumber(a)), zb = try #require(objectiveNumber(b))
    #expect(abs(za - zb) <= 1e-9 * abs(za), "simplex \(za), interior \(zb)")
    let cert = try #require(b["certificate"] as? [String: Any])
    #expect(cert["holds"] as? Bool == true, "\(cert)")
  }

  /// `--no-crossover` returns GLPK's bare interior point: on electricity-2030
  /// its certificate fails (primal 2.9e-5), which is exit 12 with a warning
  /// naming the measure, the report still written.
  @Test func bareInteriorPointWithAFailingCertificateIsExit12() throws {
    let r = try corridor("solve", "models/electricity-2030.toml", "--algorithm", "interior", "--no-crossover")
    #expect(r.status == 12, "\(r)")
    #expect(r.stderr.contains("corridor: warning:") && r.stderr.contains("certificate fails")
            && r.stderr.contains("primal violation"), "\(r.stderr)")
    #expect(r.stdout.contains("VIOLATED"), "the report was not written: \(r.stdout.prefix(300))")
    let misuse = try corridor("solve", "models/electricity-2030.toml", "--no-crossover")
    #expect(misuse.status == 64 && misuse.stderr.contains("--no-crossover applies to --algorithm interior"), "\(misuse)")
  }

  /// Free MPS export of a maximizing model carries OBJSENSE MAX; `corridor solve`
  /// reads it back to the same optimum without --max. With --no-objsense the
  /// section is left out and glpsol (which rejects it) solves the file with --max.
  @Test func exportedMPSCarriesTheObjectiveSense() throws {
    let dir = try scratchFolder("objsense")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let model = "models/oil-2030.toml"  // max-value
    let solved = try corridor("solve", model, "--format", "json")
    let solvedJSON = try #require(jsonObject(solved.stdout))
    let z = try #require(objectiveNumber(solvedJSON))
    let mps = dir + "/oil.mps"
    let e = try corridor("export", model, "--mps", mps)
    #expect(e.status == 0, "\(e)")
    let text = try #require(fileText(mps))
    var st = stat()
    let mask = try currentUmask()
    #expect(stat(mps, &st) == 0 && st.st_mode & 0o777 == 0o666 & ~mask, "mode \(String(st.st_mode & 0o777, radix: 8)), umask \(String(mask, radix: 8))")
    let lines = text.split(separator: "\n").map(String.init)
    let k = try #require(lines.firstIndex(of: "OBJSENSE"), "no OBJSENSE section:\n\(text.prefix(400))")
    #expect(lines[k + 1].trimmingCharacters(in: .whitespaces) == "MAX")
    #expect(lines.firstIndex(of: "ROWS")! > k)
    let back = try corridor("solve", mps, "--format", "json")
    #expect(back.status == 0, "\(back)")
    let json = try #require(jsonObject(back.stdout))
    #expect(json["sense"] as? String == "maximize", "\(json["sense"] ?? "nil")")
    let z2 = try #require(number(json["objective"]))
    #expect(abs(z2 - z) <= 1e-6 * abs(z), "export read back: \(z2), model: \(z)")

    let plainMPS = dir + "/oil-plain.mps"
    let e2 = try corridor("export", model, "--mps", plainMPS, "--no-objsense")
    #expect(e2.status == 0, "\(e2)")
    #expect(!(fileText(plainMPS) ?? "OBJSENSE").contains("OBJSENSE"))
    if let glpsol = glpsolPath {
      let g = try run(glpsol, ["--freemps", plainMPS, "--max"], in: dir)
      #expect(g.stdout.contains("OPTIMAL LP SOLUTION FOUND"), "\(g)")
      let rejected = try run(glpsol, ["--freemps", mps, "--max"], in: dir)
      #expect(rejected.stdout.contains("invalid indicator record"),
              "glpsol now reads OBJSENSE: the export --help text can drop its --no-objsense advice")
    }
  }

  /// `export --help` says where the sense is stored.
  @Test func exportHelpExplainsTheObjectiveSense() throws {
    let r = try corridor("export", "--help")
    let oneLine = r.stdout.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
    #expect(oneLine.contains("OBJSENSE section"), "\(r.stdout)")
    #expect(oneLine.contains("--no-objsense"))
  }

  // MARK: Item 16: help text layout and check's summary

  /// ArgumentParser wraps each given line to 80 columns but keeps the breaks it
  /// is given, so prose written with its own breaks at ~100 columns rendered
  /// as a long line, a stub of two words, a long line... Every prose line
  /// (not indented: lists and examples are) must be full: the next line's
  /// first word would not have fit. No line may exceed 80 columns.
  @Test(arguments: [[String](), ["solve"], ["check"], ["export"]])
  func helpProseWrapsCleanlyAt80Columns(command: [String]) throws {
    let dir = try scratchFolder("help")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/help.txt"
    FileManager.default.createFile(atPath: path, contents: nil)
    let out = try #require(FileHandle(forWritingAtPath: path))
    let r = try runCorridor(command + ["--help"], stdout: out, environment: ["COLUMNS": "80"])
    try? out.close()
    #expect(r.status == 0)
    let text = try #require(fileText(path))
    let prose = text.components(separatedBy: "\nUSAGE:").first ?? text
    let lines = prose.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (k, line) in lines.enumerated() {
      #expect(line.count <= 80, "\(command) line over 80 columns: \(line)")
      guard k + 1 < lines.count else { continue }
      let next = lines[k + 1]
      guard !line.isEmpty, !next.isEmpty, !line.hasPrefix(" "), !next.hasPrefix(" ") else { continue }
      let word = next.split(separator: " ").first.map(String.init) ?? ""
      // ArgumentParser fills lines to 79 columns at a width of 80.
      #expect(line.count + 1 + word.count > 79,
              "\(command) help breaks a line early (\"\(word)\" would fit):\n\(line)\n\(next)")
    }
    #expect(text.contains("73  output cannot be written"))
    // The subcommand list: each abstract on its one line.
    if let list = text.components(separatedBy: "SUBCOMMANDS:").dropFirst().first {
      let continued = list.split(separator: "\n").filter { $0.hasPrefix(String(repeating: " ", count: 26)) }
      #expect(continued.isEmpty, "a subcommand's abstract wraps: \(continued)")
    }
  }

  /// `check` printed "1 supplies", "1 constraints", "1 time slices".
  @Test func checkSummaryCountsInEnglish() throws {
    let r = try corridor("check", "models/oil-2030.toml")
    #expect(r.status == 0, "\(r)")
    for phrase in ["8 nodes", "7 corridors", "1 supply,", "5 markets", "0 storages", "0 rules", "1 constraint,", "1 time slice"] {
      #expect(r.stdout.contains(phrase), "missing '\(phrase)': \(r.stdout)")
    }
    #expect(!r.stdout.contains("1 time slices") && !r.stdout.contains("1 supplies"))
    let hourly = try corridor("check", "models/electricity-hourly-8760.toml")
    #expect(hourly.stdout.contains("8,760 time slices"), "\(hourly.stdout)")
  }
}

/// This process's umask (the binary inherits it), read without changing it.
private func currentUmask() throws -> mode_t {
  let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
  let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
  return try #require(mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8))
}

/// The JSON report's objective: a number or `{"value": …}`.
private func objectiveNumber(_ json: [String: Any]) -> Double? {
  if let n = number(json["objective"]) { return n }
  if let o = json["objective"] as? [String: Any] { return number(o["value"]) }
  return nil
}

/// Text handed from the FIFO reader thread to the test.
private final class Received: @unchecked Sendable {
  private let lock = NSLock()
  private var text = ""
  let done = DispatchSemaphore(value: 0)
  func set(_ s: String) { lock.lock(); text = s; lock.unlock() }
  func get() -> String { lock.lock(); defer { lock.unlock() }; return text }
}
