// A market's average price in a multi-year model is an average of its prices, weighted
// like its revenue (issue #11): not revenue with discounting over energy without it.

import CorridorModel
import Foundation
import Testing

@testable import CorridorPlanning

@Suite struct InvestmentAveragePriceTests {
  /// Two planning years, 5 % discounting, 100 MW sold at 50 EUR/MWh in 2030 and at
  /// 60 EUR/MWh in 2035 (one 8760 h slice per year, weights 5 and 5).
  static let toml = """
    [model]
    name = "two-year average price"
    currency = "EUR"
    [time]
    years = [2030, 2035]
    discount-rate = "5 %"
    [nodes.A]
    kind = "country"
    [nodes.M]
    kind = "market"
    [supply.a]
    country = "A"
    commodity = "electricity"
    volume = "100 MW"
    [corridors.x]
    from = "A"
    to = "M"
    commodity = "electricity"
    capacity = "1 GW"
    [markets.M]
    node = "M"
    commodity = "electricity"
    price = { 2030 = "50 EUR/MWh", 2035 = "60 EUR/MWh" }
    """

  @Test func averagePriceIsWeightedLikeRevenue() throws {
    let plan = try Planner().plan(try loadModelText(Self.toml))
    #expect(plan.status == .optimal)
    // By hand: m(2030) = Σ_{t=0}^{4} 1.05^−t, m(2035) = Σ_{t=5}^{9} 1.05^−t.
    let m1 = (0..<5).reduce(0.0) { $0 + pow(1.05, -Double($1)) }
    let m2 = (5..<10).reduce(0.0) { $0 + pow(1.05, -Double($1)) }
    let revenue = 100 * 8760 * (50 * m1 + 60 * m2)
    let market = try #require(plan.market("M"))
    expectClose(market.revenue, revenue, "revenue")
    // Delivered stays an hours-weighted average rate, undiscounted: 100 MW in both years.
    expectClose(market.delivered, 100, "delivered")
    // Revenue over the energy weighted the same way: between the two prices.
    expectClose(market.averagePrice, (50 * m1 + 60 * m2) / (m1 + m2), "average price")
  }
}
