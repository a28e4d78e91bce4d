// PlanDiff on plans built by hand (no solver): what is listed, what is not, and why.
// One end-to-end check on a shipped model (CPC −50 %) whose change is derived by hand
// from the model file.

import CorridorModel
import LinearProgramming
import Testing

@testable import CorridorPlanning

/// A one-corridor plan, KZ → RO, with a min-share rule on it and one custom constraint;
/// every figure can be moved by the caller.
private func plan(
  flow: Double = 400, capacity: Double = 1000, shadowPrice: Double = 0, ruleBinding: Bool = false,
  ruleDual: Double = 0, extraCorridor: Bool = false, hasPoint: Bool = true, objective: Double = 40_000
) -> Plan {
  var corridors = [
    CorridorResult(name: "cable", commodity: "electricity", unit: "MW", from: "KZ", to: "RO", enabled: true,
                   capacity: capacity, flow: flow, peakFlow: flow, utilization: flow / capacity,
                   shadowPrice: shadowPrice, bindingSlices: flow >= capacity ? 1 : 0,
                   byCountry: [CountryFlow(country: "KZ", flow: flow)], lossFraction: 0)
  ]
  if extraCorridor {
    corridors.append(
      CorridorResult(name: "second", commodity: "electricity", unit: "MW", from: "KZ", to: "RO", enabled: true,
                     capacity: 200, flow: 50, peakFlow: 50, utilization: 0.25, shadowPrice: 0, bindingSlices: 0,
                     byCountry: [CountryFlow(country: "KZ", flow: 50)], lossFraction: 0))
  }
  let shipped = flow + (extraCorridor ? 50 : 0)
  return Plan(
    modelName: "hand", scenarios: [], currency: "EUR", objectiveKind: .maxValue, status: hasPoint ? .optimal : .infeasible,
    objective: hasPoint ? objective : nil,
    stages: [Plan.Stage(name: "value", sense: .maximize, status: .optimal, objective: objective, iterations: 3)],
    certificate: nil, totalHours: 100, slices: [TimeSlice(name: "all", hours: 100)],
    corridors: corridors,
    countries: [
      CountryResult(name: "KZ", supplied: [SupplyUse(commodity: "electricity", unit: "MW", used: shipped, available: 2000)],
                    byCorridor: [CorridorFlow(corridor: "cable", flow: flow)],
                    byMarket: [MarketSale(market: "RO", delivered: shipped, revenue: shipped * 100)],
                    revenue: shipped * 100, supplyCost: 0, tariffs: 0, storageWear: 0)
    ],
    markets: [
      MarketResult(name: "RO", node: "RO", commodity: "electricity", unit: "MW", delivered: shipped, volume: nil,
                   revenue: shipped * 100, averagePrice: 1, priceUnit: "MWh", shadowPrice: 0,
                   byCountry: [CountryFlow(country: "KZ", flow: shipped)])
    ],
    storages: [],
    rules: [
      RuleResult(name: "kz-min", kind: .minShare, target: 0.5, achieved: 1, binding: ruleBinding, dual: ruleDual,
                 note: "KZ on cable", unit: "fraction", flowUnit: "MW",
                 byCountry: [CountryFlow(country: "KZ", flow: 1)])
    ],
    constraints: [
      ConstraintResult(name: "cap", expression: "flow[KZ, cable] <= 900 MW", per: "slice", activity: flow, rhs: 900,
                       bindingRows: flow >= 900 ? 1 : 0, dual: 0, unit: "MW")
    ],
    warnings: [], timings: Plan.Timings(), size: LPSize(variables: 3, constraints: 3, nonZeros: 4),
    hasPoint: hasPoint, hasDuals: hasPoint)
}

@Suite("PlanDiff of hand-built plans")
struct PlanDiffTests {
  @Test func aPlanAgainstItselfIsEmpty() {
    let d = PlanDiff(base: plan(), other: plan())
    #expect(d.isEmpty)
    #expect(d.corridors.isEmpty && d.countries.isEmpty && d.markets.isEmpty && d.rules.isEmpty && d.constraints.isEmpty)
    #expect(d.objective.changed == false)
    // --all lists every entry, with nothing changed in it.
    let all = PlanDiff(base: plan(), other: plan(), all: true)
    #expect(all.corridors.map(\.name) == ["cable"])
    #expect(all.corridors[0].flow == Change(400, 400, tolerance: 1e-6))
    #expect(all.corridors[0].flow.changed == false)
  }

