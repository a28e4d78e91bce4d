import ArgumentParser
import Glibc

/// `corridor`: plan how scarce export-corridor capacity is shared among countries.
@main
struct CorridorCommand: ParsableCommand {
  // Help texts: ArgumentParser re-wraps every line of an abstract or
  // discussion to the terminal width (80 columns when not a terminal) but
  // keeps the line breaks it is given. So a paragraph is written as one
  // logical line (`\` continues a literal line without a break), and only
  // lists and examples, each line shorter than 80 columns, carry breaks.
  static let configuration = CommandConfiguration(
    commandName: "corridor",
    abstract: "Plan export corridors (power, fiber, oil) with linear programming.",
    discussion: """
      Solve a corridor model (.toml) or a plain LP/MIP file (.mps, .lp, .mod) \
      with GLPK and report optimal flows, allocations among countries, shadow \
      prices and binding rules.

        corridor solve models/electricity-2030.toml
        corridor solve models/scenarios/cpc-minus-50.toml --format json \\
          --output cpc.json
        corridor check models/oil-2030.toml
        corridor export models/fiber-2030.toml --lp fiber.lp
        corridor explain infeasible.lp --write iis.lp

      \(ExitStatus.help)
      """,
    version: "0.1.0",
    subcommands: [Solve.self, Check.self, Export.self, Diff.self, Contingency.self, Value.self, Explain.self, Sweep.self],
    defaultSubcommand: nil
  )

  /// Parses and runs like ArgumentParser's own `main()`, but sends its
  /// messages (help, usage errors) through ``Output``, so that help written
  /// to a full disk is exit 73 with a message instead of a silent loss.
  static func main() {
    let status: Int32
    do {
      var command = try parseAsRoot()
      try command.run()
      status = 0
    } catch {
      status = report(error)
    }
    Glibc.exit(status)
  }

  /// Prints what ArgumentParser has to say about `error` and returns the exit status.
  private static func report(_ error: any Error) -> Int32 {
    let code = exitCode(for: error)
    let message = fullMessage(for: error)
    guard !message.isEmpty else { return code.rawValue }
    guard code == .success else {
      Output.plain(message)
      return code.rawValue
    }
    do {
      try Output.standardOutput(message + "\n")
    } catch {
      Output.error(error.message)
      return ExitStatus.cannotWrite.rawValue
    }
    return code.rawValue
  }
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
