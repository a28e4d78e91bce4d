// Issue #8 item 3: one sign for every shadow price and dual in a Plan.
//
// The convention (Plan.swift, docs/formulation.md "Signs and units"): a figure
// is what one more unit of the bound is worth to the objective's owner — the
// value gained under max-value / max-min-fair, the cost saved under min-cost.
// Positive: the owner would pay for one more unit; negative: one more unit
// costs the owner (a tighter floor, a larger firm volume).
//
// Every test derives the figure by hand (comments) and also measures it
// independently: the model is re-planned with the bound moved by δ and the
// change of the objective, read as worth (value gained, or cost saved), is
// divided by δ. Each model is non-degenerate at the bound, so the left and
// right derivatives agree and the one-sided difference is exact for an LP up
// to rounding; share rules move a coefficient (σ), so they use a central
// difference. Tolerance: 1e-6 relative (the LP solves are exact to ~1e-12;
// the central difference of σ/(1−σ) with δ = 1e-5 is off by ~1e-10).

import CorridorModel
import Testing

@testable import CorridorPlanning

/// Worth of one more unit measured by re-planning: (owner's gain) / δ.
///
/// Gain is the objective increase for max-value and max-min-fair (whose last stage is value),
/// and the cost decrease for min-cost.
func measuredWorth(_ base: Model, δ: Double, central: Bool = false,
                   _ move: (inout Model, Double) -> Void) throws -> Double {
  func objective(_ step: Double) throws -> Double {
    var m = base
    move(&m, step)
    let plan = try Planner().plan(m)
    #expect(plan.status == .optimal, "re-plan with the bound moved by \(step) is \(plan.status)")
    return plan.objective ?? .nan
  }
  let owner: Double = base.objective == .minCost ? -1 : 1
  if central { return owner * (try objective(δ) - objective(-δ)) / (2 * δ) }
  return owner * (try objective(δ) - objective(0)) / δ
}

@Suite("Signs: every dual is the worth of one more unit to the objective's owner (issue #8 item 3)")
struct SignConventionTests {

  // MARK: max-value

  // K (100 MW, free) → line (60 MW) → M at 50 EUR/MWh, one slice of 10 h.
  // One more MW of line carries one more MW: 50 · 10 = +500 EUR.
  // Market M absorbs at most 40 MW in the second variant: one more MW of absorption: +500.
  // Supply of 30 MW in the third: one more MW supplied: +500 (line and market have room).
  // A per-slice custom cap flow[K, line] ≤ 20 MW: one more MW of the cap: +500.
  static func single(line cap: Double = 60, available: Double = 100, volume: Double? = nil,
                     objective: ObjectiveKind = .maxValue) -> Model {
    electricityModel(
      objective: objective, slices: [TimeSlice(name: "block", hours: 10)],
      countries: ["K"], marketNodes: ["M"], supplies: [supply("K", available)],
      corridors: [line("line", "K", "M", capacity: cap)],
      markets: [market("M", at: "M", price: 50, volume: volume)])
  }

  @Test func maxValueCorridorShadowPriceIsAGain() throws {
    let plan = try Planner().plan(Self.single())
    let measured = try measuredWorth(Self.single(), δ: 1) { m, d in m.corridors[0].capacity = m.corridors[0].capacity.shifted(by: d) }
    expectClose(measured, 500, relative: 1e-6, "re-solve")
    expectClose(plan.corridor("line")?.shadowPrice, 500, relative: 1e-6, "corridor shadow price")
  }

  @Test func maxValueMarketShadowPriceIsAGain() throws {
    let base = Self.single(volume: 40)
    let plan = try Planner().plan(base)
    let measured = try measuredWorth(base, δ: 1) { m, d in m.markets[0].volume = .constant(40 + d) }
    expectClose(measured, 500, relative: 1e-6, "re-solve")
    expectClose(plan.market("M")?.shadowPrice, 500, relative: 1e-6, "market shadow price")
  }