  /// The tolerance is `tol · max(1, |before|, |after|)`: at 400 MW and 1e-6 that is 4e-4 MW.
  @Test func aFlowChangeBeyondTheToleranceIsListedAndOneWithinIsNot() throws {
    let within = PlanDiff(base: plan(flow: 400), other: plan(flow: 400 + 3.9e-4, objective: 40_000))
    #expect(within.corridors.isEmpty, "Δ 3.9e-4 MW ≤ 1e-6 · 400: \(within.corridors.map(\.name))")
    let beyond = PlanDiff(base: plan(flow: 400), other: plan(flow: 400 + 4.1e-4, objective: 40_000))
    let c = try #require(beyond.corridors.first)
    #expect(c.name == "cable" && c.presence == .both)
    #expect(c.flow.changed)
    #expect(abs((c.flow.delta ?? 0) - 4.1e-4) < 1e-12)
    // Unchanged figures of a listed entry stay in it, marked unchanged.
    #expect(c.capacity.changed == false && c.capacity.before == 1000)
    // The same change under a coarser tolerance is not listed.
    #expect(PlanDiff(base: plan(flow: 400), other: plan(flow: 400.039), tolerance: 1e-4).corridors.isEmpty)
    // Below 1 the tolerance is absolute: 0 → 2e-6 is a change at 1e-6.
    #expect(PlanDiff.changed(0, 2e-6, tolerance: 1e-6))
    #expect(!PlanDiff.changed(0, 0.9e-6, tolerance: 1e-6))
    #expect(PlanDiff.changed(nil, 0, tolerance: 1e-6), "a figure on one side only has changed")
    #expect(!PlanDiff.changed(nil, nil, tolerance: 1e-6))
  }

  @Test func aRuleThatStartsBindingIsListedEvenIfNoNumberMoves() throws {
    let d = PlanDiff(base: plan(ruleBinding: false), other: plan(ruleBinding: true))
    let r = try #require(d.rules.first)
    #expect(d.rules.count == 1 && r.name == "kz-min")
    #expect(r.binding.before == false && r.binding.after == true && r.binding.transition == "starts")
    #expect(!r.achieved.changed && !r.dual.changed)
    #expect(!d.isEmpty)
    let stops = PlanDiff(base: plan(ruleBinding: true, ruleDual: -5), other: plan(ruleBinding: false, ruleDual: 0))
    #expect(stops.rules.first?.binding.transition == "stops")
    #expect(stops.rules.first?.dual.delta == 5)
    // A constraint that starts binding: its activity reaches the rhs of 900 MW.
    let c = PlanDiff(base: plan(flow: 400), other: plan(flow: 900)).constraints
    #expect(c.map(\.name) == ["cap"] && c.first?.binding.transition == "starts")
  }

  @Test func anAddedCorridorIsListedAsAddedNotAnError() throws {
    let d = PlanDiff(base: plan(), other: plan(extraCorridor: true))
    let added = try #require(d.corridors.first { $0.name == "second" })
    #expect(added.presence == .added)
    #expect(added.flow.before == nil && added.flow.after == 50 && added.flow.changed)
    #expect(added.byCountry.map(\.key) == ["KZ"] && added.byCountry.first?.change.before == nil)
    #expect(d.corridors.first { $0.name == "cable" } == nil, "the unchanged corridor is not listed")
    // KZ ships 50 MW more: its volume changes 400 → 450 MW.
    let kz = try #require(d.countries.first)
    #expect(kz.volume.first?.key == "electricity" && kz.volume.first?.change.delta == 50)
    // The other way round it is removed.
    let back = PlanDiff(base: plan(extraCorridor: true), other: plan())
    #expect(back.corridors.first { $0.name == "second" }?.presence == .removed)
  }

  @Test func aPlanWithoutAPointHasNoFiguresAndEveryOneChanged() throws {
    let d = PlanDiff(base: plan(), other: plan(hasPoint: false))
    #expect(d.objective.before == 40_000 && d.objective.after == nil && d.objective.changed)
    let c = try #require(d.corridors.first)
    #expect(c.flow.after == nil && c.shadowPrice.after == nil && c.binding.after == nil)
    #expect(c.capacity.changed == false, "capacity is an input: it exists without a solution")
  }

