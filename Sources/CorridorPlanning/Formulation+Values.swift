import CorridorModel
import LinearProgramming

/// One row as the formulation writes it: its terms and bounds.
struct RowSpec {
  var terms: [(column: LPColumn, coefficient: Double)] = []
  var lower: Double
  var upper: Double
  /// The terms of `terms` on fixed parameter columns (`capacity[c]`, `available[s]`) of a
  /// custom constraint. Reports move them back to the right-hand side, so the constraint
  /// reads as the planner wrote it (`flow ≤ 0.5 × capacity`: activity = the flow,
  /// right-hand side = 0.5 × the capacity).
  var parameters: [(column: LPColumn, coefficient: Double)] = []
}

extension LPBuilder {
  /// Adds a row written by the formulation.
  mutating func add(_ row: RowSpec, _ name: @autoclosure () -> String, time: Int = -1) {
    for t in row.terms { term(t.column.index, t.coefficient) }
    endRow(name(), lower: row.lower, upper: row.upper, time: time)
  }
}

/// Every value of the LP that depends on the model's values (capacities, availability,
/// volumes, rule targets), each written once: ``Formulation/init(model:names:)`` builds
/// the LP with these functions and a ``PlanningSession`` re-applies them after an edit,
/// so an edited LP is the LP a fresh build of the edited model would give.
extension Formulation {
  /// The value corridor `c`'s capacity column is fixed at: its largest capacity over the
  /// slices, 0 when disabled.
  func capacityFixedValue(_ c: Int) -> Double {
    let corridor = model.corridors[c]
    return corridor.enabled ? max(0, corridor.capacity.maximum) : 0
  }

  /// The value supply `k`'s available column is fixed at: its largest volume over the slices.
  func availableFixedValue(_ k: Int) -> Double { max(0, model.supplies[k].volume.maximum) }

  /// The upper bound of supply `k`'s column in slice `s`: its volume (≥ 0).
  func supplyUpper(_ k: Int, _ s: Int) -> Double { max(0, model.supplies[k].volume.value(at: s)) }

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

  /// Corridor `c`'s capacity row in slice `s`: all flow entering it, both directions, within
  /// capacity × availability: `Σ flow − a(s)·capacity[c] ≤ a(s)·offset(s)`, whose right-hand
  /// side plus the fixed column's term is the usable capacity `a(s)·capacity(s)`.
  func capacityRow(_ c: Int, _ s: Int) -> RowSpec {
    let a = model.corridors[c].availability.value(at: s)
    var row = RowSpec(lower: -.infinity, upper: a * capacityOffset(c, s))
    for f in flowBlocks(corridor: c) { row.terms.append((f.columns[s], 1)) }
    if a != 0 { row.terms.append((index.capacityColumns[c], -a)) }
    if a != 0, model.corridors[c].enabled {
      for (j, size) in servingBuilds(.corridor(c), slice: s) { row.terms.append((j, -a * size)) }
    }
    return row
  }

  /// Market `m`'s row in slice `s`: deliveries from all countries within its volume.
  func marketRow(_ m: Int, _ s: Int) -> RowSpec {
    var row = RowSpec(lower: -.infinity, upper: max(0, model.markets[m].volume?.value(at: s) ?? .infinity))
    for d in index.deliveries where d.market == m { row.terms.append((d.columns[s], 1)) }
    return row
  }

  /// Terms `Σ_s scale · (h_s/H) · flow[origin, corridors, s]` (the hours-weighted average flow).
  func averageFlowTerms(corridors: [String], origin: String?, scale: Double) -> [(column: LPColumn, coefficient: Double)] {
    let H = totalHours
    var out: [(column: LPColumn, coefficient: Double)] = []
    for name in corridors {
      guard let c = model.corridors.firstIndex(where: { $0.name == name }) else { continue }
      for f in flowBlocks(corridor: c, origin: origin) {
        for s in 0..<sliceCount { out.append((f.columns[s], scale * hours[s] / H)) }
      }
    }
    return out
  }

