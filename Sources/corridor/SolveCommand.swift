import ArgumentParser
import CorridorModel
import CorridorPlanning
import Foundation
import LinearProgramming
import PlanReports

extension Corridor {
  /// `corridor solve FILE`: the main job.
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Solve a corridor model (.toml) or an LP/MIP file (.mps, .lp, .mod) and print a report.",
      discussion: """
        A .toml corridor model (or a scenario file that extends one) is solved and reported per corridor,
        country, market, rule and custom constraint. An .mps/.lp/.mod file is solved as it is and reported
        per variable and constraint. JSON output follows docs/json-schema.md.

        \(ExitStatus.help)
        """)

    @Argument(help: ArgumentHelp("The model: .toml (corridor model or scenario), .mps, .lp or .mod.", valueName: "file"))
    var file: String

    @Option(help: "A scenario file to apply on top of a .toml model.")
    var scenario: String?

    @Option(name: .customLong("data"), help: ArgumentHelp("A MathProg data file for a .mod model (repeatable).", valueName: "file.dat"))
    var dataFiles: [String] = []

    @Option(help: "Report format: table, markdown, json or csv.")
    var format: ReportFormat = .table

    @Option(help: ArgumentHelp("Write the report to this file instead of stdout (written only when complete).", valueName: "path"))
    var output: String?

    @Flag(help: "Maximize (an MPS file does not store the objective sense; the default is to minimize).")
    var max = false

    @Option(name: .customLong("mps-format"), help: "MPS dialect: free, fixed, or auto (free, then fixed).")
    var mpsFormat: MPSDialect = .auto

    @OptionGroup var solver: SolverFlags

    enum MPSDialect: String, ExpressibleByArgument, CaseIterable { case free, fixed, auto }

    var kind: InputKind { InputKind(path: file) }

    func validate() throws {
      guard kind != .unknown else {
        throw ValidationError("'\(file)' has no known extension: use .toml (corridor model), .mps, .lp or .mod")
      }
      if scenario != nil && kind != .toml { throw ValidationError("--scenario applies to .toml corridor models only") }
      if !dataFiles.isEmpty && kind != .mathProg { throw ValidationError("--data applies to .mod MathProg models only") }
      if max && kind != .mps { throw ValidationError("--max applies to .mps files only (LP, MathProg and corridor models state their sense)") }
    }

    func run() throws {
      try runReporting {
        try Output.checkWritable(output)
        switch kind {
        case .toml: return try solveCorridorModel()
        default: return try solveLPFile()
        }
      }
    }

    private func solveCorridorModel() throws -> ExitStatus {
      let model = try loadCorridorModel(file, scenario: scenario)
      let plan = try Planner(options: solver.options).plan(model)
      let text = try PlanReport(plan: plan).render(format)
      try Output.emit(text, to: output)
      return ExitStatus(plan.status)
    }

    private func solveLPFile() throws -> ExitStatus {
      var postsolve: String? = nil
      let program: LinearProgram
      var gmpl: MathProgModel? = nil
      switch kind {
      case .mps:
        program = try readMPS()
      case .cplexLP:
        program = try LinearProgram.read(file, format: .cplexLP)
      case .mathProg:
        let m = try MathProgModel(model: file, data: dataFiles)
        gmpl = m
        program = m.program
      default:
        throw CLIFailure(status: .usage, message: "unsupported input '\(file)'")
      }
      let solution = try program.solve(solver.options)
      if let gmpl, solution.primalStatus == .feasible {
        postsolve = try gmpl.postsolve()
      }
      let report = LPSolutionReport(file: file, program: program, solution: solution,
                                    postsolveOutput: postsolve, includeLog: solver.includeLog)
      try Output.emit(try report.render(format), to: output)
      return ExitStatus(solution.termination)
    }

    private func readMPS() throws -> LinearProgram {
      let sense: ObjectiveSense? = max ? .maximize : nil
      switch mpsFormat {
      case .free: return try LinearProgram.read(file, format: .freeMPS, sense: sense)
      case .fixed: return try LinearProgram.read(file, format: .fixedMPS, sense: sense)
      case .auto:
        do {
          return try LinearProgram.read(file, format: .freeMPS, sense: sense)
        } catch LPError.readFailed(_, let freeMessage) {
          do {
            return try LinearProgram.read(file, format: .fixedMPS, sense: sense)
          } catch LPError.readFailed(let path, let fixedMessage) {
            throw LPError.readFailed(path: path, message: "not valid free MPS (\(freeMessage)) nor fixed MPS (\(fixedMessage))")
          }
        }
      }
    }
  }
}

/// What a file is, by its extension.
enum InputKind: Equatable {
  case toml, mps, cplexLP, mathProg, unknown

  init(path: String) {
    let lower = path.lowercased()
    if lower.hasSuffix(".toml") { self = .toml }
    else if lower.hasSuffix(".mps") || lower.hasSuffix(".freemps") { self = .mps }
    else if lower.hasSuffix(".lp") { self = .cplexLP }
    else if lower.hasSuffix(".mod") { self = .mathProg }
    else { self = .unknown }
  }

  /// Missing or unreadable input is exit 66, distinct from a bad file (65).
  static func checkExists(_ path: String) throws(CLIFailure) {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
      throw CLIFailure(status: .inputMissing, message: "cannot open '\(path)': no such file")
    }
    guard !isDir.boolValue else {
      throw CLIFailure(status: .inputMissing, message: "cannot open '\(path)': it is a folder, not a file")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw CLIFailure(status: .inputMissing, message: "cannot open '\(path)': permission denied")
    }
  }
}

/// Loads a corridor model (and scenario), telling a missing file (exit 66)
/// from a bad one (65), and prints the loader's warnings to stderr.
func loadCorridorModel(_ path: String, scenario: String?) throws -> CorridorModel {
  try InputKind.checkExists(path)
  if let scenario { try InputKind.checkExists(scenario) }
  let model = try ModelLoader.load(path: path, scenario: scenario)
  for w in model.warnings { Output.plain(w.description) }
  return model
}
