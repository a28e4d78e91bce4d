import Testing
@testable import LinearProgramming

/// Seeded random models of every kind the solver must tell apart, each with its
/// expected status known by construction (issue #8 item 22), solved with every
/// algorithm and with presolve:
/// - **infeasible**: a feasible random LP plus the rows `a·x ≤ t` and
///   `a·x ≥ t + δ` (δ ≥ 1) for one random `a`: no point can meet both;
/// - **unbounded**: a feasible random LP plus a column `u` (lower bound 0 or
///   −∞, no upper bound) whose cost improves the objective, coupled to the
///   model only by rows that `u` can only help (`u − a·x ≥ …`, `a'·x − u ≤ …`):
///   the known point `x0` with `u` large enough is feasible and `x0 + t·e_u`
///   stays feasible while the objective improves without limit;
/// - **free columns**: a feasible random LP plus free columns `f = a·x`
///   (an equality row), so each is bounded through the box of `x` and the
///   optimum exists;
/// - **integer**: integer (some binary) and continuous columns with integral
///   box bounds and an integral known point `x0`, rows built around `x0`: the
///   MIP has an optimum no worse than `x0` and no better than its LP relaxation.
/// Interior point and presolve are also run on the feasible LPs of
/// ``PropertyTests``, and must reach the simplex's objective.
@Suite struct RandomModelKindsTests {
  typealias RandomLP = PropertyTests.RandomLP

  /// What a failed case says: seed, kind, size, sense, options.
  static func label(_ seed: UInt64, _ kind: String, _ lp: LinearProgram, _ o: SolverOptions) -> String {
    "seed \(seed) \(kind) (\(lp.variableCount) × \(lp.constraintCount), \(lp.sense), \(o.algorithm)\(o.presolve ? ", presolve" : ""))"
  }

  /// Algorithms and presolve settings every kind is solved with.
  static let optionSets: [SolverOptions] = [
    SolverOptions(algorithm: .primal), SolverOptions(algorithm: .dual), SolverOptions(algorithm: .auto),
    SolverOptions(algorithm: .interior), SolverOptions(algorithm: .primal, presolve: true),
    SolverOptions(algorithm: .dual, presolve: true),
  ]

  static let seeds: [UInt64] = Array(1...150)

  /// A random expression over the model's first `n` columns with small integer
  /// coefficients, at least one of them non-zero.
  static func randomTerms(_ lp: LinearProgram, _ rng: inout SplitMix64, columns n: Int) -> [(Int, Double)] {
    var terms: [(Int, Double)] = []
    for j in 0..<n where rng.int(0...9) < 5 {
      let a = Double(rng.int(-5...5))
      if a != 0 { terms.append((j, a)) }
    }
    if terms.isEmpty { terms.append((rng.int(0...(n - 1)), Double([-2, -1, 1, 3][rng.int(0...3)]))) }
    return terms
  }

  static func expression(_ lp: LinearProgram, _ terms: [(Int, Double)]) -> LinearExpression {
    LinearExpression.sum(terms.map { (Variable(modelID: lp.id, index: $0.0), $0.1) })
  }

  static func value(_ terms: [(Int, Double)], at x: [Double]) -> Double {
    terms.reduce(0) { $0 + $1.1 * x[$1.0] }
  }

  @Test func infeasibleModels() throws {
    var failures: [String] = []
    for seed in Self.seeds {
      let r = try RandomLP(seed: seed)
      var rng = SplitMix64(seed: seed &+ 0xA11CE)
      let terms = Self.randomTerms(r.lp, &rng, columns: r.lp.variableCount)
      let t = Self.value(terms, at: r.x0), delta = 1 + rng.uniform(0...5).rounded(toPlaces: 2)
      try r.lp.addConstraint(LinearConstraint(Self.expression(r.lp, terms), lower: -.infinity, upper: t))
      try r.lp.addConstraint(LinearConstraint(Self.expression(r.lp, terms), lower: t + delta, upper: .infinity))
      for o in Self.optionSets {
        let s = try r.lp.solve(o)
        let label = Self.label(seed, "infeasible", r.lp, o)
        // The primal simplex without presolve proves infeasibility; the dual simplex
        // and presolve may only say "infeasible or unbounded"; GLPK's interior point
        // often stops without converging (code 16/17), which the layer reports as a
        // numerical error. Never optimal, never unbounded, never a feasible point.
        let allowed: Set<TerminationStatus> =
          o.algorithm == .primal && !o.presolve ? [.infeasible]
          : o.algorithm == .interior ? [.infeasible, .infeasibleOrUnbounded, .numericalError]
          : [.infeasible, .infeasibleOrUnbounded]
        if !allowed.contains(s.termination) { failures.append("\(label): \(s.termination) (\(s.rawStatus))") }
        if s.primalStatus == .feasible { failures.append("\(label): a feasible primal point") }
        let problems = inconsistencies(s, r.lp)
        if !problems.isEmpty { failures.append("\(label): \(problems.joined(separator: "; "))") }
      }
    }
    #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(20).joined(separator: "\n"))")
  }

