// The deterministic data of the "Caspian corridors" benchmark LP.
//
// A bit-for-bit re-implementation of shared/bench/bench_data.py (see
// shared/bench/README.md, "The LP (exact definition)"): the hash is exact
// integer arithmetic (UInt64, then UInt32 with wrapping multiplication), the
// profiles are IEEE double evaluated in the same order as the Python code and
// rounded with floor(x·10^k + 0.5)/10^k. `BenchData.selfCheck()` compares the
// README's check values before anything is timed.
import Glibc

/// The sets and scalars of the benchmark (README "Sets" and "Scalars").
enum Bench {
  static let exporters = ["KZ", "UZ", "AZ"]
  static let markets = ["EU", "TR"]
  static let corridors = ["UZKZ", "CASP", "BSEA", "NAKH"]
  static let finalCorridors: Set<String> = ["BSEA", "NAKH"]

  static let cap: [String: Double] = ["UZKZ": 1500, "CASP": 3000, "BSEA": 4000, "NAKH": 1000]
  static let loss: [String: Double] = ["UZKZ": 0.02, "CASP": 0.035, "BSEA": 0.06, "NAKH": 0.025]
  static let tariff: [String: Double] = ["UZKZ": 3, "CASP": 9, "BSEA": 14, "NAKH": 6]

  /// Ordered corridor path for (exporter index, market index).
  static let paths: [[[String]]] = [
    [["CASP", "BSEA"], ["CASP", "NAKH"]],                  // KZ -> EU, TR
    [["UZKZ", "CASP", "BSEA"], ["UZKZ", "CASP", "NAKH"]],  // UZ -> EU, TR
    [["BSEA"], ["NAKH"]],                                  // AZ -> EU, TR
  ]

  static let phi = [0.25, 0.20, 0.25]
  static let bandwidth = 400.0
  static let fiberMinShare = [0.25, 0.20, 0.25]
  static let rho = 1.5
  static let storageExporter = 2  // AZ
  static let storagePower = 600.0
  static let storageEnergy = 2400.0
  static let storageEfficiency = 0.85
  static let storageWear = 1.5

  // Profile constants per exporter (KZ, UZ, AZ).
  static let base = [600.0, 500.0, 400.0]
  static let solarAmplitude = [1500.0, 2500.0, 1200.0]
  static let windAmplitude = [2500.0, 800.0, 1500.0]
  static let noise = [400.0, 300.0, 300.0]
  static let windPeriodDays = [3.7, 5.3, 4.1]
  static let windPhase = [0.0, 1.0, 2.0]
  static let fiberDemandAmplitude = [150.0, 120.0, 160.0]
  static let fiberValueBase = [60.0, 50.0, 70.0]
  static let fiberValueAmplitude = [80.0, 60.0, 90.0]

  /// The README's optimal objectives, by horizon.
  static let expectedObjective: [Int: Double] = [
    24: 7037581.625412, 168: 42279563.11471, 8760: 2054431586.531,
  ]
}

/// Path factors computed in double, left to right along each path (README "Derived path factors").
struct PathFactors {
  /// pre[o][m][c]: MW entering corridor c per MW injected at o on path o->m (nil if c is not on the path).
  var pre: [[[String: Double]]]
  /// MW delivered per MW injected.
  var eta: [[Double]]
  /// Tariff $ per MWh injected.
  var tau: [[Double]]
  /// Sum of `pre` over the path's FINAL corridors.
  var pref: [[Double]]

  init() {
    pre = []; eta = []; tau = []; pref = []
    for o in 0..<3 {
      var preO: [[String: Double]] = [], etaO: [Double] = [], tauO: [Double] = [], prefO: [Double] = []
      for m in 0..<2 {
        var f = 1.0, ta = 0.0, pr = 0.0
        var p: [String: Double] = [:]
        for c in Bench.paths[o][m] {
          p[c] = f
          ta += Bench.tariff[c]! * f
          if Bench.finalCorridors.contains(c) { pr += f }
          f *= (1.0 - Bench.loss[c]!)
        }
        preO.append(p); etaO.append(f); tauO.append(ta); prefO.append(pr)
      }
      pre.append(preO); eta.append(etaO); tau.append(tauO); pref.append(prefO)
    }
  }
}

/// The hourly profiles S, DF, VF (per exporter) and D, P (per market), indexed [series][t].
struct BenchProfiles {
  let T: Int
  var S: [[Double]]
  var DF: [[Double]]
  var VF: [[Double]]
  var D: [[Double]]
  var P: [[Double]]

  /// H(t, k) of the README: an integer hash mapped to [0, 1).
  @inline(__always)
  static func hash(_ t: Int, _ k: Int) -> Double {
    let w = (UInt64(t) &* 2_654_435_761 &+ UInt64(k) &* 40503 &+ 12345) & 0xFFFF_FFFF
    var v = UInt32(truncatingIfNeeded: w)
    v = ((v >> 16) ^ v) &* 0x45D_9F3B
    v = ((v >> 16) ^ v) &* 0x45D_9F3B
    v = (v >> 16) ^ v
    return Double(v) / 4_294_967_296.0
  }

  @inline(__always) static func rnd1(_ x: Double) -> Double { (x * 10.0 + 0.5).rounded(.down) / 10.0 }
  @inline(__always) static func rnd2(_ x: Double) -> Double { (x * 100.0 + 0.5).rounded(.down) / 100.0 }

