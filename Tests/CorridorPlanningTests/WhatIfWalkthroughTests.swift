// docs/what-if-walkthrough.md quotes one figure from several commands and says they agree;
// these tests hold the page to it (the library calls behind `diff`, `contingency` and
// `value`), and run its Swift example.
import CorridorModel
import CorridorPlanning
import Testing

@Suite("What-if walk-through (docs/what-if-walkthrough.md)")
struct WhatIfWalkthroughTests {
  // CPC −50 % by hand: CPC loses 36.25 Mt/yr at its margin 540 − 38 − 70 = 432 USD/t,
  // Atyrau–Samara gains 7.1 Mt/yr at 517.5 − 45 − 70 = 402.5 USD/t; a rate of 1 Mt/yr
  // for the model's one-year slice moves 1 Mt: −36.25 × 432e6 + 7.1 × 402.5e6.
  static let cpcHalfByHand = -36.25 * 432e6 + 7.1 * 402.5e6  // −12,802,250,000 USD

  @Test("CPC −50 %: the diff's change, the derated outage's loss and the hand figure agree")
  func cpcHalf() throws {
    let base = try loadShipped("models/oil-2030.toml")
    let cut = try ModelLoader.load(path: packagePath("models/oil-2030.toml"),
                                   scenario: packagePath("models/scenarios/cpc-minus-50.toml"))
    let diff = PlanDiff(base: try Planner().plan(base), other: try Planner().plan(cut))
    expectClose(diff.objective.delta, Self.cpcHalfByHand, "diff")
    let n1 = try ContingencyAnalysis.run(model: base, options: ContingencyOptions(corridors: ["cpc"], derate: 0.5))
    expectClose(n1.outages.first?.lost, -Self.cpcHalfByHand, "contingency --derate 0.5")
  }

  @Test("Black Sea cable absent: diff, N-1 loss and TOOT are one figure")
  func blackSeaAbsent() throws {
    let path = "models/electricity-2030.toml"
    let base = try loadShipped(path)
    let absent = try ModelLoader.load(path: packagePath(path),
                                      scenario: packagePath("models/scenarios/black-sea-absent.toml"))
    let basePlan = try Planner().plan(base)
    let change = try #require(PlanDiff(base: basePlan, other: try Planner().plan(absent)).objective.delta)
    #expect(change < 0)
    let n1 = try ContingencyAnalysis.run(model: base, options: ContingencyOptions(corridors: ["black-sea"]))
    expectClose(n1.outages.first?.lost, -change, "contingency")
    let worth = try CorridorValuation(session: try PlanningSession(model: base)).worth(of: ["black-sea"])
    expectClose(worth.first?.toot.value, -change, "TOOT")
    expectClose(worth.first?.pint.value, -change, "PINT (one corridor studied: the same runs)")
    // The objective is the sum of the countries' net values (tariffs are costs in both), so
    // the countries' changes add up to the system's, whichever optimal split the runs found.
    let countries = worth.first?.toot.countries.compactMap(\.change).reduce(0, +)
    expectClose(countries, -change, "the countries' TOOT changes, summed")
  }

  @Test("The page's Swift example runs and gives its figures")
  func swiftExample() throws {
    let oil = try ModelLoader.load(path: packagePath("models/oil-2030.toml"))
    let n1 = try ContingencyAnalysis.run(model: oil, options: ContingencyOptions(corridors: ["cpc"], derate: 0.5))
    expectClose(n1.outages[0].lost, 12_802_250_000, "n1.outages[0].lost")
    let session = try PlanningSession(model: oil)
    _ = try session.solve()
    try session.apply([.capacity(corridor: "cpc", .constant(36.25))])
    expectClose(try session.solve().objective, 21_124_600_000, "the edited session's objective")
    #expect(session.solves.last?.warm == true)
  }
}
