// Plans built by hand (no solver): the inputs of the report goldens.

import CorridorModel
import LinearProgramming

@testable import CorridorPlanning
@testable import LinearProgramming

enum SamplePlans {
  /// Teaching model (a), models/teaching/01-compounding-losses.toml, with the figures
  /// derived in its comments: KZ sends 400 MW over caspian (4 % loss), 384 MW enter
  /// black-sea (5 % loss), 364.8 MW reach RO at 100 EUR/MWh over 1000 h.
  static let compoundingLosses = Plan(
    modelName: "Teaching (a): compounding losses", scenarios: [], currency: "EUR", objectiveKind: .maxValue,
    status: .optimal, objective: 29_760_000,
    stages: [Plan.Stage(name: "value", sense: .maximize, status: .optimal, objective: 29_760_000, iterations: 2)],
    certificate: Certificate(maxBoundViolation: 0, maxRowViolation: 0, maxDualInfeasibility: 0,
                             maxComplementarityViolation: 0, relativeGap: 2.5e-16, maxIntegralityViolation: nil,
                             dualObjective: 29_760_000),
    totalHours: 1000, slices: [TimeSlice(name: "block", hours: 1000)],
    corridors: [
      CorridorResult(name: "caspian", commodity: "electricity", unit: "MW", from: "KZ", to: "AZ", enabled: true,
                     capacity: 400, flow: 400, peakFlow: 400, utilization: 1, shadowPrice: 74_400, bindingSlices: 1,
                     byCountry: [CountryFlow(country: "KZ", flow: 400)], lossFraction: 0.04, nominalCapacity: 400),
      CorridorResult(name: "black-sea", commodity: "electricity", unit: "MW", from: "AZ", to: "RO", enabled: true,
                     capacity: 1000, flow: 384, peakFlow: 384, utilization: 0.384, shadowPrice: 0, bindingSlices: 0,
                     byCountry: [CountryFlow(country: "KZ", flow: 384)], lossFraction: 0.05, nominalCapacity: 1000),
    ],
    countries: [
      CountryResult(name: "KZ", supplied: [SupplyUse(commodity: "electricity", unit: "MW", used: 400, available: 500,
                                                             shadowPrice: 0)],
                    byCorridor: [CorridorFlow(corridor: "caspian", flow: 400), CorridorFlow(corridor: "black-sea", flow: 384)],
                    byMarket: [MarketSale(market: "RO", delivered: 364.8, revenue: 36_480_000)],
                    revenue: 36_480_000, supplyCost: 4_000_000, tariffs: 2_720_000, storageWear: 0),
    ],
    markets: [
      MarketResult(name: "RO", node: "RO", commodity: "electricity", unit: "MW", delivered: 364.8, volume: nil,
                   revenue: 36_480_000, averagePrice: 100, priceUnit: "MWh", shadowPrice: 0,
                   byCountry: [CountryFlow(country: "KZ", flow: 364.8)]),
    ],
    storages: [], rules: [], constraints: [], warnings: [],
    timings: Plan.Timings(build: 0.001, solve: 0.002, extract: 0.0005),
    // 4 flow/delivery/supply columns + 2 fixed capacity columns + 1 available column;
    // the two capacity rows each gain a term on their capacity column.
    size: LPSize(variables: 7, constraints: 5, nonZeros: 10))

