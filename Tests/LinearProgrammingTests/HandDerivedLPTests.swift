import Testing
@testable import LinearProgramming

/// Small LPs whose optimum, duals and reduced costs are derived by hand in the comments.
@Suite struct HandDerivedLPTests {
  /// max 3x + 2y  s.t.  x + y ≤ 4 (a),  x + 3y ≤ 6 (b),  x ≤ 3,  x, y ≥ 0.
  /// Vertices: (3,1) gives 11; (0,2) gives 4; (3,0) gives 9. Optimum x=3, y=1, z=11.
  /// At (3,1): a binds (4), b: 3+3=6 binds too, x at its bound 3 — degenerate? No:
  /// with y as basic, rows a and b both binding and x at upper bound: three active
  /// constraints in 2-D, so the vertex is degenerate and duals are not unique.
  /// Use instead x ≤ 3.5: then (3.5, 0.5) is the a∩x-bound vertex: z = 10.5+1 = 11.5;
  /// a∩b: x + y = 4, x + 3y = 6 → y = 1, x = 3, z = 11. Best of a∩xbound (3.5,0.5): b: 3.5+1.5=5 ≤ 6 ok → z=11.5.
  /// Duals at (3.5,0.5): basis {y, slack b}; y's reduced cost 0 → dual(a) = 2;
  /// x's reduced cost = 3 − 2 = 1 (nonbasic at upper bound 3.5: one more unit of bound gains 1).
  @Test func maximizationDualsAreShadowPrices() throws {
    let lp = LinearProgram(sense: .maximize)
    let x = try lp.addVariable(name: "x", bounds: 0...3.5)
    let y = try lp.addVariable(name: "y")
    let a = try lp.addConstraint(x + y <= 4, name: "a")
    let b = try lp.addConstraint(x + 3 * y <= 6, name: "b")
    try lp.setObjective(3 * x + 2 * y)
    let s = try lp.solve()
    #expect(s.termination == .optimal)
    #expect(abs(s.objectiveValue! - 11.5) < 1e-9)
    #expect(abs(s.value(x) - 3.5) < 1e-9)
    #expect(abs(s.value(y) - 0.5) < 1e-9)
    #expect(abs(s.dual(a)! - 2) < 1e-9)
    #expect(abs(s.dual(b)!) < 1e-9)
    #expect(abs(s.reducedCost(x)! - 1) < 1e-9)
    #expect(abs(s.reducedCost(y)!) < 1e-9)
    #expect(s.certificate!.holds(tolerance: 1e-9))
  }

  /// min 2x + 3y  s.t.  x + y ≥ 10 (d),  x ≤ 6,  y ≥ 0.  Optimum x=6, y=4, z=24.
  /// Dual of d = 3 (one more unit of demand costs 3, served by y); reduced cost of x = 2 − 3 = −1
  /// (x at its upper bound: raising the bound by 1 saves 1).
  @Test func minimizationDualsAreShadowPrices() throws {
    let lp = LinearProgram()
    let x = try lp.addVariable(name: "x", bounds: 0...6)
    let y = try lp.addVariable(name: "y")
    let d = try lp.addConstraint(x + y >= 10, name: "d")
    try lp.setObjective(2 * x + 3 * y + 1)
    let s = try lp.solve()
    #expect(s.termination == .optimal)
    #expect(abs(s.objectiveValue! - 25) < 1e-9)
    #expect(abs(s.dual(d)! - 3) < 1e-9)
    #expect(abs(s.reducedCost(x)! + 1) < 1e-9)
    #expect(s.certificate!.holds(tolerance: 1e-9))
  }
}

