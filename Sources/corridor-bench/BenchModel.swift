// The benchmark LP built through the LP layer's bulk API.
//
// Columns and rows are in the order glpsol's MathProg translator gives them
// for shared/bench/caspian.mod (each indexed block in turn, time innermost),
// so the LP is the one glpsol solves, row for row, apart from the objective
// that GLPK's translator also keeps as an extra free row.
//
// Columns (12T): y[o,m,t] at (2o+m)·T + t, ch[t] at 6T + t, dis[t] at 7T + t,
// soc[t] at 8T + t, b[o,t] at (9+o)·T + t.
// Rows (11T + 3): surplus[o,t] (3T), corridor[c,t] (4T), market[m,t] (2T),
// storage[t] (T), fiber[t] (T), fair[o] (3).
//
// The same builder makes one time block of the LP for the block crash
// (BlockCrash.swift): hours a..<b with the same layout (L = b − a in place of
// T), the storage level before the block given as a constant, no fair rows.
import LinearProgramming

struct BenchModel {
  let T: Int
  let lp: LinearProgram

  static func columns(_ T: Int) -> Int { 12 * T }
  static func rows(_ T: Int) -> Int { 11 * T + 3 }
  static func nonZeros(_ T: Int) -> Int { 54 * T }

  /// Column kinds in layout order: y[o,m] (6), ch, dis, soc, b[o] (3).
  static let columnKinds = 12
  /// Row kinds in layout order: surplus[o] (3), corridor[c] (4), market[m] (2), storage, fiber.
  static let rowKinds = 11

  @inline(__always) static func y(_ o: Int, _ m: Int, _ t: Int, _ T: Int) -> Int32 { Int32((2 * o + m) * T + t) }
  @inline(__always) static func ch(_ t: Int, _ T: Int) -> Int32 { Int32(6 * T + t) }
  @inline(__always) static func dis(_ t: Int, _ T: Int) -> Int32 { Int32(7 * T + t) }
  @inline(__always) static func soc(_ t: Int, _ T: Int) -> Int32 { Int32(8 * T + t) }
  @inline(__always) static func b(_ o: Int, _ t: Int, _ T: Int) -> Int32 { Int32((9 + o) * T + t) }

  struct SizeMismatch: Error, CustomStringConvertible {
    var description: String
  }

  /// How a block's storage row at its first hour sees the level before it.
  enum StorageStart {
    /// The full LP: the level before hour 0 is the level after hour T−1.
    case cyclic
    /// A block: the level before its first hour is this constant (MWh).
    case level(Double)
  }

  /// Builds the full LP for `profiles` (maximize profit). Throws if the layer rejects the data.
  init(_ pr: BenchProfiles, factors f: PathFactors) throws {
    try self.init(pr, factors: f, hours: 0..<pr.T, storageStart: .cyclic, emptyAtEnd: false, fairRows: true)
  }

