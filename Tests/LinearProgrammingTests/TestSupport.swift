import CorridorTestSupport
import Foundation
import Testing
@testable import LinearProgramming

// Shared helpers of the LP layer's tests: tolerances, a seeded generator,
// temporary folders, model builders and a few facts about the process.

/// `|a − b| ≤ tolerance · max(1, |a|, |b|)`: relative for large numbers,
/// absolute near zero (objectives of feasibility models are 0).
/// Infinities are close only to themselves; NaN to nothing.
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
  if a.isInfinite || b.isInfinite { return a == b }
  return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Whether two optional numbers are both nil or both present and close.
func close(_ a: Double?, _ b: Double?, _ tolerance: Double) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case let (x?, y?): return close(x, y, tolerance)
  default: return false
  }
}

/// The seeded generator (see CorridorTestSupport).
typealias SplitMix64 = CorridorTestSupport.SplitMix64

/// A fresh, empty folder under the system's temporary directory; removed by the caller.
func makeTemporaryFolder(_ label: String) throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("lptests-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Runs `body` with a fresh temporary folder and removes it afterwards.
func withTemporaryFolder<T>(_ label: String, _ body: (URL) throws -> T) throws -> T {
  let url = try makeTemporaryFolder(label)
  defer { try? FileManager.default.removeItem(at: url) }
  return try body(url)
}

/// Writes `text` to `name` inside `folder` and returns the absolute path.
@discardableResult
func writeFile(_ folder: URL, _ name: String, _ text: String) throws -> String {
  let url = folder.appendingPathComponent(name)
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

/// The folder of GLPK's examples (Debian package glpk-utils), if installed.
let glpkExamplesFolder = "/usr/share/doc/glpk-utils/examples"

/// Whether GLPK's examples are installed (several tests read them).
let glpkExamplesAvailable = FileManager.default.fileExists(atPath: glpkExamplesFolder + "/transp.mod")

/// A transportation LP: `sources` plants with supplies, `sinks` markets with
/// demands (total supply ≥ total demand), cost per unit shipped; minimise cost.
///
/// Built with the bulk API: columns are `x[i,j]` in row-major order; rows are
/// the supply rows (`≤ supply`) then the demand rows (`≥ demand`).
struct Transportation {
  let lp: LinearProgram
  let supplyRows: Range<Int>
  let demandRows: Range<Int>
  let columns: Range<Int>
  let sources: Int
  let sinks: Int

  init(sources: Int, sinks: Int, seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    self.sources = sources
    self.sinks = sinks
    let demand = (0..<sinks).map { _ in rng.uniform(5...50).rounded() }
    let total = demand.reduce(0, +)
    // Supplies cover demand with 20 % spare, split unevenly.
    let weights = (0..<sources).map { _ in rng.uniform(0.5...1.5) }
    let wsum = weights.reduce(0, +)
    let supply = weights.map { ($0 / wsum * total * 1.2).rounded(.up) }
    let cost = (0..<(sources * sinks)).map { _ in rng.uniform(1...100).rounded() }
    lp = LinearProgram(name: "transport-\(sources)x\(sinks)-\(seed)")
    columns = try lp.addVariables(count: sources * sinks, cost: cost)
    var starts = [0], cols = [Int32](), coefs = [Double]()
    for i in 0..<sources {
      for j in 0..<sinks { cols.append(Int32(i * sinks + j)); coefs.append(1) }
      starts.append(cols.count)
    }
    supplyRows = try lp.addConstraints(
      rowStarts: starts, columns: cols, coefficients: coefs,
      lower: Array(repeating: -.infinity, count: sources), upper: supply)
    starts = [0]; cols = []; coefs = []
    for j in 0..<sinks {
      for i in 0..<sources { cols.append(Int32(i * sinks + j)); coefs.append(1) }
      starts.append(cols.count)
    }
    demandRows = try lp.addConstraints(
      rowStarts: starts, columns: cols, coefficients: coefs,
      lower: demand, upper: Array(repeating: .infinity, count: sinks))
  }
}

/// The resident set size of this process in bytes (Linux: /proc/self/statm).
func residentBytes() -> Int? {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
  let fields = text.split(separator: " ")
  guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Monotonic seconds.
func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Checks that a solution's parts agree with each other and with its statuses:
/// a feasible primal status means a full point, an objective (unless it is
/// unbounded) equal to c·x and a certificate that holds on the primal side.
/// Returns the problems found.
func inconsistencies(_ s: Solution, _ lp: LinearProgram, tolerance: Double = 1e-7) -> [String] {
  var problems: [String] = []
  if s.primalStatus == .feasible {
    if s.values.count != lp.variableCount { problems.append("feasible primal status but \(s.values.count) values for \(lp.variableCount) variables") }
    if s.activities.count != lp.constraintCount { problems.append("feasible primal status but \(s.activities.count) activities for \(lp.constraintCount) rows") }
    // An unbounded objective has no value (the point only shows the way to improve).
    let unbounded = s.termination == .unbounded || s.termination == .infeasibleOrUnbounded
    if s.objectiveValue == nil, !unbounded { problems.append("feasible primal status without an objective value") }
    if let c = s.certificate {
      if c.maxBoundViolation > tolerance { problems.append("bound violation \(c.maxBoundViolation)") }
      if c.maxRowViolation > tolerance { problems.append("row violation \(c.maxRowViolation)") }
      if let iv = c.maxIntegralityViolation, iv > tolerance { problems.append("integrality violation \(iv)") }
    } else {
      problems.append("feasible primal status without a certificate")
    }
    if s.values.count == lp.variableCount, let obj = s.objectiveValue {
      let recomputed = s.value(lp.objective)
      if !close(recomputed, obj, 1e-9) { problems.append("objective \(obj) but c·x + constant = \(recomputed)") }
    }
  }
  if s.primalStatus == .none, !s.values.isEmpty { problems.append("no primal point but \(s.values.count) values") }
  if s.termination == .optimal {
    if s.primalStatus != .feasible { problems.append("optimal with primal status \(s.primalStatus)") }
  }
  if s.termination == .infeasible, s.primalStatus == .feasible {
    problems.append("infeasible with a feasible primal point")
  }
  if !s.isCurrent(for: lp) { problems.append("the solution is not current for its model right after the solve") }
  return problems
}
