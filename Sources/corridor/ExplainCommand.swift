import ArgumentParser
import CorridorModel
import Foundation
import LinearProgramming
import PlanReports

extension CorridorCommand {
  /// `corridor explain FILE`: why a model is infeasible, and the least change that
  /// would make it feasible.
  ///
  /// This file holds the options and the LP-file path (.lp, .mps, .mod); the
  /// corridor-model path (.toml) lives in `ExplainCommand+Corridor.swift`.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Explain why a model is infeasible and how to fix it.",
      discussion: """
        For a corridor model (.toml): finds the entries that cannot hold \
        together (corridor capacities and availability, supplies, market \
        volumes, firm volumes, min/max shares, custom constraints, storage), \
        each with the file and line that defines it and the scenario line that \
        changed it, irreducible (drop any one and the rest hold), and the least \
        change that makes a plan feasible, in each entry's own unit ("firm \
        az-tr-firm must fall from 900 MW to 850 MW"). --fixed NAME ... holds \
        entries (a name, or corridors.NAME): they may be blamed but never \
        moved. --weight KIND=W prices one unit of move of a kind (corridor, \
        supply, market, firm, share, constraint, storage; 1 each by default). \
        corridor solve ends an infeasible model's report with the same \
        explanation. See docs/explain.md.

        For an .lp, .mps or .mod file: finds a set of rows and bounds that \
        cannot hold together, in the file's own names, irreducible (dropping \
        any one of them makes the rest feasible, checked by a solve each), and \
        the least relaxation: the smallest total move of right-hand sides and \
        bounds (1 per unit, each) that makes the whole model feasible. \
        --write saves the conflict as a CPLEX LP file that is infeasible on its \
        own (check it with glpsol --lp). A MIP is explained through its LP \
        relaxation. There --fixed names rows or columns that may not move: \
        they are never relaxed and never part of the conflict.

        --time-limit bounds the whole analysis; when it runs out, the best \
        conflict so far is reported, not proven irreducible (exit 13).

          corridor explain models/infeasible/caspian-spring-outage.toml
          corridor explain models/infeasible/caspian-spring-outage.toml \\
            --fixed kz-westbound-min --weight firm=2
          corridor explain infeasible.lp
          corridor explain plan.mps --fixed cap1 cap2 --write iis.lp
          corridor explain model.mod --data model.dat --format json

        Exit 0 when the model is feasible (nothing to explain; no file is \
        written), 10 when it is infeasible and explained, 13 when the time \
        limit stopped the analysis.

        \(ExitStatus.help)
        """)

    @Argument(help: ArgumentHelp("The model: .toml (corridor model or scenario), .lp, .mps or .mod.", valueName: "file"))
    var file: String

    @Option(help: "A scenario file to apply on top of a .toml model.")
    var scenario: String?

    @Option(name: .customLong("weight"), help: ArgumentHelp(
      "For a .toml model: the cost per unit of relaxing entries of one kind (repeatable), e.g. firm=10.",
      valueName: "kind=w"))
    var weights: [String] = []

    @Option(name: .customLong("fixed"), parsing: .upToNextOption, help: ArgumentHelp(
      "Entries that may not move: rows or columns of an LP file, entries of a corridor model (one or more names; repeatable).",
      valueName: "name"))
    var fixed: [String] = []

    @Option(name: .customLong("write"), help: ArgumentHelp(
      "Write the conflict as a stand-alone CPLEX LP file (only when the model is infeasible).", valueName: "iis.lp"))
    var write: String?

    // `.unconditional`, as in SolverFlags: `--time-limit -5` reaches validate and is explained.
    @Option(name: .customLong("time-limit"), parsing: .unconditional,
            help: ArgumentHelp("Stop the analysis after this many seconds (a positive number).", valueName: "seconds"))
    var timeLimit: String?

    @OptionGroup var report: ReportFlags

    @OptionGroup var lpFile: LPFileFlags

    var kind: InputKind { InputKind(path: file) }

    func validate() throws {
      _ = try SolverFlags.seconds(timeLimit)
      if report.format == .csv {
        throw ValidationError("explain writes --format table, markdown, json or html; csv is not available")
      }
      if let write, let output = report.output, write == output {
        throw ValidationError("--write and --output name the same file '\(write)'; give two paths")
      }
      guard kind != .unknown else { return }
      if kind != .toml {
        if scenario != nil { throw ValidationError("--scenario applies to .toml corridor models only, not to '\(file)'") }
        if !weights.isEmpty {
          throw ValidationError("--weight applies to .toml corridor models only; every row side and bound of '\(file)' has weight 1")
        }
      }
      try lpFile.check(kind: kind, file: file)
    }

    func run() throws {
      try runReporting {
        // As in solve: a folder is exit 66 whatever its name; an unknown extension is a
        // usage error; then a missing file is 66.
        if InputKind.isFolder(file) { try InputKind.checkExists(file) }
        guard kind != .unknown else {
          throw CLIFailure(status: .usage, message: "'\(file)' has no known extension: use .toml (corridor model), .lp, .mps or .mod")
        }
        try InputKind.checkExists(file)
        try Output.checkWritable(report.output)
        try Output.checkWritable(write)
        switch kind {
        case .toml: return try runCorridorModel()
        default: return try explainLPFile()
        }
      }
    }

    /// The time limit in seconds (validated in `validate`).
    var seconds: Double? { (try? SolverFlags.seconds(timeLimit)) ?? nil }

    // MARK: - LP files

    private func explainLPFile() throws -> ExitStatus {
      let inputs: [(path: String, role: String)] = [(file, "the model")] + lpFile.inputs
      try Output.refuseInput(report.output, option: "--output", inputs: inputs)
      try Output.refuseInput(write, option: "--write", inputs: inputs)
      let start = MonotonicClock.now()
      let (program, _) = try lpFile.read(file, kind: kind)
      var groups = program.sideGroups()
      let fixedNames = try markFixed(&groups, in: program)
      let options = InfeasibilityOptions(timeLimit: seconds.map { Swift.max(0, $0 - (MonotonicClock.now() - start)) })
      var analysis = try program.analyzeInfeasibility(groups: groups, options: options)
      var integralityOnly = false
      if analysis.outcome == .relaxationFeasible {
        // The LP relaxation holds: only a solve of the MIP tells whether integrality breaks it.
        let left = seconds.map { Swift.max(0.001, $0 - (MonotonicClock.now() - start)) }
        let mip = try program.solve(SolverOptions(timeLimit: left))
        switch mip.termination {
        case .infeasible: integralityOnly = true
        case .optimal, .unbounded: break
        default: analysis.outcome = .undecided; analysis.timedOut = true
        }
      }
      let document = LPExplainDocument(file: file, program: program, groups: groups, analysis: analysis,
                                       fixed: fixedNames, integralityOnly: integralityOnly)
      let text = try document.render(report.format)
      let status: ExitStatus
      switch analysis.outcome {
      case .feasible: status = .optimal
      case .relaxationFeasible: status = integralityOnly ? .infeasible : .optimal
      case .undecided: status = .limitReached
      case .infeasible: status = analysis.timedOut ? .limitReached : .infeasible
      }
      if let write {
        if analysis.outcome == .infeasible, !analysis.conflict.isEmpty {
          // The conflict holds against the --fixed sides (they are hard, never dropped), so the
          // file carries them too: without them it could be feasible on its own.
          let held = groups.indices.filter { groups[$0].fixed }
          let sides = (analysis.conflict + held).flatMap { groups[$0].members.map(\.side) }
          try program.subprogram(keeping: sides).write(to: write, format: .cplexLP)
        } else {
          Output.plain("corridor: no conflict to write; '\(write)' was not written")
        }
      }
      try Output.emit(text, to: report.output)
      return status
    }

    /// Marks the groups of the rows and columns named with `--fixed` as fixed and
    /// returns the names; an unknown name is a usage error with a suggestion.
    private func markFixed(_ groups: inout [RelaxableGroup], in program: LinearProgram) throws -> [String] {
      var rows = Set<Int>(), columns = Set<Int>()
      for name in fixed {
        if let c = program.constraint(named: name) {
          rows.insert(c.index)
        } else if let v = program.variable(named: name) {
          columns.insert(v.index)
        } else {
          let names = program.constraints.compactMap { try? program.name(of: $0) } + program.variables.compactMap { try? program.name(of: $0) }
          throw CLIFailure(status: .usage, message: "--fixed '\(name)' is neither a row nor a column of '\(file)'\(DidYouMean.hint(for: name, among: names.compactMap { $0 }))")
        }
      }
      for g in groups.indices {
        groups[g].fixed = groups[g].members.contains { m in
          switch m.side {
          case .rowLower(let i), .rowUpper(let i): return rows.contains(i)
          case .columnLower(let j), .columnUpper(let j): return columns.contains(j)
          }
        }
      }
      return fixed
    }
  }
}