/// More hand-derived LPs and MIPs: values, duals and reduced costs for both
/// senses, degenerate and empty models, and the status of every outcome.
@Suite struct HandDerivedMoreTests {
  /// min x + 2y + 3w  s.t.  e: x + y + w = 10,  r: 2 ≤ y − x ≤ 4,  x ∈ [0, 5], y, w ≥ 0.
  /// With w = 0 (it costs most), y = 10 − x and z = 20 − x: x as large as r allows,
  /// y − x = 10 − 2x ≥ 2 → x = 4, y = 6, z = 16 (x strictly inside its bounds: nondegenerate).
  /// Basis {x, y}: reduced costs 0 give y_e − y_r = 1 and y_e + y_r = 2 → y_e = 1.5, y_r = 0.5
  /// (check: e's rhs to 11 → x = 4.5, y = 6.5, z = 17.5; r's lower bound to 3 → z = 16.5).
  /// Reduced cost of w = 3 − 1.5 = 1.5 (at its lower bound, as a minimum requires: ≥ 0).
  /// The maximization of the negated objective has the same point and negated z, duals
  /// and reduced costs (they are derivatives of the objective).
  @Test(arguments: [ObjectiveSense.minimize, .maximize])
  func equalityAndRangedRows(sense: ObjectiveSense) throws {
    let lp = LinearProgram(sense: sense)
    let x = try lp.addVariable(name: "x", bounds: 0...5)
    let y = try lp.addVariable(name: "y")
    let w = try lp.addVariable(name: "w")
    let e = try lp.addConstraint(x + y + w == 10, name: "e")
    let r = try lp.addConstraint(LinearConstraint(y - x, in: 2...4), name: "r")
    let f: Double = sense == .minimize ? 1 : -1
    try lp.setObjective(f * (x + 2 * y + 3 * w))
    let s = try lp.solve()
    #expect(s.termination == .optimal && s.primalStatus == .feasible && s.dualStatus == .feasible)
    #expect(close(s.objectiveValue!, 16 * f, 1e-9))
    #expect(close(s.value(x), 4, 1e-9) && close(s.value(y), 6, 1e-9) && close(s.value(w), 0, 1e-9))
    #expect(close(s.dual(e)!, 1.5 * f, 1e-9))
    #expect(close(s.dual(r)!, 0.5 * f, 1e-9))
    #expect(close(s.reducedCost(w)!, 1.5 * f, 1e-9))
    #expect(close(s.reducedCost(x)!, 0, 1e-9) && close(s.reducedCost(y)!, 0, 1e-9))
    #expect(close(s.activity(r), 2, 1e-9))
    #expect(s.basis?.constraints[r.index] == .atLower)
    #expect(s.basis?.variables[w.index] == .atLower)
    #expect(s.certificate!.holds(tolerance: 1e-9))
    #expect(inconsistencies(s, lp) == [])
  }

  /// Reddy Mikks: max 5a + 4b  s.t.  c1: 6a + 4b ≤ 24,  c2: a + 2b ≤ 6,  c3: b − a ≤ 1,
  /// c4: a + b ≥ 1,  a, b ≥ 0.  Optimum a = 3, b = 1.5, z = 21 (c1 ∩ c2).
  /// Duals from 5 = 6·y1 + y2 and 4 = 4·y1 + 2·y2: y1 = 0.75, y2 = 0.5; c3 and c4 are slack (0).
  @Test func maximizationWithGreaterEqualRow() throws {
    let lp = LinearProgram(sense: .maximize)
    let a = try lp.addVariable(name: "a")
    let b = try lp.addVariable(name: "b")
    let c1 = try lp.addConstraint(6 * a + 4 * b <= 24)
    let c2 = try lp.addConstraint(a + 2 * b <= 6)
    let c3 = try lp.addConstraint(b - a <= 1)
    let c4 = try lp.addConstraint(a + b >= 1)
    try lp.setObjective(5 * a + 4 * b)
    let s = try lp.solve()
    #expect(s.termination == .optimal)
    #expect(close(s.objectiveValue!, 21, 1e-9))
    #expect(close(s.value(a), 3, 1e-9) && close(s.value(b), 1.5, 1e-9))
    #expect(close(s.dual(c1)!, 0.75, 1e-9) && close(s.dual(c2)!, 0.5, 1e-9))
    #expect(close(s.dual(c3)!, 0, 1e-9) && close(s.dual(c4)!, 0, 1e-9))
    #expect(close(s.reducedCost(a)!, 0, 1e-9) && close(s.reducedCost(b)!, 0, 1e-9))
    #expect(close(s.certificate!.dualObjective!, 21, 1e-9))
    #expect(s.certificate!.holds(tolerance: 1e-9))
  }