  init(T: Int) {
    self.T = T
    let zeros = [Double](repeating: 0, count: T)
    S = Array(repeating: zeros, count: 3)
    DF = S
    VF = S
    D = Array(repeating: zeros, count: 2)
    P = D
    let pi = Double.pi  // == Python math.pi
    let twopi = 2.0 * pi
    for t in 0..<T {
      let h = Double(t % 24)
      let doy = Double((t / 24) % 365)
      let sol = max(0.0, sin(pi * (h - 6) / 12.0))
      let season = 1.0 + 0.3 * cos(twopi * (doy - 172) / 365.0)
      let peak = 0.5 + 0.5 * cos(twopi * (h - 19) / 24.0)
      let fshape = 0.5 + 0.5 * sin(twopi * (h - 14) / 24.0)
      for i in 0..<3 {
        let wind = 0.5 + 0.5 * sin(twopi * Double(t) / (24.0 * Bench.windPeriodDays[i]) + Bench.windPhase[i])
        S[i][t] = Self.rnd1(Bench.base[i] + Bench.solarAmplitude[i] * sol * season + Bench.windAmplitude[i] * wind
          + Bench.noise[i] * (Self.hash(t, i) - 0.5))
        DF[i][t] = Self.rnd1(Bench.fiberMinShare[i] * Bench.bandwidth + Bench.fiberDemandAmplitude[i] * fshape
          + 40.0 * Self.hash(t, 20 + i))
        VF[i][t] = Self.rnd2(Bench.fiberValueBase[i] + Bench.fiberValueAmplitude[i] * fshape
          + 20.0 * (Self.hash(t, 30 + i) - 0.5))
      }
      D[0][t] = Self.rnd1(2500.0 + 1200.0 * peak + 600.0 * Self.hash(t, 10))
      P[0][t] = Self.rnd2(55.0 + 45.0 * peak + 20.0 * (Self.hash(t, 11) - 0.5)
        + 10.0 * cos(twopi * (doy - 15) / 365.0))
      D[1][t] = Self.rnd1(700.0 + 400.0 * peak + 200.0 * Self.hash(t, 12))
      P[1][t] = Self.rnd2(50.0 + 35.0 * peak + 16.0 * (Self.hash(t, 13) - 0.5))
    }
  }
}

/// The README's check values, compared before any timing. A mismatch means the
/// Swift data are not the benchmark's data, and every number after it would be wrong.
enum BenchData {
  struct Mismatch: Error, CustomStringConvertible {
    var lines: [String]
    var description: String {
      "benchmark data self-check failed (the Swift profiles differ from shared/bench/bench_data.py):\n  "
        + lines.joined(separator: "\n  ")
    }
  }

  static func selfCheck() throws(Mismatch) {
    var bad: [String] = []
    func expect(_ what: String, _ got: Double, _ want: Double, tolerance: Double = 0) {
      if !(abs(got - want) <= tolerance) { bad.append("\(what): got \(got), expected \(want)") }
    }
    expect("H(0,0)", BenchProfiles.hash(0, 0), 0.40688223228789866)
    expect("H(0,10)", BenchProfiles.hash(0, 10), 0.5659622040111572)

    let f = PathFactors()
    let eta = [[0.9071, 0.940875], [0.888958, 0.9220575], [0.94, 0.975]]
    let tau = [[22.51, 14.79], [25.0598, 17.4942], [14.0, 6.0]]
    let pref = [0.965, 0.9457, 1.0]
    for o in 0..<3 {
      for m in 0..<2 {
        expect("eta[\(Bench.exporters[o]),\(Bench.markets[m])]", f.eta[o][m], eta[o][m], tolerance: 1e-12)
        expect("tau[\(Bench.exporters[o]),\(Bench.markets[m])]", f.tau[o][m], tau[o][m], tolerance: 1e-12)
        expect("pref[\(Bench.exporters[o]),\(Bench.markets[m])]", f.pref[o][m], pref[o], tolerance: 1e-12)
      }
    }

    let p0 = BenchProfiles(T: 1)
    let t0: [(String, [[Double]], [Double])] = [
      ("S", p0.S, [1812.8, 1224.3, 1768.9]), ("D", p0.D, [3594.9, 1113.2]), ("P", p0.P, [84.46, 67.3]),
      ("DF", p0.DF, [235.9, 207.5, 234.9]), ("VF", p0.VF, [117.99, 85.16, 134.63]),
    ]
    for (name, series, want) in t0 {
      for (k, w) in want.enumerated() { expect("\(name)[\(k)] at t=0", series[k][0], w) }
    }

    // Column sums over T = 8760, rounded to 0.1 in the README.
    let p = BenchProfiles(T: 8760)
    let sums: [(String, [[Double]], [Double])] = [
      ("S", p.S, [20390459.3, 14810228.1, 13401365.9]), ("D", p.D, [29799710.4, 8760775.8]),
      ("P", p.P, [679331.4, 591264.4]), ("DF", p.DF, [1708113.0, 1403097.6, 1750810.3]),
      ("VF", p.VF, [876714.5, 701128.8, 1006839.2]),
    ]
    for (name, series, want) in sums {
      for (k, w) in want.enumerated() {
        var s = 0.0
        for x in series[k] { s += x }
        expect("sum \(name)[\(k)] over T=8760", BenchProfiles.rnd1(s), w, tolerance: 0.051)
      }
    }
    if !bad.isEmpty { throw Mismatch(lines: bad) }
  }
}
