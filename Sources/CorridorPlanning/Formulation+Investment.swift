import CorridorModel
import LinearProgramming

/// Build decisions (docs/formulation.md, "Investment"): columns, the choice rows, and the
/// capacity they add in the years they serve.
///
/// For each build option and each planning year `y` it may start serving in (from its
/// `available-from`, before `retires`):
/// - continuous: `build[c, y] ≥ 0` in commodity units, and one row `Σ_y build[c, y] ≤ max`;
/// - discrete sizes: a binary `build[c, size, y]` per size, and `Σ_{size, y} build ≤ 1`;
/// - a yes/no project: a binary `build[c, y]`, and `Σ_y build ≤ 1`.
/// Capacity in slice `s` of year `Y` is then existing + `Σ size · build[…, y]` over the
/// builds that serve in `Y` (``BuildOption/serves(builtIn:year:)``). Each build column's
/// objective coefficient is minus its yearly cost times the multipliers of the years it
/// serves (``Objectives``).
extension Formulation {
  /// The slices' year multipliers (``Horizon/Year/multiplier``), 1 in a one-year model: the
  /// weight of each slice's money in the objective.
  static func moneyWeights(_ model: Model) -> [Double] {
    guard let h = model.horizon else { return [Double](repeating: 1, count: model.slices.count) }
    return (0..<model.slices.count).map { h.years[h.yearIndex(ofSlice: $0)].multiplier }
  }

  /// The calendar year of slice `s` (nil in a one-year model).
  func calendarYear(ofSlice s: Int) -> Int? {
    model.horizon.map { $0.years[$0.yearIndex(ofSlice: s)].year }
  }

  /// The build option of an entry.
  func buildOption(_ entry: FormulationIndex.BuildBlock.Owner) -> BuildOption? {
    switch entry {
    case .corridor(let c): model.corridors[c].build
    case .storage(let k): model.storages[k].build
    }
  }

  /// Adds the build columns of every corridor and storage with a build option.
  func buildInvestmentColumns(_ b: inout LPBuilder) {
    let owners: [(FormulationIndex.BuildBlock.Owner, String, BuildOption?, ModelEntry)] =
      model.corridors.enumerated().map { (.corridor($0.offset), $0.element.name, $0.element.enabled ? $0.element.build : nil, .corridor($0.element.name)) }
      + model.storages.enumerated().map { (.storage($0.offset), $0.element.name, $0.element.build, .storage($0.element.name)) }
    for (owner, name, option, entry) in owners {
      guard let option else { continue }
      // The years it may start serving: every horizon year from available-from, before
      // retires; one undated decision in a one-year model.
      let starts: [Int?] = model.horizon.map { h in
        h.years.map(\.year).filter { y in
          (option.availableFrom.map { y >= $0 } ?? true) && (option.retires.map { y < $0 } ?? true)
        }
      } ?? [nil]
      let first = b.columnCount
      var columns: [FormulationIndex.BuildColumn] = []
      for y in starts {
        let tag = y.map { ",\($0)" } ?? ""
        switch option.choice {
        case .continuous(let maximum):
          let j = b.column("build[\(name)\(tag)]", upper: maximum)
          columns.append(.init(column: LPColumn(j), year: y, size: 1, option: nil))
        case .sizes(let sizes):
          for (k, size) in sizes.enumerated() {
            let j = b.column("build[\(name),\(Units.format(size))\(tag)]", upper: 1)
            b.binary.insert(j)
            columns.append(.init(column: LPColumn(j), year: y, size: size, option: k))
          }
        case .project(let size):
          let j = b.column("build[\(name)\(tag)]", upper: 1)
          b.binary.insert(j)
          columns.append(.init(column: LPColumn(j), year: y, size: size, option: 0))
        }
      }
      index.builds.append(.init(owner: owner, name: name, columns: columns, choiceRow: nil))
      if b.columnCount > first { index.noteColumns(first, b.columnCount - first, entry, .build, perSlice: false) }
    }
  }

  /// Adds one choice row per build option (at most one size, once; or at most `max` in all).
  func buildInvestmentRows(_ b: inout LPBuilder) {
    for k in index.builds.indices {
      let block = index.builds[k]
      guard let option = buildOption(block.owner), !block.columns.isEmpty else { continue }
      for c in block.columns { b.term(c.column.index, 1) }
      let upper: Double
      if case .continuous(let maximum) = option.choice { upper = maximum } else { upper = 1 }
      let r = b.endRow("choice[\(block.name)]", lower: -.infinity, upper: upper)
      index.builds[k].choiceRow = LPRow(r)
      index.noteRows(r, 1, block.ownerEntry(model), .buildChoice, perSlice: false)
    }
  }

  /// The build columns of `owner` that add capacity in slice `s`, with the capacity each
  /// adds per unit of the column (its size; 1 for a continuous build).
  func servingBuilds(_ owner: FormulationIndex.BuildBlock.Owner, slice s: Int) -> [(column: LPColumn, size: Double)] {
    guard let block = index.builds.first(where: { $0.owner == owner }), let option = buildOption(owner) else { return [] }
    let year = calendarYear(ofSlice: s)
    return block.columns.compactMap { c in
      if let built = c.year, let year, !option.serves(builtIn: built, year: year) { return nil }
      return (c.column, c.size)
    }
  }

  /// Per storage with a build option, per slice: charge, discharge and level within the
  /// existing power and energy plus what is built and serving
  /// (`charge[s] − Σ size·build ≤ power`, `level[s] − duration·Σ size·build ≤ energy`).
  func buildStorageLimits(_ b: inout LPBuilder) {
    let sliceNames = model.slices.map(\.name)
    for (k, st) in model.storages.enumerated() {
      guard let option = st.build else { continue }
      let cols = index.storages[k]
      let first = b.rowCount
      for s in 0..<sliceCount {
        let serving = servingBuilds(.storage(k), slice: s)
        for (span, limit, scale, what) in [(cols.charge, st.power, 1.0, "charge"), (cols.discharge, st.power, 1.0, "discharge"),
                                            (cols.level, st.energy, option.duration ?? 0, "level")] {
          b.term(span[s].index, 1)
          for (j, size) in serving { b.term(j.index, -size * scale) }
          b.endRow("\(what)-limit[\(st.name),\(sliceNames[s])]", lower: -.infinity, upper: limit, time: s)
        }
      }
      index.storageLimitRows[k] = RowSpan(first: first, count: b.rowCount - first)
      index.noteRows(first, b.rowCount - first, .storage(st.name), .storageLimit, perSlice: false)
    }
  }

  /// The objective coefficient of each build column: `−yearly cost × Σ multiplier` over the
  /// years it serves (one year of multiplier 1 in a one-year model).
  func buildObjective(_ block: FormulationIndex.BuildBlock, _ c: FormulationIndex.BuildColumn) -> Double {
    guard let option = buildOption(block.owner) else { return 0 }
    let yearly = option.yearlyCost(size: c.size, option: c.option)
    guard let horizon = model.horizon, let built = c.year else { return -yearly }
    let served = horizon.years.filter { option.serves(builtIn: built, year: $0.year) }.reduce(0) { $0 + $1.multiplier }
    return -yearly * served
  }
}
