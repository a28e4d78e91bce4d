import CorridorModel
import LinearProgramming

/// The LP of a corridor model, with the maps from domain names to LP indices.
///
/// Origin-tracked multi-commodity network flow (written down in
/// `docs/formulation.md`): every supplying country has its own flow
/// variables on the arcs it can use, per time slice, so shares, revenues and
/// shadow prices come out per country. Columns of one kind and key are
/// consecutive over the slices: `flow[KZ, black-sea]` in slice `s` is column
/// `base + s`. Reports read results through these maps, never through raw
/// LP indices.
///
/// Parameters a planner asks the value of are columns fixed by their bounds:
/// `capacity[c]` per corridor and `available[s]` per supply. Every row where the
/// parameter appears (the corridor's capacity rows, custom constraints that name
/// `capacity[c]` or `available[s]`) has a term on that column, so the column's
/// reduced cost is the value of one more unit of the parameter in every slice.
public final class Formulation {
  public let model: CorridorModel
  /// The program; solve it through ``Planner``.
  public private(set) var program = LinearProgram()
  let sliceCount: Int
  let hours: [Double]
  let totalHours: Double

  struct FlowBlock { var origin: String; var arc: Arc; var base: Int }
  struct DeliveryBlock { var origin: String; var market: Int; var base: Int }
  struct StorageColumns { var charge: Int; var discharge: Int; var level: Int }
  struct RowBlock { var base: Int; var count: Int }

  var flows: [FlowBlock] = []
  var supplyBase: [Int] = []
  var deliveries: [DeliveryBlock] = []
  var storageColumns: [StorageColumns] = []
  /// Per corridor: the first of its per-slice capacity rows (nil: no flow can use it).
  var capacityRows: [Int?] = []
  /// Per corridor: its capacity column, fixed at ``capacityReference``.
  var capacityColumns: [Int] = []
  /// Per corridor: the value its capacity column is fixed at: the largest capacity of any
  /// slice (0 when disabled). Slice `s` has `column + capacityOffset(c, s)` of capacity.
  var capacityReference: [Double] = []
  /// Per supply: its available-volume column, fixed at ``availableReference``.
  var availableColumns: [Int] = []
  /// Per custom-constraint row: the fixed parameter columns (`capacity[c]`, `available[s]`)
  /// it holds, with their coefficients. Reports move these terms back to the right-hand
  /// side, so a constraint reads as the planner wrote it (`flow ≤ 0.5 × capacity`: activity
  /// = the flow, right-hand side = 0.5 × the capacity).
  var parameterTermsOfRow: [Int: [(column: Int, coefficient: Double)]] = [:]
  /// Per supply: the value its column is fixed at (the largest volume of any slice).
  var availableReference: [Double] = []
  var marketRows: [Int?] = []
  var ruleRows: [RowBlock?] = []
  var constraintRows: [RowBlock?] = []
  /// Each commodity's network with its origins and reachable arcs, computed once.
  var networks: [CommodityNetwork] = []
  /// The max–min fairness variable (one, shared by all fair-share rules), if used.
  var fairnessColumn: Int?
  /// Objective vectors: market value (maximize) and cost (minimize).
  var valueCoefficients: [Double] = []
  /// The slice of every column and row (for the block-crash start of long horizons).
  public private(set) var timeStructure = TimeStructure(columnTime: [], rowTime: [], timeCount: 0)
  var costCoefficients: [Double] = []

  /// Builds the LP of `model`.
  ///
  /// - Parameter names: Give every column and row a readable name such as
  ///   `flow[KZ,caspian-cable,h0042]` (default). Off saves time on very large models.
  public init(model: CorridorModel, names: Bool = true) throws {
    self.model = model
    sliceCount = model.slices.count
    hours = model.slices.map(\.hours)
    totalHours = hours.reduce(0, +)
    var b = LPBuilder(names: names)
    networks = model.commodities.map { CommodityNetwork(model: model, commodity: $0.name) }
    buildColumns(&b)
    buildRows(&b)
    program = try b.build(name: model.name, sense: .maximize)
    valueCoefficients = b.cost
    timeStructure = TimeStructure(columnTime: b.columnTime, rowTime: b.rowTime, timeCount: sliceCount)
    costCoefficients = Self.costVector(b.cost, deliveries: deliveries, sliceCount: sliceCount)
  }