  /// The unbounded model of a seed (see the suite's comment), and whether its ray is a free column.
  static func unboundedModel(seed: UInt64) throws -> (lp: LinearProgram, free: Bool) {
    let r = try RandomLP(seed: seed)
    var rng = SplitMix64(seed: seed &+ 0xB0B)
    let n = r.lp.variableCount
    let improving = r.lp.sense == .maximize ? 1.0 : -1.0
    let free = rng.int(0...2) == 0
    let u = try r.lp.addVariable(name: "u", lower: free ? -.infinity : 0, upper: .infinity,
                                 cost: improving * rng.uniform(0.5...5).rounded(toPlaces: 1))
    // Rows u can only help: u − a·x ≥ −a·x0 − s and a'·x − u ≤ a'·x0 + s (hold at u = 0 … ∞ with x0).
    for _ in 0..<rng.int(0...2) {
      let a = Self.randomTerms(r.lp, &rng, columns: n)
      try r.lp.addConstraint(LinearConstraint(LinearExpression(u) - Self.expression(r.lp, a),
                                              lower: -Self.value(a, at: r.x0) - rng.uniform(0...2), upper: .infinity))
    }
    for _ in 0..<rng.int(0...2) {
      let a = Self.randomTerms(r.lp, &rng, columns: n)
      try r.lp.addConstraint(LinearConstraint(Self.expression(r.lp, a) - LinearExpression(u),
                                              lower: -.infinity, upper: Self.value(a, at: r.x0) + rng.uniform(0...2)))
    }
    return (r.lp, free)
  }

  @Test func unboundedModels() throws {
    var failures: [String] = []
    var freeRays = 0
    for seed in Self.seeds {
      let (lp, free) = try Self.unboundedModel(seed: seed)
      if free { freeRays += 1 }
      for o in Self.optionSets {
        let s = try lp.solve(o)
        let label = Self.label(seed, free ? "unbounded (free ray)" : "unbounded", lp, o)
        // The primal simplex finds the ray from a feasible point; the dual simplex,
        // presolve and the interior point may only report "infeasible or unbounded".
        let allowed: Set<TerminationStatus> = o.algorithm == .primal && !o.presolve
          ? [.unbounded] : [.unbounded, .infeasibleOrUnbounded]
        if !allowed.contains(s.termination) { failures.append("\(label): \(s.termination) (\(s.rawStatus))") }
        if s.objectiveValue != nil { failures.append("\(label): an objective value \(s.objectiveValue!) for an unbounded model") }
        let problems = inconsistencies(s, lp)
        if !problems.isEmpty { failures.append("\(label): \(problems.joined(separator: "; "))") }
      }
    }
    #expect(freeRays > 10, "the generator must also make free rays (\(freeRays))")
    #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(20).joined(separator: "\n"))")
  }

