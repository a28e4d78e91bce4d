// Command-line options of corridor-bench: parsed by swift-argument-parser
// (BenchCommand), used as plain values (BenchOptions).
import ArgumentParser
import Glibc
import LinearProgramming

/// What one run of corridor-bench does (see ``BenchCommand`` for the flags).
struct BenchOptions {
  var horizons: [Int] = [24, 168]
  var algorithms: [SolverOptions.Algorithm] = [.primal, .dual, .interior, .auto]
  var presolve: [Bool] = [false, true]
  var repeatCount = 5
  var skipSolve = false
  var reference = false
  var referenceVariants: [ReferenceVariant] = [.math, .check, .mpsDefault, .mpsNopresol]
  var sharedPath: String?
  var timeLimit: Double?
  var glpkLogDirectory: String?
  var reportPath: String?
  var keepDirectory: String?
  var blockCrashHours: Int?
  var sameFile = false

  struct UsageError: Error, CustomStringConvertible { var description: String }

  /// The benchmark folder: --shared, else ../shared/bench beside the package root,
  /// found from the working directory, the executable or this source file.
  func resolveShared() throws(UsageError) -> String {
    if let s = sharedPath {
      guard fileExists(s + "/caspian.mod"), fileExists(s + "/gen_dat.py") else {
        throw UsageError(description: "--shared \(s): no caspian.mod and gen_dat.py there")
      }
      return realPath(s) ?? s
    }
    var starts: [String] = []
    if let cwd = realPath(".") { starts.append(cwd) }
    if let exe = realPath("/proc/self/exe") { starts.append(parentDirectory(exe)) }
    if let src = realPath(#filePath) { starts.append(parentDirectory(src)) }
    for start in starts {
      var dir = start
      while true {
        if fileExists(dir + "/Package.swift") {
          let candidate = parentDirectory(dir) + "/shared/bench"
          if fileExists(candidate + "/caspian.mod") { return realPath(candidate) ?? candidate }
        }
        let up = parentDirectory(dir)
        if up == dir { break }
        dir = up
      }
    }
    throw UsageError(description: "cannot find shared/bench beside the package root; pass --shared PATH")
  }
}

/// The command line of corridor-bench.
///
/// Lists are comma-separated (`--T 24,168`); each list option checks its
/// items and names the bad one. `main.swift` parses it with ``parseOrExit()``,
/// which keeps the benchmark's exit status 2 for usage errors (0 for `--help`).
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "corridor-bench",
    abstract: "Benchmark of the LinearProgramming layer on the \"Caspian corridors\" LP.",
    discussion: """
      Builds and solves the "Caspian corridors" benchmark LP (shared/bench/README.md) \
      through the LinearProgramming layer and reports build and solve times, objective \
      errors, certificates, memory and, with --reference, glpsol's times on the same LP. \
      See docs/performance.md; scripts/bench.sh runs the standard set.

      Exit status: 0 when every optimal objective is within 1e-7 (relative) of the \
      README's value (or, for other T, of each other and glpsol), 1 otherwise, 2 on \
      usage errors.
      """)

  @Option(name: [.customLong("T"), .customLong("t")],
          help: ArgumentHelp("Horizons (hours), e.g. 24,168,8760 (default 24,168).", valueName: "list"),
          transform: BenchCommand.horizons)
  var horizons: [Int] = [24, 168]

  @Option(help: ArgumentHelp("primal,dual,interior,auto (default all four), or none.", valueName: "list"),
          transform: BenchCommand.algorithms)
  var algorithms: [SolverOptions.Algorithm] = [.primal, .dual, .interior, .auto]

  @Option(help: ArgumentHelp("on,off (default off,on; interior has no presolve and runs once).", valueName: "list"),
          transform: BenchCommand.presolveList)
  var presolve: [Bool] = [false, true]

  @Option(name: .customLong("repeat"),
          help: ArgumentHelp("Builds per horizon, median reported; solves are repeated N times too when T <= 2000, else run once.", valueName: "N"))
  var repeatCount: Int = 5

  @Flag(help: "Build only.")
  var skipSolve = false

  @Flag(help: "Also run glpsol: translate+solve and translate-only on caspian.mod, and the layer's free MPS with glpsol's default and with --nopresol (see --reference-runs).")
  var reference = false

  @Option(help: ArgumentHelp(
    "glpsol runs for --reference (implies it): \(ReferenceVariant.allCases.map(\.rawValue).joined(separator: ", ")) (default math,check,mps-default,mps-nopresol).",
    valueName: "list"),
          transform: BenchCommand.referenceRuns)
  var referenceRuns: [ReferenceVariant]?

  @Option(help: ArgumentHelp("The benchmark folder (default: ../shared/bench beside the package root).", valueName: "path"))
  var shared: String?

  @Option(help: ArgumentHelp("Per solve, seconds (simplex and glpsol; GLPK's interior point has none).", valueName: "s"))
  var timeLimit: Double?

  @Option(name: .customLong("glpk-log"), help: ArgumentHelp("Keep GLPK's output of every solve in DIR.", valueName: "dir"))
  var glpkLog: String?

  @Option(help: ArgumentHelp("Also write the results as Markdown to PATH.", valueName: "path"))
  var report: String?

  @Option(help: ArgumentHelp("Also solve from the block crash basis (blocks of HOURS hours, fair rows priced in; shared/GLPK-NOTES.md), built outside the layer and installed with setStartingBasis, then primal simplex.", valueName: "hours"))
  var blockCrash: Int?

  @Flag(help: "With --reference: also solve (auto, presolve off) the layer's MPS read back, i.e. exactly the numbers glpsol reads.")
  var sameFile = false

  @Option(help: ArgumentHelp("Generate the .dat/.mps files in DIR and keep them (default: a temporary directory, removed at the end).", valueName: "dir"))
  var keep: String?

  func validate() throws {
    guard repeatCount >= 1 else { throw ValidationError("--repeat needs an integer ≥ 1") }
    if let t = timeLimit, !(t > 0 && t.isFinite) { throw ValidationError("--time-limit needs seconds > 0") }
    if let h = blockCrash, h < 1 { throw ValidationError("--block-crash needs hours ≥ 1") }
  }

  /// The parsed flags as the benchmark's options.
  var options: BenchOptions {
    var o = BenchOptions()
    o.horizons = horizons
    o.algorithms = algorithms
    o.presolve = presolve
    o.repeatCount = repeatCount
    o.skipSolve = skipSolve
    o.reference = reference || referenceRuns != nil
    if let runs = referenceRuns { o.referenceVariants = runs }
    o.sharedPath = shared
    o.timeLimit = timeLimit
    o.glpkLogDirectory = glpkLog
    o.reportPath = report
    o.keepDirectory = keep
    o.blockCrashHours = blockCrash
    o.sameFile = sameFile
    return o
  }

  /// Parses the process's arguments; prints help (exit 0) or the error with
  /// the usage (exit 2) and exits when they are not a run.
  static func parseOrExit() -> BenchCommand {
    do {
      return try parse()
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        emit(fullMessage(for: error))
        Glibc.exit(0)
      }
      emit(fullMessage(for: error), fd: 2)
      Glibc.exit(2)
    }
  }

  // MARK: List values

  private static func items(_ s: String) -> [String] {
    s.split(separator: ",").map { String($0).lowercased() }
  }

  /// Ascending and without repeats: the process's peak memory then belongs to the largest T so far.
  static func horizons(_ s: String) throws -> [Int] {
    var hs: [Int] = []
    for item in items(s) {
      guard let t = Int(item), t >= 2 else { throw ValidationError("'\(item)' is not a horizon ≥ 2") }
      hs.append(t)
    }
    return Array(Set(hs)).sorted()
  }

  static func algorithms(_ s: String) throws -> [SolverOptions.Algorithm] {
    var algs: [SolverOptions.Algorithm] = []
    for item in items(s) where item != "none" {
      guard let alg = SolverOptions.Algorithm(rawValue: item) else {
        throw ValidationError("unknown '\(item)' (primal, dual, interior, auto, or none)")
      }
      algs.append(alg)
    }
    return algs
  }

  static func presolveList(_ s: String) throws -> [Bool] {
    var ps: [Bool] = []
    for item in items(s) {
      switch item {
      case "on", "true", "yes": ps.append(true)
      case "off", "false", "no": ps.append(false)
      default: throw ValidationError("'\(item)' is neither on nor off")
      }
    }
    return ps
  }

  static func referenceRuns(_ s: String) throws -> [ReferenceVariant] {
    var vs: [ReferenceVariant] = []
    for item in items(s) {
      guard let v = ReferenceVariant(rawValue: item) else {
        throw ValidationError("unknown '\(item)' (\(ReferenceVariant.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      vs.append(v)
    }
    return vs
  }
}
