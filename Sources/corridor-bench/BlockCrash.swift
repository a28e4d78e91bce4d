// The block crash of shared/GLPK-NOTES.md ("Speed on hourly models"), built from
// outside the LP layer: a prototype showing that `setStartingBasis` is enough.
//
// 1. Split the horizon into blocks of `blockHours`. Each block is its own small
//    LinearProgram: its hours' rows and columns, without the annual fair rows;
//    the storage level before the block is the previous block's final level (the
//    first block starts empty, the last one ends empty).
// 2. Price the fair rows into the block objectives (λ_o · fair_o(y)), doubling the
//    price of each violated row (1, 2, 4, … $/MWh) until the blocks' joint
//    solution satisfies them; the blocks re-solve warm after each price change.
// 3. Copy every block's final basis statuses into the full LP, fair-row slacks
//    basic, and solve the full LP with primal simplex, presolve off.
import LinearProgramming

struct BlockCrashOutcome {
  var blocks = 0
  var passes = 0
  var prices: [Double] = [0, 0, 0]
  var blockIterations = 0
  /// Wall and CPU seconds of step 1–2 (building and solving the blocks, assembling the basis).
  var crashWall = 0.0
  var crashCPU = 0.0
  /// Basic statuses in the assembled basis (must equal the full LP's row count).
  var basicCount = 0
  var rows = 0
}

enum BlockCrash {
  struct Failure: Error, CustomStringConvertible { var description: String }

  /// Builds the crash basis for `pr` and returns it with what it took.
  static func basis(_ pr: BenchProfiles, _ f: PathFactors, blockHours: Int, maxPasses: Int = 16) throws -> (Basis, BlockCrashOutcome) {
    let t0 = MonotonicClock.now(), c0 = cpuNow()
    let T = pr.T
    let K = max(1, (T + blockHours - 1) / blockHours)
    let edges = (0...K).map { $0 * T / K }
    var out = BlockCrashOutcome(blocks: K)
    var models: [BenchModel?] = Array(repeating: nil, count: K)
    var bases: [Basis] = Array(repeating: Basis(variables: [], constraints: []), count: K)
    var appliedPrices = [0.0, 0.0, 0.0]
    let options = SolverOptions(algorithm: .auto, presolve: false)

    for pass in 0..<maxPasses {
      out.passes = pass + 1
      var level = 0.0
      var fair = [0.0, 0.0, 0.0]
      var scale = 0.0
      for k in 0..<K {
        let hours = edges[k]..<edges[k + 1]
        let L = hours.count
        let model: BenchModel
        if let existing = models[k] {
          model = existing
          // Warm re-solve: new prices on y, new storage level before the block.
          if out.prices != appliedPrices {
            for o in 0..<3 {
              for m in 0..<2 {
                var priced = 0.0
                for o2 in 0..<3 { priced += out.prices[o2] * BenchModel.fairCoefficient(row: o2, exporter: o, market: m, f) }
                let base = f.eta[o][m], tau = f.tau[o][m]
                for t in 0..<L {
                  let v = try model.lp.variable(at: Int(BenchModel.y(o, m, t, L)))
                  try model.lp.setCost(v, pr.P[m][hours.lowerBound + t] * base - tau + priced)
                }
              }
            }
          }
          let storageRow = try model.lp.constraint(at: 9 * L)
          try model.lp.setBounds(storageRow, lower: level, upper: level)
        } else {
          model = try BenchModel(pr, factors: f, hours: hours, storageStart: .level(level),
                                 emptyAtEnd: k == K - 1, fairRows: false, fairPrices: out.prices)
          models[k] = model
        }
        let sol = try model.lp.solve(options)
        guard sol.isOptimal, let basis = sol.basis else {
          throw Failure(description: "block \(k) (hours \(hours)) pass \(pass): \(sol.termination.rawValue), \(sol.rawStatus)")
        }
        out.blockIterations += sol.iterations
        bases[k] = basis
        level = max(0, sol.values[Int(BenchModel.soc(L - 1, L))])
        for o in 0..<3 {
          for o2 in 0..<3 {
            for m in 0..<2 {
              let c = BenchModel.fairCoefficient(row: o, exporter: o2, market: m, f)
              for t in 0..<L {
                let y = sol.values[Int(BenchModel.y(o2, m, t, L))]
                fair[o] += c * y
                if o == 0 { scale += abs(y) }
              }
            }
          }
        }
      }
      appliedPrices = out.prices
      // Fair rows are ≥ 0; a small negative value within the simplex tolerance counts as met.
      let violated = (0..<3).filter { fair[$0] < -1e-9 * max(1, scale) }
      if violated.isEmpty { break }
      if pass == maxPasses - 1 {
        throw Failure(description: "the fair rows are still violated after \(maxPasses) price passes (prices \(out.prices))")
      }
      for o in violated { out.prices[o] = out.prices[o] == 0 ? 1 : 2 * out.prices[o] }
    }

    // Assemble: block-local (kind · L + t) ↦ full (kind · T + a + t); fair slacks basic.
    var columns = [BasisStatus](repeating: .atLower, count: BenchModel.columns(T))
    var rows = [BasisStatus](repeating: .basic, count: BenchModel.rows(T))
    for k in 0..<K {
      let a = edges[k], L = edges[k + 1] - edges[k]
      for (j, s) in bases[k].variables.enumerated() { columns[(j / L) * T + a + j % L] = s }
      for (r, s) in bases[k].constraints.enumerated() { rows[(r / L) * T + a + r % L] = s }
    }
    out.basicCount = columns.filter { $0 == .basic }.count + rows.filter { $0 == .basic }.count
    out.rows = rows.count
    out.crashWall = MonotonicClock.now() - t0
    out.crashCPU = cpuNow() - c0
    guard out.basicCount == out.rows else {
      throw Failure(description: "the assembled basis has \(out.basicCount) basic statuses for \(out.rows) rows")
    }
    return (Basis(variables: columns, constraints: rows), out)
  }
}
