import ArgumentParser
import CorridorModel
import CorridorSweep
import Foundation
import Glibc
import LinearProgramming
import PlanReports

extension CorridorCommand {
  /// `corridor sweep`: scenario grids into SQLite, resumable, sharded, on Slurm.
  struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sweep",
      abstract: "Run a grid of cases into SQLite; shards on Slurm.",
      discussion: """
        A sweep file names a base model and the values to vary (docs/sweeps.md):

          [sweep]
          name = "CPC stress"
          model = "../models/oil-2030.toml"
          [vary]
          corridors.cpc.capacity = ["72.5 Mt/yr", "54 Mt/yr", "36 Mt/yr"]

          corridor sweep cpc.toml --db cpc.sqlite           # run (resumes)
          corridor sweep cpc.toml --db s1.sqlite --shard 1/4
          corridor sweep merge all.sqlite s1.sqlite s2.sqlite s3.sqlite s4.sqlite
          corridor sweep slurm cpc.toml --shards 4 --dir runs/cpc
          corridor sweep report cpc.sqlite
        """,
      subcommands: [Run.self, Merge.self, Slurm.self, Report.self],
      defaultSubcommand: Run.self
    )
  }
}

/// A `--shard I/N` value: the I-th (1-based) of N shares.
struct ShardSpec {
  var index: Int
  var count: Int
  /// Parses `I/N`; a usage error saying what is allowed otherwise.
  init(_ text: String) throws(ValidationError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else {
      throw ValidationError("--shard takes I/N, the I-th of N shares with 1 ≤ I ≤ N (such as 1/4 … 4/4), not '\(text)'")
    }
    index = i
    count = n
  }
  var text: String { "\(index)/\(count)" }
}

