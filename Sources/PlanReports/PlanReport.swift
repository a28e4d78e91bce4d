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
  /// Why the model is infeasible, for a plan without a feasible point (`corridor solve`
  /// runs the ``CorridorPlanning/Explainer`` then).
  public var infeasibility: ExplainDocument?
  /// Where the HTML map puts the nodes (the model's `lat`/`lon`); empty: a schematic map.
  public var layout: MapLayout

  public init(plan: Plan, infeasibility: ExplainDocument? = nil, layout: MapLayout = MapLayout()) {
    self.plan = plan
    self.infeasibility = infeasibility
    self.layout = layout
  }

  public func render(_ format: ReportFormat) throws -> String {
    var document = ReportDocument(plan: plan)
    document.infeasibility = infeasibility
    switch format {
    case .table: return PlanText(doc: document, markdown: false).render()
    case .markdown: return PlanText(doc: document, markdown: true).render()
    case .json: return try PlanJSON(document: document).render()
    case .csv: return PlanCSV(document: document).render()
    case .html:
      return PlanHTML(doc: document, layout: layout, slices: plan.hasPoint ? plan.slices : [],
                      sliceFlows: plan.corridors.map(\.sliceFlows)).render()
    }
  }
}
