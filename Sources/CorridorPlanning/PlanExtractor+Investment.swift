import CorridorModel
import LinearProgramming

/// Build decisions and per-year figures of a plan, read from the solution and the
/// objective vectors (``Objectives``): no money formula is repeated here.
extension PlanExtractor {
  /// Capacity built and serving on corridor `c` in slice `s` (before availability).
  func builtCapacity(corridor c: Int, slice s: Int) -> Double {
    f.servingBuilds(.corridor(c), slice: s).reduce(0) { $0 + $1.size * x[$1.column] }
  }

  /// What the plan builds: one result per build column with a positive value.
  func investments(_ units: [String: Commodity]) -> [InvestmentResult] {
    var out: [InvestmentResult] = []
    guard hasPoint else { return out }
    for block in f.index.builds {
      guard let option = f.buildOption(block.owner) else { continue }
      let commodity: Commodity?
      let kind: String
      switch block.owner {
      case .corridor(let c): commodity = units[f.model.corridors[c].commodity]; kind = "corridor"
      case .storage(let k): commodity = units[f.model.storages[k].commodity]; kind = "storage"
      }
      for c in block.columns {
        let v = x[c.column]
        let discrete = c.option != nil
        guard discrete ? v > 0.5 : v > 1e-9 else { continue }
        let size = discrete ? c.size : v
        let served = f.model.horizon.map { h in h.years.map(\.year).filter { y in c.year.map { option.serves(builtIn: $0, year: y) } ?? true } } ?? []
        let investment = c.option.flatMap { option.costPerOption?[$0] } ?? (option.costPerUnit ?? 0) * size
        out.append(InvestmentResult(
          kind: kind, name: block.name, year: c.year, size: size, unit: commodity?.unit ?? "",
          energy: option.duration.map { $0 * size * (commodity?.amountPerUnitHour ?? 1) },
          energyUnit: option.duration == nil ? nil : commodity?.amountUnit,
          investment: investment, yearlyCost: option.yearlyCost(size: size, option: c.option),
          objectiveCost: -f.objectives.value[c.column] * (discrete ? 1 : v),
          servedYears: served, valueAdded: nil))
      }
    }
    return out
  }

  /// Per planning year: its operating value (undiscounted, one year), the yearly cost of
  /// what serves in it (of `built`, the plan's ``investments(_:)``), and each corridor's
  /// average flow and usable capacity.
  func years(_ units: [String: Commodity], built: [InvestmentResult]) -> [YearResult] {
    guard let horizon = f.model.horizon, hasPoint else { return [] }
    var operating = [Double](repeating: 0, count: horizon.years.count)
    // Every per-slice column's money, read from the value vector and divided by its
    // slice's year multiplier: one calendar year's money.
    let value = f.objectives.value
    for j in 0..<value.count where value[j] != 0 && x[j] != 0 {
      guard let owner = f.index.owner(of: LPColumn(j)), owner.part != .build, let s = owner.slice else { continue }
      operating[horizon.yearIndex(ofSlice: s)] += value[j] * x[j] / f.moneyWeight[s]
    }
    return horizon.years.enumerated().map { k, y in
      let slices = horizon.slices(ofYear: k)
      let hours = slices.reduce(0.0) { $0 + f.hours[$1] }
      let corridors = f.model.corridors.enumerated().map { c, corridor -> CorridorYear in
        var flow = 0.0, capacity = 0.0
        for s in slices {
          var total = 0.0
          for b in f.flowBlocks(corridor: c) { total += x[b.columns[s]] }
          flow += f.hours[s] * total
          capacity += f.hours[s] * (corridor.usableCapacity(at: s) + corridor.availability.value(at: s) * (corridor.enabled ? builtCapacity(corridor: c, slice: s) : 0))
        }
        return CorridorYear(name: corridor.name, unit: units[corridor.commodity]?.unit ?? "", capacity: capacity / hours, flow: flow / hours)
      }
      let cost = built.filter { $0.servedYears.contains(y.year) }.reduce(0) { $0 + $1.yearlyCost }
      return YearResult(year: y.year, weight: y.weight, multiplier: y.multiplier, operatingValue: operating[k],
                        investmentCost: cost, corridors: corridors)
    }
  }
}
