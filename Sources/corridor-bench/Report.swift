// Results of corridor-bench and their Markdown report.
import Glibc
import LinearProgramming

/// One (algorithm, presolve) solve of one horizon.
struct SolveResult {
  var algorithm: SolverOptions.Algorithm
  var presolve: Bool
  var ran: SolverOptions.Algorithm = .auto
  var termination: TerminationStatus = .solverError
  var optimal = false
  var rawStatus = ""
  var iterations = 0
  var objective: Double?
  var relativeError: Double?
  var certificate: Certificate?
  /// Wall time of each `solve()` call (fresh model each time).
  var wall: [Double] = []
  /// CPU time of each `solve()` call.
  var cpu: [Double] = []
  /// `Solution.solveTime` of each call: GLPK's run plus reading its result.
  var glpk: [Double] = []
  /// `Solution.solveTime` of a warm 0-iteration re-solve after each solve: an upper bound of the result reading.
  var resolve: [Double] = []
  var resolveIterations: Int?
  var resolveSeconds: Double? { resolve.isEmpty ? nil : median(resolve) }

  /// A variant of the layer's algorithms (e.g. "crash168h+primal"); nil for a plain solve.
  var variant: String?
  /// What the variant did before the solve (block passes, prices, times).
  var note = ""

  var label: String { variant ?? "\(algorithm.rawValue)/\(algorithm == .interior ? "n/a" : (presolve ? "on" : "off"))" }

  /// The layer's own share of `solve()`: everything outside GLPK's run (validation,
  /// synchronisation, certificate) plus the reading bound, over the whole call.
  var overhead: Double? {
    guard !wall.isEmpty, variant == nil else { return nil }
    let shares = wall.indices.map { k in
      (wall[k] - glpk[k] + (k < resolve.count ? resolve[k] : 0)) / max(wall[k], 1e-12)
    }
    return median(shares)
  }

  var certificateSummary: String {
    guard let c = certificate else { return "none" }
    let measures: [(String, Double)] = [
      ("bounds", c.maxBoundViolation), ("rows", c.maxRowViolation), ("dual inf.", c.maxDualInfeasibility ?? 0),
      ("compl.", c.maxComplementarityViolation ?? 0), ("gap", c.relativeGap ?? 0),
    ]
    let worst = measures.max { $0.1 < $1.1 }!
    return "\(c.holds() ? "ok" : "not within 1e-7:") worst \(worst.0) \(sci(worst.1))"
  }

  var progressLine: String {
    var s = "solve \(label): \(termination.rawValue)"
    if ran != algorithm { s += " (ran \(ran.rawValue))" }
    s += ", \(iterations) it, wall \(fmt(median(wall), 4)) s, CPU \(fmt(median(cpu), 4)) s"
    if wall.count > 1 { s += " (median of \(wall.count))" }
    s += ", GLPK \(fmt(median(glpk), 4)) s"
    if let r = resolveSeconds { s += ", re-solve \(fmt(r, 4)) s/\(resolveIterations ?? 0) it" }
    if let o = overhead { s += ", overhead \(fmt(100 * o, 2)) %" }
    if let obj = objective { s += ", objective \(fmt(obj, 6))" }
    if let e = relativeError { s += ", rel. error \(sci(e))" }
    s += ", certificate \(certificateSummary)"
    if !note.isEmpty { s += "; \(note)" }
    return s
  }
}

/// Everything measured for one horizon.
struct HorizonResult {
  var T: Int
  var dataSeconds = 0.0
  var buildSeconds: [Double] = []
  var buildCPUSeconds: [Double] = []
  var syncSeconds = 0.0
  var syncCPUSeconds = 0.0
  var writeSeconds = 0.0
  var genDatSeconds: Double?
  var memoryAfterBuild = (peak: 0.0, current: 0.0)
  var memoryAfterSolves = (peak: 0.0, current: 0.0)
  var solves: [SolveResult] = []
  var glpsol: [ReferenceVariant: GlpsolRun] = [:]

  init(T: Int) { self.T = T }

  /// The value optimal objectives are judged against: the README's, else glpsol's, else our first optimal one.
  var referenceObjective: (value: Double, source: String)? {
    if let v = Bench.expectedObjective[T] { return (v, "README") }
    if let g = glpsol[.math], g.optimal, let v = g.objective { return (v, "glpsol --math") }
    if let s = solves.first(where: { $0.optimal && $0.objective != nil }) { return (s.objective!, "our \(s.label)") }
    return nil
  }

