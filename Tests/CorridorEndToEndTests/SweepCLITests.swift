import CorridorSweep
import CorridorTestSupport
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

  @Test("20 seeded SIGKILLs at random points, each resumed: exactly the cases of an uninterrupted run, none half-written")
  func killAndResume() throws {
    let dir = try scratchFolder("sweep-kill")
    let sweep = try Self.sweepFile(dir, vary: """
      corridors.cpc.capacity = { from = "72.5 Mt/yr", to = "0 Mt/yr", steps = 100 }
      markets.Ceyhan.price = { from = "500 USD/t", to = "620 USD/t", steps = 10 }
      """)
    let reference = dir + "/uninterrupted.sqlite"
    let whole = try corridor("sweep", sweep, "--db", reference, "--jobs", "2", timeout: 300)
    #expect(whole.status == 0)
    // Start-up (launch, loading, skipping every finished case) and the time per case on this
    // machine now, so the kills land at random points of the run even on a loaded machine.
    let startup = try corridor("sweep", sweep, "--db", reference, "--jobs", "2").seconds
    let span = max(0.05, whole.seconds - startup)
    let expected = try SweepDatabase(path: reference).cases()
    #expect(expected.count == 1000)
    guard let binary = corridorBinary else { throw RunError.noBinary }
    let db = dir + "/killed.sqlite"
    var rng = SplitMix64(seed: 13)
    var kills = 0, killedMidway = 0
    while kills < 20 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: binary)
      p.arguments = ["sweep", sweep, "--db", db, "--jobs", "2"]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      let before = (try? SweepDatabase(path: db).finishedCases().count) ?? 0
      try p.run()
      // A random point: from the end of start-up to a 25th of the run past it.
      usleep(UInt32((startup * rng.uniform(0.8...1.2) + rng.uniform(0...1) * span / 25) * 1e6))
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      kills += 1
      let database = try SweepDatabase(path: db)
      #expect(try database.integrityCheck() == "ok", "after kill \(kills)")
      // No half case: every finished case has all its rows, and no rows without a case.
      let kept = try database.cases()
      let rows = try database.corridorResults(), params = try database.parameters()
      #expect(Set(rows.keys) == Set(kept.map(\.id)) && Set(params.keys) == Set(kept.map(\.id)), "after kill \(kills)")
      #expect(rows.values.allSatisfy { $0.count == 7 })
      if kept.count > before && kept.count < 1000 { killedMidway += 1 }
      if kept.count == 1000 { break }
    }
    #expect(kills == 20 && killedMidway >= 10, "only \(killedMidway) kills landed in the middle of the run")
    let again = try corridor("sweep", sweep, "--db", db, "--jobs", "1", timeout: 300)
    #expect(again.status == 0, "\(again)")
    let got = try SweepDatabase(path: db).cases()
    #expect(got.map(\.id) == expected.map(\.id))
    for (x, y) in zip(got, expected) {
      #expect(x.label == y.label && x.status == y.status && objectiveMatches(x.objective ?? .nan, y.objective ?? .nan), "case \(x.id)")
    }
    print("sweep kill test: \(kills) kills, \(killedMidway) in the middle of the run; resumed to \(got.count) cases equal to an uninterrupted run")
  }

  @Test("Shards merged equal the whole sweep; a duplicate shard and another sweep's shard are refused")
  func shardsAndMerge() throws {
    let dir = try scratchFolder("sweep-shards")
    let whole = dir + "/whole.sqlite"
    #expect(try corridor("sweep", Self.shipped, "--db", whole).status == 0)
    var shards: [String] = []
    for i in 1...3 {
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
    // A file that is not a sweep database is refused and left as it was (read by ATTACH).
    let junk = try writeFile(dir, "junk.sqlite", "not a database\n")
    let j = try corridor("sweep", "merge", merged, junk)
    #expect(j.status == 65 && j.stderr.contains("is not a SQLite database"), "\(j)")
    #expect(try String(contentsOfFile: junk, encoding: .utf8) == "not a database\n")
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
      ("corridors.cpc.capacity = { from = \"1 Mt/yr\", to = \"2 Mt/yr\", steps = 0 }", "steps"),
      ("corridors.cpc.capacity = []", "at least one value"),
    ]
    for (vary, expected) in cases {
      let sweep = try Self.sweepFile(dir, vary: vary)
      let db = dir + "/bad.sqlite"
      let r = try corridor("sweep", sweep, "--db", db)
      #expect(r.status == 65, "\(vary): \(r)")
      #expect(r.stderr.contains(expected), "\(vary): \(r.stderr)")
      #expect(!fileExists(db), "\(vary): a database was created")
    }
    // A line of the error points into the sweep file: the [vary] key of the rejected value.
    let unit = try corridor("sweep", try Self.sweepFile(dir, vary: "corridors.cpc.capacity = [\"50 MW\"]"), "--db", dir + "/u.sqlite")
    #expect(unit.stderr.contains("sweep.toml:5: error: vary.corridors.cpc.capacity"), "\(unit)")
    // An unknown key of [sweep], with a suggestion.
    let typo = try writeFile(dir, "typo.toml", "[sweep]\nname = \"t\"\nmodle = \"x.toml\"\n[vary]\ncorridors.cpc.capacity = [\"1 Mt/yr\"]\n")
    let t = try corridor("sweep", typo, "--db", dir + "/t.sqlite")
    #expect(t.status == 65 && t.stderr.contains("typo.toml:3") && t.stderr.contains("modle"), "\(t)")
    // A --db that is not SQLite is refused, and left as it was.
    let text = try writeFile(dir, "notes.sqlite", "not a database\n")
    let n = try corridor("sweep", Self.shipped, "--db", text)
    #expect(n.status == 65 && n.stderr.contains("is not a SQLite database"), "\(n)")
    #expect(try String(contentsOfFile: text, encoding: .utf8) == "not a database\n")
    for bad in ["0/3", "4/3", "1/0", "a/b", "2"] {
      let r = try corridor("sweep", Self.shipped, "--db", dir + "/x.sqlite", "--shard", bad)
      #expect(r.status == 64 && r.stderr.contains("--shard takes I/N"), "\(bad): \(r)")
    }
  }

  @Test("sweep report --format html: valid HTML5 and SVG, and each value's mean objective is the database's")
  func htmlReport() throws {
    let dir = try scratchFolder("sweep-html")
    let db = dir + "/cpc.sqlite"
    #expect(try corridor("sweep", Self.shipped, "--db", db).status == 0)
    let page = dir + "/report.html"
    let r = try corridor("sweep", "report", db, "--format", "html", "--output", page)
    #expect(r.status == 0, "\(r)")
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>") && !html.contains("<script"))
    for svg in svgFragments(html) { #expect(xmlWellFormednessError(svg) == nil) }
    #expect(svgFragments(html).count == 3, "one chart per varied parameter (scenario, capacity, price)")
    if requireTool(html5libPython != nil, "python3-html5lib"), let python = html5libPython {
      #expect(try html5ParseErrors(html, python: python) == nil)
    }
    // The mean objective of the cases at 555 USD/t, from the database, is in the page exactly.
    let database = try SweepDatabase(path: db)
    let params = try database.parameters()
    let at555 = try database.cases().filter { params[$0.id]?["markets.Ceyhan.price"] == "555 USD/t" }.compactMap(\.objective)
    #expect(at555.count == 10)
    let mean = at555.reduce(0, +) / Double(at555.count)
    let values = html.components(separatedBy: "data-value=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
    #expect(values.contains { abs($0 - mean) <= 1e-9 * abs(mean) }, "mean \(mean) not among the page's figures")
  }

  @Test("sweep slurm writes a job array, a merge that depends on it, and a submit script")
  func slurmScripts() throws {
    let dir = try scratchFolder("sweep-slurm")
    let r = try corridor("sweep", "slurm", Self.shipped, "--shards", "4", "--dir", dir + "/run", "--partition", "short",
                         "--time", "00:30:00", "--mem", "2G", "--cpus", "2")
    #expect(r.status == 0, "\(r)")
    let array = try String(contentsOfFile: dir + "/run/array.sbatch", encoding: .utf8)
    #expect(array.contains("#SBATCH --array=1-4"))
    #expect(array.contains("#SBATCH --partition='short'") && array.contains("#SBATCH --time=00:30:00") && array.contains("#SBATCH --mem=2G"))
    #expect(array.contains("--shard \"$SLURM_ARRAY_TASK_ID\"/4"))
    let submit = try String(contentsOfFile: dir + "/run/submit.sh", encoding: .utf8)
    #expect(submit.contains("sbatch --parsable --dependency=afterok:\"$array\""))
    let merge = try String(contentsOfFile: dir + "/run/merge.sbatch", encoding: .utf8)
    #expect((1...4).allSatisfy { merge.contains("shard-\($0).sqlite") })
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
