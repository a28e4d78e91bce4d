import Dispatch
import Glibc
import Synchronization

/// Solves many independent models at once, respecting GLPK's thread affinity.
///
/// GLPK problems are bound to the thread that created them. `map` runs each
/// `body(i)` synchronously on one worker thread from start to finish, so a
/// model built, solved and read inside `body` never changes thread. Return
/// only plain results (values, ``Solution`` snapshots) from `body`, never the
/// ``LinearProgram`` itself.
///
/// ```swift
/// let objectives = ParallelSolver.map(count: 200) { i in
///   let lp = try makeModel(seed: i)
///   return try lp.solve().objectiveValue
/// }
/// ```
public enum ParallelSolver {
  /// Runs `body(0..<count)` on up to `maxConcurrency` threads; results are in index order.
  public static func map<T: Sendable>(
    count: Int, maxConcurrency: Int = System.activeProcessorCount,
    _ body: @Sendable (Int) throws -> T
  ) -> [Result<T, any Error>] {
    guard count > 0 else { return [] }
    let results = Mutex<[Result<T, any Error>?]>(Array(repeating: nil, count: count))
    let next = Atomic<Int>(0)
    let workers = max(1, min(maxConcurrency, count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let i = next.add(1, ordering: .relaxed).oldValue
        if i >= count { break }
        let r: Result<T, any Error> = Result { try body(i) }
        results.withLock { $0[i] = r }
      }
    }
    return results.withLock { $0.map { $0! } }
  }
}

/// Facts about the machine.
public enum System {
  /// Processors available to this process.
  public static var activeProcessorCount: Int {
    let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return n > 0 ? n : 1
  }
}