  /// Builds hours `hours` of the LP: the full LP (all hours, `.cyclic`, fair rows) or one
  /// block. `emptyAtEnd` fixes the storage level after the block's last hour to 0.
  /// `fairPrices` (per exporter, ≥ 0) add `Σ_o price_o · fair_o(y)` to the objective.
  init(_ pr: BenchProfiles, factors f: PathFactors, hours: Range<Int>, storageStart: StorageStart,
       emptyAtEnd: Bool, fairRows: Bool, fairPrices: [Double] = [0, 0, 0]) throws {
    let T = hours.count  // the block length plays the role of T in the layout
    let a = hours.lowerBound
    self.T = T
    let lp = LinearProgram(name: "caspian", sense: .maximize)
    self.lp = lp

    // Columns: bounds and objective.
    let n = Self.columns(T)
    var lower = [Double](repeating: 0, count: n)
    var upper = [Double](repeating: .infinity, count: n)
    var cost = [Double](repeating: 0, count: n)
    for o in 0..<3 {
      for m in 0..<2 {
        let base = (2 * o + m) * T
        let eta = f.eta[o][m], tau = f.tau[o][m]
        var priced = 0.0
        for o2 in 0..<3 where fairPrices[o2] != 0 { priced += fairPrices[o2] * Self.fairCoefficient(row: o2, exporter: o, market: m, f) }
        for t in 0..<T { cost[base + t] = pr.P[m][a + t] * eta - tau + priced }
      }
      let base = (9 + o) * T
      let bmin = Bench.fiberMinShare[o] * Bench.bandwidth
      for t in 0..<T {
        lower[base + t] = bmin
        upper[base + t] = pr.DF[o][a + t]
        cost[base + t] = pr.VF[o][a + t]
      }
    }
    for t in 0..<T {
      upper[6 * T + t] = Bench.storagePower
      upper[7 * T + t] = Bench.storagePower
      cost[7 * T + t] = -Bench.storageWear
      upper[8 * T + t] = Bench.storageEnergy
    }
    if emptyAtEnd { upper[8 * T + T - 1] = 0 }
    try lp.addVariables(count: n, lower: lower, upper: upper, cost: cost)

    // Rows in CSR form.
    let m = Self.rows(T), nnz = Self.nonZeros(T)
    var starts = [Int](); starts.reserveCapacity(m + 1); starts.append(0)
    var cols = [Int32](); cols.reserveCapacity(nnz)
    var vals = [Double](); vals.reserveCapacity(nnz)
    var rlo = [Double](); rlo.reserveCapacity(m)
    var rhi = [Double](); rhi.reserveCapacity(m)
    @inline(__always) func term(_ j: Int32, _ a: Double) { cols.append(j); vals.append(a) }
    @inline(__always) func endRow(_ lo: Double, _ hi: Double) { rlo.append(lo); rhi.append(hi); starts.append(cols.count) }

    // surplus[o,t]
    for o in 0..<3 {
      for t in 0..<T {
        term(Self.y(o, 0, t, T), 1)
        term(Self.y(o, 1, t, T), 1)
        term(Self.b(o, t, T), Bench.rho)
        if o == Bench.storageExporter {
          term(Self.ch(t, T), 1)
          term(Self.dis(t, T), -1)
        }
        endRow(-.infinity, pr.S[o][a + t])
      }
    }
    // corridor[c,t]: every (o,m) whose path uses c, with the MW entering c per MW injected.
    for c in Bench.corridors {
      var users: [(o: Int, m: Int, pre: Double)] = []
      for o in 0..<3 { for mk in 0..<2 { if let p = f.pre[o][mk][c] { users.append((o, mk, p)) } } }
      let capacity = Bench.cap[c]!
      for t in 0..<T {
        for u in users { term(Self.y(u.o, u.m, t, T), u.pre) }
        endRow(-.infinity, capacity)
      }
    }
    // market[m,t]
    for mk in 0..<2 {
      for t in 0..<T {
        for o in 0..<3 { term(Self.y(o, mk, t, T), f.eta[o][mk]) }
        endRow(-.infinity, pr.D[mk][a + t])
      }
    }
    // storage[t]: soc[t] - soc[t-1 mod T] - steff·ch[t] + dis[t] = 0 (a block's first
    // hour: soc[t] - steff·ch[t] + dis[t] = level before the block)
    for t in 0..<T {
      term(Self.soc(t, T), 1)
      var rhs = 0.0
      if t > 0 {
        term(Self.soc(t - 1, T), -1)
      } else if case .level(let before) = storageStart {
        rhs = before
      } else {
        term(Self.soc(T - 1, T), -1)
      }
      term(Self.ch(t, T), -Bench.storageEfficiency)
      term(Self.dis(t, T), 1)
      endRow(rhs, rhs)
    }
    // fiber[t]
    for t in 0..<T {
      for o in 0..<3 { term(Self.b(o, t, T), 1) }
      endRow(-.infinity, Bench.bandwidth)
    }
    // fair[o]: Σ (1-φo)·pref·y[o,..] − Σ_{o'≠o} φo·pref·y[o',..] ≥ 0
    if fairRows {
      for o in 0..<3 {
        for o2 in 0..<3 {
          for mk in 0..<2 {
            let c = Self.fairCoefficient(row: o, exporter: o2, market: mk, f)
            for t in 0..<T { term(Self.y(o2, mk, t, T), c) }
          }
        }
        endRow(0, .infinity)
      }
    }
    try lp.addConstraints(rowStarts: starts, columns: cols, coefficients: vals, lower: rlo, upper: rhi)
  }

  /// The coefficient of y[exporter, market, t] in fair[row].
  @inline(__always)
  static func fairCoefficient(row o: Int, exporter o2: Int, market m: Int, _ f: PathFactors) -> Double {
    o2 == o ? (1 - Bench.phi[o]) * f.pref[o2][m] : -Bench.phi[o] * f.pref[o2][m]
  }

  /// Compares the built sizes with the README's (12T columns, 11T+3 rows, 54T
  /// non-zeros, 10T objective non-zeros). Kept out of the timed build.
  func verifySizes() throws {
    let n = Self.columns(T), m = Self.rows(T), nnz = Self.nonZeros(T)
    let objectiveNonZeros = lp.objective.terms.count
    guard lp.variableCount == n, lp.constraintCount == m, lp.nonZeroCount == nnz, objectiveNonZeros == 10 * T else {
      throw SizeMismatch(description: "T=\(T): built \(lp.variableCount) columns, \(lp.constraintCount) rows, \(lp.nonZeroCount) non-zeros, \(objectiveNonZeros) objective non-zeros; the README says \(n), \(m), \(nnz), \(10 * T)")
    }
  }
}
