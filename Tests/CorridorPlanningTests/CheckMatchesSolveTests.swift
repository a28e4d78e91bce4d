// Issue #8 item 11: every warning `solve` gives about a model, `check` gives too. The
// loader's warnings are the model's; a plan adds only notes about how the solve went.

import CorridorModel
import Foundation
import Testing

@testable import CorridorPlanning

@Suite("check finds what solve finds")
struct CheckMatchesSolveTests {
  /// Shipped models and scenarios (the 8,760-hour bench is left out for time), plus the
  /// fairness teaching model solved with max-value, where the fair-share rule does nothing.
  static func cases() throws -> [String] {
    let dir = NSTemporaryDirectory() + "check-solve-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let fairOff = dir + "/fair-off.toml"
    try "[scenario]\nextends = \"\(packagePath("models/teaching/05-max-min-fair.toml"))\"\n[model]\nobjective = \"max-value\"\n"
      .write(toFile: fairOff, atomically: true, encoding: .utf8)
    var paths = [fairOff]
    for sub in ["models", "models/scenarios", "models/teaching"] {
      let names = try FileManager.default.contentsOfDirectory(atPath: packagePath(sub)).sorted()
      paths += names.filter { $0.hasSuffix(".toml") && !$0.contains("8760") }.map { packagePath(sub + "/" + $0) }
    }
    return paths
  }

  @Test("an optimal plan's warnings are exactly the loader's")
  func sameWarnings() throws {
    let paths = try Self.cases()
    #expect(paths.count >= 15)
    var sawFairShare = false
    for path in paths {
      let model = try ModelLoader.load(path: path)
      let plan = try Planner().plan(model)
      guard plan.status == .optimal else {
        Issue.record("\(path): \(plan.status)")
        continue
      }
      #expect(plan.warnings == model.warnings.map(\.description), "\(path)")
      sawFairShare = sawFairShare || model.warnings.contains { $0.message.contains("fair-share rules act only") }
    }
    #expect(sawFairShare, "the max-value fairness case must warn at load")
  }
}