  @Test func modelsWithFreeColumns() throws {
    var failures: [String] = []
    var interiorStalls: [String] = []
    for seed in Self.seeds {
      let r = try RandomLP(seed: seed)
      var rng = SplitMix64(seed: seed &+ 0xF4EE)
      let n = r.lp.variableCount
      var point = r.x0
      for k in 0..<rng.int(1...3) {
        let a = Self.randomTerms(r.lp, &rng, columns: n)
        let f = try r.lp.addVariable(name: "f\(k)", lower: -.infinity, upper: .infinity,
                                     cost: rng.uniform(-10...10).rounded(toPlaces: 1))
        try r.lp.addConstraint(LinearExpression(f) - Self.expression(r.lp, a) == 0)
        point.append(Self.value(a, at: r.x0))
      }
      let atPoint = zip(r.lp.objectiveCoefficients, point).reduce(r.lp.objectiveConstant) { $0 + $1.0 * $1.1 }
      var reference: Double? = nil
      for o in Self.optionSets {
        let s = try r.lp.solve(o)
        let label = Self.label(seed, "free columns", r.lp, o)
        if o.algorithm == .interior, s.termination == .numericalError, s.primalStatus == .none {
          interiorStalls.append(label)  // GLPK's interior point did not converge: counted below
          continue
        }
        guard s.termination == .optimal, let z = s.objectiveValue else {
          failures.append("\(label): \(s.termination) (\(s.rawStatus))")
          continue
        }
        let tolerance = o.algorithm == .interior ? 1e-6 : 1e-7
        let better = r.lp.sense == .minimize ? z <= atPoint + tolerance * max(1, abs(atPoint))
                                             : z >= atPoint - tolerance * max(1, abs(atPoint))
        if !better { failures.append("\(label): objective \(z) worse than at the known point (\(atPoint))") }
        if let ref = reference, !close(z, ref, tolerance) { failures.append("\(label): objective \(z), primal simplex \(ref)") }
        if reference == nil { reference = z }
        if o.algorithm != .interior, let c = s.certificate, !c.holds(tolerance: 1e-7) {
          failures.append("\(label): certificate \(c)")
        }
        let problems = inconsistencies(s, r.lp, tolerance: tolerance)
        if !problems.isEmpty { failures.append("\(label): \(problems.joined(separator: "; "))") }
      }
    }
    // GLPK's interior point stalls now and then on free columns (1 of 150 seeds
    // with GLPK 5.0, seed 144); the layer says so instead of answering. Rare, or a regression.
    #expect(interiorStalls.count <= Self.seeds.count / 30, "interior point stalled on \(interiorStalls)")
    #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(20).joined(separator: "\n"))")
  }

  /// The dual simplex on a feasible, unbounded model (the unbounded case of seed
  /// 2 above) ends on a dual infeasibility with an infeasible basic point. The
  /// layer called that proven infeasible, with an objective value, before it
  /// was fixed: it is "infeasible or unbounded", without an objective.
  @Test func dualSimplexOnAnUnboundedModel() throws {
    let (lp, _) = try Self.unboundedModel(seed: 2)
    let s = try lp.solve(SolverOptions(algorithm: .dual))
    #expect(s.termination == .unbounded || s.termination == .infeasibleOrUnbounded, "\(s.termination) (\(s.rawStatus))")
    #expect(s.objectiveValue == nil, "an objective value for an unbounded model: \(String(describing: s.objectiveValue))")
    // The primal simplex proves it.
    #expect(try lp.solve(SolverOptions(algorithm: .primal, warmStart: false)).termination == .unbounded)
  }

  /// A random MIP around an integral point: integer, binary and continuous columns.
  struct RandomMIP {
    let lp: LinearProgram
    let x0: [Double]
    init(seed: UInt64) throws {
      var rng = SplitMix64(seed: seed &* 0x5851_F42D_4C95_7F2D &+ 7)
      let n = rng.int(1...10), m = rng.int(1...8)
      lp = LinearProgram(name: "mip-\(seed)", sense: rng.int(0...1) == 0 ? .minimize : .maximize)
      var point: [Double] = []
      var integral = 0
      for j in 0..<n {
        let kind: VariableKind = [.integer, .integer, .binary, .continuous][rng.int(0...3)]
        let lo = kind == .binary ? 0 : Double(rng.int(-5...3)), hi = kind == .binary ? 1 : lo + Double(rng.int(0...8))
        let x = kind == .continuous ? rng.uniform(lo...hi) : Double(rng.int(Int(lo)...Int(hi)))
        if kind != .continuous { integral += 1 }
        point.append(x)
        try lp.addVariable(name: "x\(j)", lower: lo, upper: hi, kind: kind,
                           cost: rng.uniform(-10...10).rounded(toPlaces: 1))
      }
      // At least one integer column, or it is not a MIP.
      if integral == 0 {
        point.append(Double(rng.int(0...4)))
        try lp.addVariable(name: "n", lower: 0, upper: 4, kind: .integer, cost: 1)
      }
      x0 = point
      for _ in 0..<m {
        let terms = RandomModelKindsTests.randomTerms(lp, &rng, columns: x0.count)
        let ax0 = RandomModelKindsTests.value(terms, at: x0)
        let e = RandomModelKindsTests.expression(lp, terms)
        switch rng.int(0...2) {
        case 0: try lp.addConstraint(LinearConstraint(e, lower: -.infinity, upper: ax0 + rng.uniform(0...2)))
        case 1: try lp.addConstraint(LinearConstraint(e, lower: ax0 - rng.uniform(0...2), upper: .infinity))
        default: try lp.addConstraint(LinearConstraint(e, lower: ax0, upper: ax0))
        }
      }
    }
  }

