// Warm against cold simplex iterations on the edits the next analyses make (issue #9):
// each corridor taken out (N-1) and each corridor at half capacity, every what-if started
// from the base plan's basis (`reset(basis: true)`), against a cold build and solve of the
// same edited model by the planner's default path. The figures are printed (a measurement,
// not a timed test); the test pins only that warm re-solves agree with cold ones and cost
// fewer iterations in total.
//
// CORRIDOR_HOURLY_WHATIF=1 adds the hourly model (8,760 slices), with wall times: a
// measurement that runs far longer than CI allows, so CORRIDOR_HEAVY_TESTS does not turn it on.

import CorridorModel
import CorridorTestSupport
import Foundation
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Planning session: warm against cold iterations (issue #9)")
struct SessionIterationTests {
  struct Tally { var warm = 0; var cold = 0; var warmSeconds = 0.0; var coldSeconds = 0.0; var solves = 0 }

  static func now() -> Double { Date().timeIntervalSinceReferenceDate }

  /// N-1 and half capacity over every corridor of `path`; warm from the base basis, against cold.
  static func measure(_ path: String) throws -> Tally {
    let model = try loadShipped(path)
    let session = try PlanningSession(model: model, names: false)
    let base = try session.solve()
    #expect(base.provenOptimal)
    let scale = abs(base.objective ?? 1)
    var t = Tally()
    for corridor in model.corridors where corridor.enabled {
      for edit in [PlanningEdit.enabled(corridor: corridor.name, false),
                   .capacity(corridor: corridor.name, .constant(corridor.capacity.maximum / 2))] {
        try session.reset(basis: true)
        try session.apply(edit)
        let w0 = now()
        let warm = try session.solve()
        let w1 = now()
        let cold = try Planner().plan(session.model, names: false)
        let w2 = now()
        #expect(PlanningSessionTests.agree(warm.objective, cold.objective, scale: scale), "\(path): \(edit)")
        t.warm += session.solves.last!.iterations
        t.cold += cold.stages.reduce(0) { $0 + $1.iterations }
        t.warmSeconds += w1 - w0
        t.coldSeconds += w2 - w1
        t.solves += 1
        if ProcessInfo.processInfo.environment["SESSION_DEBUG"] == "1" {
          print("  \(edit): warm \(session.solves.last!) alg \(String(describing: session.formulation.program.solution?.algorithm)), cold \(cold.stages.map(\.iterations))")
        }
      }
    }
    print("\(path): \(t.solves) what-ifs; simplex iterations warm \(t.warm), cold \(t.cold) (\(String(format: "%.2f", Double(t.warm) / Double(max(1, t.cold))))); seconds warm \(String(format: "%.3f", t.warmSeconds)), cold build+solve \(String(format: "%.3f", t.coldSeconds))")
    return t
  }

  @Test("N-1 and half capacity on the electricity, fiber and oil models",
        arguments: ["models/electricity-2030.toml", "models/fiber-2030.toml", "models/oil-2030.toml"])
  func iterations(path: String) throws {
    let t = try Self.measure(path)
    #expect(t.warm < t.cold, "warm \(t.warm) iterations, cold \(t.cold)")
  }

  @Test("the hourly model (CORRIDOR_HOURLY_WHATIF=1)",
        .enabled(if: ProcessInfo.processInfo.environment["CORRIDOR_HOURLY_WHATIF"] == "1"))
  func hourly() throws {
    let t = try Self.measure("models/electricity-hourly-8760.toml")
    #expect(t.warm < t.cold)
  }
}
