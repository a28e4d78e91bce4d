import ArgumentParser
import CorridorModel
import CorridorPlanning
import LinearProgramming

extension Corridor {
  /// `corridor export MODEL --lp PATH | --mps PATH`: the LP for other solvers.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the LP of a corridor model as a CPLEX LP or free MPS file for other solvers.",
      discussion: """
        The exported LP is the one `corridor solve` solves last: the model's main objective (net export
        value, or cost for min-cost models). For lexicographic objectives (max-min-fair, priority rules)
        the earlier stages are solved first and kept as rows `stage[...]`, so any LP solver reaches the
        same optimum. Names are kept readable (`flow(KZ,caspian_cable,h0042)` in LP files, where [ ] and - are not allowed).

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

    func validate() throws {
      if (lpPath == nil) == (mpsPath == nil) {
        throw ValidationError("give exactly one of --lp PATH or --mps PATH")
      }
    }

    func run() throws {
      try runReporting {
        let path = lpPath ?? mpsPath!
        try Output.checkWritable(path)
        let m = try loadCorridorModel(model, scenario: scenario)
        let f = try Formulation(model: m)
        try Planner().prepareExport(f)
        try f.program.write(to: path, format: lpPath != nil ? .cplexLP : .freeMPS)
        return .optimal
      }
    }
  }
}
