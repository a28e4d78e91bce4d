// A seeded generator of small corridor models for property tests.

import CorridorModel
import CorridorTestSupport

/// Small random electricity models: 1–4 slices, 1–3 supplying countries, 0–2 transit nodes,
/// 1–3 markets, corridors that give every country a path to a market plus a few extra
/// (two-way, lossy, disabled), and per-slice capacity, availability, tariffs, supply
/// volumes, prices and market volumes. Some have custom constraints on `capacity[…]` and
/// `available[…]` (per slice or over the horizon) and min-share rules; about one in three
/// minimises cost under firm rules.
///
/// The same seed always gives the same model (``SplitMix64``), so a failing seed is
/// replayed with `RandomCorridorModel.make(seed:)`.
enum RandomCorridorModel {
  static func make(seed: UInt64) -> Model {
    var g = SplitMix64(seed: seed)
    let sliceCount = g.int(1...4)
    let slices = (0..<sliceCount).map { TimeSlice(name: "s\($0)", hours: Double(g.int(1...30) * 100)) }

    /// A value per slice around `base`, sometimes constant.
    func series(_ base: Double, spread: Double, floor: Double = 0) -> Series {
      if g.int(0...2) == 0 || sliceCount == 1 { return .constant((base * g.uniform(1 - spread...1 + spread)).rounded()) }
      return .perSlice((0..<sliceCount).map { _ in max(floor, (base * g.uniform(1 - spread...1 + spread)).rounded()) })
    }

    let countries = (0..<g.int(1...3)).map { "C\($0)" }
    let transit = (0..<g.int(0...2)).map { "T\($0)" }
    let marketNodes = (0..<g.int(1...3)).map { "M\($0)" }
    let nodes = countries.map { Node(name: $0, kind: .country) } + transit.map { Node(name: $0, kind: .transit) }
      + marketNodes.map { Node(name: $0, kind: .market) }

    let supplies = countries.map { c in
      Supply(name: "\(c.lowercased())-power", country: c, commodity: "electricity",
             volume: series(Double(g.int(2...12) * 100), spread: 0.5), cost: Double(g.int(0...4) * 5))
    }

    var corridors: [Corridor] = []
    func addCorridor(_ from: String, _ to: String) {
      var c = Corridor(
        name: "k\(corridors.count)", from: from, to: to, commodity: "electricity",
        capacity: series(Double(g.int(1...10) * 100), spread: 0.3),
        loss: g.int(0...2) == 0 ? Double(g.int(1...5)) / 100 : 0,
        tariff: g.int(0...1) == 0 ? 0 : series(Double(g.int(1...10)), spread: 0.5),
        availability: g.int(0...1) == 0 ? 1 : series(80, spread: 0.25),  // percent, scaled below
        twoWay: g.int(0...4) == 0)
      if case .perSlice(let a) = c.availability { c.availability = .perSlice(a.map { min(1, $0 / 100) }) }
      if case .constant(let a) = c.availability, a > 1 { c.availability = .constant(min(1, a / 100)) }
      if g.int(0...9) == 0, sliceCount > 1, case .perSlice(var a) = c.availability {
        a[0] = 0  // an outage slice
        c.availability = .perSlice(a)
      }
      c.enabled = g.int(0...9) != 0
      corridors.append(c)
    }
    // A path from every country to a market (through a transit node half of the time).
    let hubs = transit + marketNodes
    for c in countries { addCorridor(c, hubs[g.int(0...(hubs.count - 1))]) }
    for t in transit { addCorridor(t, marketNodes[g.int(0...(marketNodes.count - 1))]) }
    for _ in 0..<g.int(0...3) {
      let from = (countries + transit)[g.int(0...(countries.count + transit.count - 1))]
      let to = hubs[g.int(0...(hubs.count - 1))]
      if from != to { addCorridor(from, to) }
    }

    let markets = marketNodes.map { m in
      Market(name: m, node: m, commodity: "electricity", price: series(Double(g.int(4...12) * 10), spread: 0.4),
             volume: g.int(0...2) == 0 ? series(Double(g.int(2...8) * 100), spread: 0.4) : nil)
    }

    var constraints: [CustomConstraint] = []
    var rules: [Rule] = []
    if g.int(0...1) == 0, let c = corridors.first(where: { $0.from.hasPrefix("C") }) {
      let r = Double(g.int(2...8)) / 10
      constraints.append(CustomConstraint(
        name: "rights", per: g.int(0...1) == 0 ? .slice : .horizon,
        terms: [.init(coefficient: 1, quantity: .flow(country: c.from, corridors: [c.name])),
                .init(coefficient: -r, quantity: .capacity(c.name))],
        sense: .lessEqual, constant: .constant(0), commodity: "electricity",
        source: "flow[\(c.from), \(c.name)] <= \(r) * capacity[\(c.name)]"))
    }
    if g.int(0...2) == 0, let s = supplies.first {
      let r = Double(g.int(3...9)) / 10
      constraints.append(CustomConstraint(
        name: "quota", per: g.int(0...1) == 0 ? .slice : .horizon,
        terms: [.init(coefficient: 1, quantity: .supply(s.name)), .init(coefficient: -r, quantity: .available(s.name))],
        sense: .lessEqual, constant: .constant(0), commodity: "electricity",
        source: "supply[\(s.name)] <= \(r) * available[\(s.name)]"))
    }
    if countries.count > 1, g.int(0...3) == 0 {
      let used = corridors.filter(\.enabled).map(\.name)
      if !used.isEmpty {
        rules.append(Rule(name: "floor", kind: .minShare(country: countries[1], corridors: used, share: Double(g.int(1...3)) / 10)))
      }
    }
    var objective = ObjectiveKind.maxValue
    if g.int(0...2) == 0 {
      objective = .minCost
      // C0 must deliver a firm volume to one market and has two direct lines there: a cheap
      // one that is often too small and a dear one that always suffices, so capacity and
      // supply have a price. The firm volume stays within a quarter of C0's least supply.
      let market = marketNodes[g.int(0...(marketNodes.count - 1))]
      let least = supplies[0].volume.minimum
      let firm = max(1, min(Double(g.int(1...12) * 25), (0.25 * least).rounded()))
      rules.append(Rule(name: "firm", kind: .firm(country: countries[0], market: market, volume: firm)))
      corridors.append(Corridor(
        name: "cheap", from: countries[0], to: market, commodity: "electricity",
        capacity: series(Double(g.int(1...8) * 25), spread: 0.3), tariff: .constant(Double(g.int(1...3))),
        availability: g.int(0...1) == 0 ? 1 : .perSlice((0..<sliceCount).map { _ in Double(g.int(5...10)) / 10 })))
      corridors.append(Corridor(
        name: "dear", from: countries[0], to: market, commodity: "electricity", capacity: 2000,
        tariff: .constant(Double(g.int(10...30)))))
    }
    return Model(
      name: "random \(seed)", currency: "EUR", objective: objective, slices: slices,
      commodities: [Commodity(name: "electricity", family: .power, unit: "MW")],
      nodes: nodes, supplies: supplies, corridors: corridors, markets: markets, rules: rules,
      constraints: constraints)
  }
}