  @Test func maxValueCustomCapIsAGainAndAFloorACost() throws {
    var base = Self.single()
    base.constraints = [CustomConstraint(
      name: "cap", per: .slice, terms: [.init(coefficient: 1, quantity: .flow(country: "K", corridors: ["line"]))],
      sense: .lessEqual, constant: .constant(20), commodity: "electricity", source: "flow[K, line] <= 20 MW")]
    let plan = try Planner().plan(base)
    let measured = try measuredWorth(base, δ: 1) { m, d in m.constraints[0].constant = .constant(20 + d) }
    expectClose(measured, 500, relative: 1e-6, "re-solve ≤")
    expectClose(plan.constraint("cap")?.dual, 500, relative: 1e-6, "≤ dual")

    // A floor that binds: flow[K, line] ≥ 30 MW while a second market N (reached over
    // "spill", free) pays 80: every MW forced onto "line" earns 30 EUR/MWh less: −300.
    var floor = electricityModel(
      slices: [TimeSlice(name: "block", hours: 10)], countries: ["K"], marketNodes: ["M", "N"],
      supplies: [supply("K", 100)],
      corridors: [line("line", "K", "M", capacity: 60), line("spill", "K", "N", capacity: 200)],
      markets: [market("M", at: "M", price: 50), market("N", at: "N", price: 80)])
    floor.constraints = [CustomConstraint(
      name: "floor", per: .slice, terms: [.init(coefficient: 1, quantity: .flow(country: "K", corridors: ["line"]))],
      sense: .greaterEqual, constant: .constant(30), commodity: "electricity", source: "flow[K, line] >= 30 MW")]
    let p2 = try Planner().plan(floor)
    let m2 = try measuredWorth(floor, δ: 1) { m, d in m.constraints[0].constant = .constant(30 + d) }
    expectClose(m2, -300, relative: 1e-6, "re-solve ≥")
    expectClose(p2.constraint("floor")?.dual, -300, relative: 1e-6, "≥ dual")
  }

  @Test func maxValueSupplyShadowPriceIsAGain() throws {
    let base = Self.single(available: 30)
    let plan = try Planner().plan(base)
    let measured = try measuredWorth(base, δ: 1) { m, d in m.supplies[0].volume = .constant(30 + d) }
    expectClose(measured, 500, relative: 1e-6, "re-solve")
    expectClose(plan.country("K")?.supplied.first?.shadowPrice, 500, relative: 1e-6, "supply shadow price")
    // Supply with room (the 60 MW line binds first) is worth nothing more.
    expectClose(try Planner().plan(Self.single()).country("K")?.supplied.first?.shadowPrice, 0, "slack supply")
  }

  // K (100 MW, free) reaches M1 (30 EUR/MWh) and M2 (50 EUR/MWh) over their own lines
  // (100 MW each); firm K → M1 40 MW. 10 h. One more firm MW moves a MW from M2 to M1:
  // −20 · 10 = −200 EUR.
  @Test func maxValueFirmDualIsACost() throws {
    let base = electricityModel(
      slices: [TimeSlice(name: "block", hours: 10)], countries: ["K"], marketNodes: ["M1", "M2"],
      supplies: [supply("K", 100)],
      corridors: [line("to-m1", "K", "M1", capacity: 100), line("to-m2", "K", "M2", capacity: 100)],
      markets: [market("M1", at: "M1", price: 30), market("M2", at: "M2", price: 50)],
      rules: [Rule(name: "firm", kind: .firm(country: "K", market: "M1", volume: 40))])
    let plan = try Planner().plan(base)
    let measured = try measuredWorth(base, δ: 1) { m, d in
      m.rules[0] = Rule(name: "firm", kind: .firm(country: "K", market: "M1", volume: 40 + d))
    }
    expectClose(measured, -200, relative: 1e-6, "re-solve")
    expectClose(plan.rule("firm")?.dual, -200, relative: 1e-6, "firm dual")
  }

