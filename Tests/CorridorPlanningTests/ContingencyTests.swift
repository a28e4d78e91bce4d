// Contingency analysis (issue #9, analysis 2): each outage's warm re-solve against a cold
// build and solve of the outage model made independently here (the model's fields set by
// hand, not through the session's edits); a hand-derived N-1 on teaching model (f); the
// warm/cold iteration ratio; --jobs 2 against --jobs 1; option checks.
//
// The hourly model (8,760 slices) runs only with CORRIDOR_HOURLY_WHATIF=1: every outage of it against a cold
// solve takes well over half an hour on 2 cores, too long for CI (CORRIDOR_HEAVY_TESTS).

import CorridorModel
import CorridorTestSupport
import Foundation
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Contingency: N-1 and N-2 on warm sessions (issue #9)")
struct ContingencyTests {
  /// The outage model, made without ``PlanningSession``: the corridors' own fields changed.
  static func outageModel(_ model: Model, _ outage: Outage, _ o: ContingencyOptions) -> Model {
    var m = model
    for name in outage.corridors {
      guard let c = m.corridors.firstIndex(where: { $0.name == name }) else { continue }
      let keep = 1 - o.derate
      if let w = o.slices {
        let a = m.corridors[c].availability
        m.corridors[c].availability = .perSlice((0..<m.slices.count).map { w.contains($0) ? a.value(at: $0) * keep : a.value(at: $0) })
      } else if o.derate == 1 {
        m.corridors[c].enabled = false
      } else {
        switch m.corridors[c].capacity {
        case let .constant(v): m.corridors[c].capacity = .constant(v * keep)
        case let .perSlice(v): m.corridors[c].capacity = .perSlice(v.map { $0 * keep })
        }
      }
    }
    return m
  }

  /// Runs `options` on `path` and checks every outage against a cold solve; returns the
  /// result and the cold solves' total simplex iterations.
  @discardableResult
  static func checkAgainstCold(_ path: String, _ options: ContingencyOptions) throws -> (ContingencyResult, Int) {
    let model = try loadShipped(path)
    let r = try ContingencyAnalysis.run(model: model, options: options)
    let base = try Planner().plan(model, names: false)
    expectClose(r.base.objective, base.objective ?? .nan, "\(path): base objective")
    var cold = 0
    // Relative to the base objective: an outage can collapse the objective to about 0
    // (electricity without Caspian: the min-share rules then hold every westbound flow at
    // 0), where "relative to itself" would be an absolute 1e-9 EUR on a 1.3e9 EUR LP.
    let scale = max(1, abs(base.objective ?? 1))
    for o in r.outages {
      let plan = try Planner().plan(outageModel(model, o.outage, options), names: false)
      cold += plan.stages.reduce(0) { $0 + $1.iterations }
      if plan.status == .optimal, let z = plan.objective {
        #expect(o.status == .optimal, "\(path) \(o.outage.name): warm \(o.status), cold optimal")
        #expect(abs((o.objective ?? .nan) - z) <= 1e-9 * scale,
                "\(path) \(o.outage.name): warm \(o.objective ?? .nan), cold \(z)")
        let maximize = plan.stages.last?.sense == .maximize
        let lost = maximize ? (base.objective ?? .nan) - z : z - (base.objective ?? .nan)
        #expect(abs((o.lost ?? .nan) - lost) <= 1e-9 * scale,
                "\(path) \(o.outage.name): lost \(o.lost ?? .nan), cold \(lost)")
      } else {
        #expect(o.status == plan.status, "\(path) \(o.outage.name): warm \(o.status), cold \(plan.status)")
        #expect(o.objective == nil)
      }
    }
    return (r, cold)
  }

  static let shipped = ["models/electricity-2030.toml", "models/fiber-2030.toml", "models/oil-2030.toml",
                        "models/teaching/01-compounding-losses.toml", "models/teaching/02-min-share.toml",
                        "models/teaching/03-custom-constraint.toml", "models/teaching/04-storage-shift.toml",
                        "models/teaching/05-max-min-fair.toml", "models/teaching/06-firm-delivery.toml"]

  @Test("N-1: every outage's objective equals a cold solve of the outage model (1e-9)", arguments: shipped)
  func nMinusOne(path: String) throws {
    try Self.checkAgainstCold(path, ContingencyOptions(jobs: 2))
  }

  @Test("Half capacity, and an outage in a window of slices, equal cold solves", arguments: shipped)
  func derateAndWindow(path: String) throws {
    try Self.checkAgainstCold(path, ContingencyOptions(derate: 0.5, jobs: 1))
    let model = try loadShipped(path)
    let S = model.slices.count
    try Self.checkAgainstCold(path, ContingencyOptions(slices: (S > 1 ? 1 : 0)..<S, jobs: 1))
  }

  @Test("N-2 over the electricity and oil models equals cold solves",
        arguments: ["models/electricity-2030.toml", "models/oil-2030.toml"])
  func pairs(path: String) throws {
    let (r, _) = try Self.checkAgainstCold(path, ContingencyOptions(pairs: true, jobs: 2))
    let n = try loadShipped(path).corridors.filter(\.enabled).count
    #expect(r.outages.count == n * (n - 1) / 2)
  }

  // Measured (issue #9 asks for warm ≤ 1/4 of cold on these two models). Not reached:
  // electricity 483 warm against 460 cold (the outages of uz-kz and caspian collapse the
  // objective to 0 through the min-share rules, and the dual simplex unwinds every flow),
  // fiber 11 against 38 (0.29: az-ge and black-sea-fiber need 4 dual pivots each,
  // their cold solves 4 to 7). Kept as a known issue so that the test says when it holds.
  // WarmPivotBoundTests shows why on electricity: every basis of the outages' optimal points
  // differs from the base basis in more variables than 1/4 of the cold pivots.
  @Test("Warm iterations on the electricity and fiber models against 1/4 of cold (known issue)",
        arguments: ["models/electricity-2030.toml", "models/fiber-2030.toml"])
  func iterations(path: String) throws {
    let (r, cold) = try Self.checkAgainstCold(path, ContingencyOptions(jobs: 1))
    print("\(path): N-1 \(r.outages.count) outages, simplex iterations warm \(r.iterations), cold \(cold) (\(String(format: "%.3f", Double(r.iterations) / Double(max(1, cold))))); base cold \(r.baseIterations)")
    #expect(cold > 0)
    // --cold: the same outages from scratch inside the analysis agree with the warm ones.
    let c = try ContingencyAnalysis.run(model: try loadShipped(path), options: ContingencyOptions(jobs: 2, cold: true))
    let scale = max(1, abs(r.base.objective ?? 1))
    for (w, k) in zip(r.outages, c.outages) {
      #expect(abs((w.objective ?? .nan) - (k.objective ?? .nan)) <= 1e-9 * scale, "\(w.outage.name)")
    }
    print("\(path): --cold inside the analysis: \(c.iterations) iterations")
    withKnownIssue("warm ≤ 1/4 of cold is not reached on \(path) (see the comment)") {
      #expect(4 * r.iterations <= cold, "\(path): warm \(r.iterations), cold \(cold)")
    }
  }

  @Test("--jobs 2 gives the same results as --jobs 1",
        arguments: ["models/electricity-2030.toml", "models/fiber-2030.toml", "models/oil-2030.toml"])
  func jobsAgree(path: String) throws {
    let model = try loadShipped(path)
    let one = try ContingencyAnalysis.run(model: model, options: ContingencyOptions(jobs: 1))
    let two = try ContingencyAnalysis.run(model: model, options: ContingencyOptions(jobs: 2))
    #expect(two.workers == 2)
    #expect(one.ranking == two.ranking)
    #expect(one.outages.count == two.outages.count)
    // Identical, not merely close: each outage starts from the same base model and basis
    // whichever worker runs it, so GLPK takes the same pivots (a determinism check).
    for (a, b) in zip(one.outages, two.outages) {
      #expect(a.outage == b.outage)
      #expect(a.objective == b.objective, "\(path) \(a.outage.name)")
      #expect(a.iterations == b.iterations, "\(path) \(a.outage.name)")
      #expect(a.countries == b.countries)
      #expect(a.flows == b.flows)
      #expect(a.commitments == b.commitments)
    }
  }

  // Teaching model (f), derived by hand (see the model's comments for the base):
  // base: caspian 400 MW, black-sea 300, nakhchivan 100; 36,860,000 EUR.
  // - caspian out: nothing leaves KZ; the firm 98 MW to TR cannot be met: infeasible,
  //   and relaxing kz-firm-tr alone gives a plan (of value 0).
  // - nakhchivan out: TR is unreachable: infeasible, the same commitment.
  // - black-sea out: all 400 MW go to TR, 392 MW delivered × 70 EUR/MWh × 1000 h =
  //   27,440,000 EUR; lost 9,420,000 EUR (9.42 / 36.86 = 25.556 %); nakhchivan takes
  //   over 300 MW (100 → 400).
  // - caspian at half (250 MW): 100 MW to TR for the firm 98, 150 to RO:
  //   1000 × (150 × 100 + 98 × 70) = 21,860,000; lost 15,000,000 EUR.
  @Test("Teaching model (f): N-1 by hand, infeasible commitments, ranking")
  func handDerived() throws {
    let model = try loadShipped("models/teaching/06-firm-delivery.toml")
    let r = try ContingencyAnalysis.run(model: model, options: ContingencyOptions(jobs: 2))
    expectClose(r.base.objective, 36_860_000, "base")
    let byName = Dictionary(uniqueKeysWithValues: r.outages.map { ($0.outage.name, $0) })
    for name in ["caspian", "nakhchivan"] {
      let o = try #require(byName[name])
      #expect(o.status == .infeasible, "\(name)")
      #expect(o.lost == nil)
      #expect(o.commitments == ["kz-firm-tr"])
      #expect(!o.commitmentsJointly)
    }
    let b = try #require(byName["black-sea"])
    expectClose(b.objective, 27_440_000, "black-sea out: objective")
    expectClose(b.lost, 9_420_000, "black-sea out: lost")
    expectClose(b.lostFraction, 9.42 / 36.86, "black-sea out: lost share")
    let kz = try #require(b.countries.first { $0.country == "KZ" })
    expectClose(kz.lost, 9_420_000, "black-sea out: KZ loses")
    let nak = try #require(b.flows.first { $0.corridor == "nakhchivan" })
    expectClose(nak.change, 300, "black-sea out: nakhchivan takes over")
    #expect(!nak.out)
    let bs = try #require(b.flows.first { $0.corridor == "black-sea" })
    #expect(bs.out)
    expectClose(bs.change, -300, "black-sea out: its own flow")
    #expect(r.ranking.map { r.outages[$0].outage.name } == ["caspian", "nakhchivan", "black-sea"])

    let half = try ContingencyAnalysis.run(model: model, options: ContingencyOptions(corridors: ["caspian"], derate: 0.5))
    expectClose(half.outages.first?.lost, 15_000_000, "caspian at half: lost")
  }

  @Test("Bad options name the value and what is allowed")
  func badOptions() throws {
    let model = try loadShipped("models/teaching/06-firm-delivery.toml")
    func message(_ o: ContingencyOptions) -> String {
      do { _ = try o.outages(of: model); return "" } catch { return "\(error)" }
    }
    #expect(message(ContingencyOptions(corridors: ["casp"])).contains("'casp'"))
    #expect(message(ContingencyOptions(corridors: ["casp"])).contains("caspian, black-sea, nakhchivan"))
    #expect(message(ContingencyOptions(derate: 1.5)).contains("--derate 1.5"))
    #expect(message(ContingencyOptions(derate: -0.1)).contains("from 0 to 1"))
    #expect(message(ContingencyOptions(jobs: 0)).contains("--jobs 0"))
    #expect(message(ContingencyOptions(slices: 0..<2)).contains("1 slices"))
    #expect(message(ContingencyOptions(corridors: ["caspian"], pairs: true)).contains("at least two"))
    #expect(message(ContingencyOptions()).isEmpty)
  }

  @Test("Slice windows: names or 1-based positions, both ends included")
  func sliceWindows() throws {
    let slices = ["q1", "q2", "q3", "q4"].map { TimeSlice(name: $0, hours: 2190) }
    #expect(try SliceWindow.parse("2..3", slices: slices) == 1..<3)
    #expect(try SliceWindow.parse("q2..q4", slices: slices) == 1..<4)
    #expect(try SliceWindow.parse("q1..2", slices: slices) == 0..<2)
    #expect(try SliceWindow.parse("4", slices: slices) == 3..<4)
    for bad in ["0..2", "3..5", "q5", "3..2", "..2", "1..2..3"] {
      #expect(throws: ContingencyError.self, "\(bad)") { try SliceWindow.parse(bad, slices: slices) }
    }
    do {
      _ = try SliceWindow.parse("3..5", slices: slices)
    } catch {
      #expect("\(error)".contains("slice 5 is outside the horizon") && "\(error)".contains("1..4"))
    }
  }

  @Test("The hourly model: N-1 equals cold solves (CORRIDOR_HOURLY_WHATIF=1)",
        .enabled(if: ProcessInfo.processInfo.environment["CORRIDOR_HOURLY_WHATIF"] == "1"))
  func hourly() throws {
    try Self.checkAgainstCold("models/electricity-hourly-8760.toml", ContingencyOptions(jobs: 2))
  }

  // The block restart (re-solve the blocks the window touches, then the full LP from the
  // base basis outside them) on the three-month Caspian outage: the objective of a cold
  // solve of the outage model, and the warm start held (no cold repeat).
  @Test("The hourly model: the Caspian cable out for hours 2161..4344 (CORRIDOR_HOURLY_WHATIF=1)",
        .enabled(if: ProcessInfo.processInfo.environment["CORRIDOR_HOURLY_WHATIF"] == "1"))
  func hourlyWindow() throws {
    let path = "models/electricity-hourly-8760.toml"
    let model = try loadShipped(path)
    let window = try SliceWindow.parse("2161..4344", slices: model.slices)
    let (r, _) = try Self.checkAgainstCold(path, ContingencyOptions(corridors: ["caspian"], slices: window, jobs: 1))
    #expect(r.outages.first?.warm == true, "the block restart did not hold")
    print("\(path) caspian \(window): \(r.outages.first?.iterations ?? 0) iterations warm; base cold \(r.baseIterations)")
  }
}
