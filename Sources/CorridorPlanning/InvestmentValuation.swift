import CorridorModel
import LinearProgramming

/// What each build of an investment plan is worth: the plan's objective against the best
/// plan without that build, every other build re-optimised (the "take out one at a time"
/// of ENTSO-E's cost–benefit method, docs/corridor-value.md, with builds free to change).
///
/// For each corridor or storage the plan builds, its build columns are held at 0 and the
/// model re-solved (warm, on the same formulation); the build's value added is
/// `objective(plan) − objective(without)`, and per exporting country the change in its net
/// value (revenue − tariffs − supply cost − wear: operating money; no country is assigned
/// the investment's cost, which is in the total). The formulation's bounds are restored.
public enum InvestmentValuation {
  /// Fills ``InvestmentResult/valueAdded`` and ``InvestmentResult/valueAddedByCountry`` of
  /// `plan` (solved from `formulation` by `planner`). Builds whose re-solve does not reach a
  /// proven optimum keep nil, and a note says so. `timeLimit` bounds all the re-solves.
  public static func addValues(to plan: inout Plan, formulation f: Formulation, planner: Planner, timeLimit: Double? = nil) throws {
    guard plan.hasPoint, let objective = plan.objective, !plan.investments.isEmpty else { return }
    let start = MonotonicClock.now()
    let built = plan.investments.map { ($0.kind, $0.name) }
    let blocks = f.index.builds.filter { b in built.contains { $0.0 == b.kind && $0.1 == b.name } }
    let before = Dictionary(plan.countries.map { ($0.name, $0.netValue) }, uniquingKeysWith: { a, _ in a })
    let sense: Double = plan.objectiveKind == .minCost ? -1 : 1
    var skipped: [String] = []
    for block in blocks {
      let name = block.name
      var p = planner
      if let t = timeLimit { p.options.timeLimit = max(0.001, t - (MonotonicClock.now() - start)) }
      let saved = try block.columns.map { c in try f.program.bounds(of: f.program.variable(at: c.column.index)) }
      for c in block.columns { try f.program.setBounds(f.program.variable(at: c.column.index), lower: 0, upper: 0) }
      let without = try p.solve(f)
      for (c, b) in zip(block.columns, saved) { try f.program.setBounds(f.program.variable(at: c.column.index), lower: b.lower, upper: b.upper) }
      guard without.provenOptimal, let z = without.objective else { skipped.append(name); continue }
      let after = Dictionary(without.countries.map { ($0.name, $0.netValue) }, uniquingKeysWith: { a, _ in a })
      let byCountry = plan.countries.map { CountryMoney(country: $0.name, value: (before[$0.name] ?? 0) - (after[$0.name] ?? 0)) }
      for i in plan.investments.indices where plan.investments[i].name == name && plan.investments[i].kind == block.kind {
        plan.investments[i].valueAdded = sense * (objective - z)
        plan.investments[i].valueAddedByCountry = byCountry
      }
    }
    if !skipped.isEmpty {
      plan.warnings.append("the value added of \(skipped.joined(separator: ", ")) is not shown: the re-solve without it did not reach a proven optimum (time limit)")
    }
  }
}
