import Testing
@testable import LinearProgramming

/// Cost and right-hand-side ranges: derived by hand, then checked by
/// perturbing inside and outside each range and re-solving. Inside, the
/// optimal basis (and so the duals) stays; just outside, it changes.
@Suite struct SensitivityTests {
  /// Reddy Mikks with an extra product w:
  /// max 5a + 4b + w  s.t.  c1: 6a + 4b + 3w ≤ 24,  c2: a + 2b + w ≤ 6,  c3: b − a ≤ 1,
  /// c4: b ≤ 2,  a, b, w ≥ 0.  Optimum a = 3, b = 1.5, w = 0, z = 21, duals y1 = 0.75,
  /// y2 = 0.5; w's reduced cost 1 − (3·0.75 + 0.5) = −1.75.
  ///
  /// Cost ranges: the objective's slope must stay between c1's (6/4) and c2's (1/2):
  /// c_a/4 ∈ [1/2, 3/2] → c_a ∈ [2, 6];  5/c_b ∈ [1/2, 3/2] → c_b ∈ [10/3, 10];
  /// w stays out while its reduced cost is ≤ 0: c_w ∈ (−∞, 2.75].
  /// Right-hand sides: with c2 fixed, 6a + 4b = R gives a = (R − 12)/4, b = (36 − R)/8;
  /// a ≥ 0 → R ≥ 12, c3 → R ≥ 52/3, c4 (b ≤ 2) → R ≥ 20, b ≥ 0 → R ≤ 36: c1 ∈ [20, 36].
  /// With c1 fixed, a + 2b = S gives a = 6 − S/2, b = (3S − 12)/4: b ≥ 0 → S ≥ 4,
  /// c4 → S ≤ 20/3, c3 → S ≤ 8, a ≥ 0 → S ≤ 12: c2 ∈ [4, 20/3].
  /// c3 and c4 are slack (activities −1.5 and 1.5): their upper bounds may fall to them.
  struct Mikks {
    let lp = LinearProgram(sense: .maximize)
    let a: Variable, b: Variable, w: Variable
    let c1: Constraint, c2: Constraint, c3: Constraint, c4: Constraint
    init() throws {
      a = try lp.addVariable(name: "a")
      b = try lp.addVariable(name: "b")
      w = try lp.addVariable(name: "w")
      c1 = try lp.addConstraint(6 * a + 4 * b + 3 * w <= 24, name: "c1")
      c2 = try lp.addConstraint(a + 2 * b + w <= 6, name: "c2")
      c3 = try lp.addConstraint(b - a <= 1, name: "c3")
      c4 = try lp.addConstraint(LinearExpression(b) <= 2, name: "c4")
      try lp.setObjective(5 * a + 4 * b + w)
    }
  }

  @Test func handDerivedRangesOfAMaximization() throws {
    let m = try Mikks()
    let s = try m.lp.solve()
    #expect(close(s.objectiveValue!, 21, 1e-9))
    #expect(close(s.reducedCost(m.w)!, -1.75, 1e-9))
    func expectRange(_ r: SensitivityRange, _ lo: Double, _ hi: Double, _ label: String) {
      #expect(close(r.lower, lo, 1e-9) || r.lower == lo, "\(label): lower \(r.lower), expected \(lo)")
      #expect(close(r.upper, hi, 1e-9) || r.upper == hi, "\(label): upper \(r.upper), expected \(hi)")
    }
    expectRange(try m.lp.costRange(of: m.a), 2, 6, "cost a")
    expectRange(try m.lp.costRange(of: m.b), 10.0 / 3, 10, "cost b")
    expectRange(try m.lp.costRange(of: m.w), -.infinity, 2.75, "cost w")
    expectRange(try m.lp.rightHandSideRange(of: m.c1), 20, 36, "rhs c1")
    expectRange(try m.lp.rightHandSideRange(of: m.c2), 4, 20.0 / 3, "rhs c2")
    expectRange(try m.lp.rightHandSideRange(of: m.c3), -1.5, .infinity, "rhs c3")
    expectRange(try m.lp.rightHandSideRange(of: m.c4), 1.5, .infinity, "rhs c4")
  }

  /// min 2x + 3y + 4u  s.t.  d: x + y + u ≥ 10,  x ≤ 6.  Optimum x = 6 (at its upper bound),
  /// y = 4, u = 0, z = 24; dual of d = 3, reduced costs x = −1, u = 1.
  /// x stays at its bound while its reduced cost c_x − 3 ≤ 0: c_x ∈ (−∞, 3];
  /// u stays out while c_u − 3 ≥ 0: c_u ∈ [3, ∞); y stays basic while it is the cheaper
  /// way to serve d beyond x's 6 and dearer than x: c_y ∈ [2, 4].
  /// d's bound may move while y stays positive: d ∈ [6, ∞).
  struct Demand {
    let lp = LinearProgram()
    let x: Variable, y: Variable, u: Variable
    let d: Constraint
    init() throws {
      x = try lp.addVariable(name: "x", bounds: 0...6)
      y = try lp.addVariable(name: "y")
      u = try lp.addVariable(name: "u")
      d = try lp.addConstraint(x + y + u >= 10, name: "d")
      try lp.setObjective(2 * x + 3 * y + 4 * u)
    }
  }

