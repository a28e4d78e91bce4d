import CorridorModel
import CorridorPlanning
import CorridorTestSupport
import Foundation
import Testing

/// A build on a corridor that enters service in a later year serves no earlier than the
/// corridor (unless the build gives its own available-from).
@Suite("Build options keep to their corridor's available-from")
struct InvestmentDatesTests {
  static let model = """
    [model]
    name = "late corridor"
    currency = "EUR"
    [time]
    years = [2030, 2035]
    [commodities.electricity]
    family = "power"
    unit = "MW"
    [nodes.A]
    kind = "country"
    [nodes.B]
    kind = "market"
    [supply.a]
    country = "A"
    commodity = "electricity"
    volume = "100 MW"
    [corridors.x]
    from = "A"
    to = "B"
    commodity = "electricity"
    capacity = "0 MW"
    available-from = 2035
    [corridors.x.build]
    max = "100 MW"
    cost = "10 kEUR/MW"
    lifetime = 40
    BUILD_DATE
    [markets.b]
    node = "B"
    commodity = "electricity"
    price = "50 EUR/MWh"
    """

  func plan(buildDate: String) throws -> Plan {
    try Planner().plan(loadModelText(Self.model.replacingOccurrences(of: "BUILD_DATE", with: buildDate)))
  }

  @Test("Inherited: built in 2035, nothing flows in 2030 (hand: 2030 value 0; 2035 weight 5 × 100 MW × 50 EUR/MWh × 8,760 h)")
  func inherited() throws {
    let p = try plan(buildDate: "")
    #expect(p.investments.map(\.year) == [2035])
    let flows = p.years.map { $0.corridors[0].flow }
    #expect(abs(flows[0]) < 1e-9 && abs(flows[1] - 100) < 1e-9, "\(flows)")
    // Objective: 2035's multiplier (weight 5, no discounting) × (100 × 50 × 8,760 − 100 MW × 10 kEUR / 40).
    let operating: Double = 100 * 50 * 8760
    let annuity: Double = 100 * 10_000 / 40
    let expected: Double = 5 * (operating - annuity)
    #expect(abs((p.objective ?? 0) - expected) <= 1e-9 * expected, "\(p.objective ?? .nan) vs \(expected)")
  }

  @Test("A build's own date wins: available-from = 2030 builds for 2030 too")
  func own() throws {
    let p = try plan(buildDate: "available-from = 2030")
    #expect(p.investments.map(\.year) == [2030])
    #expect(abs((p.years.first?.corridors[0].flow ?? 0) - 100) < 1e-9)
  }
}
