import Testing
@testable import LinearProgramming

/// Seeded random LPs that are feasible by construction and bounded by box
/// bounds: every one must solve to optimality with a certificate that holds
/// and no duality gap. A failure names its seed; replay it with
/// `RandomLP(seed:)`.
@Suite struct PropertyTests {
  /// A random LP around a known feasible point `x0`.
  ///
  /// Variables have box bounds (some fixed); `x0` lies within them. Each row
  /// is `≤`, `≥`, `=` or ranged around `a·x0` (some rows have no terms), so
  /// `x0` is feasible. Both senses; half the models are built through the
  /// bulk API, half through expressions.
  struct RandomLP {
    let seed: UInt64
    let lp: LinearProgram
    let x0: [Double]

    init(seed: UInt64) throws {
      self.seed = seed
      var rng = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 1)
      let n = rng.int(1...20), m = rng.int(0...16)
      let sense: ObjectiveSense = rng.int(0...1) == 0 ? .minimize : .maximize
      lp = LinearProgram(name: "random-\(seed)", sense: sense)
      var lower = [Double](), upper = [Double](), point = [Double]()
      for _ in 0..<n {
        let lo = rng.uniform(-10...5).rounded(toPlaces: 2)
        let fixed = rng.int(0...9) == 0
        let hi = fixed ? lo : lo + rng.uniform(0.5...10).rounded(toPlaces: 2)
        lower.append(lo)
        upper.append(hi)
        point.append(fixed ? lo : rng.uniform(lo...hi))
      }
      x0 = point
      let cost = (0..<n).map { _ in rng.int(0...4) == 0 ? 0 : rng.uniform(-10...10).rounded(toPlaces: 1) }
      let bulk = seed % 2 == 1
      if bulk {
        try lp.addVariables(count: n, lower: lower, upper: upper, cost: cost)
      } else {
        for j in 0..<n { try lp.addVariable(name: "x\(j)", lower: lower[j], upper: upper[j], cost: cost[j]) }
      }
      try lp.setObjective(coefficients: cost, constant: rng.uniform(-5...5).rounded(toPlaces: 1))
      var starts = [0], cols = [Int32](), coefs = [Double](), rowLo = [Double](), rowHi = [Double]()
      for _ in 0..<m {
        var terms: [(Int, Double)] = []
        for j in 0..<n where rng.int(0...9) < 5 {
          terms.append((j, Double(rng.int(-6...6))))  // zeros too: dropped by the layer
        }
        let ax0 = terms.reduce(0.0) { $0 + $1.1 * point[$1.0] }
        let slack = rng.uniform(0...3)
        let (lo, hi): (Double, Double)
        switch rng.int(0...3) {
        case 0: (lo, hi) = (-.infinity, ax0 + slack)
        case 1: (lo, hi) = (ax0 - slack, .infinity)
        case 2: (lo, hi) = (ax0, ax0)
        default: (lo, hi) = (ax0 - slack, ax0 + rng.uniform(0...3))
        }
        if bulk {
          for (j, a) in terms { cols.append(Int32(j)); coefs.append(a) }
          starts.append(cols.count)
          rowLo.append(lo)
          rowHi.append(hi)
        } else {
          let e = LinearExpression.sum(terms.map { (Variable(modelID: lp.id, index: $0.0), $0.1) })
          try lp.addConstraint(LinearConstraint(e, lower: lo, upper: hi))
        }
      }
      if bulk {
        try lp.addConstraints(rowStarts: starts, columns: cols, coefficients: coefs, lower: rowLo, upper: rowHi)
      }
    }

