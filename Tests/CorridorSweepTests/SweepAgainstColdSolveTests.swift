import CorridorModel
import CorridorPlanning
import CorridorSweep
import CorridorTestSupport
import Foundation
import LinearProgramming
import Testing

/// Issue #13's 200-case acceptance sweep over the oil model, checked case by case against a
/// cold solve of the same model by the planner's default path.
@Suite("A 200-case oil sweep against cold solves")
struct SweepAgainstColdSolveTests {
  static func sweepFile(_ folder: String) throws -> String {
    let path = folder + "/cpc-supsa.toml"
    try """
      [sweep]
      name = "CPC x Baku-Supsa"
      model = "\(packageRoot)/models/oil-2030.toml"
      [vary]
      corridors.cpc.capacity = { from = "72.5 Mt/yr", to = "0 Mt/yr", steps = 20 }
      corridors.baku-supsa.capacity = { from = "0 Mt/yr", to = "7.5 Mt/yr", steps = 10 }
      """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("Every case equals a cold corridor solve (1e-9); warm iterations ≤ 1/5 of cold")
  func everyCase() throws {
    let dir = NSTemporaryDirectory() + "corridor-sweep-\(getpid())-\(UUID().uuidString.prefix(6))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let sweep = try SweepDefinition.load(path: try Self.sweepFile(dir))
    #expect(sweep.cases.count == 200)
    let db = try SweepDatabase(path: dir + "/r.sqlite")
    let runner = SweepRunner(sweep: sweep, jobs: 1)
    let summary = try runner.run(sweep.cases, into: db)
    #expect(summary.solved == 200 && summary.warm == 199)
    let stored = try db.cases()
    var warmIterations = 0, coldIterations = 0
    for c in sweep.cases {
      // The cold reference: the case's model loaded on its own and solved by a fresh planner.
      let model = try runner.model(of: c)
      let cold = try Planner().plan(model)
      coldIterations += cold.stages.reduce(0) { $0 + $1.iterations }
      let row = stored[c.id]
      warmIterations += row.iterations
      #expect(row.status == cold.status.rawValue)
      let a = try #require(row.objective), b = try #require(cold.objective)
      #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "case \(c.id) (\(c.label(sweep))): sweep \(a), cold \(b)")
    }
    let ratio = Double(warmIterations) / Double(max(1, coldIterations))
    print("200-case oil sweep: \(warmIterations) simplex iterations warm against \(coldIterations) cold (\(String(format: "%.3f", ratio)))")
    #expect(ratio <= 0.2, "warm \(warmIterations) against cold \(coldIterations)")
  }
}
