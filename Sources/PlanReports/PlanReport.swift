import CorridorPlanning
import CorridorModel
import LinearProgramming

/// Renders a ``Plan`` as a terminal table, Markdown, JSON or tidy CSV.
///
/// Pure rendering: no solver calls, no LP indices, only the plan's domain
/// names and values. How to read the report: `docs/reading-a-report.md`.
public struct PlanReport {
  public var plan: Plan

  public init(plan: Plan) { self.plan = plan }

  public func render(_ format: ReportFormat) throws -> String {
    switch format {
    case .table: return PlanText(plan: plan, markdown: false).render()
    case .markdown: return PlanText(plan: plan, markdown: true).render()
    case .json: return try PlanJSON(plan: plan).render()
    case .csv: return PlanCSV(plan: plan).render()
    }
  }
}

extension Plan {
  /// "EUR/MW/yr" for a one-year horizon, "EUR/MW per 48 h" otherwise: the unit of a
  /// shadow price on a rate bound summed over the horizon.
  func shadowUnit(_ unit: String) -> String {
    abs(totalHours - 8760) < 1e-9 ? "\(currency)/\(unit)/yr" : "\(currency)/\(unit) per \(Number.grouped(totalHours, digits: 0)) h"
  }

  /// What the objective measures.
  var objectiveLabel: String {
    switch objectiveKind {
    case .minCost: return "cost"
    case .maxValue, .maxMinFair: return "net export value"
    }
  }
}