  func objectiveFailures(tolerance: Double = 1e-7) -> [String] {
    guard let (want, source) = referenceObjective else { return [] }
    var bad: [String] = []
    for s in solves where s.optimal {
      guard let obj = s.objective else { continue }
      let e = abs(obj - want) / abs(want)
      if !(e <= tolerance) {
        bad.append("T=\(T) \(s.label): objective \(obj) is \(sci(e)) (relative) from \(source)'s \(want)")
      }
    }
    for s in solves where !s.optimal && s.termination != .timeLimit {
      bad.append("T=\(T) \(s.label): \(s.termination.rawValue) (\(s.rawStatus))")
    }
    for (v, g) in glpsol where g.optimal {
      guard let obj = g.objective else { continue }
      let e = abs(obj - want) / abs(want)
      if !(e <= max(tolerance, 1e-9)) { bad.append("T=\(T) glpsol \(v.rawValue): objective \(obj) is \(sci(e)) from \(source)'s \(want)") }
    }
    return bad
  }

  /// The glpsol run a solve of the layer is compared with.
  func peer(of s: SolveResult) -> GlpsolRun? {
    if s.variant?.contains("MPS") == true { return glpsol[.mpsNopresol] }
    if s.variant != nil { return glpsol[.mpsDefault] }
    switch (s.algorithm, s.presolve) {
    case (.primal, false): return glpsol[.mpsNopresol]
    case (.primal, true), (.auto, _): return glpsol[.mpsDefault]
    case (.dual, true): return glpsol[.mpsDual]
    case (.dual, false): return glpsol[.mpsDualNopresol]
    case (.interior, _): return glpsol[.mpsInterior]
    }
  }
}

struct Report {
  var options: BenchOptions
  var shared: String
  var results: [HorizonResult]
  var failures: [String]

  /// glpsol's solver time for ratios: its own "Time used" when ≥ 0.5 s (0.1 s resolution).
  static func glpsolSolveSeconds(_ g: GlpsolRun) -> Double? {
    guard let t = g.solverSeconds, t >= 0.5 else { return nil }
    return t
  }

  func markdown() -> String {
    var out = "# corridor-bench report\n\n"
    out += "Machine: \(cpuModel()), \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores, load average \(loadAverage()) at the end. "
    out += "Builds: median of \(options.repeatCount); solves: median of \(options.repeatCount) for T ≤ 2000, else one run"
    if let t = options.timeLimit { out += "; time limit \(fmt(t, 0)) s per solve" }
    out += ". Wall and CPU seconds: on a shared machine the wall times include waiting for a core, "
    out += "the CPU times do not (GLPK and the layer are single-threaded).\n\n"

    out += "## Build\n\n"
    out += "| T | columns | rows | nnz | data s | build wall s (median, min–max) | build CPU s | sync to GLPK wall / CPU s | sync + MPS write s | glpsol --check wall / CPU s | ours (data+build+sync) / glpsol --check, CPU | VmHWM after build MiB |\n"
    out += "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    for r in results {
      let oursCPU = r.dataSeconds + median(r.buildCPUSeconds) + r.syncCPUSeconds
      let check = r.glpsol[.check]
      out += "| \(r.T) | \(BenchModel.columns(r.T)) | \(BenchModel.rows(r.T)) | \(BenchModel.nonZeros(r.T)) "
      out += "| \(fmt(r.dataSeconds, 4)) | \(fmt(median(r.buildSeconds), 4)) (\(fmt(r.buildSeconds.min() ?? 0, 4))–\(fmt(r.buildSeconds.max() ?? 0, 4))) "
      out += "| \(fmt(median(r.buildCPUSeconds), 4)) | \(fmt(r.syncSeconds, 4)) / \(fmt(r.syncCPUSeconds, 4)) | \(r.writeSeconds > 0 ? fmt(r.writeSeconds, 3) : "–") "
      out += "| \(check.map { "\(fmt($0.run.wallSeconds, 3)) / \(fmt($0.run.cpuSeconds, 3))" } ?? "–") "
      out += "| \(check.map { ratio(oursCPU, $0.run.cpuSeconds) } ?? "–") | \(fmt(r.memoryAfterBuild.peak, 1)) |\n"
    }

    if results.contains(where: { !$0.solves.isEmpty }) {
      out += "\n## Solve (LP layer)\n\n"
      out += "Overhead = (solve() wall − GLPK's run and result reading + a warm 0-iteration re-solve, which bounds the reading from above) / solve() wall. "
      out += "Peer = the glpsol run on the layer's own MPS with the same algorithm and presolve (auto is compared with glpsol's default). "
      out += "Ratios: our solve() wall / glpsol's \"Time used\" (shown when ≥ 0.5 s), and our solve() CPU / glpsol's process CPU (which includes reading the MPS file).\n\n"
      out += "| T | algorithm/presolve | ran | status | iterations | solve wall s | solve CPU s | overhead % | objective | rel. error | certificate | peer | peer Time used / CPU s | ratio wall | ratio CPU | VmHWM MiB |\n"
      out += "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
      for r in results {
        for s in r.solves {
          let p = r.peer(of: s)
          let ps = p.flatMap(Self.glpsolSolveSeconds)
          out += "| \(r.T) | \(s.label) | \(s.ran.rawValue) | \(s.termination.rawValue) | \(s.iterations) "
          out += "| \(fmt(median(s.wall), 3)) | \(fmt(median(s.cpu), 3)) | \(s.overhead.map { fmt(100 * $0, 2) } ?? "–") "
          out += "| \(s.objective.map { fmt($0, 6) } ?? "–") | \(s.relativeError.map(sci) ?? "–") | \(s.certificateSummary) "
          out += "| \(p?.label ?? "–") | \(p.map { "\($0.solverSeconds.map { fmt($0, 1) } ?? "–") / \(fmt($0.run.cpuSeconds, 2))" } ?? "–") "
          out += "| \(ps.map { ratio(median(s.wall), $0) } ?? "–") | \(p.map { ratio(median(s.cpu), $0.run.cpuSeconds) } ?? "–") | \(fmt(r.memoryAfterSolves.peak, 1)) |\n"
        }
      }
    }

