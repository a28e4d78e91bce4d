// Issue #8 item 7 (the Plan's side): what a plan says when it has no optimum.
//
// An infeasible plan points at the usual suspects; a run stopped at a limit
// without a feasible point says that (it proves nothing about feasibility); a
// run stopped with a feasible point is marked not proven optimal, so a report
// shows its gap (unknown for a simplex stopped early) instead of "certificate
// holds". No note may claim that missing figures are "shown as 0": reports show
// them as missing (Plan.hasPoint / hasDuals).
//
// A limit is forced with timeLimit = 0 (GLPK's simplex checks the clock before its
// first iteration) and with iterationLimit = 1; both stop deterministically.

import CorridorModel
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Notes of plans without a proven optimum (issue #8 item 7)")
struct PlanNotesTests {

  /// K (500 MW) → line (100 MW) → M at 40 EUR/MWh; `firm` asks K → M in every slice.
  func model(firm: Double?) -> Model {
    electricityModel(
      countries: ["K"], marketNodes: ["M"], supplies: [supply("K", 500)],
      corridors: [line("line", "K", "M", capacity: 100)],
      markets: [market("M", at: "M", price: 40)],
      rules: firm.map { [Rule(name: "firm", kind: .firm(country: "K", market: "M", volume: $0))] } ?? [])
  }

  func noZeroClaims(_ plan: Plan, sourceLocation: SourceLocation = #_sourceLocation) {
    for w in plan.warnings {
      #expect(!w.contains("shown as 0"), "note claims zeros: \(w)", sourceLocation: sourceLocation)
    }
  }

  @Test func infeasiblePointsAtRulesAndIsNotOptimal() throws {
    let plan = try Planner().plan(model(firm: 150))
    #expect(plan.status == .infeasible)
    #expect(!plan.hasPoint && !plan.provenOptimal)
    #expect(plan.warnings.contains { $0.contains("no feasible plan exists") && $0.contains("usual suspects") })
    noZeroClaims(plan)
  }

  @Test(arguments: [SolverOptions(timeLimit: 0), SolverOptions(iterationLimit: 1)])
  func limitWithoutAFeasiblePointSaysSo(options: SolverOptions) throws {
    // 60 MW firm is feasible, but the all-slack start (nothing delivered) is not.
    let plan = try Planner(options: options).plan(model(firm: 60))
    #expect(plan.status == .timeLimit || plan.status == .iterationLimit)
    #expect(!plan.hasPoint && !plan.provenOptimal && plan.objective == nil)
    let note = plan.warnings.first { $0.contains("before it found a feasible plan") }
    #expect(note != nil, "\(plan.warnings)")
    #expect(!plan.warnings.contains { $0.contains("usual suspects") }, "a limit is not infeasibility: \(plan.warnings)")
    noZeroClaims(plan)
  }

  @Test(arguments: [SolverOptions(timeLimit: 0), SolverOptions(iterationLimit: 1)])
  func limitWithAFeasiblePointIsNotProvenOptimal(options: SolverOptions) throws {
    // Without the firm rule the all-slack start (nothing flows) is feasible.
    let plan = try Planner(options: options).plan(model(firm: nil))
    #expect(plan.status == .timeLimit || plan.status == .iterationLimit)
    #expect(plan.hasPoint && !plan.provenOptimal)
    #expect(plan.gap == nil && plan.bestBound == nil, "a simplex stopped early proves no bound")
    #expect(plan.warnings.contains { $0.contains("not proven optimal") && $0.contains("gap is unknown") },
            "\(plan.warnings)")
    noZeroClaims(plan)
  }

  @Test func optimalPlanIsProvenOptimal() throws {
    let plan = try Planner().plan(model(firm: 60))
    #expect(plan.status == .optimal && plan.provenOptimal)
    #expect(!plan.warnings.contains { $0.contains("not proven optimal") })
  }

  // A lexicographic plan stopped in its first stage: the figures are that stage's,
  // and the plan says so (FormulationTests' priority model).
  @Test func stageStoppedEarlySaysWhichObjectiveTheFiguresAre() throws {
    let plan = try Planner(options: SolverOptions(iterationLimit: 1)).plan(FormulationTests().priorityModel())
    #expect(plan.stages.count < 3 && !plan.provenOptimal)
    #expect(plan.warnings.contains { $0.contains("were not solved") }, "\(plan.warnings)")
  }
}
