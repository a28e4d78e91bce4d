// Helpers every test target needs: where the package is, and a seeded
// random number generator whose failing seeds can be replayed.

import Foundation

/// The package root: the nearest folder above this file that holds `Package.swift`.
public let packageRoot: String = {
  var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  while url.path != "/" {
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      return url.path
    }
    url.deleteLastPathComponent()
  }
  return FileManager.default.currentDirectoryPath
}()

/// Whether an environment is a CI run (`CI=true`, `CI=1` or `CI=yes`, as CI services set it).
public func isCI(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
  ["true", "1", "yes"].contains((environment["CI"] ?? "").lowercased())
}

/// Whether this test run is CI: goldens are only compared, and tools that tests
/// elsewhere may skip without (glpsol, GLPK's examples) must be installed.
public let runningUnderCI = isCI()

/// A small seeded generator (SplitMix64): the same seed gives the same
/// sequence on every run and every platform, so a failing seed can be replayed.
public struct SplitMix64: RandomNumberGenerator {
  public var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// A uniform double in `range`.
  public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    Double.random(in: range, using: &self)
  }
  /// A uniform integer in `range`.
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }
}
