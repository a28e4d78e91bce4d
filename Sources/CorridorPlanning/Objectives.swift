import CorridorModel
import LinearProgramming

/// Every objective of a formulation, built in one place, and the money a plan reports,
/// read from the same vectors.
///
/// - ``value``: per column, the money one unit of it makes over its slice: market price ×
///   hours on deliveries, minus tariff × hours on flows, supply cost × hours on supplies
///   and wear × hours on storage discharge. `max-value` maximises it, and so does the last
///   stage of `max-min-fair`.
/// - ``cost``: the same without market revenue, negated: what `min-cost` minimises.
/// - ``stages(_:)``: the lexicographic stages in order (fairness, each priority country,
///   then the main objective) that the ``Planner`` solves one after the other.
///
/// A plan's money is `Σ value[j] · x[j]` over the columns of what is reported, so a
/// country's revenue, tariffs, supply cost and wear add up to its part of the objective:
///
///     let o = formulation.objectives
///     let revenue = o.money(x, over: deliveryBlock.columns)   // Σ price·h·delivered
///     let tariffs = -o.money(x, over: flowBlock.columns)      // Σ tariff·h·flow
public struct Objectives: Sendable {
  /// The market value of each column (maximise).
  public internal(set) var value: [Double]
  /// The cost of each column: supply, tariffs and wear, without revenue (minimise).
  public internal(set) var cost: [Double]

  init(value: [Double], cost: [Double]) {
    self.value = value
    self.cost = cost
  }

  /// The objectives of `f`'s model over `columnCount` columns.
  init(formulation f: Formulation, columnCount: Int) {
    let model = f.model
    var v = [Double](repeating: 0, count: columnCount)
    for block in f.index.flows {
      let corridor = model.corridors[block.arc.corridor]
      for s in 0..<f.sliceCount { v[block.columns[s]] = -corridor.tariff.value(at: s) * f.hours[s] * f.moneyWeight[s] }
    }
    for block in f.index.deliveries {
      let market = model.markets[block.market]
      for s in 0..<f.sliceCount { v[block.columns[s]] = market.price.value(at: s) * f.hours[s] * f.moneyWeight[s] }
    }
    for (k, supply) in model.supplies.enumerated() {
      for s in 0..<f.sliceCount { v[f.index.supplies[k][s]] = -supply.cost * f.hours[s] * f.moneyWeight[s] }
    }
    for (k, st) in model.storages.enumerated() {
      for s in 0..<f.sliceCount { v[f.index.storages[k].discharge[s]] = -st.wearCost * f.hours[s] * f.moneyWeight[s] }
    }
    for block in f.index.builds {
      for c in block.columns { v[c.column] = f.buildObjective(block, c) }
    }
    var c = v.map { -$0 }
    for d in f.index.deliveries { for s in 0..<f.sliceCount { c[d.columns[s]] = 0 } }
    value = v
    cost = c
  }

  /// One objective of the lexicographic sequence.
  public struct Stage: Sendable {
    public var name: String
    public var sense: ObjectiveSense
    public var coefficients: [Double]
  }

  /// The model's main goal: value (maximise), or cost (minimise) for `min-cost`.
  public func main(_ kind: ObjectiveKind) -> Stage {
    kind == .minCost
      ? Stage(name: "cost", sense: .minimize, coefficients: cost)
      : Stage(name: "value", sense: .maximize, coefficients: value)
  }

  /// The stages in the order the ``Planner`` solves them:
  /// 1. `max-min-fair`: maximise the fairness level of the fair-share rules;
  /// 2. each `priority` rule, each country in its order: maximise that country's average
  ///    flow on the rule's corridors;
  /// 3. the main objective (``main(_:)``).
  func stages(_ f: Formulation) -> [Stage] {
    var list: [Stage] = []
    let n = value.count
    if let z = f.index.fairnessColumn {
      var c = [Double](repeating: 0, count: n)
      c[z] = 1
      list.append(Stage(name: "fairness", sense: .maximize, coefficients: c))
    }
    for rule in f.model.rules {
      guard case let .priority(corridors, order) = rule.kind else { continue }
      for country in order {
        var c = [Double](repeating: 0, count: n)
        for name in corridors {
          guard let ci = f.model.corridors.firstIndex(where: { $0.name == name }) else { continue }
          for block in f.flowBlocks(corridor: ci, origin: country) {
            for s in 0..<f.sliceCount { c[block.columns[s]] += f.hours[s] / f.totalHours }
          }
        }
        list.append(Stage(name: "priority \(rule.name): \(country)", sense: .maximize, coefficients: c))
      }
    }
    list.append(main(f.model.objective))
    return list
  }

  /// How many stages ``stages(_:)`` has, without building them.
  static func stageCount(_ f: Formulation) -> Int {
    var n = f.index.fairnessColumn == nil ? 1 : 2
    for rule in f.model.rules { if case let .priority(_, order) = rule.kind { n += order.count } }
    return n
  }

  /// The money `x` makes on `columns` under the value objective, added to `start`:
  /// `start + Σ value[j]·x[j]` (revenue is positive; tariffs, supply cost and wear negative).
  public func money(_ x: [Double], over columns: ColumnSpan, startingAt start: Double = 0) -> Double {
    var total = start
    for s in 0..<columns.count { total += value[columns[s]] * x[columns[s]] }
    return total
  }

  /// What `x` pays on `columns` (tariffs, supply cost, wear), added to `start`:
  /// `start + Σ −value[j]·x[j]`.
  public func payment(_ x: [Double], over columns: ColumnSpan, startingAt start: Double = 0) -> Double {
    var total = start
    for s in 0..<columns.count { total += -value[columns[s]] * x[columns[s]] }
    return total
  }
}
