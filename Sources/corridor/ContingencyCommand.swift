import ArgumentParser
import CorridorModel
import CorridorPlanning
import Foundation
import LinearProgramming
import PlanReports

extension CorridorCommand {
  /// `corridor contingency MODEL`: N-1 (or N-2) over the corridors, ranked by criticality.
  struct Contingency: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rank corridors by what losing them costs (N-1, N-2).",
      discussion: """
        Solves the model, then, for each corridor (every enabled one, or those \
        named with --corridor), the model with that corridor out, and reports \
        per outage: the objective lost (absolute and as a share of the base), \
        what each country loses in net value, which corridors take the flow \
        over, and the commitments (firm volumes, minimum shares) that can no \
        longer be met; then a ranking by criticality. An outage without a \
        feasible plan is reported as infeasible; it is a result, not a failure \
        of the run.

        --derate F takes away the fraction F of the capacity instead (0.5 \
        halves it; 1, the default, takes the corridor out). --slices A..B \
        confines the outage to slices A to B, both included, each a slice name \
        or a 1-based position; a name wins over a position (the hourly model \
        names its slices 0 to 8759 by hour, so --slices 2161..4344 is those hours, \
        positions 2162 to 4345). Other slices keep the corridor as given; the \
        report states the window by position and by name.

        Every outage is a warm re-solve from the base plan's basis. Outages run \
        in parallel on --jobs worker threads (default: every core); each keeps \
        its own session, so results do not depend on --jobs.

          corridor contingency models/electricity-2030.toml
          corridor contingency models/oil-2030.toml --corridor cpc --derate 0.5
          corridor contingency models/fiber-2030.toml --pairs --format json

        The exit code is 0 when the base plan is optimal (whatever the outages \
        give), 64 for a bad option (an unknown corridor, a derate outside 0..1, \
        a slice window outside the horizon, --jobs below 1).

        \(ExitStatus.help)
        """)

    @Argument(help: ArgumentHelp("The corridor model or scenario file (.toml).", valueName: "model"))
    var model: String

    @Option(help: "A scenario file to apply to the model: the base of every outage.")
    var scenario: String?

    @Option(name: .customLong("corridor"), help: ArgumentHelp("A corridor to take out (repeatable; default: every enabled corridor).", valueName: "name"))
    var corridors: [String] = []

    @Option(help: ArgumentHelp("The fraction of capacity lost, 0 to 1 (default 1: the corridor is out; 0.5 halves it).", valueName: "fraction"))
    var derate: Double = 1

    @Option(help: ArgumentHelp("Confine the outage to slices A..B (both included; slice names or 1-based positions).", valueName: "A..B"))
    var slices: String?

    @Flag(help: "Take out every pair of the corridors at once (N-2) instead of each alone.")
    var pairs = false

    @Option(help: ArgumentHelp("Worker threads, 1 or more (default: every core).", valueName: "n"))
    var jobs: Int = ContingencyOptions.defaultJobs

    @Flag(help: "Solve each outage from scratch instead of from the base plan's basis (a reference for the warm figures; slower).")
    var cold = false

    @OptionGroup var report: ReportFlags
    var format: ReportFormat { report.format }
    var output: String? { report.output }

    @OptionGroup var solver: SolverFlags

    func validate() throws {
      if InputKind(path: model) != .toml {
        throw ValidationError("'\(model)' is not a corridor model: contingency takes a .toml model or scenario file")
      }
      guard derate.isFinite, (0...1).contains(derate) else {
        throw ValidationError("--derate \(derate) is not allowed: give the fraction of capacity lost, from 0 to 1 (1 takes the corridor out, 0.5 halves it)")
      }
      guard jobs >= 1 else {
        throw ValidationError("--jobs \(jobs) is not allowed: give 1 or more worker threads (default: every core, \(ContingencyOptions.defaultJobs))")
      }
    }

    func run() throws {
      try runReporting {
        try Output.checkWritable(output)
        let loaded = try loadCorridorModel(model, scenario: scenario)
        try Output.refuseInput(output, option: "--output", inputs: modelInputs(loaded, file: model, scenario: scenario))
        do { try ContingencyAnalysis.checkFixedNetwork(loaded) } catch let e as ContingencyError {
          throw CLIFailure(status: .badInput, message: "\(model): \(e.message)")
        }
        var options = ContingencyOptions(corridors: corridors.isEmpty ? nil : corridors, derate: derate, pairs: pairs, jobs: jobs, cold: cold)
        do {
          if let slices { options.slices = try SliceWindow.parse(slices, slices: loaded.slices) }
          _ = try options.outages(of: loaded)
        } catch let e as ContingencyError {
          throw CLIFailure(status: .usage, message: e.message)
        }
        let result: ContingencyResult
        do {
          result = try solver.withProgress("outages of \(SolverFlags.shortName(model))") { try ContingencyAnalysis.run(model: loaded, options: options, solver: solver.options) }
        } catch let e as ContingencyError {
          throw CLIFailure(status: .infeasible, message: e.message)
        }
        let report = ContingencyReport(result: result, model: model, scenarios: scenario.map { [$0] } ?? [])
        try Output.emit(try report.render(format), to: output)
        return .optimal
      }
    }
  }
}
