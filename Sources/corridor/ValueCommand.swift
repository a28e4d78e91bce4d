import ArgumentParser
import CorridorModel
import CorridorPlanning
import Foundation
import LinearProgramming
import PlanReports

extension CorridorCommand {
  /// `corridor value MODEL`: what each corridor is worth (TOOT, PINT) and its value curve.
  struct Value: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "What each corridor is worth: TOOT, PINT, value curve.",
      discussion: """
        TOOT (take out one at a time) is the model's value minus its value without the \
        corridor; PINT (put in one at a time) is the value of the model without any of \
        the corridors studied, with this one added, minus its value without them \
        (ENTSO-E CBA 4.0, indicator B1). Each is split into every country's change of \
        net value, the tariffs the corridor collects and its congestion rent. The value \
        curve is the objective against the corridor's capacity (set in every slice) from \
        --from to --to (default 0 to twice its capacity): its exact breakpoints and slopes. \
        Every run is a warm re-solve of one planning session. See docs/corridor-value.md.

          corridor value models/electricity-2030.toml --corridor caspian \\
            --from "0 MW" --to "3 GW"
          corridor value models/oil-2030.toml --format json --output value.json

        \(ExitStatus.help)
        """)

    @Argument(help: ArgumentHelp("The corridor model (.toml, or a scenario file that extends one).", valueName: "file"))
    var file: String

    @Option(help: "A scenario file to apply on top of the model (the model as given is then the scenario).")
    var scenario: String?

    @Option(name: .customLong("corridor"), help: ArgumentHelp("A corridor to value (repeatable; default: every corridor). The PINT base lacks all of them.", valueName: "name"))
    var corridors: [String] = []

    @Option(help: ArgumentHelp("Lowest capacity of the value curve, with a unit of the corridor's commodity (\"0 MW\", \"10 Mt/yr\").", valueName: "rate"))
    var from: String?

    @Option(help: ArgumentHelp("Highest capacity of the value curve, with a unit (\"3 GW\").", valueName: "rate"))
    var to: String?

    @Option(help: "Also list the curve at this many evenly spaced steps between --from and --to (read off its pieces; 0: none).")
    var steps: Int = 0

    @Flag(name: .customLong("no-curve"), help: "Skip the value curves (TOOT and PINT only).")
    var noCurve = false

    @OptionGroup var report: ReportFlags
    var format: ReportFormat { report.format }
    var output: String? { report.output }

    @OptionGroup var solver: SolverFlags

    func validate() throws {
      guard file.lowercased().hasSuffix(".toml") else {
        throw ValidationError("'\(file)' is not a corridor model: corridor value reads a .toml model (or a scenario that extends one)")
      }
      guard (from == nil) == (to == nil) else { throw ValidationError("give --from and --to together (e.g. --from \"0 MW\" --to \"3 GW\")") }
      guard steps >= 0, steps <= 10_000 else { throw ValidationError("--steps is \(steps); give a number of steps from 0 to 10000") }
      if noCurve && from != nil { throw ValidationError("--no-curve and --from/--to contradict each other: give one or the other") }
      if solver.presolve { throw ValidationError("--presolve cannot be used with corridor value: its re-solves start from the last basis, which presolve discards") }
    }

    func run() throws {
      try runReporting {
        try Output.checkWritable(output)
        let model = try loadCorridorModel(file, scenario: scenario)
        try Output.refuseInput(output, option: "--output", inputs: modelInputs(model, file: file, scenario: scenario))
        let names = corridors.isEmpty ? model.corridors.map(\.name) : corridors
        var seen = Set<String>()
        for n in names {
          guard model.corridors.contains(where: { $0.name == n }) else {
            throw CLIFailure(status: .usage, message: "unknown corridor '\(n)' in --corridor; the corridors of '\(file)' are \(model.corridors.map(\.name).joined(separator: ", "))")
          }
          guard seen.insert(n).inserted else { throw CLIFailure(status: .usage, message: "corridor '\(n)' is named twice in --corridor; name each once") }
        }
        var ranges = try noCurve ? [] : names.map { try range(of: $0, in: model) }
        let session = try PlanningSession(model: model, options: solver.options)
        let valuation = try CorridorValuation(session: session)
        var notes: [String] = []
        if let why = valuation.curveUnavailableReason, !ranges.isEmpty {
          if from != nil { throw CLIFailure(status: .usage, message: "no value curve for '\(file)': \(why); drop --from/--to (TOOT and PINT still apply)") }
          notes.append("no value curves: \(why)")
          ranges = []
        }
        guard valuation.basePlan.provenOptimal else {
          throw CLIFailure(status: ExitStatus(valuation.basePlan.status),
                           message: "the model as given has no optimum (\(valuation.basePlan.status.rawValue)); solve it with 'corridor solve \(file)' to see why; nothing was valued")
        }
        let worth = try solver.withProgress("TOOT and PINT of \(SolverFlags.shortName(file))") { try valuation.worth(of: names) }
        var curves: [ValueCurve] = []
        for (n, r) in zip(names, ranges) {
          curves.append(try solver.withProgress("value curve of \(SolverFlags.shortName(n))") { try valuation.curve(of: n, from: r.lowerBound, to: r.upperBound) })
        }
        let doc = ValueDocument(valuation: valuation, modelPath: file, scenario: scenario, studied: names,
                                worth: worth, curves: curves, steps: steps, notes: notes)
        try Output.emit(try ValueReport(document: doc).render(format), to: output)
        return .optimal
      }
    }

    /// The curve's range for corridor `name`, in its commodity's unit.
    private func range(of name: String, in model: Model) throws -> ClosedRange<Double> {
      guard let c = model.corridors.first(where: { $0.name == name }), let k = model.commodity(named: c.commodity) else {
        throw CLIFailure(status: .usage, message: "unknown corridor '\(name)'")
      }
      guard let from, let to else { return 0...(2 * max(0, c.capacity.maximum)) }
      func parse(_ text: String, _ option: String) throws -> Double {
        do {
          return try Units.parse(text, family: k.family, in: k.unit)
        } catch {
          throw CLIFailure(status: .usage, message: "\(option) \"\(text)\" for corridor '\(name)' (\(k.name), in \(k.unit)): \(error.description)")
        }
      }
      let a = try parse(from, "--from"), b = try parse(to, "--to")
      guard a >= 0 else { throw CLIFailure(status: .usage, message: "--from \"\(from)\" is negative; a capacity is 0 or more") }
      guard a <= b else {
        throw CLIFailure(status: .usage, message: "--from \"\(from)\" (\(Units.format(a)) \(k.unit)) is above --to \"\(to)\" (\(Units.format(b)) \(k.unit)); give --from ≤ --to")
      }
      return a...b
    }
  }
}
