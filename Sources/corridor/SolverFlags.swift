import Foundation
import ArgumentParser
import LinearProgramming
import PlanReports

extension SolverOptions.Algorithm: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// Solver options shared by the commands that solve.
struct SolverFlags: ParsableArguments {
  @Option(help: "LP algorithm: primal, dual, interior (followed by a crossover to an optimal basis) or auto (measured fastest for corridor LPs).")
  var algorithm: SolverOptions.Algorithm = .auto

  // `.unconditional`: take the next word even when it starts with "-", so
  // `--time-limit -5` reaches `validate` and is explained, instead of
  // ArgumentParser's "Missing value" (it reads "-5" as an option).
  @Option(name: .customLong("time-limit"), parsing: .unconditional,
          help: ArgumentHelp("Stop after this many seconds (a positive number).", valueName: "seconds"))
  var timeLimit: String?

  @Flag(name: .customLong("no-crossover"), help: "With --algorithm interior: return GLPK's interior point as it is, without the crossover to an optimal vertex (faster on large models; approximate figures, no ranging; exit 12 when the certificate fails).")
  var noCrossover = false

  @Flag(help: "Run GLPK's presolver (faster on some LPs; no warm start or ranging afterwards).")
  var presolve = false

  @Option(name: .customLong("mip-gap"), parsing: .unconditional,
          help: ArgumentHelp("For a model with discrete build options (a MIP): stop branch and cut once the plan is within this relative gap of the best bound, as a percentage (\"1 %\", default 0: proven optimal).", valueName: "percent"))
  var mipGap: String?

  @Flag(help: "No progress on stderr: on a terminal a one-line indicator (time, simplex iteration, branch and cut's bound and gap) shows after a second; elsewhere branch and cut writes a line every 2 s after 3 s.")
  var quiet = false

  @Flag(name: .customLong("log"), help: "Show GLPK's solver log: in the report for .mps, .lp and .mod files, on stderr for corridor models.")
  var includeLog = false

  func validate() throws {
    _ = try seconds()
    _ = try gap()
    if noCrossover && algorithm != .interior {
      throw ValidationError("--no-crossover applies to --algorithm interior only")
    }
  }

  /// The time limit in seconds, or nil; a usage error for anything but a positive finite number.
  func seconds() throws(ValidationError) -> Double? {
    try Self.seconds(timeLimit)
  }

  /// A `--time-limit` value in seconds (nil for none); a usage error for anything but a
  /// positive finite number. Shared with `explain`, whose limit covers the whole analysis.
  static func seconds(_ timeLimit: String?) throws(ValidationError) -> Double? {
    guard let text = timeLimit else { return nil }
    guard let t = Double(text), t.isFinite, t > 0 else {
      throw ValidationError("--time-limit must be a positive number of seconds (such as 60 or 0.5), not '\(text)'")
    }
    return t
  }

  /// The `--mip-gap` as a fraction, or nil; a usage error for anything but a percentage in [0, 100).
  func gap() throws(ValidationError) -> Double? {
    guard let text = mipGap else { return nil }
    let t = text.trimmingCharacters(in: .whitespaces)
    let number = t.hasSuffix("%") ? String(t.dropLast()).trimmingCharacters(in: .whitespaces) : t
    guard t.hasSuffix("%"), let v = Double(number), v.isFinite, v >= 0, v < 100 else {
      throw ValidationError("--mip-gap must be a percentage from 0 % to below 100 % (such as \"1 %\" or 0.5%), not '\(text)'")
    }
    return v / 100
  }

  /// Runs `body` with the progress indicator (on a terminal, unless `--quiet`).
  func withProgress<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    try ProgressIndicator.run(label, enabled: !quiet, body)
  }

  /// A file's last path component, for progress labels.
  static func shortName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

  var options: SolverOptions {
    var o = SolverOptions(algorithm: algorithm, presolve: presolve, timeLimit: (try? seconds()) ?? nil,
                          mipGap: (try? gap()) ?? nil, captureLog: includeLog, crossover: !noCrossover)
    // On a terminal the one-line indicator shows branch and cut's progress; elsewhere (a
    // log file, a batch job) it writes lines.
    o.mipProgress = !quiet && isatty(2) == 0
    return o
  }
}
