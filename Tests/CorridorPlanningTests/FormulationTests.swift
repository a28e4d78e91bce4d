// Formulation details on small models built in code (no file, no loader):
// each model isolates one feature, with its optimum derived by hand.
// Tolerance: 1e-9 relative (floor 1e-9 absolute), unless said otherwise.

import CorridorModel
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Formulation details on small in-code models")
struct FormulationTests {

  // MARK: Two-way corridor

  // X and Y are countries joined by one two-way corridor (60 MW, no loss, no tariff);
  // market MX sits at X (10 EUR/MWh), MY at Y (50 EUR/MWh); supply 100 MW each, free;
  // one slice of 10 h. A firm rule makes Y deliver 20 MW to MX, which it can only do
  // through the reverse direction. Both directions share the 60 MW:
  //   Y → X carries 20 (firm), leaving 40 for X → Y.
  //   X: 40 to MY at 50, 60 at home at 10 → 2,600 EUR/h;
  //   Y: 20 to MX at 10, 80 at home at 50 → 4,200 EUR/h; value 6,800 · 10 = 68,000.
  // (Were each direction allowed 60 MW, X would ship 60: 7,600 EUR/h.)
  // Corridor shadow price: one more MW lets X move one MW from MX to MY: 40 · 10 = 400.
  // Firm dual: one more MW firm moves Y's MW from MY to MX (−40) and takes one MW of
  // the corridor from X (−40): −80 · 10 = −800. Both are the same either way round.
  @Test func twoWayCorridorSharesItsCapacity() throws {
    let model = electricityModel(
      slices: [TimeSlice(name: "block", hours: 10)],
      countries: ["X", "Y"], marketNodes: [],
      supplies: [supply("X", 100), supply("Y", 100)],
      corridors: [line("link", "X", "Y", capacity: 60, twoWay: true)],
      markets: [market("MX", at: "X", price: 10), market("MY", at: "Y", price: 50)],
      rules: [Rule(name: "y-firm-mx", kind: .firm(country: "Y", market: "MX", volume: 20))])
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 68_000, "objective")
    let link = try #require(plan.corridor("link"))
    expectClose(link.flow, 60, "link flow, both directions")
    expectClose(link.flow(of: "X"), 40, "X on link (X → Y)")
    expectClose(link.flow(of: "Y"), 20, "Y on link (Y → X)")
    expectClose(link.shadowPrice, 400, "link shadow price")
    expectClose(plan.rule("y-firm-mx")?.dual, -800, "firm dual")
    expectClose(plan.market("MY")?.delivered(by: "X"), 40, "X delivered to MY")
    expectClose(plan.market("MX")?.delivered(by: "Y"), 20, "Y delivered to MX")
    // The two directions are separate arcs with one capacity row.
    let f = try Formulation(model: model)
    let arcs = Set(f.index.flows.map(\.arc.label))
    #expect(arcs == ["link", "link.reverse"])
    #expect(f.index.capacityRows.compactMap { $0 }.count == 1)
  }

  // MARK: Disabled corridor

  // K (200 MW at 10 EUR/MWh) sells to M (50 EUR/MWh) over "old" (100 MW); "new" (K → M,
  // 50 MW) is disabled. One slice of 100 h. Net 40 EUR/MWh: old fills.
  //   value = 100 · 40 · 100 = 400,000; new carries 0 and reports capacity 0.
  // new's capacity row is "flow ≤ 0" with K's flow its only column, so at any simplex
  // vertex that column is basic at 0 and the row's dual is its reduced value:
  //   40 · 100 = 4,000 EUR per MW of new capacity: what building it would be worth
  // (supply has 100 MW to spare). old's shadow price is the same 4,000.
  @Test func disabledCorridorShowsTheValueOfBuildingIt() throws {
    let model = electricityModel(
      countries: ["K"], marketNodes: ["M"],
      supplies: [supply("K", 200, cost: 10)],
      corridors: [line("old", "K", "M", capacity: 100), line("new", "K", "M", capacity: 50, enabled: false)],
      markets: [market("M", at: "M", price: 50)])
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 400_000, "objective")
    let new = try #require(plan.corridor("new"))
    #expect(!new.enabled)
    expectClose(new.capacity, 0, "disabled capacity")
    expectClose(new.flow, 0, "disabled flow")
    #expect(new.utilization == nil)
    expectClose(new.shadowPrice, 4_000, "value of building new")
    expectClose(plan.corridor("old")?.shadowPrice, 4_000, "old shadow price")
    expectClose(plan.corridor("old")?.flow, 100, "old flow")
  }

  // MARK: Availability

  // K (400 MW, free) → M (30 EUR/MWh) over a 200 MW line at 75 % availability;
  // one slice of 10 h. Usable capacity 150 MW: value = 150 · 30 · 10 = 45,000.
  // The capacity row's right-hand side is the available 150 MW: per available MW the
  // row's dual is 30 · 10 = 300. The shadow price is per MW of the model's capacity
  // (what a planner builds; issue #8 item 1): one more nameplate MW adds 0.75 MW of
  // available capacity, worth 0.75 · 300 = 225.
  @Test func availabilityScalesCapacity() throws {
    let model = electricityModel(
      slices: [TimeSlice(name: "block", hours: 10)],
      countries: ["K"], marketNodes: ["M"],
      supplies: [supply("K", 400)],
      corridors: [line("line", "K", "M", capacity: 200, availability: 0.75)],
      markets: [market("M", at: "M", price: 30)])
    let plan = try Planner().plan(model)
    expectClose(plan.objective, 45_000, "objective")
    let c = try #require(plan.corridor("line"))
    expectClose(c.capacity, 150, "available capacity")
    expectClose(c.flow, 150, "flow")
    expectClose(c.utilization, 1, "utilization")
    expectClose(c.shadowPrice, 225, "shadow price per nameplate MW")
    #expect(c.bindingSlices == 1)
  }

  // MARK: Min-cost with a firm rule

  // min-cost: supply cost + tariffs, no revenue. K (100 MW at 10 EUR/MWh) must deliver
  // 60 MW to M every slice (firm). Routes: direct K → M (40 MW, tariff 3), or K → T
  // (100 MW, tariff 1) then T → M (100 MW, tariff 2, 10 % loss). One slice of 100 h.
  //   direct: 13 EUR per MWh delivered; via T: (10 + 1 + 2)/0.9 = 14.444… → direct fills.
  //   direct 40; via T 20 delivered needs 20/0.9 = 22.222… MW entering K → T and T → M.
  //   cost/h = 40 · 13 + 13 · 20/0.9 = 520 + 288.888…; over 100 h: 80,888.888…
  //   supply used 40 + 22.222… = 62.222…
  // Duals as worth to the owner (cost saved; issue #8 item 3): firm +1 MW goes via T and
  // costs 100 · 13/0.9 = 1,444.444… (−1,444.444…); direct +1 MW shifts one delivered MW
  // off the T route and saves 100 (13/0.9 − 13) = 144.444…
  // K → T and T → M have room: 0.
  @Test func minCostMeetsAFirmRuleAtLeastCost() throws {
    let model = electricityModel(
      objective: .minCost, countries: ["K"], transit: ["T"], marketNodes: ["M"],
      supplies: [supply("K", 100, cost: 10)],
      corridors: [
        line("direct", "K", "M", capacity: 40, tariff: 3),
        line("k-t", "K", "T", capacity: 100, tariff: 1),
        line("t-m", "T", "M", capacity: 100, loss: 0.1, tariff: 2),
      ],
      markets: [market("M", at: "M", price: 0)],
      rules: [Rule(name: "firm", kind: .firm(country: "K", market: "M", volume: 60))])
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    #expect(plan.stages.map(\.name) == ["cost"] && plan.stages.first?.sense == .minimize)
    expectClose(plan.objective, 100 * (40 * 13 + 13 * 20 / 0.9), "cost")
    expectClose(plan.objective, 80_888.888888888889, "cost (decimal)")
    expectClose(plan.corridor("direct")?.flow, 40, "direct flow")
    expectClose(plan.corridor("k-t")?.flow, 20 / 0.9, "k-t flow")
    expectClose(plan.corridor("t-m")?.flow, 20 / 0.9, "t-m flow")
    expectClose(plan.market("M")?.delivered, 60, "delivered")
    expectClose(plan.country("K")?.supplied.first?.used, 40 + 20 / 0.9, "supply used")
    expectClose(plan.rule("firm")?.dual, -1300 / 0.9, "firm dual (marginal cost, as a worth)")
    expectClose(plan.corridor("direct")?.shadowPrice, 1300 / 0.9 - 1300, "direct shadow price (cost saved)")
    expectClose(plan.corridor("k-t")?.shadowPrice, 0, "k-t shadow price")
    expectClose(plan.corridor("t-m")?.shadowPrice, 0, "t-m shadow price")
  }

  // MARK: Priority rule

  // A (80 MW) and B (70 MW), both free, feed hub H over their own feeders (100 MW each;
  // B's costs 10 EUR/MWh), then share "trunk" H → M (100 MW) to M at 50 EUR/MWh. One
  // slice of 1 h. Value alone prefers A (50 vs 40 EUR/MWh): A 80, B 20.
  // Priority order [B, A] on trunk: stage 1 max B → 70 (its supply); stage 2 max A →
  // 100 − 70 = 30; stage 3 value = 70 · 40 + 30 · 50 = 4,300 EUR.
  // The stages hold exactly (issue #8 item 6; LexicographicStageTests).
  func priorityModel() -> Model {
    electricityModel(
      slices: [TimeSlice(name: "hour", hours: 1)],
      countries: ["A", "B"], transit: ["H"], marketNodes: ["M"],
      supplies: [supply("A", 80), supply("B", 70)],
      corridors: [
        line("a-h", "A", "H", capacity: 100), line("b-h", "B", "H", capacity: 100, tariff: 10),
        line("trunk", "H", "M", capacity: 100),
      ],
      markets: [market("M", at: "M", price: 50)],
      rules: [Rule(name: "b-first", kind: .priority(corridors: ["trunk"], order: ["B", "A"]))])
  }

  @Test func priorityServesCountriesInOrder() throws {
    let plan = try Planner().plan(priorityModel())
    #expect(plan.status == .optimal)
    #expect(plan.stages.map(\.name) == ["priority b-first: B", "priority b-first: A", "value"])
    expectClose(plan.stages[0].objective, 70, "stage B")
    expectClose(plan.stages[1].objective, 30, "stage A")
    expectClose(plan.objective, 4_300, "value")
    let trunk = try #require(plan.corridor("trunk"))
    expectClose(trunk.flow(of: "B"), 70, "B on trunk")
    expectClose(trunk.flow(of: "A"), 30, "A on trunk")
    #expect(plan.rule("b-first")?.kind == .priority)
  }

  @Test func withoutPriorityValueDecides() throws {
    var model = priorityModel()
    model.rules = []
    let plan = try Planner().plan(model)
    expectClose(plan.objective, 80 * 50 + 20 * 40, "value")
    expectClose(plan.corridor("trunk")?.flow(of: "A"), 80, "A on trunk")
    expectClose(plan.corridor("trunk")?.flow(of: "B"), 20, "B on trunk")
  }

  // MARK: Custom constraint per horizon vs per slice

  // K (150 MW, free) → line (100 MW) → M; peak 10 h at 80 EUR/MWh, off-peak 30 h at 20.
  // (Supply above the line on purpose: were both 100 MW, supply and line would bind
  // together at peak and the line's dual would be anywhere in [0, 600].)
  // Horizon row: Σ_s h_s · flow[K, line]_s ≤ E (= 2,000 MWh).
  //   Energy goes to the dearer slice first: peak 100 MW · 10 h = 1,000 MWh; the other
  //   1,000 MWh off-peak: 1000/30 = 33.333… MW.
  //   value = 100 · 80 · 10 + 1000 · 20 = 80,000 + 20,000 = 100,000.
  //   ∂value/∂E = 20 (the marginal MWh is sold off-peak): the row's dual, per MWh.
  //   line: one more MW at peak is 10 MWh at 80 instead of off-peak at 20: 600; the
  //   off-peak row is slack: shadow price 600.
  // Per-slice row with the same average, flow ≤ 50 MW in every slice:
  //   value = 50 · 80 · 10 + 50 · 20 · 30 = 40,000 + 30,000 = 70,000; row duals
  //   80 · 10 + 20 · 30 = 1,400 summed; activity and rhs 50 (hours-weighted averages).
  func twoSliceModel(_ constraint: CustomConstraint) -> Model {
    var m = electricityModel(
      slices: [TimeSlice(name: "peak", hours: 10), TimeSlice(name: "off", hours: 30)],
      countries: ["K"], marketNodes: ["M"], supplies: [supply("K", 150)],
      corridors: [line("line", "K", "M", capacity: 100)],
      markets: [Market(name: "M", node: "M", commodity: "electricity", price: .perSlice([80, 20]))],
      constraints: [constraint])
    m.name = "two slices"
    return m
  }

  @Test func horizonConstraintIsOneRowOverTheHours() throws {
    let cap = CustomConstraint(
      name: "energy-cap", per: .horizon,
      terms: [.init(coefficient: 1, quantity: .flow(country: "K", corridors: ["line"]))],
      sense: .lessEqual, constant: .constant(2000), commodity: "electricity",
      source: "flow[K, line] <= 2000 MWh")
    let plan = try Planner().plan(twoSliceModel(cap))
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 100_000, "objective")
    let row = try #require(plan.constraint("energy-cap"))
    #expect(row.per == "horizon" && row.bindingRows == 1)
    expectClose(row.activity, 2000, "activity (MWh)")
    expectClose(row.rhs, 2000, "rhs (MWh)")
    expectClose(row.dual, 20, "dual per MWh")
    let c = try #require(plan.corridor("line"))
    expectClose(c.flow, (100 * 10 + 1000) / 40.0, "average flow")
    expectClose(c.peakFlow, 100, "peak flow")
    #expect(c.bindingSlices == 1)
    expectClose(c.shadowPrice, 600, "line shadow price")
    #expect(try Formulation(model: twoSliceModel(cap)).index.constraintRows[0]?.count == 1)
  }

  @Test func sliceConstraintIsOneRowPerSlice() throws {
    let cap = CustomConstraint(
      name: "rate-cap", per: .slice,
      terms: [.init(coefficient: 1, quantity: .flow(country: "K", corridors: ["line"]))],
      sense: .lessEqual, constant: .constant(50), commodity: "electricity",
      source: "flow[K, line] <= 50 MW")
    let plan = try Planner().plan(twoSliceModel(cap))
    expectClose(plan.objective, 70_000, "objective")
    let row = try #require(plan.constraint("rate-cap"))
    #expect(row.per == "slice" && row.bindingRows == 2)
    expectClose(row.activity, 50, "activity (average MW)")
    expectClose(row.rhs, 50, "rhs (average MW)")
    expectClose(row.dual, 800 + 600, "dual summed over the slices")
    expectClose(plan.corridor("line")?.shadowPrice, 0, "line shadow price")
  }

  // MARK: Reachability pruning

  // K (100 MW, free) → line (100 MW) → M (40 EUR/MWh). Also: market "island" at node I,
  // which no corridor enters (only "i-m" leaves it); "spur" K → D, a dead end (no
  // market at D). One slice of 1 h.
  //   K can reach M only: value = 100 · 40 = 4,000. The island market gets nothing and
  //   has no delivery columns; spur and i-m have no flow columns (no capacity rows,
  //   shadow price 0). The LP is exactly: flow[K, line], delivered[K, M], supply[k]
  //   (3 columns) and balance K, balance M, capacity line (3 rows).
  @Test func unreachableMarketGetsNothing() throws {
    let model = electricityModel(
      slices: [TimeSlice(name: "hour", hours: 1)],
      countries: ["K"], transit: ["D"], marketNodes: ["M", "I"],
      supplies: [supply("K", 100)],
      corridors: [
        line("line", "K", "M", capacity: 100), line("spur", "K", "D", capacity: 100),
        line("i-m", "I", "M", capacity: 100),
      ],
      markets: [market("M", at: "M", price: 40), market("island", at: "I", price: 1000)])
    let plan = try Planner().plan(model)
    expectClose(plan.objective, 4_000, "objective")
    let island = try #require(plan.market("island"))
    expectClose(island.delivered, 0, "island delivered")
    #expect(island.byCountry.isEmpty)
    for name in ["spur", "i-m"] {
      let c = try #require(plan.corridor(name))
      #expect(c.byCountry.isEmpty, "\(name) has no flow variables")
      expectClose(c.flow, 0, "\(name) flow")
      expectClose(c.shadowPrice, 0, "\(name) shadow price")
    }
    // + a fixed capacity column per corridor (3) and an available column per supply (1).
    #expect(plan.size.variables == 3 + 3 + 1)
    #expect(plan.size.constraints == 3)
    let f = try Formulation(model: model)
    #expect(f.index.deliveries.count == 1)
    #expect(f.index.flows.map(\.arc.label) == ["line"])
    #expect(f.index.capacityRows.map { $0 != nil } == [true, false, false])
  }

  // MARK: Market volume

  // K (100 MW, free) → line (100 MW) → M (40 EUR/MWh, absorbs 70 MW); one slice of 10 h.
  //   value = 70 · 40 · 10 = 28,000; market shadow price 40 · 10 = 400 per MW absorbed;
  //   the line has room: 0.
  @Test func marketVolumeLimitsDeliveries() throws {
    let model = electricityModel(
      slices: [TimeSlice(name: "block", hours: 10)],
      countries: ["K"], marketNodes: ["M"], supplies: [supply("K", 100)],
      corridors: [line("line", "K", "M", capacity: 100)],
      markets: [market("M", at: "M", price: 40, volume: 70)])
    let plan = try Planner().plan(model)
    expectClose(plan.objective, 28_000, "objective")
    let m = try #require(plan.market("M"))
    expectClose(m.delivered, 70, "delivered")
    expectClose(m.volume, 70, "absorbs")
    expectClose(m.shadowPrice, 400, "market shadow price")
    expectClose(m.averagePrice, 40, "average price (EUR/MWh)")
    expectClose(plan.corridor("line")?.shadowPrice, 0, "line shadow price")
  }

  // MARK: Max-share

  // Teaching model (b) with the rule turned round: AZ at most 60 % of black-sea
  // (row 0.4 a − 0.6 k ≤ r). Same optimum: a 600, k 400, value 96,000,000.
  //   a + k = 1000, 0.4 a − 0.6 k = r → a = 600 + r: value = 96,000,000 + 10,000 r,
  //   so the dual is +10,000; one more point of share allowed (a looser cap) gains
  //   10 MW · 10 EUR/MWh · 1,000 h = +100,000 (issue #8 item 3: the worth of one more point).
  @Test func maxShareIsTheMirrorOfMinShare() throws {
    var model = try loadShipped("models/teaching/02-min-share.toml")
    model.rules = [Rule(name: "az-max", kind: .maxShare(country: "AZ", corridors: ["black-sea"], share: 0.6))]
    let plan = try Planner().plan(model)
    expectClose(plan.objective, 96_000_000, "objective")
    expectClose(plan.corridor("black-sea")?.flow(of: "AZ"), 600, "AZ on black-sea")
    let rule = try #require(plan.rule("az-max"))
    #expect(rule.kind == .maxShare && rule.binding)
    expectClose(rule.achieved, 0.6, "achieved")
    expectClose(rule.dual, 10_000, "dual")
    expectClose(rule.perSharePoint, 100_000, "worth of one more share point of cap")
  }

  // MARK: Infeasible

  // A firm rule (150 MW) above what the corridor can carry (100 MW): infeasible. The
  // plan has no objective (GLPK still reports one for its last, infeasible, basis).
  @Test func firmRuleAboveCapacityIsInfeasible() throws {
    let model = electricityModel(
      countries: ["K"], marketNodes: ["M"], supplies: [supply("K", 500)],
      corridors: [line("line", "K", "M", capacity: 100)],
      markets: [market("M", at: "M", price: 40)],
      rules: [Rule(name: "firm", kind: .firm(country: "K", market: "M", volume: 150))])
    let plan = try Planner().plan(model)
    #expect(plan.status == .infeasible)
    #expect(plan.objective == nil)
    #expect(plan.stages.count == 1 && plan.stages[0].objective == nil)
  }
}