  @Test func handDerivedRangesOfAMinimization() throws {
    let m = try Demand()
    let s = try m.lp.solve()
    #expect(close(s.objectiveValue!, 24, 1e-9))
    #expect(s.basis?.variables[m.x.index] == .atUpper)
    let rx = try m.lp.costRange(of: m.x), ru = try m.lp.costRange(of: m.u), ry = try m.lp.costRange(of: m.y)
    #expect(rx.lower == -.infinity && close(rx.upper, 3, 1e-9), "cost x: \(rx)")
    #expect(close(ru.lower, 3, 1e-9) && ru.upper == .infinity, "cost u: \(ru)")
    #expect(close(ry.lower, 2, 1e-9) && close(ry.upper, 4, 1e-9), "cost y: \(ry)")
    let rd = try m.lp.rightHandSideRange(of: m.d)
    #expect(close(rd.lower, 6, 1e-9) && rd.upper == .infinity, "rhs d: \(rd) (SensitivityRange says +∞ when there is no limit)")
  }

  /// Every range of both models checked by re-solving fresh copies just inside
  /// and just outside each finite end: the basis stays inside and changes outside.
  @Test func perturbationsConfirmEveryRange() throws {
    var failures: [String] = []
    func check<M>(_ label: String, _ make: () throws -> M, _ lp: (M) -> LinearProgram) throws {
      let m0 = try make()
      let s0 = try lp(m0).solve()
      let base = s0.basis!
      for j in 0..<lp(m0).variableCount {
        let v = try lp(m0).variable(at: j)
        let r = try lp(m0).costRange(of: v)
        let c = lp(m0).objectiveCoefficients[j]
        if !(r.lower <= c && c <= r.upper) { failures.append("\(label) cost of #\(j): range \(r) excludes the cost \(c)") }
        for (end, inward) in [(r.lower, 1.0), (r.upper, -1.0)] where end.isFinite {
          let step = 0.01 * max(1, abs(end))
          for (value, inside) in [(end + inward * step, true), (end - inward * step, false)] {
            let m = try make()
            try lp(m).setCost(lp(m).variable(at: j), value)
            let s = try lp(m).solve()
            let same = s.basis == base
            if same != inside {
              failures.append("\(label) cost of #\(j) = \(value) (range \(r)): basis \(same ? "unchanged" : "changed") \(inside ? "inside" : "outside")")
            }
            if inside {
              // Same point, objective moves by (c' − c)·x_j.
              let expected = s0.objectiveValue! + (value - c) * s0.values[j]
              if !close(s.objectiveValue!, expected, 1e-9) { failures.append("\(label) cost of #\(j) = \(value): objective \(s.objectiveValue!) vs \(expected)") }
            }
          }
        }
      }
      for i in 0..<lp(m0).constraintCount {
        let c = try lp(m0).constraint(at: i)
        let r = try lp(m0).rightHandSideRange(of: c)
        let (lo, hi) = try lp(m0).bounds(of: c)
        let upperActive = hi.isFinite  // these models' rows have one finite bound
        let rhs = upperActive ? hi : lo
        if !(r.lower <= rhs + 1e-9 && rhs - 1e-9 <= r.upper) { failures.append("\(label) rhs of row \(i): range \(r) excludes \(rhs)") }
        for (end, inward) in [(r.lower, 1.0), (r.upper, -1.0)] where end.isFinite && abs(end) < 1e300 {
          let step = 0.01 * max(1, abs(end))
          for (value, inside) in [(end + inward * step, true), (end - inward * step, false)] {
            let m = try make()
            let row = try lp(m).constraint(at: i)
            if upperActive { try lp(m).setBounds(row, lower: -.infinity, upper: value) } else { try lp(m).setBounds(row, lower: value, upper: .infinity) }
            let s = try lp(m).solve()
            let same = s.termination == .optimal && s.basis == base
            if same != inside {
              failures.append("\(label) rhs of row \(i) = \(value) (range \(r)): basis \(same ? "unchanged" : "changed") \(inside ? "inside" : "outside") (\(s.termination))")
            }
            if inside, let y = s0.duals?[i] {
              // The shadow price holds across the range.
              let expected = s0.objectiveValue! + y * (value - rhs)
              if !close(s.objectiveValue!, expected, 1e-9) { failures.append("\(label) rhs of row \(i) = \(value): objective \(s.objectiveValue!) vs \(expected)") }
            }
          }
        }
      }
    }
    try check("max", { try Mikks() }, { $0.lp })
    try check("min", { try Demand() }, { $0.lp })
    #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.joined(separator: "\n"))")
  }

  /// A starting basis set after a solve changes GLPK's basis under the
  /// solution: ranging must not report figures of that other basis.
  @Test(arguments: [
    // All slacks basic: GLPK drops its factorization.
    Basis(variables: [.atLower, .atLower, .atLower], constraints: [.basic]),
    // x moved from its upper to its lower bound, same basic set: GLPK keeps the factorization.
    Basis(variables: [.atLower, .basic, .atLower], constraints: [.atLower]),
  ])
  func rangingAfterAStartingBasisWasSet(basis: Basis) throws {
    let m = try Demand()
    let s = try m.lp.solve()
    #expect(s.basis == Basis(variables: [.atUpper, .basic, .atLower], constraints: [.atLower]))
    let before = try m.lp.variables.map { try m.lp.costRange(of: $0) }
    let rhsBefore = try m.lp.rightHandSideRange(of: m.d)
    try m.lp.setStartingBasis(basis)
    do {
      let after = try m.lp.variables.map { try m.lp.costRange(of: $0) }
      #expect(after == before, "cost ranges \(after) after setStartingBasis, \(before) for the solution")
      let rhsAfter = try m.lp.rightHandSideRange(of: m.d)
      #expect(rhsAfter == rhsBefore, "rhs range \(rhsAfter) after setStartingBasis, \(rhsBefore) for the solution")
    } catch let e as LPError {
      #expect(e.isSensitivityUnavailable || e.isNotSolved, "\(e)")
    }
  }
}
