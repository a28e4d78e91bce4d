// Property (issue #8 acceptance): every corridor, supply and market shadow price lies
// within the left/right derivative range of the planner's objective, measured by
// re-solving with the parameter moved by ±δ — for every shipped model and 100 seeded
// random models.
//
// Why a range: the optimal value of an LP is piecewise linear in a right-hand side or a
// bound, concave for a maximisation (convex for a minimisation). At a kink the dual is any
// slope between the left and the right derivative; by concavity every finite difference
// brackets them: (W(p+δ) − W(p))/δ ≤ shadow price ≤ (W(p) − W(p−δ))/δ, where W is what the
// objective's owner gets (the value, or minus the cost). So the check holds for any δ > 0
// and is exact up to solver round-off.

import CorridorModel
import CorridorTestSupport
import Foundation
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Shadow prices against finite differences")
struct ShadowPriceFiniteDifferenceTests {
  // MARK: Shipped models

  static var shippedModels: [String] {
    var list: [String] = []
    for dir in ["models", "models/scenarios", "models/teaching"] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: packagePath(dir))) ?? []
      list += names.filter { $0.hasSuffix(".toml") }.sorted().map { "\(dir)/\($0)" }
    }
    let heavy = ProcessInfo.processInfo.environment["CORRIDOR_HEAVY_TESTS"] == "1"
    return list.filter { heavy || !$0.contains("8760") }
  }

  @Test func everyShippedModelIsChecked() {
    // A silent shrink of the list would hide models from the property below.
    #expect(Self.shippedModels.count >= 17, "\(Self.shippedModels)")
  }

  @Test(arguments: shippedModels)
  func shippedModel(_ path: String) throws {
    let model = try loadShipped(path)
    let report = try FiniteDifferenceCheck(model: model, label: path).run()
    #expect(report.failures.isEmpty, "\(path):\n\(report.failures.joined(separator: "\n"))")
    #expect(report.compared > 0, "\(path): nothing was compared")
  }

  // MARK: Random models

  @Test func randomModels() throws {
    var optimal = 0, minCost = 0, twoSided = 0, minCostPriced = 0
    for seed in UInt64(1)...100 {
      let model = RandomCorridorModel.make(seed: seed)
      let report = try FiniteDifferenceCheck(model: model, label: "seed \(seed)").run()
      #expect(report.failures.isEmpty, "random model seed \(seed) (replay: RandomCorridorModel.make(seed: \(seed))):\n\(report.failures.joined(separator: "\n"))")
      if report.optimal {
        optimal += 1
        if model.objective == .minCost {
          minCost += 1
          minCostPriced += report.nonZero
        }
      }
      twoSided += report.twoSided
    }
    // The generator must keep producing models that test something.
    #expect(optimal >= 80, "only \(optimal) of 100 random models were optimal")
    #expect(minCost >= 10, "only \(minCost) optimal min-cost random models")
    #expect(minCostPriced >= 20, "only \(minCostPriced) non-zero shadow prices in min-cost random models")
    #expect(twoSided >= 500, "only \(twoSided) two-sided comparisons")
  }
}

/// Re-solves a model with each corridor capacity, supply volume and market volume moved by
/// ±δ and compares the plan's shadow prices with the finite differences.
struct FiniteDifferenceCheck {
  let model: Model
  let label: String

  struct Report {
    var optimal = false
    var compared = 0
    var twoSided = 0
    /// Comparisons whose shadow price is not 0 (the ones a sign error would fail).
    var nonZero = 0
    var failures: [String] = []
  }

  /// Lexicographic models (fairness, priority rules): re-solving the model would move the
  /// earlier stages' optima too, which the last stage's duals do not price. For them the
  /// parameter is moved in the last stage's LP, with the earlier stages held.
  var staged: Bool {
    model.objective == .maxMinFair || model.rules.contains { if case .priority = $0.kind { true } else { false } }
  }

  /// Long horizons (the 8,760-hour model) are also moved in the solved LP, which re-solves warm
  /// in a few iterations instead of planning from scratch each time; the formulation's fixed
  /// columns make that the same as moving the model.
  var inPlace: Bool { staged || model.slices.count > 500 }

  /// What the objective's owner gets: the value, or minus the cost.
  func worth(_ objective: Double) -> Double { model.objective == .minCost ? -objective : objective }

  /// A reported shadow price is already in planner terms (``Worth``): what one more unit is
  /// worth to the objective's owner, compared with ``worth(_:)`` of the re-solved objectives.
  func reportedWorth(_ v: Double) -> Double { v }

