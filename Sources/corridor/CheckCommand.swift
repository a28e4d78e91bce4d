import ArgumentParser
import CorridorModel

extension Corridor {
  /// `corridor check MODEL`: validate only.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate a corridor model (and scenario) and list every problem at once.",
      discussion: "Prints nothing but a summary line on success (warnings go to stderr).\n\n\(ExitStatus.help)")

    @Argument(help: ArgumentHelp("The corridor model or scenario file (.toml).", valueName: "model"))
    var model: String

    @Option(help: "A scenario file to apply on top of the model.")
    var scenario: String?

    func run() throws {
      try runReporting {
        let m = try loadCorridorModel(model, scenario: scenario)
        print("\(model): ok — \(m.nodes.count) nodes, \(m.corridors.count) corridors, \(m.supplies.count) supplies, \(m.markets.count) markets, \(m.storages.count) storages, \(m.rules.count) rules, \(m.constraints.count) constraints, \(m.slices.count) time slices" + (m.warnings.isEmpty ? "" : ", \(m.warnings.count) warning(s)"))
        return .optimal
      }
    }
  }
}