  /// Indices of the per-slice blocks of flow of `origin` (nil: all) on corridor `c`.
  func flowBlocks(corridor c: Int, origin: String? = nil) -> [FlowBlock] {
    flows.filter { $0.arc.corridor == c && (origin == nil || $0.origin == origin) }
  }

  // MARK: Columns

  private func buildColumns(_ b: inout LPBuilder) {
    let S = sliceCount
    let sliceNames = model.slices.map(\.name)
    // Flow by origin on usable arcs: tariff paid per unit entering.
    for net in networks {
      for o in net.origins {
        for a in net.usableArcs[o] ?? [] {
          let arc = net.arcs[a]
          let corridor = model.corridors[arc.corridor]
          let base = b.columnCount
          for s in 0..<S {
            b.column("flow[\(o),\(arc.label),\(sliceNames[s])]", cost: -corridor.tariff.value(at: s) * hours[s], time: s)
          }
          flows.append(FlowBlock(origin: o, arc: arc, base: base))
        }
        for m in net.reachableMarkets[o] ?? [] {
          let market = model.markets[m]
          let base = b.columnCount
          for s in 0..<S {
            b.column("delivered[\(o),\(market.name),\(sliceNames[s])]", cost: market.price.value(at: s) * hours[s], time: s)
          }
          deliveries.append(DeliveryBlock(origin: o, market: m, base: base))
        }
      }
    }
    // Supply used, up to what is available; its cost per unit used.
    for supply in model.supplies {
      supplyBase.append(b.columnCount)
      for s in 0..<S {
        b.column("supply[\(supply.name),\(sliceNames[s])]", upper: max(0, supply.volume.value(at: s)), cost: -supply.cost * hours[s], time: s)
      }
    }
    // Storage: charge, discharge (wear cost), level.
    for st in model.storages {
      let ch = b.columnCount
      for s in 0..<S { b.column("charge[\(st.name),\(sliceNames[s])]", upper: st.power, time: s) }
      let dis = b.columnCount
      for s in 0..<S { b.column("discharge[\(st.name),\(sliceNames[s])]", upper: st.power, cost: -st.wearCost * hours[s], time: s) }
      let lev = b.columnCount
      for s in 0..<S { b.column("level[\(st.name),\(sliceNames[s])]", upper: st.energy, time: s) }
      storageColumns.append(StorageColumns(charge: ch, discharge: dis, level: lev))
    }
    if model.objective == .maxMinFair {
      fairnessColumn = b.column("fairness", lower: -.infinity)
    }
    // Parameters, fixed by their bounds (see the type's comment).
    for corridor in model.corridors {
      let k = corridor.enabled ? max(0, corridor.capacity.maximum) : 0
      capacityReference.append(k)
      capacityColumns.append(b.column("capacity[\(corridor.name)]", lower: k, upper: k))
    }
    for supply in model.supplies {
      let v = max(0, supply.volume.maximum)
      availableReference.append(v)
      availableColumns.append(b.column("available[\(supply.name)]", lower: v, upper: v))
    }
  }

  /// Capacity of corridor `c` in slice `s` beyond its column's value: `capacity(s) − reference`
  /// (≤ 0; 0 for a constant capacity and for a disabled corridor).
  func capacityOffset(_ c: Int, _ s: Int) -> Double {
    let corridor = model.corridors[c]
    return corridor.enabled ? max(0, corridor.capacity.value(at: s)) - capacityReference[c] : 0
  }

  /// Volume of supply `k` in slice `s` beyond its column's value (≤ 0; 0 when constant).
  func availableOffset(_ k: Int, _ s: Int) -> Double {
    max(0, model.supplies[k].volume.value(at: s)) - availableReference[k]
  }

  // MARK: Rows

  private func buildRows(_ b: inout LPBuilder) {
    buildBalances(&b)
    buildCapacities(&b)
    buildMarkets(&b)
    buildStorage(&b)
    buildRules(&b)
    buildCustomConstraints(&b)
  }