  /// The rows of rule `k` (none for a priority rule, which acts through the Planner's stages,
  /// nor for a fair-share rule without the fairness objective):
  /// - min-share / max-share: one row, `Σ own·(1 − share) − Σ others·share ≥ 0` (min) or `≤ 0`
  ///   (max), over hours-weighted average flows;
  /// - firm: per slice, `delivered[country, market, s] ≥ volume`;
  /// - fair-share: per country, `average flow / weight − fairness ≥ 0`, the weight 1 (`equal`)
  ///   or the country's average available supply (`supply`).
  func ruleRows(_ k: Int) -> [RowSpec] {
    let rule = model.rules[k]
    switch rule.kind {
    case let .minShare(country, corridors, share), let .maxShare(country, corridors, share):
      let others = Set(index.flows.map(\.origin)).subtracting([country]).sorted()
      var terms = averageFlowTerms(corridors: corridors, origin: country, scale: 1 - share)
      for o in others { terms += averageFlowTerms(corridors: corridors, origin: o, scale: -share) }
      if case .minShare = rule.kind { return [RowSpec(terms: terms, lower: 0, upper: .infinity)] }
      return [RowSpec(terms: terms, lower: -.infinity, upper: 0)]
    case let .firm(country, market, volume):
      let m = model.markets.firstIndex { $0.name == market }
      let block = index.deliveries.first { $0.origin == country && $0.market == m }
      return (0..<sliceCount).map { s in
        RowSpec(terms: block.map { [($0.columns[s], 1)] } ?? [], lower: volume, upper: .infinity)
      }
    case let .fairShare(countries, corridors, basis):
      guard let z = index.fairnessColumn else { return [] }
      return countries.map { o in
        let w = basis == .equal ? 1 : max(availableAverage(country: o, corridors: corridors), 1e-9)
        var terms = averageFlowTerms(corridors: corridors, origin: o, scale: 1 / w)
        terms.append((z, -1))
        return RowSpec(terms: terms, lower: 0, upper: .infinity)
      }
    case .priority:
      return []
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

  /// The rows of custom constraint `k`: one per slice (`per = "slice"`) or one over the
  /// horizon. A parameter (`capacity[c]`, `available[s]`) is its fixed column plus its
  /// offset, which moves to the right-hand side.
  func constraintRows(_ k: Int) -> [RowSpec] {
    let cc = model.constraints[k]
    let perSlice = cc.per == .slice
    return (0..<(perSlice ? sliceCount : 1)).map { r in
      let slices = perSlice ? r..<(r + 1) : 0..<sliceCount
      var terms: [(column: LPColumn, coefficient: Double)] = []
      // A parameter's column of a horizon row collects one term per slice: merge them.
      var parameterTerms: [LPColumn: Double] = [:]
      var shift = 0.0
      for term in cc.terms {
        for s in slices {
          let w = perSlice ? term.coefficient : term.coefficient * hours[s]
          shift += w * offset(of: term.quantity, slice: s)
          for col in columns(of: term.quantity, slice: s) {
            if term.quantity.isParameter {
              parameterTerms[col.column, default: 0] += w * col.scale
            } else {
              terms.append((col.column, w * col.scale))
            }
          }
        }
      }
      let parameters = parameterTerms.sorted(by: { $0.key < $1.key }).filter { $0.value != 0 }.map { (column: $0.key, coefficient: $0.value) }
      terms += parameters
      let rhs = cc.constant.value(at: perSlice ? r : 0) - shift
      switch cc.sense {
      case .lessEqual: return RowSpec(terms: terms, lower: -.infinity, upper: rhs, parameters: parameters)
      case .greaterEqual: return RowSpec(terms: terms, lower: rhs, upper: .infinity, parameters: parameters)
      case .equal: return RowSpec(terms: terms, lower: rhs, upper: rhs, parameters: parameters)
      }
    }
  }

  /// The columns (with a scale) that make up a quantity in slice `s`.
  func columns(of q: ConstraintQuantity, slice s: Int) -> [(column: LPColumn, scale: Double)] {
    switch q {
    case let .flow(country, corridors):
      var out: [(LPColumn, Double)] = []
      for name in corridors {
        guard let c = model.corridors.firstIndex(where: { $0.name == name }) else { continue }
        for f in flowBlocks(corridor: c, origin: country) { out.append((f.columns[s], 1)) }
      }
      return out
    case let .delivered(country, market):
      guard let m = model.markets.firstIndex(where: { $0.name == market }) else { return [] }
      return index.deliveries.filter { $0.market == m && (country == nil || $0.origin == country) }.map { ($0.columns[s], 1) }
    case let .supply(name):
      guard let k = model.supplies.firstIndex(where: { $0.name == name }) else { return [] }
      return [(index.supplies[k][s], 1)]
    case let .charge(name):
      guard let k = model.storages.firstIndex(where: { $0.name == name }) else { return [] }
      return [(index.storages[k].charge[s], 1)]
    case let .discharge(name):
      guard let k = model.storages.firstIndex(where: { $0.name == name }) else { return [] }
      return [(index.storages[k].discharge[s], 1)]
    case let .level(name):
      guard let k = model.storages.firstIndex(where: { $0.name == name }) else { return [] }
      return [(index.storages[k].level[s], 1)]
    case let .capacity(name):
      guard let c = model.corridors.firstIndex(where: { $0.name == name }) else { return [] }
      // With a build option, capacity[c] is existing + what is built and serving in slice s.
      let built = model.corridors[c].enabled ? servingBuilds(.corridor(c), slice: s).map { ($0.column, $0.size) } : []
      return [(index.capacityColumns[c], 1)] + built
    case let .available(name):
      guard let k = model.supplies.firstIndex(where: { $0.name == name }) else { return [] }
      return [(index.availableColumns[k], 1)]
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
}

extension Formulation {
  /// The value a parameter column holds now: a fixed column (`capacity[c]`,
  /// `available[s]`) its bound; a build decision (part of `capacity[c]` in an investment
  /// model) its value in the current solution (0 before one).
  func parameterValue(_ column: LPColumn) -> Double {
    guard let v = try? program.variable(at: column.index), let b = try? program.bounds(of: v) else { return 0 }
    if b.lower == b.upper { return b.lower }
    if let x = program.solution?.values, x.count > column.index { return x[column.index] }
    return b.lower
  }

  /// A custom row's fixed parameter terms at their current values: what moves to the
  /// right-hand side when the row is read as the planner wrote it.
  func parameterTotal(_ spec: RowSpec) -> Double {
    spec.parameters.reduce(0) { $0 + $1.coefficient * parameterValue($1.column) }
  }

  /// A custom row's bound as the planner wrote it (`flow ≤ 0.5 × capacity`: 0.5 × the
  /// capacity), in the row's units.
  func writtenBound(_ spec: RowSpec, _ sense: ConstraintSense) -> Double {
    (sense == .lessEqual ? spec.upper : spec.lower) - parameterTotal(spec)
  }
}