  /// Free variables: min t − 0.5x  s.t.  r1: t − x ≥ 2,  r2: t + x ≥ −2,  t, x free
  /// (t ≥ |x + 2|). For x ≥ −2 the objective is 0.5x + 2, for x ≤ −2 it is −1.5x − 2:
  /// optimum x = −2, t = 0, z = 1. Duals: 1 = y1 + y2, −0.5 = −y1 + y2 → y1 = 0.75,
  /// y2 = 0.25 (dual objective 2·0.75 − 2·0.25 = 1).
  @Test(arguments: [SolverOptions.Algorithm.primal, .dual, .interior, .auto])
  func freeVariables(algorithm: SolverOptions.Algorithm) throws {
    let lp = LinearProgram()
    let t = try lp.addVariable(name: "t", lower: -.infinity)
    let x = try lp.addVariable(name: "x", lower: -.infinity, upper: .infinity)
    let r1 = try lp.addConstraint(t - x >= 2)
    let r2 = try lp.addConstraint(t + x >= -2)
    try lp.setObjective(t - 0.5 * x)
    let s = try lp.solve(SolverOptions(algorithm: algorithm))
    let tol = 1e-9
    #expect(s.termination == .optimal)
    #expect(close(s.objectiveValue!, 1, tol))
    #expect(close(s.value(x), -2, tol) && close(s.value(t), 0, tol))
    #expect(close(s.dual(r1)!, 0.75, tol) && close(s.dual(r2)!, 0.25, tol))
    #expect(s.certificate!.holds(tolerance: tol))
    // Interior point ends with a crossover to the same vertex (issue #8 item 5).
    #expect(s.basis?.variables == [.basic, .basic])
  }

  /// A degenerate vertex: max x + y  s.t.  x + y ≤ 2,  x ≤ 1 (row),  y ≤ 1 (row),
  /// x + 2y ≤ 3,  x, y ≥ 0. Four rows meet at (1, 1), so the duals are not unique
  /// (e.g. (1,0,0,0) or (0,1,1,0)): only the objective and the certificate are pinned.
  @Test func degenerateVertex() throws {
    for sense in [ObjectiveSense.maximize, .minimize] {
      let lp = LinearProgram(sense: sense)
      let x = try lp.addVariable(name: "x")
      let y = try lp.addVariable(name: "y")
      try lp.addConstraint(x + y <= 2)
      try lp.addConstraint(x <= 1.0)
      try lp.addConstraint(y <= 1.0)
      try lp.addConstraint(x + 2 * y <= 3)
      let f: Double = sense == .maximize ? 1 : -1
      try lp.setObjective(f * (x + y))
      for algorithm in [SolverOptions.Algorithm.primal, .dual] {
        let s = try lp.solve(SolverOptions(algorithm: algorithm, warmStart: false))
        #expect(s.termination == .optimal, "\(sense) \(algorithm)")
        #expect(close(s.objectiveValue!, 2 * f, 1e-9), "\(sense) \(algorithm)")
        #expect(s.certificate!.holds(tolerance: 1e-9), "\(sense) \(algorithm): \(s.certificate!)")
      }
    }
  }

  // MARK: Infeasible and unbounded LPs

  /// x + y ≤ 1 and x + y ≥ 2 cannot both hold.
  static func infeasibleLP() throws -> LinearProgram {
    let lp = LinearProgram()
    let x = try lp.addVariable(name: "x")
    let y = try lp.addVariable(name: "y")
    try lp.addConstraint(x + y <= 1)
    try lp.addConstraint(x + y >= 2)
    try lp.setObjective(x + 2 * y)
    return lp
  }

  /// max x + y  s.t.  x − y ≤ 1,  x, y ≥ 0: the ray (1, 1) improves without limit.
  static func unboundedLP() throws -> LinearProgram {
    let lp = LinearProgram(sense: .maximize)
    let x = try lp.addVariable(name: "x")
    let y = try lp.addVariable(name: "y")
    try lp.addConstraint(x - y <= 1)
    try lp.setObjective(x + y)
    return lp
  }

  @Test func infeasibleLPStatusForEveryAlgorithm() throws {
    let expected: [(SolverOptions, TerminationStatus)] = [
      (SolverOptions(algorithm: .primal), .infeasible),
      (SolverOptions(algorithm: .dual), .infeasible),
      (SolverOptions(algorithm: .auto), .infeasible),
      (SolverOptions(algorithm: .primal, presolve: true), .infeasible),
      (SolverOptions(algorithm: .interior), .infeasibleOrUnbounded),
    ]
    for (options, status) in expected {
      let lp = try Self.infeasibleLP()
      let s = try lp.solve(options)
      #expect(s.termination == status, "\(options.algorithm) presolve \(options.presolve): \(s.termination) (\(s.rawStatus))")
      #expect(s.primalStatus != .feasible, "\(options.algorithm)")
      #expect(inconsistencies(s, lp) == [], "\(options.algorithm)")
    }
  }

