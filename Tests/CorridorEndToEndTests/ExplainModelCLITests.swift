// `corridor explain MODEL.toml` and the explanation at the end of `corridor solve`, run as a
// user runs them (issue #10): the built binary as a subprocess, its stdout, stderr, exit
// code and files. The worked example models/infeasible/caspian-spring-outage.toml states
// its expected conflict in its comments; the least change it reports is checked by solving
// the model with it applied (a scenario written here), not by reading the analysis.

import Foundation
import Testing

@Suite("corridor explain on corridor models, and solve's explanation")
struct ExplainModelCLITests {
  static let example = "models/infeasible/caspian-spring-outage.toml"

  /// The line of `text` in `file` (1-based), for checking the cited lines.
  static func line(of text: String, in file: String) throws -> Int {
    let lines = try String(contentsOfFile: packageRoot + "/" + file, encoding: .utf8).components(separatedBy: "\n")
    return try #require(lines.firstIndex { $0.hasPrefix(text) }, "\(text) in \(file)") + 1
  }

  @Test func workedExampleNamesItsEntriesWithFilesAndLines() throws {
    let r = try corridor("explain", Self.example)
    #expect(r.status == 10, "\(r)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    #expect(r.stdout.contains("infeasible: these 4 entries cannot hold together (irreducible"))
    let base = "models/electricity-2030.toml"
    for (entry, file, header) in [("corridor caspian", base, "[corridors.caspian]"), ("supply kz-surplus", base, "[supply.kz-surplus]"),
                                  ("rule kz-westbound-min", base, "[rules.kz-westbound-min]"),
                                  ("rule az-tr-firm", Self.example, "[rules.az-tr-firm]")] {
      let row = try #require(r.stdout.components(separatedBy: "\n").first { $0.hasPrefix(entry + " ") }, "\(entry) in \(r.stdout)")
      #expect(row.contains("\(file):\(try Self.line(of: header, in: file))"), "\(row)")
    }
    // The scenario's changes are cited where they are made.
    #expect(r.stdout.contains("\(Self.example):\(try Self.line(of: "availability", in: Self.example))"))
    #expect(r.stdout.contains("\(Self.example):\(try Self.line(of: "share", in: Self.example))"))
    #expect(r.stdout.contains("out of service (availability 0) in spring-day, spring-night"))
  }

  @Test func jsonCarriesTheConflictAndTheLeastChange() throws {
    let r = try corridor("explain", Self.example, "--format", "json")
    #expect(r.status == 10, "\(r)")
    let o = try #require(jsonObject(r.stdout))
    #expect(o["schema"] as? String == "corridor-explain/1")
    #expect(o["kind"] as? String == "model")
    #expect(o["status"] as? String == "infeasible")
    #expect(o["irreducible"] as? Bool == true)
    let conflict = try #require(o["conflict"] as? [[String: Any]])
    #expect(Set(conflict.compactMap { "\($0["entry"] ?? "") \($0["name"] ?? "")" })
              == ["corridor caspian", "supply kz-surplus", "rule kz-westbound-min", "rule az-tr-firm"])
    let moves = try #require(o["relaxation"] as? [[String: Any]])
    #expect(moves.count == 1)
    let to = try #require((moves.first?["to"] as? [String: Any])?["value"] as? Double)
    #expect((moves.first?["to"] as? [String: Any])?["unit"] as? String == "%")
    #expect(to > 12 && to < 20, "the floor falls to \(to) %")
  }

  /// The least change, applied by a scenario written here: just beyond it the model solves
  /// (exit 0); a clear step short of it, it does not (exit 10).
  @Test func leastChangeAppliedMakesTheModelFeasible() throws {
    let r = try corridor("explain", Self.example, "--format", "json")
    let o = try #require(jsonObject(r.stdout))
    let move = try #require((o["relaxation"] as? [[String: Any]])?.first)
    let to = try #require((move["to"] as? [String: Any])?["value"] as? Double)
    let dir = NSTemporaryDirectory() + "explain-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    func solve(share: Double) throws -> Int32 {
      let path = dir + "/s.toml"
      try """
        [scenario]
        extends = "\(packageRoot)/\(Self.example)"

        [rules.kz-westbound-min]
        share = "\(share) %"
        """.write(toFile: path, atomically: true, encoding: .utf8)
      return try corridor("solve", path, "--no-explain").status
    }
    #expect(try solve(share: to - 1e-4) == 0, "at \(to - 1e-4) % the plan should exist")
    #expect(try solve(share: to + 1) == 10, "at \(to + 1) % it should not")
  }

  @Test func fixedEntriesAreBlamedButNotMoved() throws {
    let r = try corridor("explain", Self.example, "--fixed", "kz-westbound-min", "--format", "json")
    #expect(r.status == 10, "\(r)")
    let o = try #require(jsonObject(r.stdout))
    let moves = try #require(o["relaxation"] as? [[String: Any]])
    #expect(!moves.contains { $0["name"] as? String == "kz-westbound-min" })
    #expect((o["fixed"] as? [String]) == ["rule kz-westbound-min: share"])
    #expect((o["conflict"] as? [[String: Any]])?.contains { $0["name"] as? String == "kz-westbound-min" } == true)
  }

  @Test func feasibleModelHasNothingToExplain() throws {
    let r = try corridor("explain", "models/electricity-2030.toml")
    #expect(r.status == 0, "\(r)")
    #expect(r.stdout.contains("feasible: the model has a plan, nothing to explain"))
  }

  @Test func solveEndsAnInfeasibleReportWithTheExplanation() throws {
    let table = try corridor("solve", Self.example)
    #expect(table.status == 10, "\(table)")
    #expect(table.stdout.contains("Why it is infeasible"))
    #expect(table.stdout.contains("rule az-tr-firm"))
    let json = try corridor("solve", Self.example, "--format", "json")
    #expect(json.status == 10)
    let why = try #require(jsonObject(json.stdout)?["infeasibility"] as? [String: Any])
    #expect(why["schema"] as? String == "corridor-explain/1")
    #expect((why["conflict"] as? [Any])?.count == 4)
    let quiet = try corridor("solve", Self.example, "--no-explain", "--format", "json")
    #expect(quiet.status == 10)
    #expect(jsonObject(quiet.stdout)?["infeasibility"] is NSNull)
    // A feasible model's report has no such section and a null in JSON.
    let ok = try corridor("solve", "models/oil-2030.toml", "--format", "json")
    #expect(jsonObject(ok.stdout)?["infeasibility"] is NSNull)
  }

  @Test func badOptionsNameTheValueAndWhatIsAllowed() throws {
    for (args, needle) in [
      (["--fixed", "kz-westbound-mn"], "did you mean 'kz-westbound-min'"),
      (["--weight", "firmm=2"], "did you mean 'firm'"),
      (["--weight", "firm=-1"], "must be a positive number"),
      (["--weight", "firm=2", "--weight", "firm=3"], "firm twice"),
      (["--write", "/tmp/never-written.lp"], "--write writes the conflicting rows of an LP file"),
      (["--format", "csv"], "csv"),
    ] {
      let r = try corridor(["explain", Self.example] + args)
      #expect(r.status == 64, "\(args): \(r)")
      #expect(r.stderr.contains(needle), "\(args): \(r.stderr)")
      #expect(r.stdout.isEmpty, "\(args): no partial report")
    }
    #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.lp"))
  }
}
