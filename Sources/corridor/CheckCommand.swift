import ArgumentParser
import CorridorModel

extension CorridorCommand {
  /// `corridor check MODEL`: validate only.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate a model and list every problem at once.",
      discussion: """
        Prints a one-line summary on success; warnings go to stderr.

        \(ExitStatus.help)
        """)

    @Argument(help: ArgumentHelp("The corridor model or scenario file (.toml).", valueName: "model"))
    var model: String

    @Option(help: "A scenario file to apply on top of the model.")
    var scenario: String?

    func run() throws {
      try runReporting {
        let m = try loadCorridorModel(model, scenario: scenario)
        try Output.standardOutput(Self.summary(m, path: model) + "\n")
        return .optimal
      }
    }

    /// `models/oil-2030.toml: ok — 8 nodes, 7 corridors, 1 supply, …`.
    static func summary(_ m: Model, path: String) -> String {
      let parts = [
        count(m.nodes.count, "node"), count(m.corridors.count, "corridor"),
        count(m.supplies.count, "supply", "supplies"), count(m.markets.count, "market"),
        count(m.storages.count, "storage"), count(m.rules.count, "rule"),
        count(m.constraints.count, "constraint"), count(m.slices.count, "time slice"),
      ] + (m.warnings.isEmpty ? [] : [count(m.warnings.count, "warning")])
      return "\(path): ok — " + parts.joined(separator: ", ")
    }
  }
}

/// "1 rule", "0 rules", "8,760 time slices".
func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
  var digits = String(n)
  var grouped = ""
  while digits.count > 3 {
    grouped = "," + digits.suffix(3) + grouped
    digits.removeLast(3)
  }
  return digits + grouped + " " + (n == 1 ? singular : plural ?? singular + "s")
}