  // A (free) and K (its feeder charges 10 EUR/MWh) share "cable" (1,000 MW) to RO at
  // 100 EUR/MWh, 1,000 h; each has 1,000 MW. Value alone: A fills the cable.
  // max-share A ≤ 60 %: A 600, K 400. One more share point for A: A +10 MW, K −10 MW,
  // +10 MW · 10 EUR/MWh · 1,000 h = +100,000 EUR per point (raising the cap gains).
  // min-share K ≥ 40 % is the same point from K's side: −100,000 EUR per point.
  static func shareModel(_ kind: RuleKind) -> Model {
    electricityModel(
      slices: [TimeSlice(name: "block", hours: 1000)], countries: ["A", "K"], transit: ["H"],
      marketNodes: ["RO"], supplies: [supply("A", 1000), supply("K", 1000)],
      corridors: [line("a-h", "A", "H", capacity: 2000), line("k-h", "K", "H", capacity: 2000, tariff: 10),
                  line("cable", "H", "RO", capacity: 1000)],
      markets: [market("RO", at: "RO", price: 100)],
      rules: [Rule(name: "share", kind: kind)])
  }

  @Test func maxSharePerPointIsTheGainOfRaisingTheCap() throws {
    let base = Self.shareModel(.maxShare(country: "A", corridors: ["cable"], share: 0.6))
    let plan = try Planner().plan(base)
    let perUnit = try measuredWorth(base, δ: 1e-5, central: true) { m, d in
      m.rules[0] = Rule(name: "share", kind: .maxShare(country: "A", corridors: ["cable"], share: 0.6 + d))
    }
    expectClose(perUnit / 100, 100_000, relative: 1e-6, "re-solve per point")
    let rule = try #require(plan.rule("share"))
    expectClose(rule.perSharePoint, 100_000, relative: 1e-6, "max-share per share point")
    // The row is A − σ·ΣF ≤ 0 in MW of average flow: one more MW of room is worth 10,000 EUR.
    expectClose(rule.dual, 10_000, relative: 1e-6, "max-share dual per MW")
  }

  @Test func minSharePerPointIsTheCostOfRaisingTheFloor() throws {
    let base = Self.shareModel(.minShare(country: "K", corridors: ["cable"], share: 0.4))
    let plan = try Planner().plan(base)
    let perUnit = try measuredWorth(base, δ: 1e-5, central: true) { m, d in
      m.rules[0] = Rule(name: "share", kind: .minShare(country: "K", corridors: ["cable"], share: 0.4 + d))
    }
    expectClose(perUnit / 100, -100_000, relative: 1e-6, "re-solve per point")
    let rule = try #require(plan.rule("share"))
    expectClose(rule.perSharePoint, -100_000, relative: 1e-6, "min-share per share point")
    expectClose(rule.dual, -10_000, relative: 1e-6, "min-share dual per MW")
  }

  // MARK: min-cost

  // min-cost: K must deliver 80 MW to M in every slice (firm), 10 h. Routes: "direct"
  // (60 MW, tariff 1 EUR/MWh) and "detour" (200 MW, tariff 3). Supplies: "cheap" 50 MW at
  // 10 EUR/MWh and "dear" 100 MW at 20 EUR/MWh.
  //   cost/h = 60·1 + 20·3 + 50·10 + 30·20 = 60 + 60 + 500 + 600 = 1,220 → 12,200 EUR.
  //   direct +1 MW: one MW leaves the detour: saves 2 EUR/MWh · 10 h = +20 (worth, positive).
  //   cheap supply +1 MW: saves 10 EUR/MWh · 10 h = +100; dear supply: 0 (not at its bound).
  //   firm +1 MW: detour and dear supply: (3 + 20) · 10 = 230 more cost: −230.
  //   custom cap flow[K, direct] ≤ 50 MW (second variant): one more MW saves 2 · 10: +20.
  static func minCost(constraints: [CustomConstraint] = []) -> Model {
    var m = electricityModel(
      objective: .minCost, slices: [TimeSlice(name: "block", hours: 10)],
      countries: ["K"], marketNodes: ["M"],
      supplies: [Supply(name: "cheap", country: "K", commodity: "electricity", volume: .constant(50), cost: 10),
                 Supply(name: "dear", country: "K", commodity: "electricity", volume: .constant(100), cost: 20)],
      corridors: [line("direct", "K", "M", capacity: 60, tariff: 1), line("detour", "K", "M", capacity: 200, tariff: 3)],
      markets: [market("M", at: "M", price: 0)],
      rules: [Rule(name: "firm", kind: .firm(country: "K", market: "M", volume: 80))])
    m.constraints = constraints
    return m
  }

