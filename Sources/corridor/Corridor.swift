import ArgumentParser

/// `corridor`: plan how scarce export-corridor capacity is shared among countries.
@main
struct Corridor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "corridor",
    abstract: "Plan export corridors (power, fiber, oil) with linear programming over GLPK.",
    discussion: """
      Solve a corridor model (.toml) or a plain LP/MIP file (.mps, .lp, .mod) and report optimal
      flows, allocations among countries, shadow prices and binding rules.

        corridor solve models/electricity-2030.toml
        corridor solve models/scenarios/cpc-minus-50.toml --format json --output cpc.json
        corridor check models/oil-2030.toml
        corridor export models/fiber-2030.toml --lp fiber.lp

      \(ExitStatus.help)
      """,
    version: "0.1.0",
    subcommands: [Solve.self, Check.self, Export.self, Diff.self],
    defaultSubcommand: nil
  )
}

/// Runs a command body, printing any failure to stderr and exiting with its status.
func runReporting(_ body: () throws -> ExitStatus) throws {
  let status: ExitStatus
  do {
    status = try body()
  } catch {
    let failure = CLIFailure(error)
    if failure.preformatted { Output.plain(failure.message) } else { Output.error(failure.message) }
    throw failure.status.code
  }
  if status != .optimal { throw status.code }
}