  /// Every section at once, over two slices of 24 h (a 48 h horizon): a disabled
  /// corridor, a two-stage objective, storage, all five rule kinds, a per-slice and a
  /// per-horizon constraint, warnings, and names that need CSV quoting and Markdown
  /// pipe escaping. Figures are plausible, not an optimum.
  static let everySection = Plan(
    modelName: "Sampler, \"quoted\" | piped", scenarios: ["base+1", "stress"], currency: "USD",
    objectiveKind: .maxMinFair, status: .optimal, objective: 1_234_567.891,
    stages: [
      Plan.Stage(name: "fairness", sense: .maximize, status: .optimal, objective: 0.75, iterations: 7),
      Plan.Stage(name: "priority order: AZ", sense: .maximize, status: .optimal, objective: 120, iterations: 3),
      Plan.Stage(name: "value", sense: .maximize, status: .optimal, objective: 1_234_567.891, iterations: 5),
    ],
    certificate: Certificate(maxBoundViolation: 1e-12, maxRowViolation: 3e-9, maxDualInfeasibility: 2e-10,
                             maxComplementarityViolation: 0, relativeGap: 1e-15, maxIntegralityViolation: nil,
                             dualObjective: 1_234_567.891),
    totalHours: 48, slices: [TimeSlice(name: "day", hours: 24), TimeSlice(name: "night", hours: 24)],
    corridors: [
      CorridorResult(name: "main", commodity: "electricity", unit: "MW", from: "KZ", to: "RO", enabled: true,
                     capacity: 1_250.5, flow: 1_000.25, peakFlow: 1_250.5, utilization: 1_000.25 / 1_250.5,
                     shadowPrice: 12_345.678, bindingSlices: 1,
                     byCountry: [CountryFlow(country: "KZ", flow: 600.125), CountryFlow(country: "AZ", flow: 400.125),
                                 CountryFlow(country: "UZ", flow: 0)], lossFraction: 0.035,
                     nominalCapacity: 1_316.3),
      CorridorResult(name: "planned", commodity: "electricity", unit: "MW", from: "AZ", to: "RO", enabled: false,
                     capacity: 0, flow: 0, peakFlow: 0, utilization: nil, shadowPrice: 4_000, bindingSlices: 2,
                     byCountry: [CountryFlow(country: "AZ", flow: 0)], lossFraction: 0, nominalCapacity: 0),
      CorridorResult(name: "cable, fiber", commodity: "bandwidth", unit: "Tbps", from: "AZ", to: "RO", enabled: true,
                     capacity: 16, flow: 15.84, peakFlow: 16, utilization: 0.99, shadowPrice: -0.5, bindingSlices: 0,
                     byCountry: [CountryFlow(country: "AZ", flow: 15.84)], lossFraction: 0, nominalCapacity: 16),
    ],
    countries: [
      CountryResult(name: "KZ", supplied: [SupplyUse(commodity: "electricity", unit: "MW", used: 600.125, available: 800)],
                    byCorridor: [CorridorFlow(corridor: "main", flow: 600.125)],
                    byMarket: [MarketSale(market: "RO", delivered: 579.12, revenue: 800_000)],
                    revenue: 800_000, supplyCost: 100_000.5, tariffs: 20_000, storageWear: 0),
      CountryResult(name: "AZ", supplied: [SupplyUse(commodity: "electricity", unit: "MW", used: 450, available: 450),
                                           SupplyUse(commodity: "bandwidth", unit: "Tbps", used: 15.84, available: 18)],
                    byCorridor: [CorridorFlow(corridor: "main", flow: 400.125), CorridorFlow(corridor: "planned", flow: 0),
                                 CorridorFlow(corridor: "cable, fiber", flow: 15.84)],
                    byMarket: [MarketSale(market: "RO", delivered: 386.12, revenue: 554_568.391),
                               MarketSale(market: "EU \"data\"", delivered: 15.84, revenue: 0)],
                    revenue: 554_568.391, supplyCost: 0, tariffs: 0, storageWear: 0.5),
      CountryResult(name: "UZ", supplied: [SupplyUse(commodity: "electricity", unit: "MW", used: 0, available: 300)],
                    byCorridor: [CorridorFlow(corridor: "main", flow: 0)], byMarket: [],
                    revenue: 0, supplyCost: 0, tariffs: 0, storageWear: 0),
    ],
    markets: [
      MarketResult(name: "RO", node: "RO", commodity: "electricity", unit: "MW", delivered: 965.24, volume: 1_000,
                   revenue: 1_354_568.391, averagePrice: 29.236, priceUnit: "MWh", shadowPrice: 0,
                   byCountry: [CountryFlow(country: "KZ", flow: 579.12), CountryFlow(country: "AZ", flow: 386.12)]),
      MarketResult(name: "EU \"data\"", node: "RO", commodity: "bandwidth", unit: "Tbps", delivered: 15.84, volume: nil,
                   revenue: 0, averagePrice: nil, priceUnit: "Tbps/month", shadowPrice: 0,
                   byCountry: [CountryFlow(country: "AZ", flow: 15.84)]),
    ],
    storages: [StorageResult(name: "battery", node: "AZ", owner: "AZ", charged: 18.75, discharged: 15, peakLevel: 360,
                             unit: "MW", amountUnit: "MWh")],
    rules: [
      RuleResult(name: "kz-min", kind: .minShare, target: 0.4, achieved: 0.6, binding: true, dual: -10_000,
                 note: "KZ on main", perSharePoint: -100_000, unit: "fraction", flowUnit: "MW"),
      RuleResult(name: "az-max", kind: .maxShare, target: 0.6, achieved: 0.4, binding: false, dual: 0,
                 note: "AZ on main", perSharePoint: 0, unit: "fraction", flowUnit: "MW"),
      RuleResult(name: "kz-firm", kind: .firm, target: 98, achieved: 98, binding: true, dual: -32_040.816326530612,
                 note: "KZ → RO, every slice", unit: "MW"),
      RuleResult(name: "fair", kind: .fairShare, target: nil, achieved: 0.75, binding: true, dual: nil,
                 note: "KZ 0.75, AZ 0.889 (share of own supply)", unit: "fraction"),
      RuleResult(name: "order", kind: .priority, target: nil, achieved: nil, binding: false, dual: nil,
                 note: "order AZ 120 > KZ 480 | UZ 0", flowUnit: "MW"),
    ],
    constraints: [
      ConstraintResult(name: "kz-rights", expression: "flow[KZ, main] <= 600 MW", per: "slice", activity: 600.125,
                       rhs: 600, bindingRows: 2, dual: 5_000, unit: "MW"),
      ConstraintResult(name: "energy", expression: "flow[AZ, main] <= 2000 MWh", per: "horizon", activity: 1_900,
                       rhs: 2_000, bindingRows: 0, dual: 0, unit: "MWh"),
    ],
    warnings: ["models/x.toml:12: warning: market 'island' cannot be reached", "a note, with a comma"],
    timings: Plan.Timings(build: 0.25, solve: 1.5, extract: 0.125),
    size: LPSize(variables: 42, constraints: 37, nonZeros: 120))