  @Test func minCostShadowPricesAreCostSaved() throws {
    let base = Self.minCost()
    let plan = try Planner().plan(base)
    expectClose(plan.objective, 12_200, "cost")
    let corridor = try measuredWorth(base, δ: 1) { m, d in m.corridors[0].capacity = m.corridors[0].capacity.shifted(by: d) }
    expectClose(corridor, 20, relative: 1e-6, "re-solve direct")
    expectClose(plan.corridor("direct")?.shadowPrice, 20, relative: 1e-6, "direct shadow price (min-cost)")
    expectClose(plan.corridor("detour")?.shadowPrice, 0, relative: 1e-6, "detour shadow price")
    let firm = try measuredWorth(base, δ: 1) { m, d in
      m.rules[0] = Rule(name: "firm", kind: .firm(country: "K", market: "M", volume: 80 + d))
    }
    expectClose(firm, -230, relative: 1e-6, "re-solve firm")
    expectClose(plan.rule("firm")?.dual, -230, relative: 1e-6, "firm dual (min-cost)")
    let cheap = try measuredWorth(base, δ: 1) { m, d in m.supplies[0].volume = .constant(50 + d) }
    expectClose(cheap, 100, relative: 1e-6, "re-solve cheap supply")
    let supplies = plan.country("K")?.supplied ?? []
    expectClose(supplies.first { $0.supply == "cheap" }?.shadowPrice, 100, relative: 1e-6, "cheap supply (min-cost)")
    expectClose(supplies.first { $0.supply == "dear" }?.shadowPrice, 0, relative: 1e-6, "dear supply (min-cost)")
  }

  @Test func minCostCustomCapIsCostSaved() throws {
    let cap = CustomConstraint(
      name: "cap", per: .slice, terms: [.init(coefficient: 1, quantity: .flow(country: "K", corridors: ["direct"]))],
      sense: .lessEqual, constant: .constant(50), commodity: "electricity", source: "flow[K, direct] <= 50 MW")
    let base = Self.minCost(constraints: [cap])
    let plan = try Planner().plan(base)
    let measured = try measuredWorth(base, δ: 1) { m, d in m.constraints[0].constant = .constant(50 + d) }
    expectClose(measured, 20, relative: 1e-6, "re-solve")
    expectClose(plan.constraint("cap")?.dual, 20, relative: 1e-6, "custom ≤ dual (min-cost)")
  }

  // MARK: max-min-fair

  // Teaching model (e), derived in its comments: after the fairness stage (z = 0.5), the
  // value stage holds z and the cable is full; one more MW of black-sea, sent by anyone,
  // sells at 100 EUR/MWh for 1 h: +100. The re-plan moves the cable by 1 MW: z rises to
  // 901/1800 and the value to 90,100.
  @Test func maxMinFairShadowPriceIsAGain() throws {
    let base = try loadShipped("models/teaching/05-max-min-fair.toml")
    let plan = try Planner().plan(base)
    let c = try #require(base.corridors.firstIndex { $0.name == "black-sea" })
    let measured = try measuredWorth(base, δ: 1) { m, d in m.corridors[c].capacity = m.corridors[c].capacity.shifted(by: d) }
    expectClose(measured, 100, relative: 1e-6, "re-solve")
    expectClose(plan.corridor("black-sea")?.shadowPrice, 100, relative: 1e-6, "black-sea shadow price")
  }
}
