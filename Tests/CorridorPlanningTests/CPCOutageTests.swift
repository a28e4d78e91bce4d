// The quarterly CPC outage (models/scenarios/cpc-outage-3-months.toml) against the
// hand derivation in its header (issue #8 item 4 and acceptance).

import CorridorModel
import Testing

@testable import CorridorPlanning

@Suite("CPC outage in one quarter")
struct CPCOutageTests {
  // From the scenario's header, with the base model's prices, tariffs and cost (USD/t):
  //   value per t net of the 70 USD/t cost: CPC 540 − 38 − 70 = 432,
  //   Samara 517.5 − 45 − 70 = 402.5 (the marginal route).
  //   Q1: CPC at 65 %: 47.125 + Aktau 3.6 + China 1.1 + Samara 8.6 = 60.425 Mt/yr move;
  //       78.7 − 60.425 = 18.275 Mt/yr is shut in for a quarter = 4.56875 Mt.
  //   Shut-in crude at the marginal route's value: 4.56875 Mt × 402.5 = 1,838.92 M USD.
  //   Objective: 33,926.85 M (base year) − 2,026.0625 M (CPC loses 6.34375 Mt × 432,
  //   Samara gains 1.775 Mt × 402.5) = 31,900.7875 M USD.
  static let scenario = "models/scenarios/cpc-outage-3-months.toml"

  @Test func shedVolumeAndValueMatchTheHandDerivation() throws {
    let model = try loadShipped(Self.scenario)
    #expect(model.slices.count == 4)
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    let crude = try #require(plan.country("KZ")?.supplied.first)
    let years = plan.totalHours / 8760
    let shed = (crude.available - crude.used) * years  // Mt
    expectClose(shed, 4.56875, relative: 1e-7, "crude shut in, Mt")

    // The marginal route's value per tonne, read from the model's own entries.
    let baltic = try #require(model.market(named: "Baltic")?.price.value(at: 0))
    let samara = try #require(model.corridor(named: "atyrau-samara")?.tariff.value(at: 0))
    let cost = try #require(model.supply(named: "kz-crude")?.cost)
    let perTonne = (baltic - samara - cost) * 8760 / 1e6  // stored per Mt/yr·h → USD/t
    expectClose(perTonne, 402.5, relative: 1e-9, "Samara netback less production cost, USD/t")
    expectClose(shed * 1e6 * perTonne, 1_838_921_875, relative: 1e-7, "value of the shut-in crude, USD")

    expectClose(plan.objective, 31_900_787_500, relative: 1e-9, "objective, USD")
    let cpc = try #require(plan.corridor("cpc"))
    expectClose(cpc.capacity, (0.65 * 72.5 + 3 * 72.5) / 4, relative: 1e-9, "CPC usable capacity, average")
    #expect(cpc.bindingSlices == 4)
    // (3 × 29.5 + 0.65 × 432) / 4 USD/t = 92.325 M USD per Mt/yr of nominal capacity.
    expectClose(cpc.shadowPrice, 92_325_000, relative: 1e-7, "CPC shadow price")
    // Samara binds only in the outage quarter: 402.5 / 4.
    expectClose(plan.corridor("atyrau-samara")?.shadowPrice, 100_625_000, relative: 1e-7, "Samara shadow price")
    // One more Mt/yr of supply is worth 402.5 USD/t in Q2–Q4 and nothing in Q1.
    expectClose(crude.shadowPrice, 301_875_000, relative: 1e-7, "supply shadow price")
  }

  // The loss against the same quarters without the outage is the hand-derived 2,026.06 M
  // USD; and the old scenario, one annual-average availability of 91.25 %, hid the outage:
  // nothing was shut in.
  @Test func outageAgainstTheSameQuartersWithoutIt() throws {
    let model = try loadShipped(Self.scenario)
    let outage = try #require(try Planner().plan(model).objective)
    var calm = model
    let c = try #require(calm.corridors.firstIndex { $0.name == "cpc" })
    calm.corridors[c].availability = 1
    let base = try #require(try Planner().plan(calm).objective)
    expectClose(base, 33_926_850_000, relative: 1e-9, "base year over four quarters, USD")
    expectClose(base - outage, 2_026_062_500, relative: 1e-7, "value lost to the outage, USD")

    var averaged = model
    averaged.corridors[c].availability = 0.9125
    let plan = try Planner().plan(averaged)
    let crude = try #require(plan.country("KZ")?.supplied.first)
    expectClose(crude.used, crude.available, relative: 1e-9, "annual average: nothing shut in")
  }
}
