// The value of one more unit of capacity and supply counts every row the parameter is in
// (issue #8 item 1): hand-derived small models and the shipped electricity model.

import CorridorModel
import Testing

@testable import CorridorPlanning

@Suite("Value of capacity and supply")
struct CapacityValueTests {
  // K and U share the cable K → A (C = 1000 MW); U first crosses u-k and pays 5 EUR/MWh.
  // A → M (2000 MW) to a market at 100 EUR/MWh. One slice of 1000 h, no losses, free supply.
  // A rights deal caps K at 0.6 · capacity[cable].
  //   k = flow[K, cable], u = flow[U, cable]:
  //   max 1000 · (100 k + 95 u)  s.t.  k + u ≤ C,  k ≤ 0.6 C   →  k = 600, u = 400,
  //   objective 1000 · (60,000 + 38,000) = 98,000,000 EUR.
  // One more MW of cable: k = 0.6 C and u = 0.4 C both grow, so
  //   ∂objective/∂C = 1000 · (0.6 · 100 + 0.4 · 95) = 98,000 EUR/MW.
  // The cable row's dual alone is 95,000 (what the planner reported before the fix); the
  // rights row adds 0.6 · 5,000 (its dual is the 5 EUR/MWh handicap × 1000 h).
  static func rightsModel(per: ConstraintScope, slices: [TimeSlice]) -> Model {
    electricityModel(
      slices: slices, countries: ["K", "U"], transit: ["A"], marketNodes: ["M"],
      supplies: [supply("K", 1000), supply("U", 1000)],
      corridors: [
        line("u-k", "U", "K", capacity: 1000, tariff: 5), line("cable", "K", "A", capacity: 1000),
        line("sea", "A", "M", capacity: 2000),
      ],
      markets: [market("M", at: "M", price: 100)],
      constraints: [
        CustomConstraint(
          name: "k-rights", per: per,
          terms: [.init(coefficient: 1, quantity: .flow(country: "K", corridors: ["cable"])),
                  .init(coefficient: -0.6, quantity: .capacity("cable"))],
          sense: .lessEqual, constant: .constant(0), commodity: "electricity",
          source: "flow[K, cable] <= 0.6 * capacity[cable]")
      ])
  }

  @Test func capacityInACustomConstraintCountsInTheShadowPrice() throws {
    let plan = try Planner().plan(Self.rightsModel(per: .slice, slices: [TimeSlice(name: "block", hours: 1000)]))
    expectClose(plan.objective, 98_000_000, "objective")
    let cable = try #require(plan.corridor("cable"))
    expectClose(cable.flow(of: "K"), 600, "K on the cable")
    expectClose(cable.shadowPrice, 98_000, "value of one more MW of cable")
    expectClose(plan.constraint("k-rights")?.dual, 5_000, "rights row dual")
  }

  // The same rule over the horizon, two slices of 400 h and 600 h: the row is
  //   Σ_s h_s k_s ≤ 0.6 · Σ_s h_s C = 0.6 · 1000 h · C, with k_s + u_s ≤ C per slice.
  // Per slice the optimum is again k = 600, u = 400 (any split with Σ h_s k_s = 600,000
  // and k_s ≤ C; the objective is the same), and ∂objective/∂C = 98,000 EUR/MW.
  @Test func capacityInAHorizonConstraintIsWeightedByHours() throws {
    let slices = [TimeSlice(name: "a", hours: 400), TimeSlice(name: "b", hours: 600)]
    let plan = try Planner().plan(Self.rightsModel(per: .horizon, slices: slices))
    expectClose(plan.objective, 98_000_000, "objective")
    expectClose(plan.corridor("cable")?.shadowPrice, 98_000, "value of one more MW of cable")
  }

