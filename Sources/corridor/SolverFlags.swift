import ArgumentParser
import LinearProgramming
import PlanReports

extension SolverOptions.Algorithm: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// Solver options shared by the commands that solve.
struct SolverFlags: ParsableArguments {
  @Option(help: "LP algorithm: primal, dual, interior or auto (measured fastest for corridor LPs).")
  var algorithm: SolverOptions.Algorithm = .auto

  @Option(name: .customLong("time-limit"), help: ArgumentHelp("Stop after this many seconds (simplex and MIP).", valueName: "seconds"))
  var timeLimit: Double?

  @Flag(help: "Run GLPK's presolver (faster on some LPs; no warm start or ranging afterwards).")
  var presolve = false

  @Flag(name: .customLong("log"), help: "Include GLPK's solver log in the report.")
  var includeLog = false

  func validate() throws {
    if let t = timeLimit, !(t.isFinite && t > 0) {
      throw ValidationError("--time-limit must be a positive number of seconds, not \(t)")
    }
  }

  var options: SolverOptions {
    SolverOptions(algorithm: algorithm, presolve: presolve, timeLimit: timeLimit, captureLog: includeLog)
  }
}
