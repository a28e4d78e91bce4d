// Issue #8 item 2: per-horizon quantities of a mass-flow commodity in its amount unit.
//
// The LP keeps amounts in rate-hours (Mt/yr · h); a Mt is 8,760 of them. Storage
// levels and the activity, right-hand side and dual of per-horizon custom
// constraints must reach the Plan in Mt and USD/Mt, not in rate-hours.

import CorridorModel
import Foundation
import Testing

@testable import CorridorPlanning

@Suite("Amount units for mass-flow commodities (issue #8 item 2)")
struct AmountUnitTests {

  // Two half-years "low" and "high" (4,380 h each); crude in Mt/yr.
  // KZ: 10 Mt/yr free; pipe KZ → M 11 Mt/yr; M pays 400 USD/t in low, 500 USD/t in high.
  // Tank at KZ: 2 Mt/yr in or out, 0.5 Mt, no loss, no wear.
  // Yearly cap (per horizon): flow[KZ, pipe] ≤ 9.5 Mt.
  //   High: the pipe is full at 11 Mt/yr = 10 supplied + 1 from the tank; 11 · 0.5 yr = 5.5 Mt.
  //   The tank needs 1 Mt/yr · 0.5 yr = 0.5 Mt: charged in low at 1 Mt/yr, full at 0.5 Mt.
  //   Low: the cap leaves 9.5 − 5.5 = 4 Mt = 8 Mt/yr · 0.5 yr shipped (supply used 9 Mt/yr).
  //   Value: 5.5 Mt · 500 USD/t + 4 Mt · 400 USD/t = 2.75 + 1.6 = 4.35 bn USD.
  //   Cap: activity = rhs = 9.5 Mt. One more Mt under the cap is shipped in low (supply has
  //   room, the pipe too) at 400 USD/t: dual 400,000,000 USD/Mt (the worth of a looser cap).
  //   Tank peak level: 0.5 Mt (the level cycles 0.5 → 0; it cannot start higher: 0.5 Mt is
  //   the tank).
  static let toml = """
    [model]
    name = "oil units"
    currency = "USD"
    objective = "max-value"

    [time]
    slices = [ { name = "low", hours = "4380 h" }, { name = "high", hours = "4380 h" } ]

    [commodities.crude]
    family = "mass-flow"
    unit = "Mt/yr"

    [nodes.KZ]
    kind = "country"

    [nodes.M]
    kind = "market"

    [supply.kz]
    country = "KZ"
    commodity = "crude"
    volume = "10 Mt/yr"

    [corridors.pipe]
    from = "KZ"
    to = "M"
    commodity = "crude"
    capacity = "11 Mt/yr"

    [markets.M]
    node = "M"
    commodity = "crude"
    price = { csv = "prices.csv", column = "M", unit = "USD/t" }

    [storage.tank]
    node = "KZ"
    owner = "KZ"
    commodity = "crude"
    power = "2 Mt/yr"
    energy = "0.5 Mt"
    efficiency = "100 %"

    [constraints.yearly-cap]
    expr = "flow[KZ, pipe] <= 9.5 Mt"
    per = "horizon"
    """

  func load() throws -> Model {
    try loadModelText(Self.toml, files: ["prices.csv": "slice,M\nlow,400\nhigh,500\n"])
  }

  @Test func storageAndYearlyCapInMegatonnes() throws {
    let plan = try Planner().plan(load())
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 4.35e9, "value")
    let tank = try #require(plan.storages.first)
    #expect(tank.amountUnit == "Mt")
    expectClose(tank.peakLevel, 0.5, "tank peak level (Mt)")
    expectClose(tank.charged, 0.5, "tank average charge (Mt/yr)")
    let cap = try #require(plan.constraint("yearly-cap"))
    #expect(cap.unit == "Mt")
    expectClose(cap.activity, 9.5, "cap activity (Mt)")
    expectClose(cap.rhs, 9.5, "cap right-hand side (Mt)")
    expectClose(cap.dual, 400_000_000, relative: 1e-7, "cap dual (USD per Mt)")
    #expect(cap.binding)
  }

  // Electricity is unchanged: a MW·h is a MWh (FormulationTests' two-slice model: 2,000 MWh,
  // dual 20 EUR/MWh).
  @Test func powerAmountsStayInMegawattHours() throws {
    #expect(Units.amount(fromUnitHours: 2_000, unit: "MW") == 2_000)
    #expect(abs(Units.amount(fromUnitHours: 8_760, unit: "Mt/yr") - 1) < 1e-12)
  }
}