  @Test func aCountrysShareUnderARuleIsDiffed() throws {
    var other = plan()
    other.rules[0].achieved = 0.6
    other.rules[0].byCountry = [CountryFlow(country: "KZ", flow: 0.6)]
    let d = PlanDiff(base: plan(), other: other)
    let share = try #require(d.countries.first?.shares.first)
    #expect(share.key == "kz-min" && share.unit == "fraction")
    #expect(share.change.before == 1 && share.change.after == 0.6)
  }
}

@Suite("PlanDiff of a shipped scenario, derived by hand")
struct PlanDiffShippedTests {
  /// ``RuleResult/byCountry``, which the diff reads for a country's share, against the
  /// figures the fiber files state: the UZ floor of 25 % binds in fiber-2030 (UZ 6 of the
  /// 24 Tbps crossing); the fair split gives KZ 16.35 of 18 and UZ 5.45 of 6 Tbps, both
  /// 21.8 / 24 = 0.908333… of their demand.
  @Test func ruleByCountry() throws {
    let fiber = try Planner().plan(loadShipped("models/fiber-2030.toml"))
    let floor = try #require(fiber.rules.first { $0.name == "uz-caspian-min" })
    #expect(floor.byCountry.map(\.country) == ["UZ"])
    expectClose(floor.byCountry.first?.flow, 0.25, relative: 1e-7, "UZ share")
    expectClose(floor.byCountry.first?.flow, floor.achieved ?? .nan, "UZ share = achieved")
    let fair = try Planner().plan(loadShipped("models/scenarios/fiber-fair-split.toml"))
    let rule = try #require(fair.rules.first { $0.name == "fair-crossing" })
    #expect(rule.byCountry.map(\.country) == ["KZ", "UZ"])
    for level in rule.byCountry { expectClose(level.flow, 21.8 / 24, relative: 1e-7, "\(level.country) level") }
  }

  /// CPC −50 % (models/scenarios/cpc-minus-50.toml) against the oil model, by hand from
  /// models/oil-2030.toml (no losses, one slice of a year, so Mt/yr × 1 yr = Mt):
  /// margins (price − tariff − 70 USD/t supply cost): CPC 540 − 38 − 70 = 432 USD/t,
  /// Samara 517.5 − 45 − 70 = 402.5 USD/t, the lowest, so Samara takes what is left.
  /// Base: 78.7 Mt/yr supply; CPC 72.5 + Aktau 3.6 + China 1.1 = 77.2 full, Samara 1.5.
  /// CPC −50 %: 36.25 + 3.6 + 1.1 + 8.6 = 49.55 < 78.7, every route full, Samara 8.6.
  /// So CPC −36.25, Samara +7.1 Mt/yr, and the objective changes by
  /// −36.25 · 432 + 7.1 · 402.5 = −15,660 + 2,857.75 = −12,802.25 M USD.
  @Test func cpcMinus50() throws {
    let base = try Planner().plan(loadShipped("models/oil-2030.toml"))
    let other = try Planner().plan(ModelLoader.load(path: packagePath("models/oil-2030.toml"),
                                                    scenario: packagePath("models/scenarios/cpc-minus-50.toml")))
    let d = PlanDiff(base: base, other: other)
    expectClose(d.objective.delta, -12_802_250_000, "objective change, USD")
    let cpc = try #require(d.corridors.first { $0.name == "cpc" })
    expectClose(cpc.flow.delta, -36.25, "cpc flow change, Mt/yr")
    let samara = try #require(d.corridors.first { $0.name == "atyrau-samara" })
    expectClose(samara.flow.before, 1.5, "Samara before")
    expectClose(samara.flow.delta, 7.1, "Samara flow change, Mt/yr")
    #expect(samara.binding.transition == "starts")
    // Full once every route binds: its shadow price is its whole margin, 402.5 USD/t = 402.5e6 USD/(Mt/yr).
    expectClose(samara.shadowPrice.after, 402_500_000, "Samara shadow price after")
    let kz = try #require(d.countries.first { $0.name == "KZ" })
    expectClose(kz.volume.first?.change.delta, 49.55 - 78.7, "KZ volume change (shut in), Mt/yr")
    // Corridors whose flow and price did not move are not listed (aktau-baku, btc, baku-supsa carry the same).
    #expect(d.corridors.allSatisfy { $0.flow.changed || $0.shadowPrice.changed || $0.binding.changed || $0.capacity.changed })
  }
}
