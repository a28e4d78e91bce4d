import ArgumentParser
import CorridorModel
import CorridorPlanning
import LinearProgramming

extension CorridorCommand {
  /// `corridor export MODEL --lp PATH | --mps PATH`: the LP for other solvers.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a model's LP as a CPLEX LP or free MPS file.",
      discussion: """
        The exported LP is the one `corridor solve` solves last: the model's \
        main objective (net export value, or cost for min-cost models). For \
        lexicographic objectives (max-min-fair, priority rules) the earlier \
        stages are solved first and kept as rows `stage[...]`, so any LP \
        solver reaches the same optimum. Names stay readable, as in \
        `flow(KZ,caspian_cable,h0042)` (LP files allow no brackets or hyphens).

        Objective sense: LP files state it. Free MPS has it only in an \
        optional OBJSENSE section, which is written (MAX) for maximizing \
        models; HiGHS, CPLEX, Gurobi, CBC, SCIP and `corridor solve` read it. \
        GLPK 5.0's glpsol rejects the section: give --no-objsense and run \
        `glpsol --freemps FILE --max`. Minimizing (min-cost) models need no \
        section.

        \(ExitStatus.help)
        """)

    @Argument(help: ArgumentHelp("The corridor model or scenario file (.toml).", valueName: "model"))
    var model: String

    @Option(help: "A scenario file to apply on top of the model.")
    var scenario: String?

    @Option(name: .customLong("lp"), help: ArgumentHelp("Write a CPLEX LP file here.", valueName: "path"))
    var lpPath: String?

    @Option(name: .customLong("mps"), help: ArgumentHelp("Write a free MPS file here.", valueName: "path"))
    var mpsPath: String?

    @Flag(name: .customLong("no-objsense"), help: "Leave the OBJSENSE section out of a free MPS file (for GLPK's glpsol, which cannot read it).")
    var noObjectiveSense = false

    func validate() throws {
      if (lpPath == nil) == (mpsPath == nil) {
        throw ValidationError("give exactly one of --lp PATH or --mps PATH")
      }
      if noObjectiveSense && mpsPath == nil {
        throw ValidationError("--no-objsense applies to --mps only (LP files always state the sense)")
      }
    }

    func run() throws {
      try runReporting {
        guard let path = lpPath ?? mpsPath else { return .usage }
        try Output.checkWritable(path)
        let m = try loadCorridorModel(model, scenario: scenario)
        try Output.refuseInput(path, option: lpPath != nil ? "--lp" : "--mps",
                               inputs: modelInputs(m, file: model, scenario: scenario))
        let f = try Formulation(model: m)
        try Planner().prepareExport(f)
        try f.program.write(to: path, format: lpPath != nil ? .cplexLP : .freeMPS,
                            objectiveSense: !noObjectiveSense)
        return .optimal
      }
    }
  }
}
