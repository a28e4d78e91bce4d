// `corridor explain FILE` for LP, MPS and MathProg files (issue #10), run as the
// built binary: exit codes, names in every format, the --write file checked in
// glpsol, options that do not apply, missing files. The corpus of infeasible
// files with planted conflicts is in ExplainCorpusTests.swift.

import CorridorTestSupport
import Foundation
import Testing

@Suite struct ExplainCLITests {
  /// x + y ≥ 5 (c1) with bounds x ≤ 2, y ≤ 2; decoys d1: x + z ≤ 10, d2: z ≥ 1,
  /// z ≤ 7. The only IIS: {c1 lower, x upper, y upper} (derived in
  /// InfeasibilityTests.boundModel); the least relaxation moves one of them by 1.
  static let infeasibleLP = """
    \\* x + y >= 5 cannot hold with x <= 2 and y <= 2 *\\
    Minimize
     obj: x + y + z
    Subject To
     c1: x + y >= 5
     d1: x + z <= 10
     d2: z >= 1
    Bounds
     x <= 2
     y <= 2
     z <= 7
    End

    """

  /// The same with c1: x + y ≥ 3, which holds.
  static var feasibleLP: String { infeasibleLP.replacingOccurrences(of: "x + y >= 5", with: "x + y >= 3") }

  /// The conflict of a JSON report as `type:name:side` keys.
  static func conflictKeys(_ json: [String: Any]) -> Set<String> {
    Set(((json["conflict"] as? [[String: Any]]) ?? []).map { "\($0["type"] ?? ""):\($0["name"] ?? ""):\($0["side"] ?? "")" })
  }

  @Test func feasibleFileHasNothingToExplain() throws {
    let dir = try scratchFolder("explain-feasible")
    let file = try writeFile(dir, "ok.lp", Self.feasibleLP)
    let r = try corridor("explain", file, "--write", dir + "/iis.lp")
    #expect(r.status == 0, "\(r)")
    #expect(r.stdout.contains("feasible: nothing to explain"), "\(r)")
    #expect(!fileExists(dir + "/iis.lp"), "a feasible model must not leave an IIS file")
  }

