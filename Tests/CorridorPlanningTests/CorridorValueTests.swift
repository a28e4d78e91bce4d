// What a corridor is worth (issue #9 item 3): TOOT and PINT against differences of cold
// solves, the congestion rent against its definition on a hand model, and the value curve
// against cold re-solves at, between and beyond its breakpoints. The independent
// derivations are (a) the hand derivation of models/teaching/07-value-curve.toml, repeated
// below, and (b) fresh builds and cold solves of the edited models (no session, no warm start).

import CorridorModel
import Foundation
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Corridor value: TOOT, PINT, congestion rent and value curve (issue #9 item 3)")
struct CorridorValueTests {
  /// The objective of a fresh build of `model`, solved cold, as a gain; nil without an optimum.
  static func cold(_ model: Model) throws -> Plan {
    try Planner().solve(try Formulation(model: model))
  }

  static func gain(_ p: Plan) -> Double? {
    guard p.provenOptimal, let o = p.objective else { return nil }
    return p.objectiveKind == .minCost ? -o : o
  }

  static func disabling(_ names: [String], in model: Model) -> Model {
    var m = model
    for i in m.corridors.indices where names.contains(m.corridors[i].name) { m.corridors[i].enabled = false }
    return m
  }

  static func withCapacity(_ x: Double, of name: String, in model: Model) -> Model {
    var m = model
    for i in m.corridors.indices where m.corridors[i].name == name { m.corridors[i].capacity = .constant(x) }
    return m
  }

  // MARK: The hand model

  /// models/teaching/07-value-curve.toml, derived by hand in its header:
  /// per MW·h the cable nets peak 120−2−10 = 108, off 80−2−10 = 68 (Σ h·net = 400·108 + 600·68
  /// = 84,000 EUR/MW), the land route 90 and 50 (66,000 EUR/MW); supply 600 MW.
  /// V(cable C) = 13.2e6 + 84,000·C on [0, 400]; 39.6e6 + 18,000·C on [400, 600]; 50.4e6 beyond.
  @Test func handModelWorthRentAndTariffs() throws {
    let session = try PlanningSession(model: try loadShipped("models/teaching/07-value-curve.toml"))
    let v = try CorridorValuation(session: session)
    expectClose(v.basePlan.objective, 38_400_000, "V(300 MW) = 13.2e6 + 84,000·300")
    let w = try v.worth(of: ["cable", "land"])
    let cable = try #require(w.first { $0.corridor == "cable" })
    let land = try #require(w.first { $0.corridor == "land" })
    // TOOT(cable) = V(cable, land) − V(land) = 38.4e6 − 13.2e6; PINT(cable) = V(cable) − V(none) = 84,000·300.
    expectClose(cable.toot.value, 25_200_000, "TOOT cable")
    expectClose(cable.pint.value, 25_200_000, "PINT cable")
    expectClose(land.toot.value, 13_200_000, "TOOT land = 38.4e6 − 84,000·300")
    expectClose(land.pint.value, 13_200_000, "PINT land = 66,000·200")
    expectClose(cable.toot.countries.first { $0.country == "KZ" }?.change, 25_200_000, "KZ gains all of it")
    // Tariffs: 2 EUR/MWh × 300 MW × 1000 h; land 20 × 200 × 1000.
    expectClose(cable.toot.tariffs, 600_000, "cable tariffs")
    expectClose(land.toot.tariffs, 4_000_000, "land tariffs")
    // Rent: Σ_s (price − tariff − cost) × capacity × hours = (108·400 + 68·600) × 300.
    expectClose(cable.toot.congestionRent, (108 * 400 + 68 * 600) * 300, "cable rent = Σ π·cap·h")
    expectClose(land.toot.congestionRent, (90 * 400 + 50 * 600) * 200, "land rent")
    // With the supply binding (cable at 500 MW), the cable's price difference beyond its
    // tariff is the land route's dearer tariff: supply's value is 120−20−10 = 90 (peak),
    // 50 (off), so the cable earns 108−90 = 18 and 68−50 = 18 per MW·h: rent 18 × 500 × 1000.
    try session.reset()
    try session.apply(.capacity(corridor: "cable", .constant(500)))
    _ = try session.solve()
    expectClose(v.congestionRent(corridor: 0), 18 * 500 * 1000, "cable rent with the supply binding")
  }

  @Test func handModelCurve() throws {
    let v = try CorridorValuation(session: PlanningSession(model: try loadShipped("models/teaching/07-value-curve.toml")))
    let k = try v.curve(of: "cable", from: 0, to: 800)
    #expect(k.pieces.count == 3, "\(k.pieces)")
    let bp = k.breakpoints
    #expect(bp.count == 2)
    if bp.count == 2 {
      expectClose(bp[0], 400, "first breakpoint: the supply binds")
      expectClose(bp[1], 600, "second breakpoint: the land route is empty")
    }
    let slopes = k.pieces.map(\.slope)
    for (s, e) in zip(slopes, [84_000.0, 18_000, 0]) { expectClose(s, e, "slope") }
    expectClose(k.value(at: 0), 13_200_000, "V(0)")
    expectClose(k.value(at: 500), 39_600_000 + 18_000 * 500, "V(500)")
    expectClose(k.value(at: 800), 50_400_000, "V(800)")
  }

  /// By LP duality the capacity column's reduced cost (the corridor's shadow price) is
  /// Σ_s a_s·μ_s over its capacity rows plus the terms of custom constraints that name
  /// `capacity[c]`. So where none does and the capacity is constant, the rent
  /// Σ_s μ_s·a_s·C equals shadow price × C: an independent route to the same figure
  /// (the shadow price comes from the reduced cost GLPK reports, the rent from row duals).
  @Test(arguments: ["models/oil-2030.toml", "models/electricity-2030.toml", "models/fiber-2030.toml",
                    "models/teaching/07-value-curve.toml"])
  func rentEqualsShadowPriceTimesCapacity(_ path: String) throws {
    let model = try loadShipped(path)
    let v = try CorridorValuation(session: PlanningSession(model: model))
    var checked = 0
    for (c, corridor) in model.corridors.enumerated() where corridor.enabled {
      guard case let .constant(cap) = corridor.capacity else { continue }
      let named = model.constraints.contains { k in
        k.terms.contains { if case let .capacity(n) = $0.quantity { return n == corridor.name } else { return false } }
      }
      guard !named, let sp = v.basePlan.corridor(corridor.name)?.shadowPrice else { continue }
      let rent = v.congestionRent(corridor: c)
      #expect(abs(rent - sp * cap) <= 1e-9 * max(1, abs(v.basePlan.objective ?? 0)), "\(path) \(corridor.name): rent \(rent) vs \(sp) × \(cap)")
      checked += 1
    }
    #expect(checked > 0)
  }

  // MARK: TOOT and PINT against cold solves

  static let models = ["models/oil-2030.toml", "models/electricity-2030.toml", "models/fiber-2030.toml",
                       "models/teaching/02-min-share.toml", "models/teaching/04-storage-shift.toml",
                       "models/teaching/05-max-min-fair.toml", "models/teaching/07-value-curve.toml"]

  @Test(arguments: models)
  func tootAndPintEqualColdDifferences(_ path: String) throws {
    let model = try loadShipped(path)
    let v = try CorridorValuation(session: PlanningSession(model: model))
    let names = model.corridors.map(\.name)
    let worth = try v.worth(of: names)
    let basePlan = try Self.cold(model)
    let base = try #require(Self.gain(basePlan))
    let none = try Self.cold(Self.disabling(names, in: model))
    for w in worth {
      let without = try Self.cold(Self.disabling([w.corridor], in: model))
      let only = try Self.cold(Self.disabling(names.filter { $0 != w.corridor }, in: model))
      // 1e-9 relative to the values differenced.
      let scale = max(1, abs(base))
      func near(_ a: Double?, _ b: Double, _ what: String) {
        #expect(a.map { abs($0 - b) <= 1e-9 * scale } ?? false, "\(path) \(what) \(w.corridor): \(a ?? .nan) vs cold \(b)")
      }
      if let o = Self.gain(without) {
        near(w.toot.value, base - o, "TOOT")
      } else {
        #expect(w.toot.value == nil, "\(path) TOOT \(w.corridor): the cold run has no optimum")
      }
      if let a = Self.gain(only), let b = Self.gain(none) {
        near(w.pint.value, a - b, "PINT")
      } else {
        #expect(w.pint.value == nil, "\(path) PINT \(w.corridor): a cold run has no optimum")
      }
      // The split: the countries' changes add up to the whole (the objective is the sum of
      // the countries' net values). Each country's own figure is that of one optimal vertex:
      // where the optimum is not unique (the electricity and fiber models) another vertex
      // splits it otherwise, so it is compared with the cold solves only on the hand model,
      // whose optimum is unique.
      if let t = w.toot.value { near(w.toot.countries.reduce(0) { $0 + ($1.change ?? .nan) }, t, "Σ country TOOT") }
      if let p = w.pint.value { near(w.pint.countries.reduce(0) { $0 + ($1.change ?? .nan) }, p, "Σ country PINT") }
      if path.contains("07-value-curve") {
        for c in w.toot.countries {
          near(c.change, (basePlan.country(c.country)?.netValue ?? 0) - (without.country(c.country)?.netValue ?? 0), "TOOT of \(c.country)")
        }
      }
    }
  }

  // MARK: The value curve against re-solves

  /// For each piece: a cold solve at both ends and in the middle lies on the piece (1e-9);
  /// just past each breakpoint the value follows the next piece's slope and falls below the
  /// previous piece's line by at least half of (s_left − s_right)·δ; a cold solve inside
  /// each piece has the piece's slope as its shadow price; slopes strictly decrease.
  @Test(arguments: [("models/teaching/07-value-curve.toml", "cable", 0.0, 800.0),
                    ("models/electricity-2030.toml", "black-sea", 0.0, 2600.0),
                    ("models/oil-2030.toml", "cpc", 0.0, 145.0),
                    ("models/fiber-2030.toml", "tcfo", 0.0, 32.0)])
  func curveMatchesColdResolves(_ path: String, _ corridor: String, _ from: Double, _ to: Double) throws {
    let model = try loadShipped(path)
    let v = try CorridorValuation(session: PlanningSession(model: model))
    let k = try v.curve(of: corridor, from: from, to: to)
    #expect(!k.pieces.isEmpty)
    func V(_ x: Double) throws -> Double { try #require(Self.gain(try Self.cold(Self.withCapacity(x, of: corridor, in: model)))) }
    let scale = max(1, abs(try V(to)), abs(try V(from)))
    func near(_ a: Double, _ b: Double, _ what: String) { #expect(abs(a - b) <= 1e-9 * scale, "\(path) \(corridor) \(what): \(a) vs \(b)") }
    for (i, p) in k.pieces.enumerated() {
      near(try V(p.from), p.valueFrom, "V at \(p.from)")
      near(try V(p.to), p.valueTo, "V at \(p.to)")
      let mid = (p.from + p.to) / 2
      near(try V(mid), p.valueFrom + p.slope * (mid - p.from), "V between, at \(mid)")
      // The slope equals the shadow price of a cold solve inside the piece.
      let inside = try Self.cold(Self.withCapacity(mid, of: corridor, in: model))
      #expect(abs((inside.corridor(corridor)?.shadowPrice ?? .nan) - p.slope) <= 1e-9 * max(1, abs(p.slope), scale / max(1, to)),
              "\(path) \(corridor) slope of piece \(i): \(p.slope) vs shadow price \(inside.corridor(corridor)?.shadowPrice ?? .nan)")
      if i + 1 < k.pieces.count {
        let next = k.pieces[i + 1]
        let delta = min(next.to - next.from, p.to - p.from) / 4
        let beyond = try V(p.to + delta)
        near(beyond, p.valueTo + next.slope * delta, "just past the breakpoint \(p.to)")
        #expect(p.valueTo + p.slope * delta - beyond >= 0.5 * (p.slope - next.slope) * delta,
                "\(path) \(corridor): the piece's slope must stop holding past its breakpoint \(p.to)")
      }
    }
    // Concave: slopes strictly decrease.
    for (a, b) in zip(k.pieces, k.pieces.dropFirst()) { #expect(a.slope > b.slope, "\(path) \(corridor): slopes \(a.slope), \(b.slope)") }
  }

  @Test func badRanges() throws {
    let v = try CorridorValuation(session: PlanningSession(model: try loadShipped("models/teaching/07-value-curve.toml")))
    #expect(throws: PlanningEditError.self) { try v.curve(of: "cable", from: 10, to: 5) }
    #expect(throws: PlanningEditError.self) { try v.curve(of: "nope", from: 0, to: 5) }
    #expect(throws: PlanningEditError.self) { try v.worth(of: ["nope"]) }
  }
}

@Suite("Corridor value: a corridor the model disables")
struct DisabledCorridorValueTests {
  /// The electricity model with the Black Sea cable disabled (in code; the shipped
  /// black-sea-absent scenario also closes the RO and HU markets); its curve puts the cable
  /// back, so V(1,300 MW) is the value of the model as shipped (a cold solve of it).
  @Test func curveOfADisabledCorridorPutsItIn() throws {
    let model = try loadShipped("models/electricity-2030.toml")
    var absent = model
    let i = try #require(absent.corridors.firstIndex { $0.name == "black-sea" })
    #expect(absent.corridors[i].capacity == .constant(1300))
    absent.corridors[i].enabled = false
    let v = try CorridorValuation(session: PlanningSession(model: absent))
    let k = try v.curve(of: "black-sea", from: 0, to: 1300)
    let full = try #require(try Planner().solve(Formulation(model: model)).objective)
    expectClose(k.value(at: 1300), full, "V(1,300 MW) with the cable put back")
    expectClose(k.value(at: 0), try #require(v.basePlan.objective), "V(0) is the value without it")
  }
}