    let notes = results.flatMap { r in r.solves.filter { !$0.note.isEmpty }.map { "- T = \(r.T), \($0.label): \($0.note)" } }
    if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }

    if results.contains(where: { !$0.glpsol.isEmpty }) {
      out += "\n## glpsol (reference)\n\n"
      out += "| T | run | command | wall s | CPU s | Time used s | iterations | objective | rel. error | GLPK memory used MB |\n"
      out += "|---|---|---|---|---|---|---|---|---|---|\n"
      var endToEnd: [String] = []
      for r in results {
        for v in ReferenceVariant.allCases {
          guard let g = r.glpsol[v] else { continue }
          let rel = r.referenceObjective.flatMap { ref in g.objective.map { abs($0 - ref.value) / abs(ref.value) } }
          let cmd = g.command.split(separator: " ").map { w in w.contains("/") ? String(w.split(separator: "/").last!) : String(w) }.joined(separator: " ")
          out += "| \(r.T) | \(v.rawValue) | `\(cmd)` | \(fmt(g.run.wallSeconds, 3)) | \(fmt(g.run.cpuSeconds, 3)) | \(g.solverSeconds.map { fmt($0, 1) } ?? "–") "
          out += "| \(g.iterations.map(String.init) ?? "–") | \(g.objective.map { fmt($0, 6) } ?? "–") | \(v == .check ? "–" : (rel.map(sci) ?? "–")) | \(g.memoryMB.map { fmt($0, 1) } ?? "–") |\n"
        }
        // End to end: data + build + sync + auto solve vs glpsol translate + solve.
        if let math = r.glpsol[.math], let auto = r.solves.first(where: { $0.algorithm == .auto && !$0.presolve }) ?? r.solves.first(where: { $0.algorithm == .auto }) {
          let wall = r.dataSeconds + median(r.buildSeconds) + r.syncSeconds + median(auto.wall)
          let cpu = r.dataSeconds + median(r.buildCPUSeconds) + r.syncCPUSeconds + median(auto.cpu)
          endToEnd.append("- T = \(r.T): ours (data + build + sync + auto/\(auto.presolve ? "on" : "off") solve) \(fmt(wall, 3)) s wall, \(fmt(cpu, 3)) s CPU; glpsol --math \(fmt(math.run.wallSeconds, 3)) s wall, \(fmt(math.run.cpuSeconds, 3)) s CPU; ratio \(ratio(wall, math.run.wallSeconds)) wall, \(ratio(cpu, math.run.cpuSeconds)) CPU.")
        }
      }
      if !endToEnd.isEmpty { out += "\nEnd to end against `glpsol --math` (translate + solve):\n\n" + endToEnd.joined(separator: "\n") + "\n" }
    }
    if !failures.isEmpty {
      out += "\n## Failures\n\n" + failures.map { "- \($0)\n" }.joined()
    }
    return out
  }

  func loadAverage() -> String {
    String((readText("/proc/loadavg") ?? "?").split(separator: " ").prefix(3).joined(separator: " "))
  }

  func cpuModel() -> String {
    for line in (readText("/proc/cpuinfo") ?? "").split(separator: "\n") where line.hasPrefix("model name") {
      if let k = line.firstIndex(of: ":") { return line[line.index(after: k)...].trimmingPrefixSpaces() }
    }
    return "unknown CPU"
  }
}

extension Substring {
  func trimmingPrefixSpaces() -> String { String(drop(while: { $0 == " " || $0 == "\t" })) }
}

// MARK: - Number formatting

func median(_ xs: [Double]) -> Double {
  guard !xs.isEmpty else { return 0 }
  let s = xs.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func fmt(_ x: Double, _ decimals: Int) -> String {
  var buffer = [CChar](repeating: 0, count: 64)
  _ = withVaList([x]) { vsnprintf(&buffer, 64, "%.\(decimals)f", $0) }
  return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func sci(_ x: Double) -> String {
  var buffer = [CChar](repeating: 0, count: 64)
  _ = withVaList([x]) { vsnprintf(&buffer, 64, "%.1e", $0) }
  return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func ratio(_ a: Double, _ b: Double) -> String { b > 0 ? fmt(a / b, 2) + "×" : "–" }
