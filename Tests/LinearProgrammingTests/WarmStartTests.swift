import Testing
@testable import LinearProgramming

/// Re-solving an edited model starts from the previous basis: the same
/// optimum as a cold solve of the edited model, in fewer iterations.
///
/// The model is a 30 × 300 transportation LP (9,000 columns, 330 rows).
@Suite struct WarmStartTests {
  enum Edit: String, CaseIterable, Sendable {
    case variableBound, cost, rightHandSide, twoEdits
  }

  /// Applies the edit to a solved or unsolved model. The edit is chosen from
  /// the reference solution `s` so that it changes the optimum.
  static func apply(_ edit: Edit, to t: Transportation, reference s: Solution) throws {
    // The shipment that carries most: the optimum must change when it is capped or made dearer.
    let j = s.values.indices.max { s.values[$0] < s.values[$1] }!
    let x = try t.lp.variable(at: j)
    switch edit {
    case .variableBound:
      try t.lp.setBounds(x, lower: 0, upper: (s.values[j] / 2).rounded(.down))
    case .cost:
      try t.lp.setCost(x, t.lp.objectiveCoefficients[j] + 40)
    case .rightHandSide:
      // One more unit of demand everywhere in the market this shipment serves.
      let demand = try t.lp.constraint(at: t.demandRows.lowerBound + j % t.sinks)
      let (lo, _) = try t.lp.bounds(of: demand)
      try t.lp.setBounds(demand, lower: lo + 3, upper: .infinity)
    case .twoEdits:
      try apply(.variableBound, to: t, reference: s)
      try apply(.rightHandSide, to: t, reference: s)
    }
  }

  @Test(arguments: Edit.allCases)
  func warmReSolveMatchesAColdSolve(edit: Edit) throws {
    let seed: UInt64 = 2030
    let t = try Transportation(sources: 30, sinks: 300, seed: seed)
    let first = try t.lp.solve()
    #expect(first.termination == .optimal)
    #expect(first.isCurrent(for: t.lp))

    try Self.apply(edit, to: t, reference: first)
    #expect(t.lp.solution == nil, "an edit resets the model's solution")
    #expect(!first.isCurrent(for: t.lp), "the old snapshot is stale after an edit")
    #expect(first.values.count == t.lp.variableCount, "the old snapshot stays readable")

    let warm = try t.lp.solve()
    #expect(warm.termination == .optimal, "\(warm.rawStatus)")
    #expect(warm.isCurrent(for: t.lp))
    #expect(!close(warm.objectiveValue!, first.objectiveValue!, 1e-9), "the edit must change the optimum")

    // The same edit on a fresh copy, solved cold.
    let fresh = try Transportation(sources: 30, sinks: 300, seed: seed)
    try Self.apply(edit, to: fresh, reference: first)
    let cold = try fresh.lp.solve()
    #expect(cold.termination == .optimal)
    #expect(close(warm.objectiveValue!, cold.objectiveValue!, 1e-9),
            "\(edit): warm \(warm.objectiveValue!) vs cold \(cold.objectiveValue!)")
    #expect(warm.iterations < cold.iterations, "\(edit): warm \(warm.iterations) vs cold \(cold.iterations) iterations")
    #expect(warm.certificate!.holds(tolerance: 1e-7))
    // And warmStart: false on the warm model is a cold solve again.
    let again = try t.lp.solve(SolverOptions(warmStart: false))
    #expect(close(again.objectiveValue!, cold.objectiveValue!, 1e-9))
    print("WarmStartTests \(edit): warm \(warm.iterations) iterations (\(warm.algorithm)), cold \(cold.iterations), first solve \(first.iterations)")
  }

  /// Re-solving an unchanged model from its optimal basis takes no iterations.
  @Test func unchangedModelReSolvesInZeroIterations() throws {
    let t = try Transportation(sources: 30, sinks: 300, seed: 5)
    let a = try t.lp.solve()
    let b = try t.lp.solve()
    #expect(b.iterations == 0)
    #expect(a.objectiveValue == b.objectiveValue)
    #expect(a.values == b.values)
  }

  /// A basis read from one solve and given back as a starting basis to a
  /// fresh copy of the model: the copy starts at the optimum.
  @Test func startingBasisFromAnotherSolve() throws {
    let t = try Transportation(sources: 30, sinks: 300, seed: 11)
    let s = try t.lp.solve()
    let copy = try Transportation(sources: 30, sinks: 300, seed: 11)
    try copy.lp.setStartingBasis(s.basis!)
    let c = try copy.lp.solve()
    #expect(c.termination == .optimal)
    #expect(c.iterations == 0, "\(c.iterations) iterations from the optimal basis")
    #expect(close(c.objectiveValue!, s.objectiveValue!, 1e-12))
    #expect(c.basis == s.basis)
  }

  /// Growing a solved model (a new variable and a new row) keeps the answer right.
  @Test func structuralEditThenReSolve() throws {
    let t = try Transportation(sources: 30, sinks: 300, seed: 17)
    let s = try t.lp.solve()
    // A cheap new route into market 0 from nowhere, capped by a new row.
    let shortcut = try t.lp.addVariable(name: "shortcut", bounds: 0...5, cost: 0.5)
    let d0 = try t.lp.constraint(at: t.demandRows.lowerBound)
    let (lo, _) = try t.lp.bounds(of: d0)
    var e = LinearExpression(shortcut)
    for (v, a) in try t.lp.terms(of: d0) { e += a * v }
    try t.lp.addConstraint(e >= lo + 2, name: "market0-plus")
    let warm = try t.lp.solve()
    // Cold reference: the same model built from scratch in one go.
    let fresh = try Transportation(sources: 30, sinks: 300, seed: 17)
    let sc = try fresh.lp.addVariable(name: "shortcut", bounds: 0...5, cost: 0.5)
    var f = LinearExpression(sc)
    for (v, a) in try fresh.lp.terms(of: fresh.lp.constraint(at: fresh.demandRows.lowerBound)) { f += a * v }
    try fresh.lp.addConstraint(f >= lo + 2, name: "market0-plus")
    let cold = try fresh.lp.solve()
    #expect(warm.termination == .optimal && cold.termination == .optimal)
    #expect(close(warm.objectiveValue!, cold.objectiveValue!, 1e-9), "\(warm.objectiveValue!) vs \(cold.objectiveValue!)")
    #expect(warm.values.count == s.values.count + 1)
  }
}