  /// Per origin, node and slice: what arrives (after losses) plus what is
  /// supplied or discharged equals what leaves, is delivered or charged.
  private func buildBalances(_ b: inout LPBuilder) {
    let S = sliceCount
    let sliceNames = model.slices.map(\.name)
    for net in networks {
      let commodity = net.commodity
      for o in net.origins {
        let myFlows = flows.filter { $0.origin == o && model.corridors[$0.arc.corridor].commodity == commodity }
        let myDeliveries = deliveries.filter { $0.origin == o && model.markets[$0.market].commodity == commodity }
        for n in net.balanceNodes[o] ?? [] {
          let inflows = myFlows.filter { $0.arc.to == n }
          let outflows = myFlows.filter { $0.arc.from == n }
          let supplies = model.supplies.indices.filter {
            model.supplies[$0].country == o && model.supplies[$0].commodity == commodity && n == o
          }
          let delivered = myDeliveries.filter { model.markets[$0.market].node == n }
          let stores = model.storages.indices.filter {
            model.storages[$0].owner == o && model.storages[$0].node == n && model.storages[$0].commodity == commodity
          }
          for s in 0..<S {
            for f in inflows { b.term(f.base + s, 1 - model.corridors[f.arc.corridor].loss) }
            for f in outflows { b.term(f.base + s, -1) }
            for k in supplies { b.term(supplyBase[k] + s, 1) }
            for d in delivered { b.term(d.base + s, -1) }
            for k in stores {
              b.term(storageColumns[k].discharge + s, 1)
              b.term(storageColumns[k].charge + s, -1)
            }
            b.endRow("balance[\(o),\(n),\(commodity),\(sliceNames[s])]", lower: 0, upper: 0, time: s)
          }
        }
      }
    }
  }

  /// Per corridor and slice: all flow entering it, both directions, within capacity ×
  /// availability: `Σ flow − a(s)·capacity[c] ≤ a(s)·offset(s)`, whose right-hand side
  /// plus the fixed column's term is the usable capacity `a(s)·capacity(s)`.
  private func buildCapacities(_ b: inout LPBuilder) {
    let sliceNames = model.slices.map(\.name)
    for (c, corridor) in model.corridors.enumerated() {
      let blocks = flowBlocks(corridor: c)
      guard !blocks.isEmpty else { capacityRows.append(nil); continue }
      capacityRows.append(b.rowCount)
      for s in 0..<sliceCount {
        let a = corridor.availability.value(at: s)
        for f in blocks { b.term(f.base + s, 1) }
        if a != 0 { b.term(capacityColumns[c], -a) }
        b.endRow("capacity[\(corridor.name),\(sliceNames[s])]", lower: -.infinity, upper: a * capacityOffset(c, s), time: s)
      }
    }
  }

  /// Per market and slice: deliveries from all countries within what it absorbs.
  private func buildMarkets(_ b: inout LPBuilder) {
    let sliceNames = model.slices.map(\.name)
    for (m, market) in model.markets.enumerated() {
      let blocks = deliveries.filter { $0.market == m }
      guard let volume = market.volume, !blocks.isEmpty else { marketRows.append(nil); continue }
      marketRows.append(b.rowCount)
      for s in 0..<sliceCount {
        for d in blocks { b.term(d.base + s, 1) }
        b.endRow("market[\(market.name),\(sliceNames[s])]", lower: -.infinity, upper: max(0, volume.value(at: s)), time: s)
      }
    }
  }

  /// Per storage and slice: level = previous level (cyclic) + efficiency·charge·h − discharge·h.
  private func buildStorage(_ b: inout LPBuilder) {
    let S = sliceCount
    let sliceNames = model.slices.map(\.name)
    for (k, st) in model.storages.enumerated() {
      let c = storageColumns[k]
      for s in 0..<S {
        let prev = (s + S - 1) % S
        b.term(c.level + s, 1)
        b.term(c.level + prev, -1)
        b.term(c.charge + s, -st.efficiency * hours[s])
        b.term(c.discharge + s, hours[s])
        b.endRow("storage[\(st.name),\(sliceNames[s])]", lower: 0, upper: 0, time: s)
      }
    }
  }