    /// c·x0 + constant: the optimum is at least this good.
    var objectiveAtX0: Double {
      zip(lp.objectiveCoefficients, x0).reduce(lp.objectiveConstant) { $0 + $1.0 * $1.1 }
    }
  }

  static let seeds: [UInt64] = Array(1...2_000)

  @Test func randomFeasibleLPsSolveWithCertificates() throws {
    var failures: [String] = []
    var withBindingRow = 0, rows = 0
    let algorithms: [SolverOptions.Algorithm] = [.auto, .primal, .dual]
    let start = now()
    for seed in Self.seeds {
      let r = try RandomLP(seed: seed)
      let algorithm = algorithms[Int(seed % 3)]
      let s = try r.lp.solve(SolverOptions(algorithm: algorithm))
      func fail(_ why: String) {
        failures.append("seed \(seed) (\(r.lp.variableCount) × \(r.lp.constraintCount), \(r.lp.sense), \(algorithm)): \(why)")
      }
      guard s.termination == .optimal, s.primalStatus == .feasible, s.dualStatus == .feasible else {
        fail("\(s.termination) \(s.primalStatus)/\(s.dualStatus): \(s.rawStatus)")
        continue
      }
      guard let c = s.certificate, let gap = c.relativeGap else {
        fail("no certificate with a gap")
        continue
      }
      if !c.holds(tolerance: 1e-7) { fail("certificate does not hold: \(c)") }
      if !(gap <= 1e-7) { fail("duality gap \(gap)") }
      let z = s.objectiveValue!, z0 = r.objectiveAtX0
      let better = r.lp.sense == .minimize ? z <= z0 + 1e-7 * max(1, abs(z0)) : z >= z0 - 1e-7 * max(1, abs(z0))
      if !better { fail("objective \(z) worse than at the known feasible point (\(z0))") }
      rows += r.lp.constraintCount
      if s.duals!.contains(where: { abs($0) > 1e-9 }) { withBindingRow += 1 }
      let problems = inconsistencies(s, r.lp)
      if !problems.isEmpty { fail(problems.joined(separator: "; ")) }
    }
    print("PropertyTests: \(Self.seeds.count) random LPs (\(rows) rows; \(withBindingRow) with a row of non-zero dual) in \(String(format: "%.2f", now() - start)) s")
    // The generator must produce models whose rows matter, or the test proves little.
    #expect(withBindingRow > Self.seeds.count / 2)
    #expect(failures.isEmpty, "\(failures.count) of \(Self.seeds.count) random LPs failed:\n\(failures.prefix(20).joined(separator: "\n"))")
  }

  /// The same model built twice from a seed is the same model: replaying a seed is meaningful.
  @Test func aSeedBuildsTheSameModel() throws {
    for seed: UInt64 in [1, 2, 77, 1_000] {
      let a = try RandomLP(seed: seed), b = try RandomLP(seed: seed)
      #expect(a.x0 == b.x0)
      #expect(a.lp.objectiveCoefficients == b.lp.objectiveCoefficients)
      #expect(a.lp.constraints.map { try! a.lp.terms(of: $0).map(\.coefficient) }
              == b.lp.constraints.map { try! b.lp.terms(of: $0).map(\.coefficient) })
      #expect(try a.lp.solve().objectiveValue == b.lp.solve().objectiveValue)
    }
  }

  /// Maximizing f equals minus minimizing −f, with the same point, on random models.
  @Test func senseSymmetry() throws {
    var failures: [String] = []
    for seed: UInt64 in 1...200 {
      let r = try RandomLP(seed: seed)
      let z = try r.lp.solve().objectiveValue!
      let negated = r.lp.objectiveCoefficients.map { -$0 }
      try r.lp.setObjective(coefficients: negated, constant: -r.lp.objectiveConstant,
                            sense: r.lp.sense == .minimize ? .maximize : .minimize)
      let w = try r.lp.solve(SolverOptions(warmStart: false)).objectiveValue!
      if !close(z, -w, 1e-9) { failures.append("seed \(seed): \(z) vs −(\(w))") }
    }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
  }
}

extension Double {
  func rounded(toPlaces p: Int) -> Double {
    var scale = 1.0
    for _ in 0..<p { scale *= 10 }
    return (self * scale).rounded() / scale
  }
}