  @Test func unboundedLPStatusForEveryAlgorithm() throws {
    let expected: [(SolverOptions, TerminationStatus)] = [
      (SolverOptions(algorithm: .primal), .unbounded),
      (SolverOptions(algorithm: .dual), .unbounded),
      (SolverOptions(algorithm: .auto), .unbounded),
      (SolverOptions(algorithm: .primal, presolve: true), .infeasibleOrUnbounded),
      (SolverOptions(algorithm: .interior), .infeasibleOrUnbounded),
    ]
    for (options, status) in expected {
      let lp = try Self.unboundedLP()
      let s = try lp.solve(options)
      #expect(s.termination == status, "\(options.algorithm) presolve \(options.presolve): \(s.termination) (\(s.rawStatus))")
      if status == .unbounded {
        #expect(s.primalStatus == .feasible && s.dualStatus != .feasible, "\(options.algorithm)")
      }
      #expect(inconsistencies(s, lp) == [], "\(options.algorithm)")
    }
  }

  @Test func iterationLimitStatus() throws {
    let t = try Transportation(sources: 10, sinks: 40, seed: 7)
    let s = try t.lp.solve(SolverOptions(algorithm: .primal, iterationLimit: 3))
    #expect(s.termination == .iterationLimit, "\(s.rawStatus)")
    #expect(s.iterations <= 3)
    #expect(inconsistencies(s, t.lp) == [])
    // Without the limit the same model is optimal.
    let full = try t.lp.solve(SolverOptions(algorithm: .primal))
    #expect(full.termination == .optimal)
  }

  // MARK: Empty models

  @Test func modelWithoutVariablesOrConstraints() throws {
    for sense in [ObjectiveSense.minimize, .maximize] {
      let lp = LinearProgram(sense: sense)
      try lp.setObjective(LinearExpression(constant: 7))
      for algorithm in SolverOptions.Algorithm.allCases {
        let s = try lp.solve(SolverOptions(algorithm: algorithm))
        #expect(s.termination == .optimal && s.primalStatus == .feasible, "\(algorithm)")
        #expect(s.objectiveValue == 7)
        #expect(s.values.isEmpty && s.activities.isEmpty)
        #expect(inconsistencies(s, lp) == [], "\(algorithm)")
      }
    }
  }

  /// Rows without terms have activity 0: feasible when their bounds admit 0.
  @Test func rowsWithoutTermsAndNoVariables() throws {
    let ok = LinearProgram()
    let c = try ok.addConstraint(LinearConstraint(LinearExpression(), in: -1...1))
    let s = try ok.solve()
    #expect(s.termination == .optimal)
    #expect(s.activity(c) == 0 && s.dual(c) == 0)
    #expect(inconsistencies(s, ok) == [])

    let bad = LinearProgram()
    try bad.addConstraint(LinearExpression() >= 1)
    let t = try bad.solve()
    #expect(t.termination == .infeasible)
    #expect(t.primalStatus != .feasible)
    #expect(inconsistencies(t, bad) == [])
  }

  /// A row without terms among ordinary rows goes to GLPK like any other.
  @Test func rowWithoutTermsAmongOthers() throws {
    for (lower, status) in [(-1.0, TerminationStatus.optimal), (1.0, .infeasible)] {
      let lp = LinearProgram()
      let x = try lp.addVariable(name: "x")
      try lp.addConstraint(x >= 1)
      let empty = try lp.addConstraint(LinearConstraint(LinearExpression(), lower: lower, upper: 2))
      try lp.setObjective(LinearExpression(x))
      #expect(try lp.terms(of: empty).isEmpty)
      let s = try lp.solve()
      #expect(s.termination == status, "empty row ≥ \(lower): \(s.rawStatus)")
      if status == .optimal {
        #expect(close(s.objectiveValue!, 1, 1e-9))
        #expect(s.activity(empty) == 0)
      }
      #expect(inconsistencies(s, lp) == [])
    }
  }

  /// Without rows each variable sits at the bound its cost prefers.
  /// min x − y, x ∈ [1, 3], y ∈ [−2, 4]: x = 1, y = 4, z = −3; max: x = 3, y = −2, z = 5.
  @Test func variablesWithoutConstraints() throws {
    for (sense, z, xv, yv) in [(ObjectiveSense.minimize, -3.0, 1.0, 4.0), (.maximize, 5, 3, -2)] {
      let lp = LinearProgram(sense: sense)
      let x = try lp.addVariable(name: "x", bounds: 1...3)
      let y = try lp.addVariable(name: "y", bounds: -2...4)
      let free = try lp.addVariable(name: "free", lower: -.infinity)
      try lp.setObjective(x - y)
      let s = try lp.solve()
      #expect(s.termination == .optimal)
      #expect(s.objectiveValue == z && s.value(x) == xv && s.value(y) == yv)
      #expect(s.value(free) == 0)
      #expect(s.reducedCost(x) == 1 && s.reducedCost(y) == -1)
      #expect(s.certificate!.holds(tolerance: 1e-12))
      #expect(inconsistencies(s, lp) == [])
    }
  }

