import ArgumentParser
import CorridorModel
import CorridorPlanning
import Foundation
import LinearProgramming
import PlanReports

extension CorridorCommand {
  /// `corridor solve FILE`: the main job.
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Solve a corridor model or an LP/MIP file and report.",
      discussion: """
        A .toml corridor model (or a scenario file that extends one) is solved \
        and reported per corridor, country, market, rule and custom constraint. \
        An .mps, .lp or .mod file is solved as it is and reported per variable \
        and constraint. JSON output follows docs/json-schema.md.

        Options that do not apply to the kind of file given (--scenario, \
        --data, --max, --mps-format) are usage errors.

        \(ExitStatus.help)
        """)

    @Argument(help: ArgumentHelp("The model: .toml (corridor model or scenario), .mps, .lp or .mod.", valueName: "file"))
    var file: String

    @Option(help: "A scenario file to apply on top of a .toml model.")
    var scenario: String?

    @OptionGroup var report: ReportFlags
    var format: ReportFormat { report.format }
    var output: String? { report.output }

    @OptionGroup var lpFile: LPFileFlags

    @Flag(name: .customLong("no-explain"), help: "When a corridor model is infeasible, do not explain why (by default the report ends with the entries that cannot hold together, found within --time-limit or two minutes; see corridor explain).")
    var noExplain = false

    @OptionGroup var solver: SolverFlags

    var kind: InputKind { InputKind(path: file) }

    /// Options that do not fit the file's kind are usage errors (exit 64);
    /// a file of no known kind is checked in `run`, after its existence.
    func validate() throws {
      guard kind != .unknown else { return }
      if scenario != nil && kind != .toml { throw ValidationError("--scenario applies to .toml corridor models only, not to '\(file)'") }
      if noExplain && kind != .toml { throw ValidationError("--no-explain applies to .toml corridor models only; explain an LP file with 'corridor explain \(file)'") }
      try lpFile.check(kind: kind, file: file)
    }

    func run() throws {
      try runReporting {
        // A folder is exit 66 whatever its name says; an unknown extension
        // is a usage error; then a missing file is 66.
        if InputKind.isFolder(file) { try InputKind.checkExists(file) }
        guard kind != .unknown else {
          throw CLIFailure(status: .usage, message: "'\(file)' has no known extension: use .toml (corridor model), .mps, .lp or .mod")
        }
        try InputKind.checkExists(file)
        try Output.checkWritable(output)
        switch kind {
        case .toml: return try solveCorridorModel()
        default: return try solveLPFile()
        }
      }
    }

    private func solveCorridorModel() throws -> ExitStatus {
      let model = try loadCorridorModel(file, scenario: scenario)
      try Output.refuseInput(output, option: "--output", inputs: modelInputs(model, file: file, scenario: scenario))
      let t0 = Date()
      let formulation = try Formulation(model: model)
      let built = Date()
      var plan = try solver.withProgress("solving \(SolverFlags.shortName(file))") { try Planner(options: solver.options).solve(formulation) }
      plan.timings.build = built.timeIntervalSince(t0)
      if plan.provenOptimal, !plan.investments.isEmpty {
        // What each build adds against the best plan without it (one re-solve per build),
        // within what is left of the time limit.
        let left = solver.options.timeLimit.map { Swift.max(0.001, $0 - Date().timeIntervalSince(t0)) }
        try solver.withProgress("valuing each build of \(SolverFlags.shortName(file))") {
          try InvestmentValuation.addValues(to: &plan, formulation: formulation, planner: Planner(options: solver.options), timeLimit: left)
        }
      }
      if solver.includeLog {
        // A corridor report has no log section: GLPK's log goes to stderr.
        Output.standardError(formulation.program.log)
      }
      var why: ExplainDocument?
      if plan.status == .infeasible && !noExplain {
        // The same analysis as `corridor explain`, with its defaults; the solve's time limit
        // (or two minutes) bounds it, and a set it could not prove irreducible says so.
        var options = ExplainOptions(timeLimit: solver.options.timeLimit ?? 120, solver: solver.options)
        options.solver.timeLimit = nil
        let e = try Explainer.explain(formulation: formulation, options: options)
        if e.status == .infeasible { why = ExplainDocument(explanation: e, model: file, scenarios: model.scenarioNames) }
      }
      let text = try PlanReport(plan: plan, infeasibility: why, layout: MapLayout(model: model)).render(format)
      try Output.emit(text, to: output)
      return judge(ExitStatus(plan.status), plan.status, plan.certificate)
    }

    private func solveLPFile() throws -> ExitStatus {
      let inputs: [(path: String, role: String)] = [(file, "the model")] + lpFile.inputs
      try Output.refuseInput(output, option: "--output", inputs: inputs)
      var postsolve: String? = nil
      let (program, gmpl) = try lpFile.read(file, kind: kind)
      let solution = try solver.withProgress("solving \(SolverFlags.shortName(file))") { try program.solve(solver.options) }
      if let gmpl, solution.primalStatus == .feasible {
        postsolve = try gmpl.postsolve()
      }
      let report = LPSolutionReport(file: file, program: program, solution: solution,
                                    postsolveOutput: postsolve, includeLog: solver.includeLog)
      try Output.emit(try report.render(format), to: output)
      return judge(ExitStatus(solution.termination), solution.termination, solution.certificate)
    }

    private func judge(_ status: ExitStatus, _ termination: TerminationStatus, _ certificate: Certificate?) -> ExitStatus {
      let (judged, warning) = ExitStatus.judge(status, termination: termination, certificate: certificate)
      if let warning { Output.warning(warning) }
      return judged
    }
  }
}

