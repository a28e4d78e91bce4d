import Testing
@testable import LinearProgramming

/// Interior point followed by the crossover (issue #8 item 5): the answer must
/// be what simplex gives — the same optimal objective, a basis, duals that pass
/// the certificate — not GLPK's approximate interior point.
///
/// The reference is an independent solve of the same model by primal simplex
/// (a different algorithm from a different start). Degenerate models
/// (transportation problems, whose optimal face is often not one vertex) have
/// several optimal vertices, so the point and the duals are checked through
/// the certificate, and the objective against the simplex objective.
@Suite struct CrossoverTests {
  /// Interior + crossover vs primal simplex on one model: returns what differs.
  func compare(_ lp: LinearProgram, label: String) throws -> [String] {
    let reference = try lp.solve(SolverOptions(algorithm: .primal, warmStart: false))
    guard reference.termination == .optimal, let zRef = reference.objectiveValue else {
      return ["\(label): primal simplex did not solve it (\(reference.termination))"]
    }
    let s = try lp.solve(SolverOptions(algorithm: .interior))
    var problems: [String] = []
    guard s.termination == .optimal, let z = s.objectiveValue else {
      return ["\(label): interior + crossover ended \(s.termination): \(s.rawStatus)"]
    }
    if !close(z, zRef, 1e-9) { problems.append("\(label): objective \(z), simplex \(zRef) (Δ \(z - zRef))") }
    if s.basis == nil { problems.append("\(label): no basis after the crossover") }
    if s.dualStatus != .feasible { problems.append("\(label): dual status \(s.dualStatus)") }
    if let c = s.certificate {
      if !c.holds(tolerance: 1e-9) { problems.append("\(label): certificate fails at 1e-9: \(c)") }
    } else {
      problems.append("\(label): no certificate")
    }
    if !s.rawStatus.contains("crossover") { problems.append("\(label): raw status does not mention the crossover: \(s.rawStatus)") }
    problems += inconsistencies(s, lp).map { "\(label): \($0)" }
    return problems
  }

  @Test func randomLPsMatchSimplex() throws {
    var problems: [String] = []
    for seed: UInt64 in 1...300 {
      let r = try PropertyTests.RandomLP(seed: seed)
      guard r.lp.constraintCount > 0 else { continue }  // solved without GLPK
      problems += try compare(r.lp, label: "random LP seed \(seed)")
    }
    #expect(problems.count == 0, "\(problems.count) problems:\n\(problems.prefix(20).joined(separator: "\n"))")
  }

  /// Transportation problems are degenerate: GLPK's interior point stops in the
  /// middle of the optimal face, where many columns are strictly between their
  /// bounds and the certificate's complementarity measure is not 0.
  @Test func degenerateTransportationProblemsMatchSimplex() throws {
    var problems: [String] = []
    for seed: UInt64 in 1...20 {
      let t = try Transportation(sources: 4 + Int(seed % 5), sinks: 6 + Int(seed % 7), seed: seed)
      problems += try compare(t.lp, label: "transportation seed \(seed)")
    }
    #expect(problems.count == 0, "\(problems.count) problems:\n\(problems.prefix(20).joined(separator: "\n"))")
  }

  /// Without the crossover, the same models give GLPK's bare interior point:
  /// no basis, and on a degenerate model a certificate that fails at 1e-9.
  /// This is what the crossover fixes, shown on the models of the test above.
  @Test func withoutCrossoverTheAnswerIsNotAVertex() throws {
    var failing = 0
    for seed: UInt64 in 1...20 {
      let t = try Transportation(sources: 4 + Int(seed % 5), sinks: 6 + Int(seed % 7), seed: seed)
      let s = try t.lp.solve(SolverOptions(algorithm: .interior, crossover: false))
      #expect(s.basis == nil)
      if let c = s.certificate, !c.holds(tolerance: 1e-9) { failing += 1 }
    }
    #expect(failing > 0, "the bare interior point passed every certificate at 1e-9: the models do not show the problem")
  }

  /// The crossover leaves a basis: ranging works and a re-solve starts warm.
  @Test func rangingAndWarmStartAfterCrossover() throws {
    let t = try Transportation(sources: 5, sinks: 8, seed: 42)
    let s = try t.lp.solve(SolverOptions(algorithm: .interior))
    #expect(s.termination == .optimal)
    let first = Variable(modelID: t.lp.id, index: 0)
    let range = try t.lp.costRange(of: first)
    let cost = t.lp.objectiveCoefficients[0]
    #expect(range.lower <= cost + 1e-9 && cost - 1e-9 <= range.upper, "cost \(cost) outside its own range \(range)")
    // One more unit of demand at the first market: a warm dual simplex re-solve.
    let row = Constraint(modelID: t.lp.id, index: t.demandRows.lowerBound)
    let (lo, hi) = try t.lp.bounds(of: row)
    try t.lp.setBounds(row, lower: lo + 1, upper: hi)
    let warm = try t.lp.solve(SolverOptions(algorithm: .dual))
    #expect(warm.termination == .optimal)
    #expect(warm.iterations < 20, "a one-unit change took \(warm.iterations) iterations: not warm")
    // The warm answer is the optimum: a cold solve from scratch agrees.
    let cold = try t.lp.solve(SolverOptions(algorithm: .primal, warmStart: false))
    #expect(close(warm.objectiveValue, cold.objectiveValue, 1e-9))
  }
}