  /// min −x with x ≥ 5 and no rows is unbounded; a point must still be consistent.
  @Test func variablesWithoutConstraintsUnbounded() throws {
    let lp = LinearProgram()
    let x = try lp.addVariable(name: "x", lower: 5)
    try lp.addVariable(name: "y", bounds: 1...2, cost: 1)
    try lp.setObjective(-1 * x)
    let s = try lp.solve()
    #expect(s.termination == .unbounded)
    #expect(inconsistencies(s, lp) == [])
  }

  // MARK: MIP

  /// Knapsack: values (10, 13, 7, 8), weights (5, 6, 4, 3), capacity 10.
  /// Feasible pairs: {1,3} 17, {1,4} 18, {2,3} 20, {2,4} 21, {3,4} 15; no triple fits:
  /// the maximum is 21 with items 2 and 4. The covering twin (min weight with value ≥ 20):
  /// {2,4} weighs 9; every lighter set ({1,4} 8, {3,4} 7, singles) is worth less than 20.
  @Test(arguments: [ObjectiveSense.maximize, .minimize])
  func knapsack(sense: ObjectiveSense) throws {
    let value: [Double] = [10, 13, 7, 8], weight: [Double] = [5, 6, 4, 3]
    let lp = LinearProgram(sense: sense)
    let x = try (0..<4).map { try lp.addVariable(name: "x\($0)", kind: .binary) }
    if sense == .maximize {
      try lp.addConstraint(LinearExpression.sum(zip(x, weight)) <= 10)
      try lp.setObjective(.sum(zip(x, value)))
    } else {
      try lp.addConstraint(LinearExpression.sum(zip(x, value)) >= 20)
      try lp.setObjective(.sum(zip(x, weight)))
    }
    let s = try lp.solve()
    #expect(s.termination == .optimal && s.primalStatus == .feasible)
    #expect(s.objectiveValue == (sense == .maximize ? 21 : 9))
    #expect(s.values == [0, 1, 0, 1])
    #expect(s.duals == nil && s.reducedCosts == nil && s.basis == nil)
    #expect(s.certificate!.maxIntegralityViolation == 0)
    #expect(s.mip != nil)
    #expect(close(s.mip?.bestBound, s.objectiveValue, 1e-9))
    #expect(inconsistencies(s, lp) == [])
  }

  /// Facility: min 10y + x + 4u  s.t.  dem: x + u ≥ 5,  cap: x − 8y ≤ 0,  y binary, x, u ≥ 0.
  /// y = 0 costs 20 (u = 5); y = 1 costs 10 + 5 = 15: optimum y = 1, x = 5, u = 0.
  /// With y fixed at 1 the LP's duals are dem = 1 (x serves one more unit at cost 1),
  /// cap = 0 (slack 3); reduced costs u = 4 − 1 = 3, y = 10 − 0 = 10, x = 0.
  @Test func mipDualsOfTheFixedLP() throws {
    let lp = LinearProgram()
    let y = try lp.addVariable(name: "y", kind: .binary)
    let x = try lp.addVariable(name: "x")
    let u = try lp.addVariable(name: "u")
    let dem = try lp.addConstraint(x + u >= 5, name: "dem")
    let cap = try lp.addConstraint(x - 8 * y <= 0, name: "cap")
    try lp.setObjective(10 * y + x + 4 * u)
    let plain = try lp.solve()
    #expect(plain.duals == nil)
    let s = try lp.solve(SolverOptions(mipDuals: true))
    #expect(s.termination == .optimal)
    #expect(close(s.objectiveValue!, 15, 1e-9))
    #expect(s.value(y) == 1 && close(s.value(x), 5, 1e-9) && close(s.value(u), 0, 1e-9))
    #expect(close(s.dual(dem)!, 1, 1e-9) && close(s.dual(cap)!, 0, 1e-9))
    #expect(close(s.reducedCost(u)!, 3, 1e-9) && close(s.reducedCost(y)!, 10, 1e-9))
    #expect(close(s.reducedCost(x)!, 0, 1e-9))
    // The duals certify the LP with the integers fixed: no gap, complementary.
    #expect(s.certificate!.holds(tolerance: 1e-9), "\(s.certificate!)")
  }

