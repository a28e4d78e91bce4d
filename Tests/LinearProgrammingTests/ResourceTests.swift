import Foundation
import Testing
@testable import LinearProgramming

/// Memory and threads: many create/solve/release cycles do not grow the
/// process, and solving independent models in parallel gives exactly the
/// sequential results.
@Suite struct ResourceTests {
  /// One small model through everything a cycle of the planner does:
  /// build (named items), solve, read values, duals and ranges; every tenth
  /// cycle a MIP with duals, every hundredth a captured log.
  static func cycle(_ k: Int) throws -> Double {
    let lp = LinearProgram(name: "cycle-\(k)", sense: .maximize)
    let a = try lp.addVariable(name: "a", bounds: 0...4, kind: k % 10 == 0 ? .integer : .continuous)
    let b = try lp.addVariable(name: "b")
    let c = try lp.addVariable(name: "c", bounds: 0...Double(k % 7 + 1))
    let r1 = try lp.addConstraint(a + 2 * b + c <= 10, name: "r1")
    try lp.addConstraint(LinearConstraint(a - b, in: -2...3), name: "r2")
    try lp.setObjective(3 * a + 2 * b + c)
    let s = try lp.solve(SolverOptions(mipDuals: k % 10 == 0, captureLog: k % 100 == 0))
    guard s.isOptimal else { throw LPError.solverFailure("cycle \(k): \(s.termination)") }
    if k % 10 != 0 {
      _ = try lp.costRange(of: a)
      _ = try lp.rightHandSideRange(of: r1)
    }
    return s.objectiveValue! + s.value(b) + (s.dual(r1) ?? 0)
  }

  /// 10,000 cycles in a child process of their own (so no other test's
  /// allocations count): RSS growth after a warm-up must stay below 20 MB.
  @Test func tenThousandCyclesDoNotGrowTheProcess() async throws {
    let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
      for k in 0..<500 { _ = try! ResourceTests.cycle(k) }  // warm-up: allocator arenas, GLPK's environment
      let before = residentBytes()!
      let start = now()
      var sum = 0.0
      for k in 0..<10_000 { sum += try! ResourceTests.cycle(k) }
      let after = residentBytes()!
      let mb = { (b: Int) in String(format: "%.1f MB", Double(b) / 1_048_576) }
      let line = "ResourceTests: RSS before \(mb(before)), after 10,000 cycles \(mb(after)), growth \(mb(after - before)), \(String(format: "%.2f", now() - start)) s, checksum \(sum)\n"
      _ = line.withCString { write(1, $0, strlen($0)) }
      if after - before > 20 * 1_048_576 { exit(1) }
    }
    if let result {
      let out = String(decoding: result.standardOutputContent, as: UTF8.self)
      print(out.trimmingCharacters(in: .whitespacesAndNewlines))
      #expect(out.contains("ResourceTests: RSS before"), "child output: \(out)")
    }
  }

  /// A 20 × 50 transportation LP's results, as plain values.
  struct Outcome: Sendable, Equatable {
    let objective: Double
    let values: [Double]
    let iterations: Int
  }

  static func solveTransportation(seed: UInt64) throws -> Outcome {
    let t = try Transportation(sources: 20, sinks: 50, seed: seed)
    let s = try t.lp.solve()
    guard s.isOptimal else { throw LPError.solverFailure("seed \(seed): \(s.termination)") }
    return Outcome(objective: s.objectiveValue!, values: s.values, iterations: s.iterations)
  }

  /// 200 independent LPs built, solved and read on worker threads equal the
  /// same LPs solved one after another on this thread, bit for bit.
  @Test func parallelResultsEqualSequentialResults() throws {
    let count = 200
    var t0 = now()
    var sequential: [Outcome] = []
    for i in 0..<count { sequential.append(try Self.solveTransportation(seed: UInt64(i))) }
    let sequentialSeconds = now() - t0
    t0 = now()
    let parallel = ParallelSolver.map(count: count) { i in try Self.solveTransportation(seed: UInt64(i)) }
    let parallelSeconds = now() - t0
    var mismatches: [String] = []
    for i in 0..<count {
      switch parallel[i] {
      case let .success(o):
        if o != sequential[i] {
          mismatches.append("LP \(i): objective \(o.objective) vs \(sequential[i].objective), \(o.iterations) vs \(sequential[i].iterations) iterations")
        }
      case let .failure(e):
        mismatches.append("LP \(i): \(e)")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10).joined(separator: "\n"))")
    print("ResourceTests: \(count) transportation LPs 20×50: sequential \(String(format: "%.2f", sequentialSeconds)) s, ParallelSolver.map on \(System.activeProcessorCount) cores \(String(format: "%.2f", parallelSeconds)) s, speed-up \(String(format: "%.2f", sequentialSeconds / parallelSeconds))× (other tests may run meanwhile)")
  }

  /// Errors thrown inside `ParallelSolver.map` arrive in order, beside the successes.
  @Test func parallelSolverKeepsOrderAndErrors() {
    let r = ParallelSolver.map(count: 50, maxConcurrency: 4) { i -> Int in
      if i % 7 == 3 { throw LPError.invalidArgument("item \(i)") }
      let lp = LinearProgram()
      let x = try lp.addVariable(bounds: 0...Double(i), cost: -1)
      try lp.addConstraint(x <= Double(i))
      return Int(-(try lp.solve().objectiveValue!))
    }
    #expect(r.count == 50)
    for (i, item) in r.enumerated() {
      switch item {
      case let .success(v): #expect(i % 7 != 3 && v == i)
      case let .failure(e): #expect(i % 7 == 3 && (e as? LPError) == .invalidArgument("item \(i)"))
      }
    }
    #expect(ParallelSolver.map(count: 0) { $0 }.isEmpty)
  }
}