  func run() throws -> Report {
    var report = Report()
    let f = try Formulation(model: model)
    let plan = try Planner().solve(f)
    guard plan.status == .optimal, let z = plan.objective else { return report }
    report.optimal = true
    let w0 = worth(z)

    func compare(_ what: String, reported: Double?, reference: Double, canDecrease: Bool,
                 move: (Double) throws -> Double?) throws {
      guard let reported else {
        report.failures.append("\(label): \(what): no shadow price")
        return
      }
      let value = reportedWorth(reported)
      let delta = 1e-3 * max(1, abs(reference))
      guard let up = try move(delta) else {
        report.failures.append("\(label): \(what): re-solve with +δ not optimal")
        return
      }
      let right = (worth(up) - w0) / delta
      var left = Double.infinity
      if canDecrease {
        if let down = try move(-delta) {
          left = (w0 - worth(down)) / delta
          report.twoSided += 1
        } else if !staged {
          report.failures.append("\(label): \(what): re-solve with −δ not optimal")
          return
        }
        // Staged: with less of the parameter an earlier stage's optimum may be out of reach;
        // the last stage is then infeasible and its left derivative is unbounded.
      }
      // Round-off: the objectives agree to ~1e-9 relative; divided by δ.
      let tol = 1e-8 * (1 + abs(w0)) / delta + 1e-7 * abs(value)
      report.compared += 1
      if abs(value) > tol { report.nonZero += 1 }
      if value < right - tol || value > left + tol {
        report.failures.append(
          "\(label): \(what): shadow price \(value) outside [\(right), \(left)] (δ = \(delta), tolerance \(tol))")
      }
    }

    for (c, corridor) in model.corridors.enumerated() {
      let reference = corridor.enabled ? corridor.capacity.maximum : max(1, corridor.capacity.maximum)
      try compare(
        "corridor \(corridor.name)", reported: plan.corridors[c].shadowPrice, reference: reference,
        canDecrease: corridor.enabled && corridor.capacity.minimum > 1e-3 * max(1, reference) * 1.0001
      ) { delta in
        if inPlace { return try lastStage(f) { lp in try shift(lp, column: f.index.capacityColumns[c].index, by: delta) } }
        var m = model
        if corridor.enabled {
          m.corridors[c].capacity = corridor.capacity.shifted(by: delta)
        } else {
          m.corridors[c].enabled = true  // one unit of a disabled corridor: usable a(s)·δ
          m.corridors[c].capacity = .constant(delta)
        }
        return try solve(m)
      }
    }
    for (k, supply) in model.supplies.enumerated() {
      let use = plan.countries.first { $0.name == supply.country }?.supplied.first { $0.supply == supply.name }
      try compare(
        "supply \(supply.name)", reported: use?.shadowPrice, reference: supply.volume.maximum,
        canDecrease: supply.volume.minimum > 1e-3 * max(1, supply.volume.maximum) * 1.0001
      ) { delta in
        if inPlace {
          return try lastStage(f) { lp in
            try shift(lp, column: f.index.availableColumns[k].index, by: delta)
            for s in 0..<f.sliceCount { try shiftUpper(lp, column: f.index.supplies[k][s].index, by: delta) }
          }
        }
        var m = model
        m.supplies[k].volume = supply.volume.shifted(by: delta)
        return try solve(m)
      }
    }
    for (i, market) in model.markets.enumerated() {
      guard let volume = market.volume, f.index.marketRows[i] != nil else { continue }
      try compare(
        "market \(market.name)", reported: plan.markets[i].shadowPrice, reference: volume.maximum,
        canDecrease: volume.minimum > 1e-3 * max(1, volume.maximum) * 1.0001
      ) { delta in
        if inPlace {
          return try lastStage(f) { lp in
            for s in 0..<f.sliceCount {
              let row = try lp.constraint(at: f.index.marketRows[i]![s].index)
              let b = try lp.bounds(of: row)
              try lp.setBounds(row, lower: b.lower, upper: b.upper + delta)
            }
          }
        }
        var m = model
        m.markets[i].volume = volume.shifted(by: delta)
        return try solve(m)
      }
    }
    return report
  }

  func solve(_ m: Model) throws -> Double? {
    let p = try Planner().plan(m)
    return p.status == .optimal ? p.objective : nil
  }

  /// Solves the last stage's LP after `edit`, then undoes the edit (bounds are restored
  /// from a copy taken before).
  func lastStage(_ f: Formulation, _ edit: (LinearProgram) throws -> Void) throws -> Double? {
    let lp = f.program
    let columns = try (0..<lp.variableCount).map { try lp.bounds(of: lp.variable(at: $0)) }
    let rows = try (0..<lp.constraintCount).map { try lp.bounds(of: lp.constraint(at: $0)) }
    try edit(lp)
    let s = try lp.solve(SolverOptions())
    for (j, b) in columns.enumerated() { try lp.setBounds(lp.variable(at: j), lower: b.lower, upper: b.upper) }
    for (i, b) in rows.enumerated() { try lp.setBounds(lp.constraint(at: i), lower: b.lower, upper: b.upper) }
    return s.isOptimal ? s.objectiveValue : nil
  }

  func shift(_ lp: LinearProgram, column j: Int, by delta: Double) throws {
    let v = try lp.variable(at: j)
    let b = try lp.bounds(of: v)
    try lp.setBounds(v, lower: b.lower + delta, upper: b.upper + delta)
  }

  func shiftUpper(_ lp: LinearProgram, column j: Int, by delta: Double) throws {
    let v = try lp.variable(at: j)
    let b = try lp.bounds(of: v)
    try lp.setBounds(v, lower: b.lower, upper: max(b.lower, b.upper + delta))
  }
}

extension Series {
  /// The series with `delta` added in every slice.
  func shifted(by delta: Double) -> Series {
    switch self {
    case .constant(let v): .constant(v + delta)
    case .perSlice(let values): .perSlice(values.map { $0 + delta })
    }
  }
}
