import Glibc

/// Seconds on the system's monotonic clock, for measuring how long something took.
///
/// `CLOCK_MONOTONIC` never jumps when the wall clock is set, so the difference
/// of two readings is an elapsed time (in seconds, as a `Double`): the layer's
/// ``Solution/solveTime``, time limits shared by several solves, and the
/// planner's and benchmark's timings all read this one clock. Its zero is
/// arbitrary (usually the boot): only differences mean something.
///
/// ```swift
/// let start = MonotonicClock.now()
/// try lp.solve()
/// let seconds = MonotonicClock.now() - start
/// ```
///
/// Named apart from Swift's `Clock` protocol (`ContinuousClock`,
/// `SuspendingClock`), which measures in `Duration`s.
public enum MonotonicClock {
  /// The current reading, in seconds.
  public static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }
}
