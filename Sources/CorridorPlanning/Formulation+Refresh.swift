import CorridorModel
import LinearProgramming

/// Re-applying the value formulas (``Formulation``'s `+Values`) to the built LP after the
/// model's values changed: bounds, right-hand sides, coefficients and objectives are set
/// in place, only where they differ, so the next solve starts from the last basis.
extension Formulation {
  /// Corridor `c`: its capacity column, its capacity rows (availability is their
  /// coefficient on the capacity column), the custom rows that name `capacity[c]`, and
  /// the objectives (its tariff).
  func refreshCorridor(_ c: Int) throws {
    capacityReference[c] = capacityFixedValue(c)
    try fix(index.capacityColumns[c], at: capacityReference[c])
    if let rows = index.capacityRows[c] { try rewrite(rows, (0..<sliceCount).map { capacityRow(c, $0) }) }
    let name = model.corridors[c].name
    try refreshConstraints { if case .capacity(name) = $0 { true } else { false } }
  }

  /// Supply `k`: its per-slice upper bounds, its available column, the custom rows that
  /// name `available[k]`, the fair-share rules weighted by supply. Its cost is in the objectives.
  func refreshSupply(_ k: Int) throws {
    for s in 0..<sliceCount { try setColumnBounds(index.supplies[k][s], lower: 0, upper: supplyUpper(k, s)) }
    availableReference[k] = availableFixedValue(k)
    try fix(index.availableColumns[k], at: availableReference[k])
    let name = model.supplies[k].name
    try refreshConstraints { if case .available(name) = $0 { true } else { false } }
    for (r, rule) in model.rules.enumerated() {
      if case .fairShare(_, _, .supply) = rule.kind { try refreshRule(r) }
    }
  }

  /// Market `m`: its absorption rows. Its price is in the objectives.
  func refreshMarket(_ m: Int) throws {
    if let rows = index.marketRows[m] { try rewrite(rows, (0..<sliceCount).map { marketRow(m, $0) }) }
  }

  /// Rule `k`'s rows (its share or firm volume).
  func refreshRule(_ k: Int) throws {
    if let rows = index.ruleRows[k] { try rewrite(rows, ruleRows(k)) }
  }

  /// Custom constraint `k`'s rows.
  func refreshConstraint(_ k: Int) throws {
    if let rows = index.constraintRows[k] { try rewrite(rows, constraintRows(k)) }
  }

  /// Every value of the LP, from the model as it is now.
  func refreshAll() throws {
    for c in model.corridors.indices { try refreshCorridor(c) }
    for k in model.supplies.indices { try refreshSupply(k) }
    for m in model.markets.indices { try refreshMarket(m) }
    for k in model.rules.indices { try refreshRule(k) }
    for k in model.constraints.indices { try refreshConstraint(k) }
    refreshObjectives()
  }

  /// The value and cost vectors from the model as it is now (the ``Planner`` sets the
  /// objective of each stage only when it changed).
  func refreshObjectives() {
    let fresh = Objectives(formulation: self, columnCount: program.variableCount)
    if fresh.value != objectives.value || fresh.cost != objectives.cost { objectiveEdits += 1 }
    objectives = fresh
  }

  private func refreshConstraints(naming matches: (ConstraintQuantity) -> Bool) throws {
    for (k, cc) in model.constraints.enumerated() where cc.terms.contains(where: { matches($0.quantity) }) {
      try refreshConstraint(k)
    }
  }

  private func fix(_ column: LPColumn, at value: Double) throws {
    try setColumnBounds(column, lower: value, upper: value)
  }

  private func setColumnBounds(_ column: LPColumn, lower: Double, upper: Double) throws {
    let v = try program.variable(at: column.index)
    let old = try program.bounds(of: v)
    if old.lower != lower || old.upper != upper { try program.setBounds(v, lower: lower, upper: upper) }
  }

  /// Sets the terms and bounds of `rows` to `specs` (one per row), touching only what differs.
  private func rewrite(_ rows: RowSpan, _ specs: [RowSpec]) throws {
    precondition(specs.count == rows.count, "a refresh writes every row of an entry")
    var starts = [0], columns: [Int32] = [], values: [Double] = []
    for spec in specs {
      for t in spec.terms {
        columns.append(Int32(t.column.index))
        values.append(t.coefficient)
      }
      starts.append(columns.count)
    }
    coefficientEdits += try program.replaceTerms(ofRows: rows.rows.map(\.index), rowStarts: starts, columns: columns, coefficients: values)
    for (k, spec) in specs.enumerated() {
      let row = try program.constraint(at: rows[k].index)
      let old = try program.bounds(of: row)
      if old.lower != spec.lower || old.upper != spec.upper {
        try program.setBounds(row, lower: spec.lower, upper: spec.upper)
      }
    }
  }
}
