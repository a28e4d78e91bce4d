// The re-solvable planning session (issue #9, first step): an edited session re-solved
// warm gives the plan a fresh build of the edited model gives (the independent
// derivation: a cold build and solve of the model the edits describe), and the LP never grows.

import CorridorModel
import CorridorTestSupport
import Foundation
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Planning session: edits re-solved warm equal cold solves (issue #9)")
struct PlanningSessionTests {
  static let shippedModels = [
    "models/oil-2030.toml", "models/electricity-2030.toml", "models/fiber-2030.toml",
    "models/teaching/01-compounding-losses.toml", "models/teaching/02-min-share.toml",
    "models/teaching/03-custom-constraint.toml", "models/teaching/04-storage-shift.toml",
    "models/teaching/05-max-min-fair.toml", "models/teaching/06-firm-delivery.toml",
  ]

  /// A random edit of one of the values a session can edit, drawn from the model as it is now.
  static func randomEdit(_ model: Model, _ rng: inout SplitMix64) -> PlanningEdit {
    let S = model.slices.count
    func series(_ around: Double) -> Series {
      rng.int(0...2) == 0 && S > 1
        ? .perSlice((0..<S).map { _ in max(0, around * rng.uniform(0...1.5)) })
        : .constant(max(0, around * rng.uniform(0...1.5)))
    }
    while true {
      switch rng.int(0...10) {
      case 0, 1:
        let c = model.corridors[rng.int(0...(model.corridors.count - 1))]
        return .capacity(corridor: c.name, series(max(1, c.capacity.maximum)))
      case 2:
        let c = model.corridors[rng.int(0...(model.corridors.count - 1))]
        let a = rng.int(0...(S - 1)), b = rng.int(a...(S - 1))
        return .availabilityWindow(corridor: c.name, slices: a..<(b + 1), value: rng.int(0...2) == 0 ? 0 : rng.uniform(0...1))
      case 3:
        let c = model.corridors[rng.int(0...(model.corridors.count - 1))]
        return .enabled(corridor: c.name, !c.enabled)
      case 4:
        let c = model.corridors[rng.int(0...(model.corridors.count - 1))]
        return .tariff(corridor: c.name, .constant(c.tariff.maximum * rng.uniform(0...2)))
      case 5:
        let s = model.supplies[rng.int(0...(model.supplies.count - 1))]
        return .supplyVolume(supply: s.name, series(max(1, s.volume.maximum)))
      case 6:
        let s = model.supplies[rng.int(0...(model.supplies.count - 1))]
        return .supplyCost(supply: s.name, max(0, s.cost) * rng.uniform(0...2) + rng.uniform(0...1e-3))
      case 7:
        let m = model.markets[rng.int(0...(model.markets.count - 1))]
        return .marketPrice(market: m.name, .constant(m.price.maximum * rng.uniform(0.3...1.7)))
      case 8:
        let withVolume = model.markets.filter { $0.volume != nil }
        guard let m = withVolume.randomElement(using: &rng), let v = m.volume else { continue }
        return .marketVolume(market: m.name, series(max(1, v.maximum)))
      case 9:
        let shares = model.rules.filter {
          switch $0.kind { case .minShare, .maxShare: true; default: false }
        }
        guard let r = shares.randomElement(using: &rng) else { continue }
        return .share(rule: r.name, rng.uniform(0...1))
      default:
        let firms = model.rules.compactMap { r -> (String, Double)? in
          if case let .firm(_, _, v) = r.kind { return (r.name, v) } else { return nil }
        }
        guard let (name, v) = firms.randomElement(using: &rng) else { continue }
        return .firmVolume(rule: name, max(1, v) * rng.uniform(0...1.3))
      }
    }
  }

  /// Objectives agree within 1e-9 relative to `b`, or to `scale` (the base plan's objective)
  /// when `b` is smaller: an edit that leaves almost nothing to trade has an optimum of
  /// about 0, which a model whose coefficients are price × hours (10⁵ EUR per MW) reaches
  /// only to about 10⁻⁵ EUR from different bases.
  static func agree(_ a: Double?, _ b: Double?, scale: Double = 1) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= 1e-9 * max(1, abs(b), abs(scale))
  }

  /// The first difference between the session's LP and a fresh build's (the formulation's
  /// own rows and columns; stage rows aside), or nil when they are the same.
  static func firstDifference(_ a: Formulation, _ b: Formulation) throws -> String? {
    let pa = a.program, pb = b.program
    guard pa.variableCount == pb.variableCount else { return "columns \(pa.variableCount) vs \(pb.variableCount)" }
    for j in 0..<pa.variableCount {
      let (x, y) = (try pa.bounds(of: pa.variable(at: j)), try pb.bounds(of: pb.variable(at: j)))
      if x != y { return "bounds of column \(j) (\(a.index.owner(of: LPColumn(j))!)): \(x) vs \(y)" }
    }
    if a.objectives.value != b.objectives.value { return "value vector" }
    if a.objectives.cost != b.objectives.cost { return "cost vector" }
    for i in 0..<b.timeStructure.rowTime.count {
      let (x, y) = (try pa.bounds(of: pa.constraint(at: i)), try pb.bounds(of: pb.constraint(at: i)))
      if x != y { return "bounds of row \(i) (\(a.index.owner(of: LPRow(i))!)): \(x) vs \(y)" }
      let (tx, ty) = (try pa.terms(ofRow: i), try pb.terms(ofRow: i))
      if tx.map(\.column) != ty.map(\.column) || tx.map(\.coefficient) != ty.map(\.coefficient) {
        return "terms of row \(i) (\(a.index.owner(of: LPRow(i))!)): \(tx) vs \(ty)"
      }
    }
    return nil
  }

  @Test("at least 300 seeded random edits: warm re-solve = cold solve of the edited model")
  func randomEditsMatchColdSolves() throws {
    var edits = 0, warmIterations = 0, coldIterations = 0, retries = 0
    for (m, path) in Self.shippedModels.enumerated() {
      let base = try loadShipped(path)
      var rng = SplitMix64(seed: 9_000 + UInt64(m))
      let session = try PlanningSession(model: base)
      let first = try session.solve()
      #expect(first.provenOptimal, "\(path): base plan")
      let scale = abs(first.objective ?? 1)
      let size = session.size
      for step in 0..<36 {
        if step % 12 == 11 {
          try session.reset()
        } else {
          let k = rng.int(1...2)
          let batch = (0..<k).map { _ in Self.randomEdit(session.model, &rng) }
          try session.apply(batch)
          edits += k
        }
        let warm = try session.solve()
        let coldFormulation = try Formulation(model: session.model)
        let cold = try Planner().solve(coldFormulation)
        let context = "\(path) step \(step) after [\(session.edits.map(\.description).joined(separator: "; "))]"
        #expect(try Self.firstDifference(session.formulation, coldFormulation) == nil, "\(context): the edited LP differs from a fresh build")
        #expect(warm.provenOptimal == cold.provenOptimal, "\(context): warm \(warm.status), cold \(cold.status)")
        if cold.provenOptimal {
          #expect(Self.agree(warm.objective, cold.objective, scale: scale), "\(context): warm \(warm.objective ?? .nan), cold \(cold.objective ?? .nan)")
          #expect(warm.certificate?.holds() == true, "\(context): certificate of the warm plan \(String(describing: warm.certificate)) \(session.solves.last!)")
          for (a, b) in zip(warm.stages, cold.stages) {
            #expect(Self.agree(a.objective, b.objective, scale: scale), "\(context): stage \(a.name)")
          }
          warmIterations += session.solves.last!.iterations
          if !session.solves.last!.warm { retries += 1 }
          coldIterations += cold.stages.reduce(0) { $0 + $1.iterations }
        }
        // Rows and columns as built; non-zeros as a fresh build of the edited model has them
        // (an availability of 0 drops the capacity column from that slice's row).
        #expect(session.size.variables == size.variables && session.size.constraints == size.constraints,
                "\(context): the LP grew from \(size) to \(session.size)")
        #expect(session.size.nonZeros == coldFormulation.program.nonZeroCount, "\(context): non-zeros")
      }
    }
    #expect(edits >= 300)
    print("session edits: \(edits); simplex iterations warm \(warmIterations), cold \(coldIterations); warm starts repeated cold: \(retries)")
  }

  @Test("reset returns to the base plan; repeated solves keep the LP's size")
  func resetAndRepeatedSolves() throws {
    let session = try PlanningSession(model: try loadShipped("models/teaching/05-max-min-fair.toml"))
    let base = try session.solve()
    let size = session.size
    for _ in 0..<3 { _ = try session.solve() }
    #expect(session.size == size)
    let busiest = try #require(base.corridors.max { $0.flow < $1.flow })
    #expect(busiest.flow > 1)
    try session.apply(.enabled(corridor: busiest.name, false))
    let cut = try session.solve()
    #expect(!Self.agree(cut.objective, base.objective), "disabling a used corridor changes the objective")
    try session.reset(basis: true)
    let again = try session.solve()
    #expect(Self.agree(again.objective, base.objective))
    #expect(session.model == session.base)
    #expect(session.size == size)
  }

  @Test("a bound edit re-solves with the dual simplex from the last basis, in fewer iterations than cold")
  func boundEditRunsDualSimplex() throws {
    let model = try loadShipped("models/electricity-2030.toml")
    let session = try PlanningSession(model: model)
    _ = try session.solve()
    let c = try #require(model.corridors.first { $0.enabled && $0.capacity.maximum > 0 })
    try session.apply(.capacity(corridor: c.name, .constant(c.capacity.maximum / 2)))
    let warm = try session.solve()
    #expect(session.formulation.program.solution?.algorithm == .dual)
    let cold = try Planner().plan(session.model)
    #expect(Self.agree(warm.objective, cold.objective))
    #expect(session.solves.last!.iterations < cold.stages.reduce(0) { $0 + $1.iterations })
  }

  @Test("bad edits name the entry and what is allowed, and change nothing")
  func badEdits() throws {
    let session = try PlanningSession(model: try loadShipped("models/oil-2030.toml"))
    let before = session.model
    let S = before.slices.count
    let cases: [(PlanningEdit, String)] = [
      (.capacity(corridor: "nowhere", .constant(1)), "unknown corridor 'nowhere'"),
      (.capacity(corridor: before.corridors[0].name, .constant(-1)), "must be a finite number in 0.0…"),
      (.availabilityWindow(corridor: before.corridors[0].name, slices: 0..<(S + 1), value: 0), "outside the horizon"),
      (.availability(corridor: before.corridors[0].name, .constant(1.5)), "in 0.0…1.0"),
      (.supplyVolume(supply: before.supplies[0].name, .perSlice([1, 2, 3, 4, 5, 6, 7].prefix(S == 7 ? 6 : 7).map { $0 })), "values; the model has"),
    ]
    for (edit, text) in cases {
      #expect(throws: PlanningEditError.self) { try session.apply([.supplyCost(supply: before.supplies[0].name, 1), edit]) }
      do { try session.apply(edit) } catch let e as PlanningEditError {
        #expect(e.message.contains(text), "\(e.message)")
      }
      #expect(session.model == before)
    }
  }

  @Test("a value-only scenario becomes edits; one that adds entries does not")
  func scenarioEdits() throws {
    let base = try loadShipped("models/oil-2030.toml")
    let scenarioPath = packagePath("models/scenarios/cpc-minus-50.toml")
    let edited = try ModelLoader.load(path: packagePath("models/oil-2030.toml"), scenario: scenarioPath)
    let edits = try #require(PlanningEdit.edits(from: base, to: edited))
    #expect(!edits.isEmpty)
    #expect(PlanningEdit.edits(from: base, to: base) == [])
    var grown = base
    grown.corridors.append(grown.corridors[0])
    grown.corridors[grown.corridors.count - 1].name = "copy"
    #expect(PlanningEdit.edits(from: base, to: grown) == nil)

    let session = try PlanningSession.open(path: packagePath("models/oil-2030.toml"), scenario: scenarioPath)
    #expect(session.edits == edits)
    let warm = try session.solve()
    let cold = try Planner().plan(edited)
    #expect(Self.agree(warm.objective, cold.objective))
    #expect(warm.scenarios == cold.scenarios)
  }

  @Test("the index maps entries to columns and rows and back")
  func indexRoundTrip() throws {
    let f = try Formulation(model: try loadShipped("models/teaching/04-storage-shift.toml"))
    let n = f.program.variableCount, m = f.program.constraintCount
    for j in 0..<n {
      let owner = try #require(f.index.owner(of: LPColumn(j)), "column \(j) has an owner")
      #expect(f.index.columns(of: owner.entry).contains(LPColumn(j)))
    }
    for i in 0..<m {
      let owner = try #require(f.index.owner(of: LPRow(i)), "row \(i) has an owner")
      #expect(f.index.rows(of: owner.entry).contains(LPRow(i)))
    }
    #expect(f.index.owner(of: LPColumn(n)) == nil)
    // Every column's LP name starts with its part's name (flow[, supply[, capacity[ …).
    for j in 0..<n {
      let name = try #require(try f.program.name(of: f.program.variable(at: j)))
      let owner = f.index.owner(of: LPColumn(j))!
      switch owner.part {
      case .flow: #expect(name.hasPrefix("flow["))
      case .delivered: #expect(name.hasPrefix("delivered["))
      case .supplied: #expect(name.hasPrefix("supply["))
      case .charge: #expect(name.hasPrefix("charge["))
      case .discharge: #expect(name.hasPrefix("discharge["))
      case .level: #expect(name.hasPrefix("level["))
      case .parameter: #expect(name.hasPrefix("capacity[") || name.hasPrefix("available["))
      default: break
      }
    }
  }
}
