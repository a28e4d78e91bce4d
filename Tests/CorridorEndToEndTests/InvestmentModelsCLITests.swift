// The shipped investment models (issue #11, models/investment/): each solves to a proven
// optimum, and glpsol, branching on the LP that `corridor export` writes, finds the same
// objective (1e-7 relative) and the same builds; its LP relaxation (--nomip) bounds it.

import CorridorTestSupport
import Foundation
import Testing

/// Every model and scenario under models/investment/, package-relative, sorted.
let investmentModels: [String] = {
  var out: [String] = []
  for folder in ["models/investment", "models/investment/scenarios"] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/" + folder)) ?? []
    out += files.filter { $0.hasSuffix(".toml") }.sorted().map { folder + "/" + $0 }
  }
  return out
}()

/// glpsol's MIP (or with `--nomip`, LP) objective from its `-w` solution file (full
/// precision), and the columns named `build(...)` at 1 in its `-o` report.
private func glpsolRun(_ lp: String, nomip: Bool, scratch: String) throws -> (objective: Double?, built: Set<String>, report: String) {
  let report = scratch + "/glpsol.out", solution = scratch + "/glpsol.sol"
  let r = try run(glpsolPath!, ["--lp", lp, "-o", report, "-w", solution] + (nomip ? ["--nomip"] : []), timeout: 120)
  let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
  let status = nomip ? "Status:     OPTIMAL" : "Status:     INTEGER OPTIMAL"
  guard r.status == 0, text.contains(status),
        let sol = try? String(contentsOfFile: solution, encoding: .utf8),
        let line = sol.split(separator: "\n").first(where: { $0.hasPrefix("s ") })
  else { return (nil, [], text + r.stdout + r.stderr) }
  // The report gives a column's name on one line and its activity on the next.
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  var built: Set<String> = []
  for (i, l) in lines.enumerated() where l.contains("build(") && i + 1 < lines.count {
    let name = l.split(separator: " ").last.map(String.init) ?? ""
    let fields = lines[i + 1].split(separator: " ")
    // Fields: [*] activity lower upper [reduced cost]; a binary at 1 reads "1".
    if let activity = fields.first(where: { Double($0) != nil }).flatMap({ Double($0) }), activity > 0.5 { built.insert(name) }
  }
  return (line.split(separator: " ").last.flatMap { Double(String($0)) }, built, text)
}

@Suite("Shipped investment models",
       .enabled(if: corridorBinary != nil, "the corridor binary was not found"),
       .enabled(if: glpsolPath != nil, "glpsol is not installed (Debian: glpk-utils); cross-check skipped"))
struct InvestmentModelsCLITests {
  @Test func theFolderHoldsTheModelsTheDocsDescribe() {
    #expect(investmentModels.count >= 5, "expected the electricity model, three scenarios and the fiber model, found \(investmentModels)")
  }

  @Test(arguments: investmentModels)
  func provenOptimalAndGlpsolAgrees(model: String) throws {
    let dir = try scratchFolder("investment")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let solve = try corridor("solve", model, "--format", "json")
    #expect(solve.status == 0, "\(solve)")
    let o = try #require(jsonObject(solve.stdout))
    let objective = try #require(number(o["objective"]))
    let investment = try #require(o["investment"] as? [String: Any], "\(model): no investment object")
    #expect(investment["proven"] as? Bool == true, "\(model): optimum not proven")
    #expect(investment["mixed_integer"] as? Bool == true, "\(model): every shipped investment model has a discrete option")
    let builds = (investment["builds"] as? [[String: Any]]) ?? []
    // The LP file's column name of each build: punctuation '-' becomes '_' in the export.
    let ours = Set(builds.map { b -> String in
      let name = ((b["name"] as? String) ?? "").replacingOccurrences(of: "-", with: "_")
      let year = (b["year"] as? Int).map(String.init) ?? ""
      return "build(\(name),\(year))"
    })

    let lp = dir + "/model.lp"
    let e = try corridor("export", model, "--lp", lp)
    #expect(e.status == 0, "\(e)")
    let mip = try glpsolRun(lp, nomip: false, scratch: dir)
    let z = try #require(mip.objective, "glpsol did not solve \(lp):\n\(mip.report.prefix(1500))")
    #expect(objectiveMatches(z, objective), "\(model): glpsol \(z), corridor solve \(objective) (Δ \(z - objective))")
    // Size options name the size too (build(caspian,1000,2032)): compare entry and year.
    let theirs = Set(mip.built.map { name -> String in
      let parts = name.dropFirst("build(".count).dropLast().split(separator: ",")
      return "build(\(parts.first ?? ""),\(parts.last ?? ""))"
    })
    #expect(theirs == ours, "\(model): glpsol builds \(theirs.sorted()), corridor \(ours.sorted())")

    let relaxation = try glpsolRun(lp, nomip: true, scratch: dir)
    let bound = try #require(relaxation.objective, "glpsol --nomip did not solve \(lp)")
    #expect(bound >= objective - objectiveTolerance * abs(objective), "\(model): LP relaxation \(bound) below the MIP optimum \(objective)")
  }
}
