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
  /// The model the LP currently stands for. A ``PlanningSession`` edits its values in place
  /// (capacities, volumes, prices, rule targets) and keeps the LP in step.
  public internal(set) var model: Model
  /// The program; solve it through ``Planner`` or a ``PlanningSession``.
  public private(set) var program = LinearProgram()
  /// Which LP columns and rows each model entry owns, and back.
  public internal(set) var index = FormulationIndex()
  let sliceCount: Int
  let hours: [Double]
  let totalHours: Double
  /// Per slice: the multiplier of its year's money in the objective (1 in a one-year model).
  let moneyWeight: [Double]

  /// Per corridor: the value its capacity column is fixed at: the largest capacity of any
  /// slice (0 when disabled). Slice `s` has `column + capacityOffset(c, s)` of capacity.
  var capacityReference: [Double] = []
  /// Per supply: the value its column is fixed at (the largest volume of any slice).
  var availableReference: [Double] = []
  /// Each commodity's network with its origins and reachable arcs, computed once.
  var networks: [CommodityNetwork] = []
  /// Every objective of the model, over all columns (see ``Objectives``).
  public internal(set) var objectives = Objectives(value: [], cost: [])
  /// How many rows had their coefficients changed, and how many times the objective vectors
  /// changed, by edits since the build (a ``PlanningSession`` picks the simplex by them).
  var coefficientEdits = 0
  var objectiveEdits = 0
  /// Whether the program holds a basis from an earlier solve: a re-solve starts from it
  /// rather than from a block crash.
  var hasBasis = false
  /// The slice of every column and row (for the block-crash start of long horizons).
  public private(set) var timeStructure = TimeStructure(columnTime: [], rowTime: [], timeCount: 0)

  /// Builds the LP of `model`.
  ///
  /// - Parameter names: Give every column and row a readable name such as
  ///   `flow[KZ,caspian-cable,h0042]` (default). Off saves time on very large models.
  public init(model: Model, names: Bool = true) throws {
    self.model = model
    sliceCount = model.slices.count
    hours = model.slices.map(\.hours)
    totalHours = hours.reduce(0, +)
    moneyWeight = Self.moneyWeights(model)
    var b = LPBuilder(names: names)
    networks = model.commodities.map { CommodityNetwork(model: model, commodity: $0.name) }
    buildColumns(&b)
    buildInvestmentColumns(&b)
    buildRows(&b)
    objectives = Objectives(formulation: self, columnCount: b.columnCount)
    b.cost = objectives.value
    program = try b.build(name: model.name, sense: .maximize)
    timeStructure = TimeStructure(columnTime: b.columnTime, rowTime: b.rowTime, timeCount: sliceCount)
  }

  /// The per-slice flow blocks of corridor `c` (by model position), of `origin` (nil: all).
  func flowBlocks(corridor c: Int, origin: String? = nil) -> [FormulationIndex.FlowBlock] {
    index.flowBlocks(corridor: c, origin: origin)
  }

  // MARK: Columns

  private func buildColumns(_ b: inout LPBuilder) {
    let S = sliceCount
    let sliceNames = model.slices.map(\.name)
    // Flow by origin on usable arcs; deliveries to reachable markets. Their money is in ``Objectives``.
    for net in networks {
      for o in net.origins {
        for a in net.usableArcs[o] ?? [] {
          let arc = net.arcs[a]
          let base = b.columnCount
          for s in 0..<S { b.column("flow[\(o),\(arc.label),\(sliceNames[s])]", time: s) }
          index.flows.append(.init(origin: o, arc: arc, columns: ColumnSpan(first: base, count: S)))
          index.noteColumns(base, S, .corridor(model.corridors[arc.corridor].name), .flow(origin: o, reverse: arc.reverse))
        }
        for m in net.reachableMarkets[o] ?? [] {
          let market = model.markets[m]
          let base = b.columnCount
          for s in 0..<S { b.column("delivered[\(o),\(market.name),\(sliceNames[s])]", time: s) }
          index.deliveries.append(.init(origin: o, market: m, columns: ColumnSpan(first: base, count: S)))
          index.noteColumns(base, S, .market(market.name), .delivered(origin: o))
        }
      }
    }
    // Supply used, up to what is available.
    for (k, supply) in model.supplies.enumerated() {
      let base = b.columnCount
      for s in 0..<S { b.column("supply[\(supply.name),\(sliceNames[s])]", upper: supplyUpper(k, s), time: s) }
      index.supplies.append(ColumnSpan(first: base, count: S))
      index.noteColumns(base, S, .supply(supply.name), .supplied)
    }
    // Storage: charge, discharge (wear cost), level.
    for st in model.storages {
      let ch = b.columnCount
      // With a build option the limits are rows (existing + built); see buildStorageLimits.
      let (power, energy) = st.build == nil ? (st.power, st.energy) : (Double.infinity, Double.infinity)
      for s in 0..<S { b.column("charge[\(st.name),\(sliceNames[s])]", upper: power, time: s) }
      let dis = b.columnCount
      for s in 0..<S { b.column("discharge[\(st.name),\(sliceNames[s])]", upper: power, time: s) }
      let lev = b.columnCount
      for s in 0..<S { b.column("level[\(st.name),\(sliceNames[s])]", upper: energy, time: s) }
      index.storages.append(.init(charge: ColumnSpan(first: ch, count: S), discharge: ColumnSpan(first: dis, count: S),
                                  level: ColumnSpan(first: lev, count: S)))
      index.noteColumns(ch, S, .storage(st.name), .charge)
      index.noteColumns(dis, S, .storage(st.name), .discharge)
      index.noteColumns(lev, S, .storage(st.name), .level)
    }
    if model.objective == .maxMinFair {
      let z = b.column("fairness", lower: -.infinity)
      index.fairnessColumn = LPColumn(z)
      index.noteColumns(z, 1, .fairness, .fairnessLevel, perSlice: false)
    }
    // Parameters, fixed by their bounds (see the type's comment).
    for (c, corridor) in model.corridors.enumerated() {
      let k = capacityFixedValue(c)
      capacityReference.append(k)
      let j = b.column("capacity[\(corridor.name)]", lower: k, upper: k)
      index.capacityColumns.append(LPColumn(j))
      index.noteColumns(j, 1, .corridor(corridor.name), .parameter, perSlice: false)
    }
    for (k, supply) in model.supplies.enumerated() {
      let v = availableFixedValue(k)
      availableReference.append(v)
      let j = b.column("available[\(supply.name)]", lower: v, upper: v)
      index.availableColumns.append(LPColumn(j))
      index.noteColumns(j, 1, .supply(supply.name), .parameter, perSlice: false)
    }
  }

  // MARK: Rows

  private func buildRows(_ b: inout LPBuilder) {
    buildBalances(&b)
    buildCapacities(&b)
    buildMarkets(&b)
    buildStorage(&b)
    buildRules(&b)
    buildCustomConstraints(&b)
    buildInvestmentRows(&b)
    buildStorageLimits(&b)
  }

  /// Per origin, node and slice: what arrives (after losses) plus what is
  /// supplied or discharged equals what leaves, is delivered or charged.
  private func buildBalances(_ b: inout LPBuilder) {
    let S = sliceCount
    let sliceNames = model.slices.map(\.name)
    for net in networks {
      let commodity = net.commodity
      for o in net.origins {
        let myFlows = index.flows.filter { $0.origin == o && model.corridors[$0.arc.corridor].commodity == commodity }
        let myDeliveries = index.deliveries.filter { $0.origin == o && model.markets[$0.market].commodity == commodity }
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
          let first = b.rowCount
          for s in 0..<S {
            for f in inflows { b.term(f.columns[s].index, 1 - model.corridors[f.arc.corridor].loss) }
            for f in outflows { b.term(f.columns[s].index, -1) }
            for k in supplies { b.term(index.supplies[k][s].index, 1) }
            for d in delivered { b.term(d.columns[s].index, -1) }
            for k in stores {
              b.term(index.storages[k].discharge[s].index, 1)
              b.term(index.storages[k].charge[s].index, -1)
            }
            b.endRow("balance[\(o),\(n),\(commodity),\(sliceNames[s])]", lower: 0, upper: 0, time: s)
          }
          let rows = RowSpan(first: first, count: S)
          index.balances.append(.init(origin: o, node: n, commodity: commodity, rows: rows))
          index.noteRows(first, S, .balance(origin: o, node: n, commodity: commodity), .balance)
        }
      }
    }
  }

  /// Per corridor and slice: all flow entering it within capacity × availability
  /// (``capacityRow(_:_:)``).
  private func buildCapacities(_ b: inout LPBuilder) {
    let sliceNames = model.slices.map(\.name)
    for (c, corridor) in model.corridors.enumerated() {
      guard !flowBlocks(corridor: c).isEmpty else { index.capacityRows.append(nil); continue }
      let first = b.rowCount
      for s in 0..<sliceCount {
        b.add(capacityRow(c, s), "capacity[\(corridor.name),\(sliceNames[s])]", time: s)
      }
      index.capacityRows.append(RowSpan(first: first, count: sliceCount))
      index.noteRows(first, sliceCount, .corridor(corridor.name), .capacityLimit)
    }
  }

  /// Per market and slice: deliveries from all countries within what it absorbs
  /// (``marketRow(_:_:)``).
  private func buildMarkets(_ b: inout LPBuilder) {
    let sliceNames = model.slices.map(\.name)
    for (m, market) in model.markets.enumerated() {
      let blocks = index.deliveries.filter { $0.market == m }
      guard market.volume != nil, !blocks.isEmpty else { index.marketRows.append(nil); continue }
      let first = b.rowCount
      for s in 0..<sliceCount {
        b.add(marketRow(m, s), "market[\(market.name),\(sliceNames[s])]", time: s)
      }
      index.marketRows.append(RowSpan(first: first, count: sliceCount))
      index.noteRows(first, sliceCount, .market(market.name), .marketLimit)
    }
  }

  /// Per storage and slice: level = previous level + efficiency·charge·h − discharge·h, the
  /// previous level of a year's first slice being its last slice's (cyclic within each year).
  private func buildStorage(_ b: inout LPBuilder) {
    let S = sliceCount
    let sliceNames = model.slices.map(\.name)
    for (k, st) in model.storages.enumerated() {
      let c = index.storages[k]
      let first = b.rowCount
      let perYear = model.horizon?.slicesPerYear ?? S
      for s in 0..<S {
        let start = s - s % perYear
        let prev = s == start ? start + perYear - 1 : s - 1
        b.term(c.level[s].index, 1)
        b.term(c.level[prev].index, -1)
        b.term(c.charge[s].index, -st.efficiency * hours[s])
        b.term(c.discharge[s].index, hours[s])
        b.endRow("storage[\(st.name),\(sliceNames[s])]", lower: 0, upper: 0, time: s)
      }
      index.storageRows.append(RowSpan(first: first, count: S))
      index.noteRows(first, S, .storage(st.name), .storageBalance)
    }
  }

  /// Each rule's rows (``ruleRows(_:)``); priority rules act through the ``Planner``'s stages.
  private func buildRules(_ b: inout LPBuilder) {
    let sliceNames = model.slices.map(\.name)
    for (k, rule) in model.rules.enumerated() {
      let rows = ruleRows(k)
      guard !rows.isEmpty else { index.ruleRows.append(nil); continue }
      let first = b.rowCount
      switch rule.kind {
      case .minShare, .maxShare:
        b.add(rows[0], "rule[\(rule.name)]")
        index.noteRows(first, 1, .rule(rule.name), .ruleRow(country: nil), perSlice: false)
      case .firm:
        for s in 0..<sliceCount { b.add(rows[s], "rule[\(rule.name),\(sliceNames[s])]", time: s) }
        index.noteRows(first, sliceCount, .rule(rule.name), .ruleRow(country: nil))
      case let .fairShare(countries, _, _):
        for (o, row) in zip(countries, rows) {
          index.noteRows(b.rowCount, 1, .rule(rule.name), .ruleRow(country: o), perSlice: false)
          b.add(row, "fair[\(rule.name),\(o)]")
        }
      case .priority:
        break
      }
      index.ruleRows.append(RowSpan(first: first, count: rows.count))
    }
  }

  private func buildCustomConstraints(_ b: inout LPBuilder) {
    let sliceNames = model.slices.map(\.name)
    for (k, cc) in model.constraints.enumerated() {
      let first = b.rowCount
      let perSlice = cc.per == .slice
      for (r, row) in constraintRows(k).enumerated() {
        b.add(row, perSlice ? "constraint[\(cc.name),\(sliceNames[r])]" : "constraint[\(cc.name)]", time: perSlice ? r : -1)
      }
      let count = perSlice ? sliceCount : 1
      index.constraintRows.append(RowSpan(first: first, count: count))
      index.noteRows(first, count, .constraint(cc.name), .constraintRow, perSlice: perSlice)
    }
  }
}

extension Formulation {
  /// Sets the program's objective to the model's main goal (value, or cost for
  /// `min-cost`), as `corridor export` writes it.
  public func useMainObjective() throws {
    let main = objectives.main(model.objective)
    try program.setObjective(coefficients: main.coefficients, sense: main.sense)
  }
}