/// The stderr warning for an answer whose certificate fails.
enum CertificateWarning {
  static func text(_ c: Certificate) -> String {
    let tolerance = 1e-7
    var failed: [String] = []
    func check(_ name: String, _ value: Double?) {
      if let v = value, v > tolerance { failed.append("\(name) \(String(format: "%.1e", v))") }
    }
    check("primal violation", Swift.max(c.maxBoundViolation, c.maxRowViolation))
    check("dual infeasibility", c.maxDualInfeasibility)
    check("complementarity", c.maxComplementarityViolation)
    check("duality gap", c.relativeGap)
    check("integrality", c.maxIntegralityViolation)
    return "the solver reports an optimum, but its certificate fails (\(failed.joined(separator: ", ")) > \(tolerance), relative): "
      + "figures may be inaccurate by about that much. Try --algorithm primal or dual (or interior with its crossover), or check the model's scaling; exit status 12"
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

  static func isFolder(_ path: String) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
  }

  /// Missing or unreadable input is exit 66, distinct from a bad file (65).
  static func checkExists(_ path: String) throws(CLIFailure) {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
      throw CLIFailure(status: .inputMissing, message: "cannot open '\(path)': no such file")
    }
    guard !isDir.boolValue else {
      throw CLIFailure(status: .inputMissing, message: "cannot open '\(path)': it is a folder, not a file; give the model file inside it")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw CLIFailure(status: .inputMissing, message: "cannot open '\(path)': permission denied")
    }
  }
}

/// Loads a corridor model (and scenario), telling a missing file (exit 66)
/// from a bad one (65), and prints the loader's warnings to stderr.
func loadCorridorModel(_ path: String, scenario: String?) throws -> Model {
  try InputKind.checkExists(path)
  if let scenario { try InputKind.checkExists(scenario) }
  let model = try ModelLoader.load(path: path, scenario: scenario)
  for w in model.warnings { Output.plain(w.description) }
  return model
}

/// Every file a corridor model was read from, with what it is to the user.
func modelInputs(_ model: Model, file: String, scenario: String?) -> [(path: String, role: String)] {
  var inputs: [(path: String, role: String)] = [(file, "the model")]
  if let scenario { inputs.append((scenario, "the scenario")) }
  for f in model.files {
    let role = f.lowercased().hasSuffix(".csv") ? "a CSV file the model reads" : "a file the model reads"
    inputs.append((f, role))
  }
  return inputs
}
