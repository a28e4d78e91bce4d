import CorridorSweep
import Foundation
import Testing

/// `corridor sweep` as a user runs it (issue #13): the binary as a subprocess, its database
/// read back, every figure checked against an independent `corridor solve`.
@Suite("corridor sweep: grids into SQLite, resume, shards, merge, Slurm scripts")
struct SweepCLITests {
  static let shipped = packageRoot + "/models/sweeps/cpc-stress.toml"

  /// A sweep file in `folder` over the oil model (absolute paths).
  static func sweepFile(_ folder: String, name: String = "test sweep", vary: String) throws -> String {
    try writeFile(folder, "sweep.toml", """
      [sweep]
      name = "\(name)"
      model = "\(packageRoot)/models/oil-2030.toml"
      [vary]
      \(vary)
      """)
  }

  @Test("Every case of the shipped sweep equals a corridor solve of the model with that case's values")
  func casesMatchSolve() throws {
    let dir = try scratchFolder("sweep")
    let db = dir + "/cpc.sqlite"
    let r = try corridor("sweep", Self.shipped, "--db", db, "--jobs", "2")
    #expect(r.status == 0, "\(r)")
    #expect(r.stderr.contains("20 case(s) solved"), "\(r)")
    let database = try SweepDatabase(path: db)
    let cases = try database.cases()
    #expect(cases.map(\.id) == Array(0..<20))
    let params = try database.parameters()
    // Three cases across the grid, each solved on its own from a scenario file written here.
    for id in [0, 7, 19] {
      let p = try #require(params[id])
      let capacity = try #require(p["corridors.cpc.capacity"]), price = try #require(p["markets.Ceyhan.price"])
      let scenario = p["scenario"] == "none" ? "\(packageRoot)/models/oil-2030.toml" : "\(packageRoot)/models/scenarios/cpc-outage-3-months.toml"
      let file = try writeFile(dir, "case\(id).toml", """
        [scenario]
        name = "case \(id) by hand"
        extends = "\(scenario)"
        [corridors.cpc]
        capacity = "\(capacity)"
        [markets.Ceyhan]
        price = "\(price)"
        """)
      let solved = try corridor("solve", file, "--format", "json")
      #expect(solved.status == 0, "\(solved)")
      let objective = try #require(number(jsonObject(solved.stdout)?["objective"]))
      let stored = try #require(cases[id].objective)
      #expect(objectiveMatches(stored, objective), "case \(id): sweep \(stored), solve \(objective)")
    }
    // Neighbouring cases re-solve warm: all but the first case of each scenario.
    #expect(cases.filter(\.warm).count >= 16)
    // Tidy tables: 7 oil corridors per case, one country.
    let corridors = try database.corridorResults()
    #expect(corridors.count == 20 && corridors.values.allSatisfy { $0.count == 7 })
    #expect(corridors[0]?["cpc"]?.unit == "Mt/yr")
  }

