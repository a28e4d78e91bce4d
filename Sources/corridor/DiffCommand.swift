import ArgumentParser
import CorridorModel
import CorridorPlanning
import Foundation
import PlanReports

extension CorridorCommand {
  /// `corridor diff BASE OTHER` or `corridor diff MODEL --scenario FILE`: what changes.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare the plans of two models, or of a scenario.",
      discussion: """
        Compares two plans entry by entry, by name: the objective and certificate
        of both; per corridor capacity, flow, utilization and shadow price; per
        country volume (supply used), revenue, net value and achieved share under
        each share rule; markets; rules and custom constraints, and whether they
        start or stop binding. Entries in one model only are added or removed.

        Only changes are listed: a figure changed when
          |after − before| > TOLERANCE · max(1, |before|, |after|)
        (relative above 1, absolute below). --all lists every entry. A model
        compared with itself gives an empty diff, and says so.

          corridor diff models/oil-2030.toml \\
            --scenario models/scenarios/cpc-minus-50.toml
          corridor diff models/scenarios/cpc-minus-50.toml \\
            models/scenarios/cpc-minus-50-caspian-stretch.toml

        The report is printed whenever both models load. The exit code is 0 when
        both plans are optimal, else that of the first that is not (base, then
        other): an infeasible scenario exits 10 after its report.

        \(ExitStatus.help)
        """)

    @Argument(help: ArgumentHelp("The base corridor model or scenario file (.toml).", valueName: "base"))
    var base: String

    @Argument(help: ArgumentHelp("The other model or scenario file (.toml); omit it with --scenario.", valueName: "other"))
    var other: String?

    @Option(help: "A scenario file: the other side is BASE with this scenario applied (instead of OTHER).")
    var scenario: String?

    @Option(help: ArgumentHelp("A figure changed when |after − before| > this × max(1, |before|, |after|).", valueName: "fraction"))
    var tolerance: Double = PlanDiff.defaultTolerance

    @Flag(help: "List every entry of both plans, changed or not.")
    var all = false

    @OptionGroup var report: ReportFlags
    var format: ReportFormat { report.format }
    var output: String? { report.output }

    @OptionGroup var solver: SolverFlags

    func validate() throws {
      switch (other, scenario) {
      case (nil, nil):
        throw ValidationError("nothing to compare '\(base)' with: give a second model (corridor diff BASE OTHER) or --scenario FILE")
      case (.some, .some):
        throw ValidationError("give either a second model or --scenario, not both (corridor diff BASE OTHER, or corridor diff MODEL --scenario FILE)")
      default: break
      }
      for (label, path) in [("base", base), ("other", other), ("--scenario", scenario)] {
        if let path, InputKind(path: path) != .toml {
          throw ValidationError("\(label) '\(path)' is not a corridor model: diff compares .toml models and scenarios only")
        }
      }
      guard tolerance.isFinite, tolerance >= 0, tolerance < 1 else {
        throw ValidationError("--tolerance must be a number from 0 up to (not including) 1, e.g. 1e-6; got \(tolerance)")
      }
    }

    func run() throws {
      try runReporting {
        try Output.checkWritable(output)
        // Both files are checked before either is solved: a typo in the second one
        // should not cost a solve of the first.
        let baseModel = try loadCorridorModel(base, scenario: nil)
        let otherModel = try loadCorridorModel(other ?? base, scenario: scenario)
        let planner = Planner(options: solver.options)
        let basePlan = try solver.withProgress("solving \(SolverFlags.shortName(base))") { try planner.plan(baseModel) }
        let otherPlan = try solver.withProgress("solving \(SolverFlags.shortName(other ?? scenario ?? base))") { try planner.plan(otherModel) }
        let diff = PlanDiff(base: basePlan, other: otherPlan, tolerance: tolerance, all: all)
        let run = RunReport(base: base, other: other, scenarios: scenario.map { [$0] } ?? [])
        try Output.emit(try DiffReport(diff: diff, run: run).render(format), to: output)
        let statuses = [ExitStatus(basePlan.status), ExitStatus(otherPlan.status)]
        return statuses.first { $0 != .optimal } ?? .optimal
      }
    }
  }
}
