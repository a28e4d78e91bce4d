// Issue #10: infeasible corridor models explained in their own entries. Each fixture in
// Fixtures/infeasible plants one conflict (stated in its comments); the explanation must
// name exactly those entries, with their files and lines, and be irreducible — checked
// here independently of the analysis, by solving the MODEL with each member dropped
// (feasible) and with all kept (infeasible). The least relaxation is checked against the
// hand derivations in the files' comments, and by re-solving the model with it applied.

import CorridorModel
import CorridorTestSupport
import Foundation
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Infeasible corridor models explained in their own entries (issue #10)")
struct ExplainTests {
  struct Planted: Sendable, CustomTestStringConvertible {
    var file: String
    /// The planted conflict, as member titles.
    var conflict: [String]
    /// The least relaxation's single move, derived by hand (title, direction, target), or
    /// nil where the least relaxation is a tie (then only its cost is pinned).
    var move: (String, Explanation.Move.Direction, Double)?
    var cost: Double?
    /// The member a scenario changed: its title and the file whose line it must cite.
    var changedIn: (String, String)?
    var testDescription: String { file }
  }

  static let dir = "Tests/CorridorPlanningTests/Fixtures/infeasible/"

  static let planted: [Planted] = [
    Planted(file: "01-firm-after-losses.toml", conflict: ["corridor nakhchivan: capacity", "rule kz-tr: volume"],
            move: ("rule kz-tr: volume", .down, 392), cost: 3),
    Planted(file: "02-min-shares-over-100.toml", conflict: ["rule kz-min: share", "rule uz-min: share", "rule az-ro: volume"]),
    Planted(file: "03-custom-cap-below-firm.toml", conflict: ["constraint kz-caspian-cap: bound", "rule kz-ro: volume"], cost: 50),
    Planted(file: "04-storage-cannot-bridge.toml",
            conflict: ["corridor black-sea: capacity", "storage ro-store: energy", "rule kz-ro: volume"],
            move: ("rule kz-ro: volume", .down, 110), cost: 10),
    Planted(file: "05-scenario-breaks-base.toml", conflict: ["corridor caspian: capacity", "rule kz-ro: volume"], cost: 50,
            changedIn: ("corridor caspian: capacity", "05-scenario-breaks-base.toml")),
    Planted(file: "07-firm-beyond-supply.toml", conflict: ["supply uz: volume", "rule uz-ro: volume"], cost: 20),
    Planted(file: "08-market-below-firm.toml", conflict: ["market TR: volume", "rule kz-tr: volume"], cost: 30),
    Planted(file: "09-min-above-max-share.toml", conflict: ["rule kz-min: share", "rule kz-max: share", "rule az-ro: volume"]),
    Planted(file: "10-horizon-cap.toml", conflict: ["constraint kz-energy-cap: bound", "rule kz-ro: volume"],
            move: ("rule kz-ro: volume", .down, 150), cost: 50),
    Planted(file: "11-two-firms-one-cable.toml", conflict: ["corridor caspian: capacity", "rule kz-ro: volume", "rule kz-tr: volume"],
            move: ("rule kz-tr: volume", .down, 196), cost: 54),
  ]

  static func load(_ file: String) throws -> Model { try ModelLoader.load(path: packagePath(dir + file)) }

  static func status(_ model: Model) throws -> TerminationStatus { try Planner().plan(model).status }

  @Test("The conflict is the planted one, irreducible by re-solves of the model, with files and lines", arguments: planted)
  func conflict(_ c: Planted) throws {
    let model = try Self.load(c.file)
    #expect(try Self.status(model) == .infeasible, "the fixture must be infeasible as planted")
    let e = try Explainer.explain(model: model)
    #expect(e.status == .infeasible)
    #expect(e.irreducible && !e.timedOut && !e.structural)
    #expect(Set(e.conflict.map(\.title)) == Set(c.conflict), "\(e.conflict.map(\.title))")
    // Irreducible, checked on the model: drop any one member and the rest hold.
    for m in e.conflict {
      let dropped = try Self.drop(m, from: model)
      #expect(try Self.status(dropped) == .optimal, "\(c.file): dropping \(m.title) should leave a feasible model")
    }
    // Every member cites a file and a line; the line holds the entry's table header.
    for m in e.conflict {
      let head = try #require(m.locations.first, "\(m.title) has no location")
      let line = try #require(head.line, "\(m.title) has no line")
      let text = try String(contentsOfFile: head.file.hasPrefix("/") ? head.file : packagePath(head.file), encoding: .utf8)
      let lines = text.components(separatedBy: "\n")
      #expect(line >= 1 && line <= lines.count)
      if line >= 1 && line <= lines.count {
        #expect(lines[line - 1].hasPrefix("[") && lines[line - 1].contains(Self.name(m.entry)), "\(head): \(lines[line - 1])")
      }
    }
    if let (title, file) = c.changedIn {
      let m = try #require(e.conflict.first { $0.title == title })
      #expect(m.locations.contains { $0.file.hasSuffix(file) && $0.line != nil }, "\(m.locations)")
    }
  }

  @Test("The least relaxation makes the model feasible, matches the hand derivation, and no less will do", arguments: planted)
  func relaxation(_ c: Planted) throws {
    let model = try Self.load(c.file)
    let e = try Explainer.explain(model: model)
    let moves = try #require(e.relaxation)
    #expect(!moves.isEmpty)
    if let cost = c.cost { expectClose(e.relaxationCost, cost, relative: 1e-7, "\(c.file): least relaxation cost") }
    if let (title, direction, to) = c.move {
      #expect(moves.count == 1)
      let m = try #require(moves.first)
      #expect(m.member.title == title && m.direction == direction, "\(m.sentence)")
      expectClose(m.to, to, relative: 1e-7, "\(c.file): \(title) must reach")
    }
    // Applied (a hair beyond, for the solver's tolerance) it is feasible ...
    #expect(try Self.status(try Self.apply(moves, to: model, by: 1 + 1e-6)) == .optimal, "\(moves.map(\.sentence))")
    // ... and, where it is a single linear move, 99 % of it is not.
    if moves.count == 1, moves[0].member.kind != .share {
      #expect(try Self.status(try Self.apply(moves, to: model, by: 0.99)) == .infeasible, "\(moves.map(\.sentence))")
    }
  }

  @Test("A corridor's outage or reduced availability is named under it")
  func availabilityNotes() throws {
    let bridged = try Explainer.explain(model: try Self.load("04-storage-cannot-bridge.toml"))
    #expect(bridged.conflict.first { $0.title == "corridor black-sea: capacity" }?.note == "availability down to 20 % in outage")
    let example = try Explainer.explain(model: try ModelLoader.load(path: packagePath("models/infeasible/caspian-spring-outage.toml")))
    #expect(example.conflict.first { $0.title == "corridor caspian: capacity" }?.note
              == "out of service (availability 0) in spring-day, spring-night")
  }

  @Test("A feasible model: explain says so and changes nothing")
  func feasible() throws {
    for path in ["models/electricity-2030.toml", "models/oil-2030.toml", Self.dir + "06-firm-base.toml"] {
      let model = try ModelLoader.load(path: packagePath(path))
      let before = try Planner().plan(model)
      let e = try Explainer.explain(model: model)
      #expect(e.status == .feasible && e.conflict.isEmpty && e.relaxation == nil, "\(path)")
      let after = try Planner().plan(model)
      #expect(before.objective == after.objective)
    }
  }

  @Test("--fixed moves the least relaxation elsewhere; weights change which entry moves")
  func fixedAndWeights() throws {
    let model = try Self.load("01-firm-after-losses.toml")
    // The firm volume may not move: nakhchivan must rise by 395 / 0.98 − 400 MW.
    let e = try Explainer.explain(model: model, options: ExplainOptions(fixed: ["kz-tr"]))
    let m = try #require(e.relaxation?.first)
    #expect(m.member.title == "corridor nakhchivan: capacity" && m.direction == .up)
    expectClose(m.amount, 395 / 0.98 - 400, relative: 1e-7, "nakhchivan's rise")
    #expect(e.fixed == ["rule kz-tr: volume"])
    // The conflict still names both (fixed entries may be blamed, never moved).
    #expect(Set(e.conflict.map(\.title)) == ["corridor nakhchivan: capacity", "rule kz-tr: volume"])
    // A firm MW weighs 2: 3 × 2 = 6 > 3.0612, so the corridor moves instead.
    let w = try Explainer.explain(model: model, options: ExplainOptions(weights: [.firm: 2]))
    #expect(w.relaxation?.first?.member.title == "corridor nakhchivan: capacity")
    // Unknown names are errors that name what is there.
    #expect(throws: PlanningEditError.self) { try Explainer.explain(model: model, options: ExplainOptions(fixed: ["kz-trr"])) }
    do {
      _ = try Explainer.explain(model: model, options: ExplainOptions(fixed: ["kz-trr"]))
    } catch let error as PlanningEditError {
      #expect(error.message.contains("kz-trr") && error.message.contains("did you mean 'kz-tr'"), "\(error.message)")
    }
  }

  @Test("A time limit is honoured and marks the set as not proven")
  func timeLimit() throws {
    let model = try Self.load("11-two-firms-one-cable.toml")
    let start = Date()
    let e = try Explainer.explain(model: model, options: ExplainOptions(timeLimit: 0))
    #expect(Date().timeIntervalSince(start) < 1.5)
    #expect(e.timedOut, "a zero time limit must stop the analysis")
    #expect(e.status != .feasible, "an infeasible model is never called feasible")
    #expect(!e.irreducible)
    // A generous limit finishes and proves the set.
    let full = try Explainer.explain(model: model, options: ExplainOptions(timeLimit: 60))
    #expect(full.status == .infeasible && full.irreducible && !full.timedOut)
  }

  // MARK: Edits in model terms (independent of the analysis's LP)

  static func name(_ e: ModelEntry) -> String { e.name ?? "" }

  /// The model without the member's limit: a corridor or supply unlimited, a market
  /// without a volume, a rule or constraint removed, a storage without its energy or power limit.
  static func drop(_ m: Explanation.Member, from model: Model) throws -> Model {
    var out = model
    let n = name(m.entry)
    switch (m.entry, m.quantity) {
    case (.corridor, _):
      let c = try #require(out.corridors.firstIndex { $0.name == n })
      out.corridors[c].capacity = .constant(1e6)
      out.corridors[c].availability = .constant(1)
      out.corridors[c].enabled = true
    case (.supply, _): out.supplies[try #require(out.supplies.firstIndex { $0.name == n })].volume = .constant(1e6)
    case (.market, _): out.markets[try #require(out.markets.firstIndex { $0.name == n })].volume = nil
    case (.rule, _): out.rules.removeAll { $0.name == n }
    case (.constraint, _): out.constraints.removeAll { $0.name == n }
    case (.storage, "energy"): out.storages[try #require(out.storages.firstIndex { $0.name == n })].energy = 1e12
    case (.storage, _): out.storages[try #require(out.storages.firstIndex { $0.name == n })].power = 1e6
    default: Issue.record("cannot drop \(m.title)")
    }
    return out
  }

  /// The model with each move applied, scaled by `factor` (a share is set to the share reached).
  static func apply(_ moves: [Explanation.Move], to model: Model, by factor: Double) throws -> Model {
    var out = model
    for v in moves {
      let n = name(v.member.entry)
      let delta = (v.direction == .up ? 1 : -1) * v.amount * factor
      func shifted(_ s: Series) -> Series {
        switch s {
        case let .constant(x): .constant(x + delta)
        case let .perSlice(xs): .perSlice(xs.map { $0 + delta })
        }
      }
      switch v.member.entry {
      case .corridor:
        let c = try #require(out.corridors.firstIndex { $0.name == n })
        out.corridors[c].capacity = shifted(out.corridors[c].capacity)
      case .supply:
        let k = try #require(out.supplies.firstIndex { $0.name == n })
        out.supplies[k].volume = shifted(out.supplies[k].volume)
      case .market:
        let k = try #require(out.markets.firstIndex { $0.name == n })
        out.markets[k].volume = out.markets[k].volume.map(shifted)
      case .rule:
        let k = try #require(out.rules.firstIndex { $0.name == n })
        switch out.rules[k].kind {
        case let .firm(c, m, volume): out.rules[k].kind = .firm(country: c, market: m, volume: volume + delta)
        case let .minShare(c, cs, _): out.rules[k].kind = .minShare(country: c, corridors: cs, share: (v.to - 1e-4) / 100)
        case let .maxShare(c, cs, _): out.rules[k].kind = .maxShare(country: c, corridors: cs, share: (v.to + 1e-4) / 100)
        default: Issue.record("no move for \(v.member.title)")
        }
      case .constraint:
        let k = try #require(out.constraints.firstIndex { $0.name == n })
        out.constraints[k].constant = shifted(out.constraints[k].constant)
      case .storage:
        let k = try #require(out.storages.firstIndex { $0.name == n })
        if v.member.quantity == "energy" { out.storages[k].energy += delta } else { out.storages[k].power += delta }
      default:
        Issue.record("no move for \(v.member.title)")
      }
    }
    return out
  }
}

/// About ten minutes on two cores (a cold solve, the analysis, a re-solve per member), so
/// it has its own switch, CORRIDOR_HOURLY_EXPLAIN=1, not CI's heavy one.
@Suite("Explaining the 8,760-hour model (CORRIDOR_HOURLY_EXPLAIN=1)")
struct HourlyExplainTests {
  @Test("A planted conflict in the hourly model: named, irreducible, within 5 cold solves",
        .enabled(if: ProcessInfo.processInfo.environment["CORRIDOR_HOURLY_EXPLAIN"] == "1"))
  func hourly() throws {
    let model = try ExplainTests.load("12-hourly-nakhchivan-energy.toml")
    let t0 = MonotonicClock.now()
    let cold = try Planner().plan(model)
    let coldSeconds = MonotonicClock.now() - t0
    #expect(cold.status == .infeasible)
    let t1 = MonotonicClock.now()
    let e = try Explainer.explain(model: model)
    let explainSeconds = MonotonicClock.now() - t1
    print("hourly explain: \(String(format: "%.1f", explainSeconds)) s against a cold solve of \(String(format: "%.1f", coldSeconds)) s (\(String(format: "%.2f", explainSeconds / coldSeconds))×); \(e.run.solves) solves, \(e.run.iterations) iterations; conflict \(e.conflict.map(\.title)); \(e.relaxation?.map(\.sentence) ?? [])")
    for t in e.run.trace { print("  \(t.stage): \(t.iterations) iterations, \(String(format: "%.1f", t.seconds)) s, \(t.feasible ? "feasible" : "infeasible")") }
    #expect(e.status == .infeasible && e.irreducible)
    #expect(e.conflict.contains { $0.title == "constraint nakhchivan-energy: bound" })
    for m in e.conflict {
      #expect(try Planner().plan(try ExplainTests.drop(m, from: model)).status == .optimal, "dropping \(m.title)")
    }
    // Issue #10: at most 5 cold solves. Measured 4.37, 5.00 and 4.37 (docs/explain.md, Speed);
    // both runs share the machine's load, so a busy machine can push it to the edge.
    #expect(explainSeconds <= 5 * coldSeconds, "explain took \(explainSeconds / coldSeconds) cold solves")
    // A time limit is honoured within a second, the LP's build and the block crash included.
    let t2 = MonotonicClock.now()
    let limited = try Explainer.explain(model: model, options: ExplainOptions(timeLimit: 5))
    let limitedSeconds = MonotonicClock.now() - t2
    print("hourly explain with --time-limit 5: \(String(format: "%.2f", limitedSeconds)) s, \(limited.status), timed out \(limited.timedOut)")
    #expect(limitedSeconds <= 6)
    #expect(limited.timedOut && !limited.irreducible && limited.status != .feasible)
  }
}