  @Test("A killed sweep keeps every finished case whole, and the same command finishes the rest")
  func killAndResume() throws {
    let dir = try scratchFolder("sweep-kill")
    let sweep = try Self.sweepFile(dir, vary: """
      corridors.cpc.capacity = { from = "72.5 Mt/yr", to = "0 Mt/yr", steps = 40 }
      markets.Ceyhan.price = { from = "500 USD/t", to = "620 USD/t", steps = 10 }
      """)
    let db = dir + "/r.sqlite"
    guard let binary = corridorBinary else { throw RunError.noBinary }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = ["sweep", sweep, "--db", db, "--jobs", "1"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    // Kill it (SIGKILL: no chance to tidy up) once some cases are in, well before the 400th.
    var finished = 0
    for _ in 0..<400 {
      usleep(20_000)
      finished = (try? SweepDatabase(path: db).finishedCases().count) ?? 0
      if finished >= 5 { break }
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    let database = try SweepDatabase(path: db)
    let kept = try database.cases()
    #expect(!kept.isEmpty && kept.count < 400, "killed after \(kept.count) cases")
    // No half case: every finished case has all its corridor rows, and no rows without a case.
    let rows = try database.corridorResults()
    #expect(Set(rows.keys) == Set(kept.map(\.id)))
    #expect(rows.values.allSatisfy { $0.count == 7 })
    let again = try corridor("sweep", sweep, "--db", db, "--jobs", "1", timeout: 300)
    #expect(again.status == 0, "\(again)")
    #expect(again.stderr.contains("\(400 - kept.count) case(s) solved"), "\(again)")
    #expect(again.stderr.contains("\(kept.count) already finished"), "\(again)")
    #expect(try SweepDatabase(path: db).cases().count == 400)
  }

  @Test("Shards merged equal the whole sweep; a duplicate shard and another sweep's shard are refused")
  func shardsAndMerge() throws {
    let dir = try scratchFolder("sweep-shards")
    let whole = dir + "/whole.sqlite"
    #expect(try corridor("sweep", Self.shipped, "--db", whole).status == 0)
    var shards: [String] = []
    for i in 0..<3 {
      let s = dir + "/s\(i).sqlite"
      let r = try corridor("sweep", Self.shipped, "--db", s, "--shard", "\(i)/3")
      #expect(r.status == 0, "\(r)")
      shards.append(s)
    }
    // Shards are disjoint contiguous blocks covering the sweep.
    let ids = try shards.map { try SweepDatabase(path: $0).cases().map(\.id) }
    #expect(ids.flatMap { $0 } == Array(0..<20))
    let merged = dir + "/merged.sqlite"
    let m = try corridor(["sweep", "merge", merged] + shards)
    #expect(m.status == 0, "\(m)")
    let a = try SweepDatabase(path: whole).cases(), b = try SweepDatabase(path: merged).cases()
    #expect(a.count == b.count)
    for (x, y) in zip(a, b) {
      #expect(x.id == y.id && x.label == y.label && x.status == y.status)
      #expect(objectiveMatches(x.objective ?? .nan, y.objective ?? .nan), "case \(x.id)")
    }
    let dup = try corridor("sweep", "merge", merged, shards[1])
    #expect(dup.status == 65 && dup.stderr.contains("already in"), "\(dup)")
    // A shard of another sweep (another file) is refused, naming both sweeps.
    let otherSweep = try Self.sweepFile(dir, name: "other", vary: "corridors.cpc.capacity = [\"10 Mt/yr\"]")
    let other = dir + "/other.sqlite"
    #expect(try corridor("sweep", otherSweep, "--db", other).status == 0)
    let mixed = try corridor("sweep", "merge", merged, other)
    #expect(mixed.status == 65 && mixed.stderr.contains("another sweep"), "\(mixed)")
    // And running a sweep into the database of another is refused.
    let wrong = try corridor("sweep", otherSweep, "--db", whole)
    #expect(wrong.status == 65 && wrong.stderr.contains("another sweep"), "\(wrong)")
  }

  @Test("Bad sweep input: exit 65 naming the file, key and line, and no database written")
  func badInput() throws {
    let dir = try scratchFolder("sweep-bad")
    let cases: [(String, String)] = [
      ("corridors.cpc.capacity = { from = \"72.5 Mt/yr\", to = \"0 MW\", steps = 3 }", "same unit"),
      ("corridors.cpc.capacity = [\"50 MW\"]", "case 0"),
      ("corridors.cpcc.capacity = [\"50 Mt/yr\"]", "cpcc"),
      ("corridors.cpc = [\"50 Mt/yr\"]", "section.entry.key"),
    ]
    for (vary, expected) in cases {
      let sweep = try Self.sweepFile(dir, vary: vary)
      let db = dir + "/bad.sqlite"
      let r = try corridor("sweep", sweep, "--db", db)
      #expect(r.status == 65, "\(vary): \(r)")
      #expect(r.stderr.contains(expected), "\(vary): \(r.stderr)")
      #expect(!fileExists(db), "\(vary): a database was created")
    }
    let r = try corridor("sweep", Self.shipped, "--db", dir + "/x.sqlite", "--shard", "3/3")
    #expect(r.status == 64, "\(r)")
  }

  @Test("sweep slurm writes a job array, a merge that depends on it, and a submit script")
  func slurmScripts() throws {
    let dir = try scratchFolder("sweep-slurm")
    let r = try corridor("sweep", "slurm", Self.shipped, "--shards", "4", "--dir", dir + "/run", "--partition", "short",
                         "--time", "00:30:00", "--mem", "2G", "--cpus", "2")
    #expect(r.status == 0, "\(r)")
    let array = try String(contentsOfFile: dir + "/run/array.sbatch", encoding: .utf8)
    #expect(array.contains("#SBATCH --array=0-3"))
    #expect(array.contains("#SBATCH --partition='short'") && array.contains("#SBATCH --time=00:30:00") && array.contains("#SBATCH --mem=2G"))
    #expect(array.contains("--shard \"$SLURM_ARRAY_TASK_ID\"/4"))
    let submit = try String(contentsOfFile: dir + "/run/submit.sh", encoding: .utf8)
    #expect(submit.contains("sbatch --parsable --dependency=afterok:\"$array\""))
    let merge = try String(contentsOfFile: dir + "/run/merge.sbatch", encoding: .utf8)
    #expect((0..<4).allSatisfy { merge.contains("shard-\($0).sqlite") })
    #expect(FileManager.default.isExecutableFile(atPath: dir + "/run/submit.sh"))
  }
}

/// The merged database of a sweep run on a real Slurm cluster (scripts/slurm-ci.sh, which
/// sets CORRIDOR_SLURM_RESULTS) equals a local run of the same sweep, case by case.
@Suite("A sweep run through Slurm (scripts/slurm-ci.sh)")
struct SlurmSweepTests {
  @Test("The merged Slurm results equal a local run, case by case",
        .enabled(if: ProcessInfo.processInfo.environment["CORRIDOR_SLURM_RESULTS"] != nil))
  func mergedEqualsLocal() throws {
    let env = ProcessInfo.processInfo.environment
    let slurm = try SweepDatabase(path: try #require(env["CORRIDOR_SLURM_RESULTS"]))
    let sweep = try #require(env["CORRIDOR_SLURM_SWEEP"])
    let dir = try scratchFolder("slurm-local")
    let local = dir + "/local.sqlite"
    let r = try corridor("sweep", sweep, "--db", local, timeout: 300)
    #expect(r.status == 0, "\(r)")
    let a = try SweepDatabase(path: local).cases(), b = try slurm.cases()
    #expect(!a.isEmpty && a.count == b.count, "local \(a.count) cases, Slurm \(b.count)")
    let pa = try SweepDatabase(path: local).parameters(), pb = try slurm.parameters()
    let ca = try SweepDatabase(path: local).corridorResults(), cb = try slurm.corridorResults()
    for (x, y) in zip(a, b) {
      #expect(x.id == y.id && x.label == y.label && x.status == y.status && pa[x.id] == pb[y.id])
      #expect(objectiveMatches(x.objective ?? .nan, y.objective ?? .nan), "case \(x.id): local \(String(describing: x.objective)), Slurm \(String(describing: y.objective))")
      for (name, v) in ca[x.id] ?? [:] {
        #expect(flowMatches(v.flow ?? .nan, cb[y.id]?[name]?.flow ?? .nan), "case \(x.id) corridor \(name)")
      }
    }
    print("Slurm sweep: \(b.count) cases equal to the local run")
  }
}