  @Test func integerModels() throws {
    var failures: [String] = []
    var belowRelaxation = 0
    for seed in Self.seeds {
      let r = try RandomMIP(seed: seed)
      let lp = r.lp
      let atPoint = zip(lp.objectiveCoefficients, r.x0).reduce(lp.objectiveConstant) { $0 + $1.0 * $1.1 }
      // The LP relaxation bounds the MIP: solved on a continuous copy.
      let relaxed = LinearProgram(name: "relaxed", sense: lp.sense)
      for j in 0..<lp.variableCount {
        let v = Variable(modelID: lp.id, index: j)
        let b = try lp.bounds(of: v)
        try relaxed.addVariable(lower: b.lower, upper: b.upper, cost: lp.objectiveCoefficients[j])
      }
      for c in lp.constraints {
        let terms = try lp.terms(of: c).map { (Variable(modelID: relaxed.id, index: $0.variable.index), $0.coefficient) }
        let b = try lp.bounds(of: c)
        try relaxed.addConstraint(LinearConstraint(LinearExpression.sum(terms), lower: b.lower, upper: b.upper))
      }
      let bound = try #require(try relaxed.solve().objectiveValue, "seed \(seed): relaxation has no optimum")
      for o in [SolverOptions(algorithm: .primal), SolverOptions(algorithm: .dual), SolverOptions(algorithm: .auto, mipDuals: true)] {
        let s = try lp.solve(o)
        let label = Self.label(seed, "integer", lp, o)
        guard s.termination == .optimal, let z = s.objectiveValue, let c = s.certificate else {
          failures.append("\(label): \(s.termination) (\(s.rawStatus))")
          continue
        }
        let tol = 1e-7 * max(1, abs(atPoint), abs(bound))
        let (noWorse, noBetter) = lp.sense == .minimize ? (z <= atPoint + tol, z >= bound - tol) : (z >= atPoint - tol, z <= bound + tol)
        if !noWorse { failures.append("\(label): objective \(z) worse than at the integral point (\(atPoint))") }
        if !noBetter { failures.append("\(label): objective \(z) better than the LP relaxation (\(bound))") }
        if abs(z - bound) > tol { belowRelaxation += 1 }
        if let iv = c.maxIntegralityViolation, iv > 1e-9 { failures.append("\(label): integrality violation \(iv)") }
        if o.mipDuals, !c.holds(tolerance: 1e-7) { failures.append("\(label): certificate with mipDuals \(c)") }
        let problems = inconsistencies(s, lp)
        if !problems.isEmpty { failures.append("\(label): \(problems.joined(separator: "; "))") }
      }
    }
    // Some MIPs must be strictly worse than their relaxation, or integrality was never tested.
    #expect(belowRelaxation > 20, "only \(belowRelaxation) solves below the LP relaxation")
    #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(20).joined(separator: "\n"))")
  }

  /// Interior point and presolve on the feasible LPs: the simplex's objective.
  @Test func interiorPointAndPresolveAgreeWithTheSimplex() throws {
    var failures: [String] = []
    for seed in Self.seeds {
      let r = try RandomLP(seed: seed)
      let reference = try r.lp.solve(SolverOptions(algorithm: .primal))
      guard let z0 = reference.objectiveValue, reference.isOptimal else {
        failures.append("seed \(seed): primal simplex \(reference.termination)")
        continue
      }
      for o in [SolverOptions(algorithm: .interior), SolverOptions(algorithm: .primal, presolve: true),
                SolverOptions(algorithm: .dual, presolve: true), SolverOptions(algorithm: .interior, presolve: true)] {
        let s = try r.lp.solve(o)
        let label = Self.label(seed, "feasible", r.lp, o)
        let tolerance = o.algorithm == .interior ? 1e-6 : 1e-9
        guard s.termination == .optimal, let z = s.objectiveValue else {
          failures.append("\(label): \(s.termination) (\(s.rawStatus))")
          continue
        }
        if !close(z, z0, tolerance) { failures.append("\(label): objective \(z), primal simplex \(z0)") }
        let problems = inconsistencies(s, r.lp, tolerance: tolerance)
        if !problems.isEmpty { failures.append("\(label): \(problems.joined(separator: "; "))") }
      }
    }
    #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(20).joined(separator: "\n"))")
  }
}