extension CorridorCommand.Sweep {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run",
      abstract: "Run every case of a sweep (or one shard of it) into a SQLite database.",
      discussion: """
        Finished cases are kept: re-running the same command after a crash (or \
        Ctrl-C) runs only the rest. Each case is written in one transaction, so a \
        killed sweep never leaves half a case. A database of another sweep, or of \
        a model file changed since, is refused.
        """)

    @Argument(help: ArgumentHelp("The sweep file (.toml).", valueName: "sweep"))
    var sweep: String

    @Option(help: ArgumentHelp("The SQLite database to write (created if missing; resumed if it holds this sweep).", valueName: "file.sqlite"))
    var db: String

    @Option(name: .customLong("shard"), help: ArgumentHelp("Run only the I-th of N shares of the cases (1 ≤ I ≤ N), a contiguous block, e.g. 1/4.", valueName: "I/N"))
    var shardText: String?

    var shard: ShardSpec? { shardText.flatMap { try? ShardSpec($0) } }

    @Option(help: "Worker threads (default: every core).")
    var jobs: Int?

    @Flag(help: "Solve every case from scratch instead of warm from the previous one (to measure what warm starts save).")
    var cold = false

    @OptionGroup var solver: SolverFlags

    func validate() throws {
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (worker threads), not \(jobs)") }
      if let shardText { _ = try ShardSpec(shardText) }
    }

    func run() throws {
      try runReporting { try runSweep() }
    }

    /// The model files of the sweep's first case, loaded before the database is touched:
    /// a model or value error is reported without creating a file.
    private func modelFiles(_ definition: SweepDefinition, _ runner: SweepRunner) throws -> [String] {
      guard let first = definition.cases.first else { return [definition.model] }
      do {
        return try runner.model(of: first).files
      } catch {
        throw CLIFailure(caseError: SweepCaseError(caseID: first.id, label: first.label(definition), underlying: error))
      }
    }

    /// The progress bar on a terminal (cases done, rate, ETA), nothing otherwise.
    private static func progressBar(_ done: Int, _ total: Int, _ elapsed: Double) {
      let rate = Double(done) / Swift.max(elapsed, 1e-9)
      let eta = rate > 0 ? Double(total - done) / rate : 0
      let width = 30
      let filled = total > 0 ? width * done / total : width
      let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      Output.progress("[\(bar)] \(done)/\(total) cases, \(String(format: "%.1f", rate)) /s, ETA \(String(format: "%.0f", eta)) s")
    }

    private func runSweep() throws -> ExitStatus {
      let definition = try SweepDefinition.load(path: sweep)
      let cases = shard.map { definition.shard($0.index - 1, of: $0.count) } ?? definition.cases
      let runner = SweepRunner(sweep: definition, solver: solver.options,
                               jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, cold: cold)
      let files = try modelFiles(definition, runner)
      let database: SweepDatabase
      do { database = try SweepDatabase(path: db) } catch let e as SweepError {
        throw CLIFailure(status: .badInput, message: e.message)
      } catch {
        throw CLIFailure(status: .cannotWrite, message: "cannot open the database '\(db)': \(error)")
      }
      let terminal = isatty(2) == 1
      let summary: SweepRunner.Summary
      do {
        try database.claim(SweepDatabase.identity(of: definition, shard: shard?.text ?? "all", files: files))
        summary = try runner.run(cases, into: database, progress: terminal ? Self.progressBar : nil)
      } catch let e as SweepError {
        throw CLIFailure(status: .badInput, message: e.message)
      } catch let e as SweepCaseError {
        throw CLIFailure(caseError: e)
      }
      if terminal { Output.progress(nil) }
      let scope = shard.map { "shard \($0.text)" } ?? "the sweep"
      Output.standardError("\(definition.name): \(summary.solved) case(s) solved (\(summary.warm) warm), \(summary.skipped) already finished, \(summary.total) in \(scope) → \(db) (\(String(format: "%.1f", summary.seconds)) s)\n")
      return .optimal
    }
  }

  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Merge shard databases of one sweep into one.",
      discussion: "Refuses shards of different sweeps (or of changed model files) and a case present twice; each shard is merged whole or not at all.")

    @Argument(help: ArgumentHelp("The database to write (new, or holding earlier shards of the same sweep).", valueName: "out.sqlite"))
    var output: String

    @Argument(help: ArgumentHelp("The shard databases.", valueName: "shard.sqlite"))
    var shards: [String] = []

    func validate() throws {
      if shards.isEmpty { throw ValidationError("give the shard databases to merge after the output: corridor sweep merge out.sqlite shard-1.sqlite shard-2.sqlite") }
    }

    func run() throws {
      try runReporting {
        for s in shards {
          guard FileManager.default.fileExists(atPath: s) else { throw CLIFailure(status: .inputMissing, message: "shard database '\(s)' does not exist") }
          if FileOutput.isSameFile(output, s) { throw CLIFailure(status: .usage, message: "'\(s)' is both a shard and the output; write the merge to a new file") }
        }
        do {
          let n = try SweepDatabase(path: output).merge(shards)
          Output.standardError("merged \(n) case\(n == 1 ? "" : "s") from \(shards.count) shard\(shards.count == 1 ? "" : "s") into \(output)\n")
        } catch let e as SweepError {
          throw CLIFailure(status: .badInput, message: e.message)
        }
        return .optimal
      }
    }
  }

  struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "slurm",
      abstract: "Write Slurm scripts that run a sweep as a job array and merge its shards.",
      discussion: """
        Writes array.sbatch (one shard per array task), merge.sbatch and submit.sh \
        (submits the array, then the merge with --dependency=afterok) into --dir. \
        Run submit.sh on the cluster's login node.
        """)

    @Argument(help: ArgumentHelp("The sweep file (.toml).", valueName: "sweep"))
    var sweep: String

    @Option(help: "Number of shards (array tasks).")
    var shards: Int

    @Option(help: ArgumentHelp("Folder for the scripts, logs and databases (created).", valueName: "dir"))
    var dir: String = "sweep-slurm"

    @Option(help: "Slurm partition (sbatch --partition).")
    var partition: String?

    @Option(help: ArgumentHelp("Time limit per shard (sbatch --time), e.g. 01:00:00.", valueName: "time"))
    var time: String?

    @Option(help: ArgumentHelp("Memory per shard (sbatch --mem), e.g. 4G.", valueName: "mem"))
    var mem: String?

    @Option(help: "CPUs per shard (sbatch --cpus-per-task; the shard's --jobs).")
    var cpus: Int = 1

    @Option(name: .customLong("corridor-binary"), help: ArgumentHelp("The corridor binary the jobs run (default: this one), on a file system the nodes share.", valueName: "path"))
    var corridorBinary: String?

    func validate() throws {
      if shards < 1 { throw ValidationError("--shards must be at least 1, not \(shards)") }
      if cpus < 1 { throw ValidationError("--cpus must be at least 1, not \(cpus)") }
      if let time, time.isEmpty || time.contains(where: { $0.isWhitespace }) { throw ValidationError("--time takes Slurm's form, e.g. 01:00:00 or 2-00:00:00") }
      if let mem, mem.isEmpty || mem.contains(where: { $0.isWhitespace }) { throw ValidationError("--mem takes Slurm's form, e.g. 4G or 500M") }
    }

    func run() throws {
      try runReporting {
        let definition = try SweepDefinition.load(path: sweep)
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : cwd + "/" + p }
        let binary = corridorBinary ?? (realpath(CommandLine.arguments[0], nil).map { p in defer { free(p) }; return String(cString: p) } ?? CommandLine.arguments[0])
        let scripts = SlurmScripts(sweepFile: absolute(sweep), corridor: absolute(binary), directory: absolute(dir),
                                   shards: shards, partition: partition, time: time, memory: mem, cpusPerTask: cpus,
                                   jobName: "corridor-sweep")
        do {
          try FileManager.default.createDirectory(atPath: dir + "/logs", withIntermediateDirectories: true)
          for (name, text, executable) in [("array.sbatch", scripts.arrayScript, false), ("merge.sbatch", scripts.mergeScript, false),
                                           ("submit.sh", scripts.submitScript, true)] {
            try Output.emit(text, to: dir + "/" + name)
            if executable { chmod(dir + "/" + name, 0o755) }
          }
        } catch let e as CLIFailure { throw e } catch {
          throw CLIFailure(status: .cannotWrite, message: "cannot write the scripts into '\(dir)': \(error.localizedDescription)")
        }
        let n = definition.cases.count
        Output.standardError("\(definition.name): \(n) case\(n == 1 ? "" : "s") in \(shards) shard\(shards == 1 ? "" : "s"); submit with \(dir)/submit.sh (results: \(scripts.mergedDatabase))\n")
        return .optimal
      }
    }
  }

  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report", abstract: "Summarise a sweep database: every case, and the objective per value of each parameter.")

    @Argument(help: ArgumentHelp("The sweep database.", valueName: "results.sqlite"))
    var database: String

    @Option(help: "table, markdown or html (a page with a chart of the objective per value of each parameter).")
    var format: String = "table"

    @Option(help: ArgumentHelp("Write the report to this file instead of stdout, only once complete.", valueName: "path"))
    var output: String?

    func validate() throws {
      guard ["table", "markdown", "html"].contains(format) else { throw ValidationError("--format is table, markdown or html for a sweep report, not '\(format)' (the database itself is the machine-readable form)") }
    }

    func run() throws {
      try runReporting {
        guard FileManager.default.fileExists(atPath: database) else { throw CLIFailure(status: .inputMissing, message: "sweep database '\(database)' does not exist") }
        let summary: SweepSummary
        do { summary = try SweepSummary(database: SweepDatabase(path: database)) } catch let e as SweepError {
          throw CLIFailure(status: .badInput, message: e.message)
        }
        try Output.checkWritable(output)
        let report = SweepReport(
          name: summary.name, database: database, finished: summary.finished, caseCount: summary.caseCount, unit: summary.unit,
          parameterNames: summary.parameterNames,
          cases: summary.cases.map { c in
            SweepReport.Case(id: c.id, values: summary.parameterNames.map { summary.parameters[c.id]?[$0] ?? "" },
                             status: c.status, objective: c.objective, warm: c.warm)
          },
          parameters: summary.parameterNames.map { SweepReport.Parameter(name: $0, rows: summary.objectiveByValue($0)) })
        let text = format == "html" ? report.html() : report.text(markdown: format == "markdown")
        try Output.emit(text, to: output)
        return .optimal
      }
    }
  }
}

extension CLIFailure {
  /// A case whose model the loader rejects: its diagnostics, prefixed with the case.
  init(caseError e: SweepCaseError) {
    self.init(status: .badInput, message: e.underlying.description, preformatted: true)
  }
}