  /// A model with no feasible point: status infeasible, no objective, no certificate;
  /// its flows are kept at 0 as the planner keeps them, and must be shown as missing.
  static let infeasible = Plan(
    modelName: "infeasible firm rule", scenarios: [], currency: "EUR", objectiveKind: .minCost,
    status: .infeasible, objective: nil,
    stages: [Plan.Stage(name: "cost", sense: .minimize, status: .infeasible, objective: nil, iterations: 1)],
    certificate: nil, totalHours: 8760, slices: [TimeSlice(name: "year", hours: 8760)],
    corridors: [
      CorridorResult(name: "link", commodity: "electricity", unit: "MW", from: "KZ", to: "RO", enabled: true,
                     capacity: 100, flow: 0, peakFlow: 0, utilization: 0, shadowPrice: 0, bindingSlices: 0,
                     byCountry: [CountryFlow(country: "KZ", flow: 0)], lossFraction: 0, nominalCapacity: 100),
    ],
    countries: [], markets: [], storages: [],
    rules: [RuleResult(name: "kz-firm", kind: .firm, target: 150, achieved: nil, binding: false, dual: nil,
                       note: "KZ → RO, every slice", unit: "MW")],
    constraints: [], warnings: [], timings: Plan.Timings(), size: LPSize(variables: 3, constraints: 4, nonZeros: 6),
    hasPoint: false, hasDuals: false)
}