  /// Terms `Σ_s (h_s/H) · flow[origin, corridors, s]` (the hours-weighted average flow).
  func addAverageFlowTerms(_ b: inout LPBuilder, corridors: [String], origin: String?, scale: Double) {
    let H = totalHours
    for name in corridors {
      guard let c = model.corridors.firstIndex(where: { $0.name == name }) else { continue }
      for f in flowBlocks(corridor: c, origin: origin) {
        for s in 0..<sliceCount { b.term(f.base + s, scale * hours[s] / H) }
      }
    }
  }

  private func buildRules(_ b: inout LPBuilder) {
    let sliceNames = model.slices.map(\.name)
    for rule in model.rules {
      switch rule.kind {
      case let .minShare(country, corridors, share), let .maxShare(country, corridors, share):
        // Σ own·(1 − share) − Σ others·share  ≥ 0 (min) or ≤ 0 (max), averaged over the horizon.
        let base = b.rowCount
        let others = Set(flows.map(\.origin)).subtracting([country]).sorted()
        addAverageFlowTerms(&b, corridors: corridors, origin: country, scale: 1 - share)
        for o in others { addAverageFlowTerms(&b, corridors: corridors, origin: o, scale: -share) }
        if case .minShare = rule.kind {
          b.endRow("rule[\(rule.name)]", lower: 0, upper: .infinity)
        } else {
          b.endRow("rule[\(rule.name)]", lower: -.infinity, upper: 0)
        }
        ruleRows.append(RowBlock(base: base, count: 1))
      case let .firm(country, market, volume):
        let m = model.markets.firstIndex { $0.name == market }
        let block = deliveries.first { $0.origin == country && $0.market == m }
        let base = b.rowCount
        for s in 0..<sliceCount {
          if let block { b.term(block.base + s, 1) }
          b.endRow("rule[\(rule.name),\(sliceNames[s])]", lower: volume, upper: .infinity, time: s)
        }
        ruleRows.append(RowBlock(base: base, count: sliceCount))
      case let .fairShare(countries, corridors, basis):
        guard let z = fairnessColumn else { ruleRows.append(nil); continue }
        // average flow of the country through the corridors / weight ≥ fairness
        let base = b.rowCount
        for o in countries {
          let w = basis == .equal ? 1 : max(availableAverage(country: o, corridors: corridors), 1e-9)
          addAverageFlowTerms(&b, corridors: corridors, origin: o, scale: 1 / w)
          b.term(z, -1)
          b.endRow("fair[\(rule.name),\(o)]", lower: 0, upper: .infinity)
        }
        ruleRows.append(RowBlock(base: base, count: countries.count))
      case .priority:
        ruleRows.append(nil)  // acts through lexicographic stages in the Planner
      }
    }
  }

  /// A country's hours-weighted average available supply of the corridors' commodity.
  func availableAverage(country: String, corridors: [String]) -> Double {
    guard let first = corridors.first, let c = model.corridor(named: first) else { return 0 }
    var total = 0.0
    for s in model.supplies where s.country == country && s.commodity == c.commodity {
      total += s.volume.weightedSum(hours: hours) / totalHours
    }
    return total
  }

