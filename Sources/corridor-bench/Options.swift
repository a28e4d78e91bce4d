// Command-line options of corridor-bench.
import Glibc
import LinearProgramming

struct BenchOptions {
  var horizons: [Int] = [24, 168]
  var algorithms: [SolverOptions.Algorithm] = [.primal, .dual, .interior, .auto]
  var presolve: [Bool] = [false, true]
  var repeatCount = 5
  var skipSolve = false
  var reference = false
  var referenceVariants: [ReferenceVariant] = [.math, .check, .mpsDefault, .mpsNopresol]
  var sharedPath: String?
  var timeLimit: Double?
  var glpkLogDirectory: String?
  var reportPath: String?
  var keepDirectory: String?
  var blockCrashHours: Int?
  var sameFile = false

  static let usage = """
    usage: corridor-bench [options]

    Builds and solves the "Caspian corridors" benchmark LP (shared/bench/README.md)
    through the LinearProgramming layer and reports build and solve times, objective
    errors, certificates, memory and, with --reference, glpsol's times on the same LP.

      --T LIST               horizons (hours), e.g. 24,168,8760 (default 24,168)
      --algorithms LIST      primal,dual,interior,auto (default all four), or none
      --presolve LIST        on,off (default off,on; interior has no presolve and runs once)
      --repeat N             builds per horizon, median reported (default 5); solves are
                             repeated N times too when T <= 2000, else run once
      --skip-solve           build only
      --reference            also run glpsol: translate+solve and translate-only on
                             caspian.mod, and the layer's free MPS with glpsol's default
                             and with --nopresol (see --reference-runs)
      --reference-runs LIST  glpsol runs for --reference: math,check,mps-default,
                             mps-nopresol,mps-dual,mps-dual-nopresol,mps-interior,mps-bib,
                             mps-std (default math,check,mps-default,mps-nopresol)
      --shared PATH          the benchmark folder (default: ../shared/bench beside the package root)
      --time-limit S         per solve, seconds (simplex and glpsol; GLPK's interior point has none)
      --glpk-log DIR         keep GLPK's output of every solve in DIR
      --report PATH          also write the results as Markdown to PATH
      --block-crash HOURS    also solve from the block crash basis (blocks of HOURS hours, fair
                             rows priced in; shared/GLPK-NOTES.md), built outside the layer and
                             installed with setStartingBasis, then primal simplex
      --same-file            with --reference: also solve (auto, presolve off) the layer's MPS
                             read back, i.e. exactly the numbers glpsol reads
      --keep DIR             generate the .dat/.mps files in DIR and keep them (default: a
                             temporary directory, removed at the end)
      -h, --help             this text

    Exit status: 0 when every optimal objective is within 1e-7 (relative) of the README's
    value (or, for other T, of each other and glpsol), 1 otherwise, 2 on usage errors.
    """

  struct UsageError: Error, CustomStringConvertible { var description: String }

  static func parse(_ args: [String]) throws(UsageError) -> BenchOptions {
    var o = BenchOptions()
    var k = 0
    func value(_ flag: String) throws(UsageError) -> String {
      k += 1
      guard k < args.count else { throw UsageError(description: "\(flag) needs a value") }
      return args[k]
    }
    func list(_ s: String) -> [String] { s.split(separator: ",").map { String($0).lowercased() } }
    while k < args.count {
      let a = args[k]
      switch a {
      case "-h", "--help":
        emit(usage)
        exit(0)
      case "--T", "--t":
        let v = try value(a)
        var hs: [Int] = []
        for s in list(v) {
          guard let t = Int(s), t >= 2 else { throw UsageError(description: "--T: '\(s)' is not a horizon ≥ 2") }
          hs.append(t)
        }
        o.horizons = Array(Set(hs)).sorted()  // ascending: the process's peak memory then belongs to the largest T so far
      case "--algorithms":
        var algs: [SolverOptions.Algorithm] = []
        for s in list(try value(a)) where s != "none" {
          guard let alg = SolverOptions.Algorithm(rawValue: s) else {
            throw UsageError(description: "--algorithms: unknown '\(s)' (primal, dual, interior, auto)")
          }
          algs.append(alg)
        }
        o.algorithms = algs
      case "--presolve":
        var ps: [Bool] = []
        for s in list(try value(a)) {
          switch s {
          case "on", "true", "yes": ps.append(true)
          case "off", "false", "no": ps.append(false)
          default: throw UsageError(description: "--presolve: '\(s)' is neither on nor off")
          }
        }
        o.presolve = ps
      case "--repeat":
        guard let n = Int(try value(a)), n >= 1 else { throw UsageError(description: "--repeat needs an integer ≥ 1") }
        o.repeatCount = n
      case "--skip-solve": o.skipSolve = true
      case "--reference": o.reference = true
      case "--reference-runs":
        var vs: [ReferenceVariant] = []
        for s in list(try value(a)) {
          guard let v = ReferenceVariant(rawValue: s) else {
            throw UsageError(description: "--reference-runs: unknown '\(s)' (\(ReferenceVariant.allCases.map(\.rawValue).joined(separator: ", ")))")
          }
          vs.append(v)
        }
        o.referenceVariants = vs
        o.reference = true
      case "--shared": o.sharedPath = try value(a)
      case "--time-limit":
        guard let t = Double(try value(a)), t > 0, t.isFinite else { throw UsageError(description: "--time-limit needs seconds > 0") }
        o.timeLimit = t
      case "--glpk-log": o.glpkLogDirectory = try value(a)
      case "--report": o.reportPath = try value(a)
      case "--keep": o.keepDirectory = try value(a)
      case "--same-file": o.sameFile = true
      case "--block-crash":
        guard let h = Int(try value(a)), h >= 1 else { throw UsageError(description: "--block-crash needs hours ≥ 1") }
        o.blockCrashHours = h
      default:
        throw UsageError(description: "unknown option '\(a)' (see --help)")
      }
      k += 1
    }
    return o
  }

  /// The benchmark folder: --shared, else ../shared/bench beside the package root,
  /// found from the working directory, the executable or this source file.
  func resolveShared() throws(UsageError) -> String {
    if let s = sharedPath {
      guard fileExists(s + "/caspian.mod"), fileExists(s + "/gen_dat.py") else {
        throw UsageError(description: "--shared \(s): no caspian.mod and gen_dat.py there")
      }
      return realPath(s) ?? s
    }
    var starts: [String] = []
    if let cwd = realPath(".") { starts.append(cwd) }
    if let exe = realPath("/proc/self/exe") { starts.append(parentDirectory(exe)) }
    if let src = realPath(#filePath) { starts.append(parentDirectory(src)) }
    for start in starts {
      var dir = start
      while true {
        if fileExists(dir + "/Package.swift") {
          let candidate = parentDirectory(dir) + "/shared/bench"
          if fileExists(candidate + "/caspian.mod") { return realPath(candidate) ?? candidate }
        }
        let up = parentDirectory(dir)
        if up == dir { break }
        dir = up
      }
    }
    throw UsageError(description: "cannot find shared/bench beside the package root; pass --shared PATH")
  }
}
