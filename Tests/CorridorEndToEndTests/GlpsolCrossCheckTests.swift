// Cross-check with GLPK's own solver: the LP that `corridor export` writes,
// solved by `glpsol`, has the objective `corridor solve` reports.
//
// For a lexicographic model (max-min-fair, priority rules) the export holds
// the earlier stages as rows, so both solve the same last-stage LP. glpsol's
// objective is read from its -w solution file (full precision; the -o report
// rounds to 7 digits) and compared at 1e-7 relative. Both the CPLEX LP and the
// free MPS export are checked (MPS stores no sense: glpsol gets --max/--min).
//
// Investment models (issue #11) with discrete build options are MIPs: glpsol runs its
// own branch and cut on the export ("INTEGER OPTIMAL"; solution line `s mip …`), so the
// objective is checked independently of the planner's search, within 1e-7 relative plus
// the gap the planner reports (0 unless --mip-gap was given).

import CorridorTestSupport
import Foundation
import Testing

/// glpsol's objective for an LP file (or a MIP: "INTEGER OPTIMAL"), from its solution
/// file; nil if it did not solve.
func glpsolObjective(_ arguments: [String], scratch: String) throws -> (objective: Double?, report: String) {
  let report = scratch + "/glpsol.out", solution = scratch + "/glpsol.sol"
  let r = try run(glpsolPath!, arguments + ["-o", report, "-w", solution], timeout: 120)
  let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
  guard r.status == 0, text.contains("Status:     OPTIMAL") || text.contains("Status:     INTEGER OPTIMAL"),
        let sol = try? String(contentsOfFile: solution, encoding: .utf8),
        let line = sol.split(separator: "\n").first(where: { $0.hasPrefix("s ") })
  else { return (nil, text + r.stdout + r.stderr) }
  return (line.split(separator: " ").last.flatMap { Double(String($0)) }, text)
}

@Suite("corridor export solved by glpsol",
       .enabled(if: corridorBinary != nil, "the corridor binary was not found"),
       .enabled(if: glpsolPath != nil, "glpsol is not installed (Debian: glpk-utils); cross-check skipped"))
struct GlpsolCrossCheckTests {

  @Test(arguments: shippedModels)
  func exportSolvedByGlpsolMatches(model: String) throws {
    let dir = try scratchFolder("glpsol")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let solve = try corridor("solve", model, "--format", "json")
    #expect(solve.status == 0, "\(solve)")
    let o = try #require(jsonObject(solve.stdout))
    let objective = try #require(number(o["objective"]))
    let sense = ((o["stages"] as? [[String: Any]])?.last?["sense"] as? String) ?? "maximize"

    let lp = dir + "/model.lp", mps = dir + "/model.mps"
    let a = try corridor("export", model, "--lp", lp)
    #expect(a.status == 0, "\(a)")
    let fromLP = try glpsolObjective(["--lp", lp], scratch: dir)
    let z1 = try #require(fromLP.objective, "glpsol did not solve \(lp):\n\(fromLP.report.prefix(1500))")
    #expect(objectiveMatches(z1, objective),
            "\(model): glpsol --lp \(z1), corridor solve \(objective) (Δ \(z1 - objective))")

    // glpsol rejects the OBJSENSE section export writes for maximizing models.
    let b = try corridor("export", model, "--mps", mps, "--no-objsense")
    #expect(b.status == 0, "\(b)")
    let fromMPS = try glpsolObjective(["--freemps", mps, sense == "maximize" ? "--max" : "--min"], scratch: dir)
    let z2 = try #require(fromMPS.objective, "glpsol did not solve \(mps):\n\(fromMPS.report.prefix(1500))")
    #expect(objectiveMatches(z2, objective),
            "\(model): glpsol --freemps \(z2), corridor solve \(objective) (Δ \(z2 - objective))")
  }
}

/// The hand-derived investment fixtures of the planning tests, package-relative and sorted
/// (the shipped models/investment/ are cross-checked by InvestmentModelsCLITests, builds
/// and LP relaxation included).
let investmentFixtures: [String] = {
  let fixtures = "Tests/CorridorPlanningTests/Fixtures/investment"
  return ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/" + fixtures)) ?? [])
    .filter { $0.hasSuffix(".toml") }.sorted().map { fixtures + "/" + $0 }
}()

@Suite("Investment models solved by glpsol",
       .enabled(if: corridorBinary != nil, "the corridor binary was not found"),
       .enabled(if: glpsolPath != nil, "glpsol is not installed (Debian: glpk-utils); cross-check skipped"))
struct InvestmentGlpsolCrossCheckTests {
  /// The fixtures are found (a wrong folder would make the cross-check below vacuous).
  @Test func theFixturesAreThere() {
    #expect(investmentFixtures.count >= 6, "\(investmentFixtures)")
  }

  @Test(arguments: investmentFixtures)
  func exportSolvedByGlpsolMatches(model: String) throws {
    let dir = try scratchFolder("glpsol-investment")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let solve = try corridor("solve", model, "--format", "json", "--quiet", timeout: 300)
    #expect(solve.status == 0, "\(solve)")
    let o = try #require(jsonObject(solve.stdout))
    let objective = try #require(number(o["objective"]))
    let inv = o["investment"] as? [String: Any]
    let gap = number(quantity(inv?["gap"])?.value) ?? 0
    let lp = dir + "/model.lp"
    let e = try corridor("export", model, "--lp", lp)
    #expect(e.status == 0, "\(e)")
    let glpsol = try glpsolObjective(["--lp", lp], scratch: dir)
    let z = try #require(glpsol.objective, "glpsol did not solve \(lp):\n\(glpsol.report.prefix(1500))")
    #expect(abs(z - objective) <= (objectiveTolerance + gap) * max(1, abs(objective)),
            "\(model): glpsol --lp \(z), corridor solve \(objective) (Δ \(z - objective), planner gap \(gap))")
  }
}

/// Under CI the cross-check tools must be there, or the suites that need them
/// would be skipped unnoticed (outside CI they show as skipped, with the reason).
@Suite("CI has the cross-check tools")
struct CIToolTests {
  @Test(.enabled(if: runningUnderCI, "only under CI (CI=true)"))
  func glpsolAndTheExamplesAreInstalled() {
    #expect(glpsolPath != nil, "glpsol is missing (scripts/install-deps.sh --test installs glpk-utils)")
    #expect(fileExists(glpkExamples + "/plan.mps"), "GLPK's examples are missing at \(glpkExamples) (glpk-utils)")
    #expect(corridorBinary != nil, "the corridor binary was not found")
  }
}