  // One corridor K → M, capacity 1000 MW then 500 MW, availability 100 % then 50 %, two
  // slices of 1000 h, price 100 EUR/MWh, tariff 10 then 30 EUR/MWh, ample free supply.
  //   usable: 1000 and 250 MW; objective 1000 · 1000 · (100 − 10) + 1000 · 250 · (100 − 30)
  //         = 90,000,000 + 17,500,000 = 107,500,000 EUR.
  // One more MW of capacity in every slice adds 1 MW usable in slice 1 and 0.5 MW in
  // slice 2: 1000 · 90 + 0.5 · 1000 · 70 = 125,000 EUR/MW.
  @Test func perSliceCapacityAvailabilityAndTariff() throws {
    var corridor = line("line", "K", "M", capacity: 0)
    corridor.capacity = .perSlice([1000, 500])
    corridor.availability = .perSlice([1, 0.5])
    corridor.tariff = .perSlice([10, 30])
    let model = electricityModel(
      slices: [TimeSlice(name: "s1", hours: 1000), TimeSlice(name: "s2", hours: 1000)],
      countries: ["K"], marketNodes: ["M"], supplies: [supply("K", 5000)], corridors: [corridor],
      markets: [market("M", at: "M", price: 100)])
    let plan = try Planner().plan(model)
    expectClose(plan.objective, 107_500_000, "objective")
    let c = try #require(plan.corridor("line"))
    expectClose(c.capacity, (1000 + 250) / 2, "usable capacity, hours-weighted")
    expectClose(c.nominalCapacity, (1000 + 500) / 2, "nominal capacity, hours-weighted")
    #expect(c.bindingSlices == 2)
    expectClose(c.shadowPrice, 125_000, "value of one more MW in every slice")
    expectClose(plan.country("K")?.tariffs, 1000 * 1000 * 10 + 1000 * 250 * 30, "tariffs")
  }

  // K has 300 MW at 20 EUR/MWh, a 1000 MW line to M at 100 EUR/MWh, one slice of 1000 h.
  //   All 300 MW go: each extra MW of supply earns (100 − 20) · 1000 = 80,000 EUR.
  // With a rule "supply[k] ≤ 50 % · available[k]" only 150 MW go; one more MW of supply
  // lets 0.5 MW more go: 0.5 · 80,000 = 40,000 EUR (the bound no longer binds; the rule does).
  @Test func supplyValueCountsItsBoundAndAvailableTerms() throws {
    func model(_ constraints: [CustomConstraint]) -> Model {
      electricityModel(
        slices: [TimeSlice(name: "block", hours: 1000)], countries: ["K"], marketNodes: ["M"],
        supplies: [supply("K", 300, cost: 20)], corridors: [line("line", "K", "M", capacity: 1000)],
        markets: [market("M", at: "M", price: 100)], constraints: constraints)
    }
    let free = try Planner().plan(model([]))
    expectClose(free.country("K")?.supplied.first?.shadowPrice, 80_000, "value of one more MW of supply")
    #expect(free.country("K")?.supplied.first?.supply == "k")
    let half = CustomConstraint(
      name: "half", per: .slice,
      terms: [.init(coefficient: 1, quantity: .supply("k")), .init(coefficient: -0.5, quantity: .available("k"))],
      sense: .lessEqual, constant: .constant(0), commodity: "electricity", source: "supply[k] <= 50 % * available[k]")
    let capped = try Planner().plan(model([half]))
    expectClose(capped.objective, 150 * 80 * 1000, "objective")
    expectClose(capped.country("K")?.supplied.first?.shadowPrice, 40_000, "value with the rule")
  }

  // models/electricity-2030.toml: `caspian-uz-rights` (flow[UZ, caspian] ≤ 0.5 ·
  // capacity[caspian]) binds while the cable itself does not. Re-solving with 1.001 GW
  // instead of 1 GW gained 15,958.30 EUR (measured with the planner before the fix, which
  // still reported a shadow price of 0); the same re-solve is repeated here.
  @Test func caspianCableCountsItsRightsRows() throws {
    let base = try loadShipped("models/electricity-2030.toml")
    let plan = try Planner().plan(base)
    let caspian = try #require(plan.corridor("caspian"))
    expectClose(caspian.shadowPrice, 15_958.30, relative: 1e-6, "Caspian cable, EUR per MW per year")
    var bigger = base
    let c = try #require(bigger.corridors.firstIndex { $0.name == "caspian" })
    bigger.corridors[c].capacity = .constant(1001)
    let gain = try #require(try Planner().plan(bigger).objective) - (plan.objective ?? 0)
    expectClose(caspian.shadowPrice, gain, relative: 1e-6, "shadow price against a re-solve with +1 MW")
  }
}
