import ArgumentParser
import CorridorModel
import CorridorPlanning
import LinearProgramming
import PlanReports

extension CorridorCommand.Explain {
  /// `corridor explain MODEL.toml`: the conflict in the model's own entries, with files and
  /// lines, and the least relaxation in each entry's unit (``Explainer``).
  func runCorridorModel() throws -> ExitStatus {
    if write != nil {
      throw CLIFailure(status: .usage, message: "--write writes the conflicting rows of an LP file (.lp, .mps, .mod); for a corridor model the report names its entries instead (export its LP with 'corridor export \(file) --lp FILE' to get one)")
    }
    let model = try loadCorridorModel(file, scenario: scenario)
    try Output.refuseInput(report.output, option: "--output", inputs: modelInputs(model, file: file, scenario: scenario))
    let options = ExplainOptions(fixed: fixed, weights: try Self.parseWeights(weights), timeLimit: seconds)
    let explanation: Explanation
    do {
      explanation = try Explainer.explain(model: model, options: options)
    } catch let e as PlanningEditError {
      throw CLIFailure(status: .usage, message: e.message)
    }
    let doc = ExplainDocument(explanation: explanation, model: file, scenarios: model.scenarioNames)
    try Output.emit(try ExplainReport(document: doc).render(report.format), to: report.output)
    return Self.status(explanation)
  }

  /// 0 when feasible, 10 when infeasible and explained, 13 when the time limit stopped it.
  static func status(_ e: Explanation) -> ExitStatus {
    e.status == .feasible ? .optimal : (e.timedOut ? .limitReached : .infeasible)
  }

  /// `--weight corridor=2` (repeatable) into weights per kind of entry.
  static func parseWeights(_ given: [String]) throws -> [EntryKind: Double] {
    var out: [EntryKind: Double] = [:]
    let kinds = EntryKind.allCases.map(\.rawValue)
    for item in given {
      let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let kind = EntryKind(rawValue: parts[0]) else {
        let word = parts.first ?? item
        throw CLIFailure(status: .usage, message: "--weight '\(item)': write KIND=WEIGHT with KIND one of \(kinds.joined(separator: ", "))\(DidYouMean.hint(for: word, among: kinds))")
      }
      guard let w = Double(parts[1]), w.isFinite, w > 0 else {
        throw CLIFailure(status: .usage, message: "--weight '\(item)': the weight '\(parts[1])' must be a positive number (1 is the default)")
      }
      guard out[kind] == nil else { throw CLIFailure(status: .usage, message: "--weight gives \(kind.rawValue) twice; give each kind once") }
      out[kind] = w
    }
    return out
  }
}
