// Investment models (issue #11): the hand-derived fixtures of
// Fixtures/investment/*.toml, each planned and matched against the optimum derived in the
// file's comments (redone by hand from the model, not copied from the solver's output).
//
// Money is EUR over the horizon (each planning year's money × its multiplier); sizes are
// MW; years are calendar years. Everything is compared at 1e-9 relative (floor 1 unit ·
// 1e-9, see `isClose`). Where a test moves an input (a cost, a date, the discount rate), it
// edits the loaded model, so the moved optimum is a second, independent derivation.

import CorridorModel
import Foundation
import LinearProgramming
import Testing

@testable import CorridorPlanning

/// The folder of the investment fixtures, package-relative.
let investmentFixtures = "Tests/CorridorPlanningTests/Fixtures/investment/"

/// Loads one investment fixture.
func loadInvestmentFixture(_ name: String) throws -> Model {
  try loadShipped(investmentFixtures + name)
}

extension Plan {
  /// The builds of one entry (corridor or storage), in year order.
  func builds(_ name: String) -> [InvestmentResult] { investments.filter { $0.name == name } }
  /// The plan's figures of one planning year.
  func year(_ y: Int) -> YearResult? { years.first { $0.year == y } }
}

@Suite("Investment models: hand-derived optima")
struct InvestmentTests {

  // MARK: (a) break-even

  /// The break-even cost C* = 8,501,760 EUR (a-break-even.toml): 3,600,000 EUR of yearly
  /// margin after O&M over the annuity factor 0.25 / 0.5904 (25 %, 4 years).
  static let breakEven = 8_501_760.0