  @Test func infeasibleMIPs() throws {
    // Relaxation infeasible: a + b ≥ 10 with a, b ∈ {0…3}.
    let relaxed = LinearProgram()
    let a = try relaxed.addVariable(name: "a", bounds: 0...3, kind: .integer)
    let b = try relaxed.addVariable(name: "b", bounds: 0...3, kind: .integer)
    try relaxed.addConstraint(a + b >= 10)
    try relaxed.setObjective(a + b)
    let s = try relaxed.solve()
    #expect(s.termination == .infeasible, "\(s.rawStatus)")
    #expect(s.primalStatus == .none)
    #expect(inconsistencies(s, relaxed) == [])

    // Relaxation feasible (a = 1.5), no integer point: 2a = 3.
    let parity = LinearProgram()
    let c = try parity.addVariable(name: "c", bounds: 0...5, kind: .integer)
    let d = try parity.addVariable(name: "d", bounds: 0...5)
    try parity.addConstraint(2 * c == 3)
    try parity.addConstraint(c + d <= 7)
    try parity.setObjective(c + d, sense: .maximize)
    let t = try parity.solve()
    #expect(t.termination == .infeasible, "\(t.rawStatus)")
    #expect(t.primalStatus == .none)
    #expect(inconsistencies(t, parity) == [])
  }

  /// max a with a integer, a − b ≤ 1, b ≥ 0: the relaxation is unbounded.
  @Test func unboundedMIP() throws {
    let lp = LinearProgram(sense: .maximize)
    let a = try lp.addVariable(name: "a", kind: .integer)
    let b = try lp.addVariable(name: "b")
    try lp.addConstraint(a - b <= 1)
    try lp.setObjective(LinearExpression(a))
    let s = try lp.solve()
    #expect(s.termination == .infeasibleOrUnbounded, "\(s.rawStatus)")
    #expect(inconsistencies(s, lp) == [])
  }

  /// An integer variable may have fractional bounds: a ∈ [0.5, 2.5] holds the integers 1 and 2.
  /// max a + b, a + b ≤ 10, b ∈ [0, 1.5] continuous: a = 2, b = 1.5, z = 3.5.
  @Test func integerVariableWithFractionalBounds() throws {
    let lp = LinearProgram(sense: .maximize)
    let a = try lp.addVariable(name: "a", bounds: 0.5...2.5, kind: .integer)
    let b = try lp.addVariable(name: "b", bounds: 0...1.5)
    try lp.addConstraint(a + b <= 10)
    try lp.setObjective(a + b)
    let s = try lp.solve()
    #expect(s.termination == .optimal, "\(s.rawStatus)")
    #expect(s.objectiveValue == 3.5 && s.value(a) == 2)
    // No integer between the bounds: infeasible, not a solver failure.
    try lp.setBounds(a, lower: 0.2, upper: 0.8)
    let t = try lp.solve()
    #expect(t.termination == .infeasible, "\(t.rawStatus)")
    #expect(inconsistencies(t, lp) == [])
  }

  /// The solution is a snapshot: an edit resets `solution` and makes the old one stale.
  @Test func editsInvalidateTheSolution() throws {
    let lp = LinearProgram()
    let x = try lp.addVariable(name: "x", bounds: 1...2, cost: 1)
    let c = try lp.addConstraint(x <= 5)
    let s = try lp.solve()
    #expect(lp.solution != nil && s.isCurrent(for: lp))
    let edits: [(String, () throws -> Void)] = [
      ("setBounds(variable)", { try lp.setBounds(x, lower: 0, upper: 2) }),
      ("setBounds(constraint)", { try lp.setBounds(c, lower: -1, upper: 4) }),
      ("setCost", { try lp.setCost(x, 2) }),
      ("setObjective", { try lp.setObjective(3 * x) }),
      ("setSense", { lp.setSense(.maximize) }),
      ("setKind", { try lp.setKind(x, .integer) }),
      ("addVariable", { try lp.addVariable() }),
      ("addConstraint", { try lp.addConstraint(x >= 0) }),
      ("name", { lp.name = "renamed" }),
    ]
    for (label, edit) in edits {
      let before = try lp.solve()
      try edit()
      #expect(lp.solution == nil, "\(label)")
      #expect(!before.isCurrent(for: lp), "\(label)")
    }
    let other = LinearProgram()
    #expect(!s.isCurrent(for: other))
  }
}