  @Test func infeasibleFileNamesItsRowsAndBounds() throws {
    let dir = try scratchFolder("explain-text")
    let file = try writeFile(dir, "bad.lp", Self.infeasibleLP)
    let r = try corridor("explain", file)
    #expect(r.status == 10, "\(r)")
    for line in ["x + y >= 5", "x <= 2", "y <= 2"] { #expect(r.stdout.contains(line), "missing '\(line)' in \(r)") }
    #expect(!r.stdout.contains("d1") && !r.stdout.contains("d2"), "decoys are not part of the conflict: \(r)")
    #expect(r.stdout.contains("irreducible"))
    // The relaxation line: one of the three sides moves by 1, e.g. "bound y: upper bound 2 → 3 (up by 1)".
    let moves = r.stdout.split(separator: "\n").filter { $0.contains("→") }
    #expect(moves.count == 1 && moves.first.map { $0.contains("by 1)") } == true, "\(moves)")
    #expect(r.stdout.contains("solves") && r.stdout.contains("iterations"))
    let markdown = try corridor("explain", file, "--format", "markdown")
    #expect(markdown.status == 10 && markdown.stdout.contains("| row") && markdown.stdout.contains("x + y >= 5"), "\(markdown)")
  }

  @Test func jsonReportFollowsTheSchema() throws {
    let dir = try scratchFolder("explain-json")
    let file = try writeFile(dir, "bad.lp", Self.infeasibleLP)
    let r = try corridor("explain", file, "--format", "json")
    #expect(r.status == 10, "\(r)")
    let json = try #require(jsonObject(r.stdout))
    #expect(json["schema"] as? String == "corridor-explain/1")
    #expect(json["kind"] as? String == "lp")
    #expect(json["status"] as? String == "infeasible")
    #expect(json["irreducible"] as? Bool == true)
    #expect(Self.conflictKeys(json) == ["row:c1:lower", "bound:x:upper", "bound:y:upper"])
    let c1 = ((json["conflict"] as? [[String: Any]]) ?? []).first { $0["name"] as? String == "c1" }
    #expect(number(c1?["bound"]) == 5)
    #expect(number(json["relaxation_cost"]).map { abs($0 - 1) < 1e-7 } == true)
    let moves = (json["relaxation"] as? [[String: Any]]) ?? []
    #expect(moves.count == 1)
    if let m = moves.first, let from = number(m["from"]), let to = number(m["to"]), let by = number(m["by"]) {
      #expect(abs(by - 1) < 1e-7 && abs(abs(to - from) - 1) < 1e-7, "\(m)")
    }
    let run = try #require(json["run"] as? [String: Any])
    #expect((number(run["solves"]) ?? 0) >= 2 && run["timed_out"] as? Bool == false)
    #expect((run["method"] as? [String])?.contains("deletion filter") == true)
    // The same report to a file with --output.
    let out = dir + "/report.json"
    let o = try corridor("explain", file, "--format", "json", "--output", out)
    #expect(o.status == 10 && o.stdout.isEmpty)
    #expect(jsonObject((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").map(Self.conflictKeys) == Self.conflictKeys(json))
  }

  @Test func writtenConflictIsInfeasibleInGlpsolAndIrreducible() throws {
    guard glpsolPath != nil else { return }
    let dir = try scratchFolder("explain-write")
    let file = try writeFile(dir, "bad.lp", Self.infeasibleLP)
    let iis = dir + "/iis.lp"
    let r = try corridor("explain", file, "--write", iis)
    #expect(r.status == 10, "\(r)")
    let check = try GlpsolIIS.check(iis)
    #expect(check.problems.isEmpty, "\(check.problems)")
    #expect(check.members == 3, "c1, x ≤ 2, y ≤ 2: \(check.members)")
  }

  @Test func fixedRowsNeverMove() throws {
    let dir = try scratchFolder("explain-fixed")
    let file = try writeFile(dir, "bad.lp", Self.infeasibleLP)
    let r = try corridor("explain", file, "--fixed", "c1", "x", "--format", "json")
    #expect(r.status == 10, "\(r)")
    let json = try #require(jsonObject(r.stdout))
    // c1 and x fixed: only y's bound is left in the conflict, and it must move up by 1.
    #expect(Self.conflictKeys(json) == ["bound:y:upper"])
    let moves = (json["relaxation"] as? [[String: Any]]) ?? []
    #expect(moves.count == 1 && moves.first?["name"] as? String == "y" && number(moves.first?["to"]).map { abs($0 - 3) < 1e-7 } == true, "\(moves)")
    // All three fixed: the fixed sides alone conflict.
    let all = try corridor("explain", file, "--fixed", "c1", "x", "y", "--format", "json")
    #expect(all.status == 10)
    #expect(jsonObject(all.stdout)?["cause"] as? String == "fixed", "\(all)")
  }

  @Test func badOptionsAreUsageErrors() throws {
    let dir = try scratchFolder("explain-usage")
    let file = try writeFile(dir, "bad.lp", Self.infeasibleLP)
    let cases: [([String], String)] = [
      (["--fixed", "c2"], "did you mean 'c1'"),
      (["--fixed", "nosuchthing"], "neither a row nor a column"),
      (["--scenario", "s.toml"], "--scenario applies to .toml"),
      (["--weight", "firm=2"], "--weight applies to .toml"),
      (["--format", "csv"], "csv is not available"),
      (["--time-limit", "-1"], "--time-limit must be a positive number"),
      (["--time-limit", "soon"], "--time-limit must be a positive number"),
      (["--max"], "--max applies to .mps"),
      (["--mps-format", "fixed"], "--mps-format applies to .mps"),
      (["--data", "x.dat"], "--data applies to .mod"),
      (["--output", file], "an input of this command"),
      (["--write", file], "an input of this command"),
      (["--write", dir + "/a.lp", "--output", dir + "/a.lp"], "same file"),
    ]
    for (options, says) in cases {
      let r = try corridor(["explain", file] + options)
      #expect(r.status == 64, "\(options): \(r)")
      #expect(r.stderr.contains(says), "\(options): expected '\(says)' in \(r.stderr)")
    }
    let unknown = try corridor("explain", dir + "/model.txt")
    #expect(unknown.status == 64, "\(unknown)")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.infeasibleLP, "the input must be intact")
  }

  @Test func missingOrUnreadableFilesAreExit66() throws {
    let dir = try scratchFolder("explain-missing")
    let missing = try corridor("explain", dir + "/absent.lp")
    #expect(missing.status == 66 && missing.stderr.contains("absent.lp"), "\(missing)")
    try FileManager.default.createDirectory(atPath: dir + "/folder.lp", withIntermediateDirectories: true)
    let folder = try corridor("explain", dir + "/folder.lp")
    #expect(folder.status == 66, "\(folder)")
    let broken = try writeFile(dir, "broken.lp", "Minimize\n obj: x +\nSubject To\n c1 x >= \nEnd\n")
    let bad = try corridor("explain", broken)
    #expect(bad.status == 65, "\(bad)")
    let report = dir + "/report.txt"
    let none = try corridor("explain", dir + "/absent.lp", "--output", report, "--write", dir + "/iis.lp")
    #expect(none.status == 66 && !fileExists(report) && !fileExists(dir + "/iis.lp"), "no partial output: \(none)")
    // An IIS file that cannot be written: exit 73 before any analysis, and no report.
    let good = try writeFile(dir, "bad.lp", Self.infeasibleLP)
    let unwritable = try corridor("explain", good, "--write", dir + "/no-such-folder/iis.lp")
    #expect(unwritable.status == 73 && unwritable.stdout.isEmpty && unwritable.stderr.contains("no-such-folder"), "\(unwritable)")
  }

  /// A MIP is explained through its LP relaxation: 2x = 3 with x integer has the
  /// relaxed point x = 1.5, so the cause is integrality (exit 10, no conflict, no
  /// file); 2x = 4 has x = 2 and is feasible (exit 0).
  @Test func mipInfeasibleOnlyThroughIntegrality() throws {
    let dir = try scratchFolder("explain-mip")
    let half = try writeFile(dir, "half.mod", "var x integer, >= 0, <= 10;\nminimize obj: x;\ns.t. half: 2 * x = 3;\nend;\n")
    let r = try corridor("explain", half, "--format", "json", "--write", dir + "/iis.lp")
    #expect(r.status == 10, "\(r)")
    let json = try #require(jsonObject(r.stdout))
    #expect(json["cause"] as? String == "integrality" && json["status"] as? String == "infeasible")
    #expect(Self.conflictKeys(json).isEmpty && !fileExists(dir + "/iis.lp"))
    let two = try writeFile(dir, "two.mod", "var x integer, >= 0, <= 10;\nminimize obj: x;\ns.t. two: 2 * x = 4;\nend;\n")
    let ok = try corridor("explain", two)
    #expect(ok.status == 0 && ok.stdout.contains("feasible: nothing to explain"), "\(ok)")
  }

  /// The fenced blocks of docs/explain.md, in order.
  static func docBlocks() throws -> [String] {
    let text = try String(contentsOfFile: packageRoot + "/docs/explain.md", encoding: .utf8)
    let parts = text.components(separatedBy: "```")
    // Odd pieces are inside fences; drop the info string (first line) of each.
    return stride(from: 1, to: parts.count, by: 2).map { k in
      let piece = parts[k]
      return piece.firstIndex(of: "\n").map { String(piece[piece.index(after: $0)...]) } ?? piece
    }
  }

  /// The worked example of docs/explain.md says what the program prints, and the
  /// figures derived by hand there hold: the Black Sea cable is 50 MW short of the
  /// firm 1,150 MW, the Caspian cable delivers 0.97 × 1,000 = 970 MW, so the firm
  /// contracts must drop by 180 MW (or the cables rise by 180 / 0.97 and 50 MW). The
  /// conflict named is the Caspian one (the least relaxation's duals price it), held
  /// against the fixed balance, which the written file therefore carries.
  @Test func docsWorkedExampleHolds() throws {
    let blocks = try Self.docBlocks()
    let model = try #require(blocks.first { $0.hasPrefix("\\* Firm deliveries") })
    let printed = try #require(blocks.first { $0.hasPrefix("$ corridor explain romania.lp --fixed balance") })
    let iisText = try #require(blocks.first { $0.hasPrefix("Minimize\n obj: 0 kz") })
    let dir = try scratchFolder("explain-docs")
    _ = try writeFile(dir, "romania.lp", model)
    let r = try corridor(["explain", "romania.lp", "--fixed", "balance", "--write", "iis.lp"], in: dir)
    #expect(r.status == 10, "\(r)")
    for line in printed.split(separator: "\n").dropFirst() where !line.hasPrefix("run:") {
      #expect(r.stdout.contains(line), "docs/explain.md shows '\(line)', the program does not print it:\n\(r.stdout)")
    }
    let written = (try? String(contentsOfFile: dir + "/iis.lp", encoding: .utf8)) ?? ""
    #expect(written.hasSuffix(iisText), "docs/explain.md shows another IIS file than the program writes:\n\(written)")
    let json = try #require(jsonObject(try corridor(["explain", "romania.lp", "--fixed", "balance", "--format", "json"], in: dir).stdout))
    #expect(Self.conflictKeys(json) == ["row:caspian:upper", "row:firm:lower"])
    let moves = (json["relaxation"] as? [[String: Any]]) ?? []
    #expect(moves.count == 1 && moves.first?["name"] as? String == "firm" && number(moves.first?["to"]).map { abs($0 - 970) < 1e-6 } == true, "\(moves)")
    // Contracts fixed too: the cables move, Caspian by 180 / 0.97, Black Sea by 50.
    let cables = try #require(jsonObject(try corridor(["explain", "romania.lp", "--fixed", "balance", "firm", "--format", "json"], in: dir).stdout))
    let by = Dictionary(uniqueKeysWithValues: ((cables["relaxation"] as? [[String: Any]]) ?? []).map { ($0["name"] as? String ?? "", number($0["by"]) ?? .nan) })
    #expect(by.count == 2 && abs((by["caspian"] ?? 0) - 180 / 0.97) < 1e-6 && abs((by["blacksea"] ?? 0) - 50) < 1e-6, "\(by)")
  }

  /// A chain x1 ≥ 1, x_k − x_{k−1} ≥ 1, x_n ≤ 0 of 3,000 rows (the only IIS is
  /// every row; each filter needs thousands of solves): a 0.5 s limit is exit 13
  /// with the best set so far, well within 2 s of starting.
  @Test func timeLimitIsExit13() throws {
    let dir = try scratchFolder("explain-time")
    let n = 3000
    var text = "Minimize\n obj: x1\nSubject To\n r1: x1 >= 1\n"
    for k in 2...n { text += " r\(k): x\(k) - x\(k - 1) >= 1\n" }
    text += " top: x\(n) <= 0\nBounds\n"
    for k in 1...n { text += " x\(k) free\n" }
    text += "End\n"
    let file = try writeFile(dir, "chain.lp", text)
    let r = try corridor("explain", file, "--time-limit", "0.5", "--format", "json")
    #expect(r.status == 13, "\(r)")
    #expect(r.seconds < 3.0, "a 0.5 s limit took \(r.seconds) s in all (reading the file included)")
    let json = try #require(jsonObject(r.stdout))
    #expect((json["run"] as? [String: Any])?["timed_out"] as? Bool == true)
    #expect(json["irreducible"] as? Bool == false)
    #expect(!Self.conflictKeys(json).isEmpty)
  }
}