  /// The fixture with the project's total cost set to `cost`.
  func breakEvenModel(cost: Double) throws -> Model {
    var model = try loadInvestmentFixture("a-break-even.toml")
    let c = try #require(model.corridors.firstIndex { $0.name == "cable" })
    #expect(model.corridors[c].build?.costPerOption.map { isClose($0[0], Self.breakEven) } == true,
            "the file's cost is the derived break-even cost")
    model.corridors[c].build?.costPerOption = [cost]
    return model
  }

  /// At C*: building and not building are worth the same 3,800,000 EUR.
  @Test func breakEvenCostGivesTheSameValueEitherWay() throws {
    let plan = try Planner().plan(breakEvenModel(cost: Self.breakEven))
    #expect(plan.status == .optimal && plan.isMixedInteger)
    expectClose(plan.objective, 3_800_000, "objective at the break-even cost")
    // The tie is not pinned; what the plan reports must be consistent with what it chose.
    let built = plan.builds("cable")
    #expect(built.count <= 1)
    expectClose(plan.corridor("cable")?.flow, built.isEmpty ? 100 : 200, "cable flow with what was chosen")
    expectClose(plan.corridor("cable")?.shadowPrice, 38_000, "cable shadow price (decision fixed)")
  }

  @Test func justAboveBreakEvenIsNotBuilt() throws {
    let plan = try Planner().plan(breakEvenModel(cost: Self.breakEven * (1 + 1e-6)))
    #expect(plan.status == .optimal)
    #expect(plan.builds("cable").isEmpty, "built above break-even: \(plan.investments.map(\.size))")
    expectClose(plan.objective, 3_800_000, "objective without the project")
    expectClose(plan.corridor("cable")?.flow, 100, "cable flow")
    expectClose(plan.corridor("cable")?.shadowPrice, 38_000, "cable shadow price")
  }

  @Test func justBelowBreakEvenIsBuilt() throws {
    let plan = try Planner().plan(breakEvenModel(cost: Self.breakEven * (1 - 1e-6)))
    #expect(plan.status == .optimal)
    let b = try #require(plan.builds("cable").first, "not built below break-even")
    #expect(plan.builds("cable").count == 1 && b.year == nil)
    expectClose(b.size, 100, "size")
    expectClose(b.investment, Self.breakEven * (1 - 1e-6), "investment")
    // annuity 3,600,000 (1 − 1e-6) + O&M 200,000, paid once in a one-year model.
    expectClose(b.yearlyCost, 3_600_000 * (1 - 1e-6) + 200_000, "yearly cost")
    expectClose(b.objectiveCost, 3_600_000 * (1 - 1e-6) + 200_000, "cost in the objective (one year)")
    // 2 × 3,800,000 − 200,000 − 3,600,000 (1 − 1e-6) = 3,800,003.6
    expectClose(plan.objective, 3_800_003.6, "objective with the project")
    expectClose(plan.corridor("cable")?.flow, 200, "cable flow")
  }

  // MARK: (b) three sizes

  @Test func choosesTheMiddleOfThreeSizes() throws {
    let model = try loadInvestmentFixture("b-three-sizes.toml")
    #expect(model.corridors[0].build?.choice == .sizes([100, 200, 400]), "0.4 GW is 400 MW")
    #expect(model.corridors[0].build?.costPerOption == [20e6, 60e6, 120e6], "0.12 GEUR is 120 MEUR")
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal && plan.isMixedInteger && plan.provenOptimal)
    expectClose(plan.objective, 3_800_000, "objective")
    let built = plan.builds("cable")
    #expect(built.count == 1)
    let b = try #require(built.first)
    expectClose(b.size, 200, "size chosen")
    expectClose(b.investment, 60_000_000, "investment")
    expectClose(b.yearlyCost, 6_200_000, "yearly cost (annuity 6,000,000 + O&M 200,000)")
    expectClose(b.objectiveCost, 6_200_000, "cost in the objective")
    expectClose(plan.corridor("cable")?.flow, 200, "cable flow")
    expectClose(plan.corridor("cable")?.shadowPrice, 50_000, "cable shadow price (size fixed)")
    expectClose(plan.bestBound, 3_800_000, "best bound")
    expectClose(plan.gap, 0, "gap")
  }

  /// Each size on its own (the others removed): the table of the derivation, line by line.
  @Test(arguments: [(100.0, 20e6, 2_900_000.0), (200, 60e6, 3_800_000), (400, 120e6, 2_600_000)])
  func eachSizeAlone(size: Double, cost: Double, net: Double) throws {
    var model = try loadInvestmentFixture("b-three-sizes.toml")
    model.corridors[0].build?.choice = .sizes([size])
    model.corridors[0].build?.costPerOption = [cost]
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    expectClose(plan.objective, net, "objective with only \(size) MW")
    expectClose(plan.builds("cable").first?.size, size, "built")
  }

  // MARK: (c) commissioning year

  @Test func aLateCommissioningDateShiftsTheChoice() throws {
    let plan = try Planner().plan(loadInvestmentFixture("c-commissioning.toml"))
    #expect(plan.status == .optimal && plan.provenOptimal)
    expectClose(plan.objective, 30_000_000, "objective (a only from 2035)")
    #expect(plan.builds("a").isEmpty, "a built: \(plan.builds("a").map { ($0.year, $0.size) })")
    let b = try #require(plan.builds("b").first)
    #expect(plan.builds("b").count == 1 && b.year == 2030 && b.servedYears == [2030, 2035])
    expectClose(b.size, 100, "b size")
    expectClose(b.yearlyCost, 2_000_000, "b yearly cost")
    expectClose(b.objectiveCost, 20_000_000, "b cost in the objective (2,000,000 × (5 + 5))")
    for y in [2030, 2035] {
      expectClose(plan.year(y)?.operatingValue, 5_000_000, "operating value \(y)")
      expectClose(plan.year(y)?.investmentCost, 2_000_000, "investment cost \(y)")
      expectClose(plan.year(y)?.multiplier, 5, "multiplier \(y)")
    }
  }

  @Test func withoutTheDateTheCheaperRouteIsBuiltFirst() throws {
    var model = try loadInvestmentFixture("c-commissioning.toml")
    let a = try #require(model.corridors.firstIndex { $0.name == "a" })
    #expect(model.corridors[a].build?.availableFrom == 2035)
    model.corridors[a].build?.availableFrom = nil
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 40_000_000, "objective (a from 2030)")
    #expect(plan.builds("b").isEmpty)
    let built = plan.builds("a")
    #expect(built.count == 1 && built.first?.year == 2030, "\(built.map { ($0.year, $0.size) })")
  }

  /// A scenario moves a date in a few lines (c-scenario-b-late.toml): both routes from 2035.
  @Test func aScenarioMakesTheOtherRouteLateToo() throws {
    let model = try loadInvestmentFixture("c-scenario-b-late.toml")
    #expect(model.corridors.first { $0.name == "b" }?.build?.availableFrom == 2035)
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 20_000_000, "objective (a and b from 2035)")
    #expect(plan.builds("b").isEmpty)
    let a = try #require(plan.builds("a").first)
    #expect(plan.builds("a").count == 1 && a.year == 2035 && a.servedYears == [2035])
    expectClose(plan.year(2030)?.operatingValue, 0, "nothing carried in 2030")
    expectClose(plan.year(2035)?.operatingValue, 5_000_000, "2035 operating value")
  }

  // MARK: (d) discounting over three years

  @Test func threeDiscountedYears() throws {
    let model = try loadInvestmentFixture("d-discounting.toml")
    let h = try #require(model.horizon)
    #expect(h.years.map(\.year) == [2030, 2032, 2034] && h.years.map(\.weight) == [2, 2, 2])
    for (y, m) in zip(h.years, [1.8, 1.152, 0.73728]) { expectClose(y.multiplier, m, "multiplier \(y.year)") }
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 17_752_320, "objective")
    let b = try #require(plan.builds("cable").first)
    #expect(plan.builds("cable").count == 1 && b.year == 2034 && b.servedYears == [2034])
    expectClose(b.size, 100, "size")
    expectClose(b.investment, 100_000_000, "investment")
    expectClose(b.yearlyCost, 5_500_000, "yearly cost (50,000 annuity + 5,000 O&M per MW)")
    expectClose(b.objectiveCost, 4_055_040, "cost in the objective (5,500,000 × 0.73728)")
    for (y, value, cost, m) in [(2030, 4_000_000.0, 0.0, 1.8), (2032, 5_000_000, 0, 1.152), (2034, 12_000_000, 5_500_000, 0.73728)] {
      let r = try #require(plan.year(y))
      expectClose(r.operatingValue, value, "operating value \(y) (one year, undiscounted)")
      expectClose(r.investmentCost, cost, "investment cost \(y)")
      expectClose(r.multiplier, m, "multiplier \(y) in the plan")
      #expect(r.weight == 2)
    }
    expectClose(plan.year(2034)?.corridors.first?.capacity, 200, "capacity 2034 (100 + 100 built)")
    expectClose(plan.year(2032)?.corridors.first?.capacity, 100, "capacity 2032")
  }

  /// The same model without discounting (rate 0: multipliers = weights 2, 2, 2).
  @Test func threeYearsUndiscounted() throws {
    var model = try loadInvestmentFixture("d-discounting.toml")
    let h = try #require(model.horizon)
    model.horizon = Horizon(calendarYears: h.years.map(\.year), discountRate: 0, yearSlices: h.yearSlices)
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 31_000_000, "objective undiscounted")
    let built = plan.builds("cable")
    #expect(built.count == 1 && built.first?.year == 2034, "\(built.map { ($0.year, $0.size) })")
    expectClose(built.first?.size, 100, "size")
  }

  // MARK: (e) lifetime beyond the horizon

  @Test func aLifetimeBeyondTheHorizonPaysAnnuitiesNotTheFullCost() throws {
    let model = try loadInvestmentFixture("e-long-lifetime.toml")
    let option = try #require(model.corridors[0].build)
    // 0.05 / (1 − 1.05^−40), the factor written out by hand in the fixture.
    expectClose(BuildOption.annuityFactor(rate: option.discountRate, lifetime: option.lifetime), 0.058278161166035, "annuity factor")
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 121_721_838.833965, "objective")
    let b = try #require(plan.builds("cable").first)
    #expect(plan.builds("cable").count == 1 && b.year == 2030 && b.servedYears == [2030, 2035])
    expectClose(b.size, 100, "size")
    expectClose(b.investment, 100_000_000, "investment (overnight)")
    expectClose(b.yearlyCost, 5_827_816.1166035, "yearly cost (annuity)")
    expectClose(b.objectiveCost, 58_278_161.166035, "cost in the objective: 10 years of annuity")
    #expect(b.objectiveCost < b.investment, "the full cost must not be charged")
  }

  // MARK: (f) storage against a cable

  @Test func storageSizedAgainstTheCable() throws {
    let model = try loadInvestmentFixture("f-storage-vs-cable.toml")
    // 300 EUR/MWh × 12 h = 3,600 EUR per MW of power.
    expectClose(model.storages[0].build?.costPerUnit, 3_600, "battery cost per MW")
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 64_000, "objective")
    let cable = try #require(plan.builds("cable").first)
    let battery = try #require(plan.builds("battery").first)
    #expect(plan.investments.count == 2 && cable.kind == "corridor" && battery.kind == "storage")
    expectClose(cable.size, 40, "cable enlargement")
    expectClose(battery.size, 100, "battery power")
    expectClose(battery.energy, 1_200, "battery energy (100 MW × 12 h)")
    expectClose(cable.objectiveCost, 20_000, "cable cost (40 × 500)")
    expectClose(battery.objectiveCost, 36_000, "battery cost (100 × 360)")
    let line = try #require(plan.corridor("cable"))
    expectClose(line.peakFlow, 100, "cable peak flow (60 + 40)")
    expectClose(line.flow, 100, "cable flow, both slices full")
    let st = try #require(plan.storages.first { $0.name == "battery" })
    expectClose(st.charged, 50, "average charge (100 MW by day)")
    expectClose(st.discharged, 50, "average discharge (100 MW at night)")
  }

  @Test func expensiveStorageLosesToTheCable() throws {
    var model = try loadInvestmentFixture("f-storage-vs-cable.toml")
    model.storages[0].build?.costPerUnit = 7_200  // 600 EUR/MWh × 12 h
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    expectClose(plan.objective, 50_000, "objective")
    #expect(plan.builds("battery").isEmpty, "battery built: \(plan.builds("battery").map(\.size))")
    expectClose(plan.builds("cable").first?.size, 140, "cable enlargement")
  }

  // MARK: (g) storage within each year

  @Test func storageDoesNotCarryEnergyAcrossYears() throws {
    let model = try loadInvestmentFixture("g-storage-within-year.toml")
    #expect(model.slices.map(\.name) == ["2030/a", "2030/b", "2035/a", "2035/b"])
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal && !plan.isMixedInteger)
    expectClose(plan.objective, 100_000, "objective")
    expectClose(plan.year(2030)?.operatingValue, 20_000, "2030 operating value")
    expectClose(plan.year(2035)?.operatingValue, 0, "2035 operating value: nothing carried over")
    expectClose(plan.market("az")?.delivered, 50, "average delivery (100 MW in 2030, 0 in 2035)")
  }

  // MARK: Money units and year weights, as the loader reads them

  /// A two-node model with one corridor build option and one storage build option, given
  /// their money entries.
  func moneyModel(corridor: String, storage: String, header: String = "") -> String {
    """
    [model]
    name = "money"
    currency = "EUR"
    \(header)
    [nodes.KZ]
    kind = "country"
    [nodes.AZ]
    kind = "market"
    [supply.kz]
    country = "KZ"
    commodity = "electricity"
    volume = "100 MW"
    [corridors.cable]
    from = "KZ"
    to = "AZ"
    commodity = "electricity"
    capacity = "100 MW"
    [corridors.cable.build]
    max = "1 GW"
    lifetime = 40
    \(corridor)
    [storage.bat]
    node = "KZ"
    commodity = "electricity"
    power = "0 MW"
    energy = "0 MWh"
    [storage.bat.build]
    max = "100 MW"
    duration = "4 h"
    lifetime = 15
    \(storage)
    [markets.az]
    node = "AZ"
    commodity = "electricity"
    price = "50 EUR/MWh"
    """
  }

  /// Money per GW, per GWh, per year and in another currency, converted by hand to EUR per MW.
  @Test func moneyUnitsConvertToTheModelCurrencyPerCommodityUnit() throws {
    // 2.7 MEUR/GW = 2,700,000 EUR / 1000 MW = 2,700 EUR/MW; 30 kEUR/GW/yr = 30 EUR/MW/yr;
    // 0.25 MEUR/GWh = 250 EUR/MWh, × 4 h of storage per MW = 1,000 EUR/MW.
    let m = try loadModelText(moneyModel(corridor: "cost = \"2.7 MEUR/GW\"\nfixed-om = \"30 kEUR/GW/yr\"",
                                    storage: "cost = \"0.25 MEUR/GWh\"\nfixed-om = \"1 kEUR/MW/yr\""))
    expectClose(m.corridors[0].build?.costPerUnit, 2_700, "corridor cost per MW")
    expectClose(m.corridors[0].build?.fixedOM, 30, "corridor O&M per MW and year")
    expectClose(m.storages[0].build?.costPerUnit, 1_000, "storage cost per MW (per MWh × 4 h)")
    expectClose(m.storages[0].build?.fixedOM, 1_000, "storage O&M per MW and year")
    // 2 MUSD/MW at 1 USD = 0.9 EUR: 1,800,000 EUR/MW; 1.5 GUSD total on a project: 1.35 GEUR.
    let usd = try loadModelText(moneyModel(corridor: "cost = \"2 MUSD/MW\"", storage: "cost = \"1 kEUR/MW\"",
                                      header: "exchange-rates = { USD = 0.9 }"))
    expectClose(usd.corridors[0].build?.costPerUnit, 1_800_000, "USD cost in EUR per MW")
  }

  /// Explicit year weights: years 2030 and 2033 standing for 3 and 2 years at 25 %:
  /// 2030: 1 + 0.8 + 0.64 = 2.44; 2033: 1.25^-3 + 1.25^-4 = 0.512 + 0.4096 = 0.9216.
  @Test func explicitYearWeightsSetTheMultipliers() throws {
    let text = moneyModel(corridor: "cost = \"1 MEUR/MW\"", storage: "cost = \"1 kEUR/MW\"")
      .replacingOccurrences(of: "[nodes.KZ]", with: "[time]\nyears = [2030, 2033]\nyear-weights = [3, 2]\ndiscount-rate = \"25 %\"\n[nodes.KZ]")
    let h = try #require(try loadModelText(text).horizon)
    #expect(h.years.map(\.weight) == [3, 2])
    expectClose(h.years.first?.multiplier, 2.44, "multiplier 2030")
    expectClose(h.years.last?.multiplier, 0.9216, "multiplier 2033")
  }
}
