// Issue #8 item 6: lexicographic stages keep earlier optima exactly.
//
// The planner used to hold a stage's optimum z by a row "stage ≥ z − 1e-7·|z|",
// and the next stage spent that slack: in the fiber fair split the value stage
// traded fairness for money and UZ's revenue came out as 9,809,999 instead of
// 9,810,000. Tolerance here: 1e-9 relative (the old slack was 1e-7).

import CorridorModel
import Foundation
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Lexicographic stages keep earlier optima (issue #8 item 6)")
struct LexicographicStageTests {

  // models/scenarios/fiber-fair-split.toml, derived in its header and here:
  // crossings tcfo 16 · 0.99 = 15.84, kuryk-buzovna 4 · 0.99 = 3.96, tm-az 2 Tbps:
  // 21.8 Tbps for 18 (KZ) + 6 (UZ) = 24 Tbps of demand, so z* = 21.8/24 and every
  // crossing is full: KZ 18 z* = 16.35, UZ 6 z* = 5.45 Tbps. AZ's 8 Tbps do not cross.
  // Money per Tbps over the year (8,760 h, a month = 730 h):
  //   price 150 USD/Gbps/month = 150,000 · 12 = 1,800,000 USD;
  //   subsea tariff 25 USD/Gbps/month = 300,000; terrestrial 10 → 120,000;
  //   black-sea-fiber 17.6 EUR/Gbps/month · 1.0507 USD/EUR · 12,000 = 221,907.84.
  // Value stage with z held at z*: the crossings stay full; UZ pays one terrestrial hop
  // either way (uz-tm to tm-az, or uz-kz to tcfo), KZ would pay an extra hop (kz-tm) to use
  // tm-az, so UZ takes tm-az (2) and 3.45 over uz-kz; KZ 16.35 over tcfo/kuryk-buzovna.
  //   revenue  29.8 · 1,800,000 = 53,640,000 (KZ 29,430,000, UZ 9,810,000, AZ 14,400,000)
  //   tariffs  21.8 · 300,000 + (2 + 3.45) · 120,000 + 29.8 · 120,000
  //            + 29.8 · 221,907.84 = 6,540,000 + 654,000 + 3,576,000 + 6,612,853.632
  //   value    53,640,000 − 17,382,853.632 = 36,257,146.368 USD.
  static let fairnessLevel = 21.8 / 24
  static let value = 53_640_000 - (6_540_000 + 654_000 + 3_576_000 + 29.8 * 221_907.84)

  func fairSplit() throws -> Model {
    try ModelLoader.load(path: packagePath("models/fiber-2030.toml"),
                         scenario: packagePath("models/scenarios/fiber-fair-split.toml"))
  }

  @Test func fairSplitKeepsTheFairnessLevelExactly() throws {
    let plan = try Planner().plan(fairSplit())
    #expect(plan.status == .optimal)
    #expect(plan.stages.map(\.name) == ["fairness", "value"])
    expectClose(plan.stages.first?.objective, Self.fairnessLevel, "fairness stage optimum")
    // The fairness level the final plan achieves: the smallest served share.
    expectClose(plan.rule("fair-crossing")?.achieved, Self.fairnessLevel, "fairness level kept by the value stage")
    expectClose(plan.country("KZ")?.byMarket.first?.delivered, 16.35, "KZ delivered")
    expectClose(plan.country("UZ")?.byMarket.first?.delivered, 5.45, "UZ delivered")
    expectClose(plan.country("KZ")?.revenue, 29_430_000, "KZ revenue")
    expectClose(plan.country("UZ")?.revenue, 9_810_000, "UZ revenue")
    expectClose(plan.objective, Self.value, "value")
    expectClose(plan.objective, 36_257_146.368, "value (decimal)")
  }

  // FormulationTests' priority model: stage B → 70, stage A → 30, value 4,300 EUR,
  // each exactly (the old slack let the value stage trade 7e-6 MW of B for A).
  @Test func priorityStagesHoldExactly() throws {
    let plan = try Planner().plan(FormulationTests().priorityModel())
    expectClose(plan.stages[0].objective, 70, "stage B")
    expectClose(plan.stages[1].objective, 30, "stage A")
    expectClose(plan.corridor("trunk")?.flow(of: "B"), 70, "B on trunk")
    expectClose(plan.corridor("trunk")?.flow(of: "A"), 30, "A on trunk")
    expectClose(plan.objective, 4_300, "value")
  }

  /// Solving the same formulation twice gives the same plan and adds no rows the second time.
  @Test func secondSolveReusesTheStageRows() throws {
    let f = try Formulation(model: fairSplit())
    let planner = Planner()
    let first = try planner.solve(f)
    let rows = f.program.constraintCount
    let second = try planner.solve(f)
    #expect(f.program.constraintCount == rows, "a second solve appended rows: \(rows) → \(f.program.constraintCount)")
    expectClose(second.objective, first.objective ?? .nan, "objective of the second solve")
    expectClose(second.stages.first?.objective, Self.fairnessLevel, "fairness of the second solve")
    // And again after prepareExport, which leaves the last stage's LP in place.
    try planner.prepareExport(f)
    #expect(f.program.constraintCount == rows)
  }

  /// The time limit is for the whole plan: a later stage gets what the earlier ones left.
  @Test func laterStagesGetTheRemainingTime() {
    let planner = Planner(options: SolverOptions(timeLimit: 10))
    let left = planner.remaining(planner.options, since: MonotonicClock.now() - 4).timeLimit
    #expect(left.map { abs($0 - 6) < 0.5 } == true, "10 s limit, 4 s used: \(String(describing: left)) s left")
    #expect(planner.remaining(planner.options, since: MonotonicClock.now() - 20).timeLimit.map { $0 > 0 } == true,
            "an exhausted budget still gives GLPK a positive limit")
    #expect(Planner().remaining(SolverOptions(), since: 0).timeLimit == nil)
  }

  /// The exported LP (last stage, earlier stages held as rows) solved by glpsol has the plan's optimum.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol"), "glpsol not installed"))
  func exportedLastStageMatchesGlpsol() throws {
    let f = try Formulation(model: fairSplit())
    let plan = try Planner().solve(f)
    try Planner().prepareExport(f)
    let dir = NSTemporaryDirectory() + "corridor-stage-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try f.program.write(to: dir + "/m.lp", format: .cplexLP)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
    p.arguments = ["--lp", dir + "/m.lp", "-w", dir + "/m.sol"]
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    let sol = try String(contentsOfFile: dir + "/m.sol", encoding: .utf8)
    let line = try #require(sol.split(separator: "\n").first { $0.hasPrefix("s ") })
    let z = try #require(line.split(separator: " ").last.flatMap { Double(String($0)) })
    expectClose(z, plan.objective ?? .nan, relative: 1e-9, "glpsol objective of the exported LP")
    expectClose(z, Self.value, relative: 1e-9, "glpsol objective, hand-derived")
  }
}