  private func buildCustomConstraints(_ b: inout LPBuilder) {
    let sliceNames = model.slices.map(\.name)
    for cc in model.constraints {
      let base = b.rowCount
      let perSlice = cc.per == .slice
      let rows = perSlice ? sliceCount : 1
      for r in 0..<rows {
        let slices = perSlice ? r..<(r + 1) : 0..<sliceCount
        // A parameter's column of a horizon row collects one term per slice: merge them.
        var parameterTerms: [Int: Double] = [:]
        var shift = 0.0
        for term in cc.terms {
          for s in slices {
            let w = perSlice ? term.coefficient : term.coefficient * hours[s]
            shift += w * offset(of: term.quantity, slice: s)
            for col in columns(of: term.quantity, slice: s) {
              if term.quantity.isParameter {
                parameterTerms[col.column, default: 0] += w * col.scale
              } else {
                b.term(col.column, w * col.scale)
              }
            }
          }
        }
        for (column, w) in parameterTerms.sorted(by: { $0.key < $1.key }) where w != 0 {
          b.term(column, w)
          parameterTermsOfRow[b.rowCount, default: []].append((column, w))
        }
        let rhs = cc.constant.value(at: perSlice ? r : 0) - shift
        let name = perSlice ? "constraint[\(cc.name),\(sliceNames[r])]" : "constraint[\(cc.name)]"
        let time = perSlice ? r : -1
        switch cc.sense {
        case .lessEqual: b.endRow(name, lower: -.infinity, upper: rhs, time: time)
        case .greaterEqual: b.endRow(name, lower: rhs, upper: .infinity, time: time)
        case .equal: b.endRow(name, lower: rhs, upper: rhs, time: time)
        }
      }
      constraintRows.append(RowBlock(base: base, count: rows))
    }
  }

  /// The columns (with a scale) that make up a quantity in slice `s`.
  func columns(of q: ConstraintQuantity, slice s: Int) -> [(column: Int, scale: Double)] {
    switch q {
    case let .flow(country, corridors):
      var out: [(Int, Double)] = []
      for name in corridors {
        guard let c = model.corridors.firstIndex(where: { $0.name == name }) else { continue }
        for f in flowBlocks(corridor: c, origin: country) { out.append((f.base + s, 1)) }
      }
      return out
    case let .delivered(country, market):
      guard let m = model.markets.firstIndex(where: { $0.name == market }) else { return [] }
      return deliveries.filter { $0.market == m && (country == nil || $0.origin == country) }.map { ($0.base + s, 1) }
    case let .supply(name):
      guard let k = model.supplies.firstIndex(where: { $0.name == name }) else { return [] }
      return [(supplyBase[k] + s, 1)]
    case let .charge(name):
      guard let k = model.storages.firstIndex(where: { $0.name == name }) else { return [] }
      return [(storageColumns[k].charge + s, 1)]
    case let .discharge(name):
      guard let k = model.storages.firstIndex(where: { $0.name == name }) else { return [] }
      return [(storageColumns[k].discharge + s, 1)]
    case let .level(name):
      guard let k = model.storages.firstIndex(where: { $0.name == name }) else { return [] }
      return [(storageColumns[k].level + s, 1)]
    case let .capacity(name):
      guard let c = model.corridors.firstIndex(where: { $0.name == name }) else { return [] }
      return [(capacityColumns[c], 1)]
    case let .available(name):
      guard let k = model.supplies.firstIndex(where: { $0.name == name }) else { return [] }
      return [(availableColumns[k], 1)]
    }
  }

  /// The constant part of a quantity in slice `s`: a parameter's value beyond its fixed
  /// column (``capacityOffset(_:_:)``, ``availableOffset(_:_:)``); 0 for variables.
  func offset(of q: ConstraintQuantity, slice s: Int) -> Double {
    switch q {
    case let .capacity(name):
      return model.corridors.firstIndex(where: { $0.name == name }).map { capacityOffset($0, s) } ?? 0
    case let .available(name):
      return model.supplies.firstIndex(where: { $0.name == name }).map { availableOffset($0, s) } ?? 0
    default:
      return 0
    }
  }

  /// The min-cost objective: supply costs, tariffs and wear, without market revenue.
  static func costVector(_ value: [Double], deliveries: [DeliveryBlock], sliceCount: Int) -> [Double] {
    var c = value.map { -$0 }
    for d in deliveries { for s in 0..<sliceCount { c[d.base + s] = 0 } }
    return c
  }
}

extension Formulation {
  /// Sets the program's objective to the model's main goal (value, or cost for
  /// `min-cost`), as `corridor export` writes it.
  public func useMainObjective() throws {
    if model.objective == .minCost {
      try program.setObjective(coefficients: costCoefficients, sense: .minimize)
    } else {
      try program.setObjective(coefficients: valueCoefficients, sense: .maximize)
    }
  }
}
