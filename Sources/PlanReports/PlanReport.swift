import CorridorPlanning
import CorridorModel
import LinearProgramming

/// Renders a ``Plan`` as a terminal table, Markdown, JSON or tidy CSV, each from the
/// same ``ReportDocument`` (one unit per figure in every format).
///
/// Pure rendering: no solver calls, no LP indices, only the plan's domain
/// names and values. How to read the report: `docs/reading-a-report.md`.
public struct PlanReport {
  public var plan: Plan

  public init(plan: Plan) { self.plan = plan }

  public func render(_ format: ReportFormat) throws -> String {
    let document = ReportDocument(plan: plan)
    switch format {
    case .table: return PlanText(doc: document, markdown: false).render()
    case .markdown: return PlanText(doc: document, markdown: true).render()
    case .json: return try PlanJSON(document: document).render()
    case .csv: return PlanCSV(document: document).render()
    }
  }
}
