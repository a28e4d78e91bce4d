import CorridorModel
import CorridorPlanning
import Foundation
import LinearProgramming

/// The typed report of a ``CorridorPlanning/ContingencyResult``: what was run, the base,
/// every outage (objective lost, what each country loses, where the flow goes, the
/// commitments it breaks) and the ranking by criticality, each figure with its one unit.
/// Built once (``ContingencyDocument/init(result:model:scenarios:)``) and rendered to a
/// table, Markdown, JSON and CSV like ``ReportDocument`` and the diff's document, with the
/// same conventions (``Figure``s; missing figures as `null` / empty / `–`).
///
/// Encoded as JSON it is schema `corridor-contingency/1`, keys in snake case.
public struct ContingencyDocument: Codable, Sendable, Equatable {
  public var schema = ContingencyDocument.schemaID
  public var run: ContingencyRunReport
  public var currency: String
  public var objectiveKind: String
  public var horizonHours: Double
  public var base: ContingencyBaseReport
  /// In the order run (model order of the corridors, or as named).
  public var outages: [OutageReport]
  /// Outage names, most critical first (see ``OutageReport/rank``).
  public var ranking: [String]

  public static let schemaID = "corridor-contingency/1"
}

/// What the command was given and what running it took.
public struct ContingencyRunReport: Codable, Sendable, Equatable {
  /// The model file and the scenario files applied to it (the base).
  public var model: String
  public var scenarios: [String]
  /// `N-1` or `N-2` (`--pairs`).
  public var mode: String
  /// Fraction of capacity lost in each outage (1: taken out).
  public var derate: Figure
  /// The slice window of the outage, 1-based and inclusive; null: the whole horizon.
  @Nullable public var slices: SliceWindowReport?
  /// The corridors taken out, in order.
  public var corridors: [String]
  /// Worker threads (the base is solved once, cold, before they start).
  public var workers: Int
  /// `warm` (each outage from the base basis) or `cold` (`--cold`: from scratch).
  public var start: String
  /// Simplex iterations of one cold solve of the base (the planner's default path).
  public var baseIterations: Int
  /// Warm solves after the base (one per outage, plus commitment probes) and their iterations.
  public var solves: Int
  public var iterations: Int
  /// What `solves` cold solves of the base would take: solves × base iterations.
  public var coldEquivalentIterations: Int
  /// iterations / cold-equivalent iterations; null when the base took none.
  @Nullable public var warmToCold: Double?
}

public struct SliceWindowReport: Codable, Sendable, Equatable {
  public var first: Int
  public var last: Int
  public var firstName: String
  public var lastName: String
  /// Hours the window covers.
  public var hours: Double
}

public struct ContingencyBaseReport: Codable, Sendable, Equatable {
  public var status: String
  public var objective: Figure
}

public struct OutageReport: Codable, Sendable, Equatable {
  /// 1 = most critical.
  public var rank: Int
  public var name: String
  public var corridors: [String]
  /// The session edits that made the outage, in words.
  public var edits: [String]
  public var status: String
  public var statusMessage: String
  public var objective: Figure
  /// Objective lost against the base (value lost; cost added under `min-cost`).
  public var lost: Figure
  /// `lost` as a fraction of |base objective|.
  public var lostShare: Figure
  public var countries: [CountryLossReport]
  /// Corridors whose flow changed: those taken out, and those that take the flow over.
  public var flows: [FlowChangeReport]
  /// Commitment rules the outage makes impossible (status infeasible).
  public var commitments: [String]
  /// Whether `commitments` can only be met all together, not one of them alone.
  public var commitmentsJointly: Bool
  public var solves: Int
  public var iterations: Int
  public var warm: Bool
}

public struct CountryLossReport: Codable, Sendable, Equatable {
  public var country: String
  /// Net value in the base and in the outage, and what the country loses (before − after).
  public var before: Figure
  public var after: Figure
  public var lost: Figure
}

public struct FlowChangeReport: Codable, Sendable, Equatable {
  public var corridor: String
  /// Whether this corridor is one of those taken out.
  public var out: Bool
  /// Average flows (commodity unit) before and after, and after − before.
  public var before: Figure
  public var after: Figure
  public var change: Figure
}

extension ContingencyDocument {
  /// The one place where a contingency figure gets its unit.
  public init(result r: ContingencyResult, model: String, scenarios: [String]) {
    let money = r.base.currency
    let slices = r.options.slices.map { w in
      SliceWindowReport(first: w.lowerBound + 1, last: w.upperBound, firstName: r.base.slices[w.lowerBound].name,
                        lastName: r.base.slices[w.upperBound - 1].name,
                        hours: r.base.slices[w].reduce(0) { $0 + $1.hours })
    }
    let cold = r.coldEquivalentIterations
    run = ContingencyRunReport(
      model: model, scenarios: scenarios, mode: r.options.pairs ? "N-2" : "N-1",
      derate: Figure(r.options.derate, ReportUnits.fraction), slices: slices,
      corridors: Array(Set(r.outages.flatMap(\.outage.corridors))).sorted { a, b in
        (r.base.corridors.firstIndex { $0.name == a } ?? 0) < (r.base.corridors.firstIndex { $0.name == b } ?? 0)
      },
      workers: r.workers, start: r.options.cold ? "cold" : "warm", baseIterations: r.baseIterations, solves: r.solves, iterations: r.iterations,
      coldEquivalentIterations: cold, warmToCold: cold > 0 ? Double(r.iterations) / Double(cold) : nil)
    currency = money
    objectiveKind = r.base.objectiveKind.rawValue
    horizonHours = r.base.totalHours
    base = ContingencyBaseReport(status: r.base.status.rawValue, objective: Figure(r.base.objective, money))
    /// An edit in words; a window's per-slice availability as the factor and the window.
    func describe(_ e: PlanningEdit) -> String {
      if case let .availability(c, .perSlice) = e, let w = slices {
        return "availability of corridor \(c) × \(String(format: "%g", 1 - r.options.derate)) in slices \(w.first)..\(w.last) (\(w.firstName) … \(w.lastName))"
      }
      return e.description
    }
    var rankOf = [Int](repeating: 0, count: r.outages.count)
    for (k, i) in r.ranking.enumerated() { rankOf[i] = k + 1 }
    outages = r.outages.enumerated().map { i, o in
      OutageReport(
        rank: rankOf[i], name: o.outage.name, corridors: o.outage.corridors, edits: o.edits.map(describe),
        status: o.status.rawValue, statusMessage: o.status.message,
        objective: Figure(o.objective, money), lost: Figure(o.lost, money),
        lostShare: Figure(o.lostFraction, ReportUnits.fraction),
        countries: o.countries.map {
          CountryLossReport(country: $0.country, before: Figure($0.before, money), after: Figure($0.after, money),
                            lost: Figure($0.lost, money))
        },
        flows: o.flows.map {
          FlowChangeReport(corridor: $0.corridor, out: $0.out, before: Figure($0.before, $0.unit),
                           after: Figure($0.after, $0.unit), change: Figure($0.change, $0.unit))
        },
        commitments: o.commitments, commitmentsJointly: o.commitmentsJointly,
        solves: o.solves, iterations: o.iterations, warm: o.warm)
    }
    ranking = r.ranking.map { r.outages[$0].outage.name }
  }
}

/// Renders a contingency analysis in any ``ReportFormat``, each from the same
/// ``ContingencyDocument``.
public struct ContingencyReport {
  public var document: ContingencyDocument

  public init(result: ContingencyResult, model: String, scenarios: [String] = []) {
    document = ContingencyDocument(result: result, model: model, scenarios: scenarios)
  }

  public func render(_ format: ReportFormat) throws -> String {
    switch format {
    case .table: return ContingencyText(doc: document, markdown: false).render()
    case .markdown: return ContingencyText(doc: document, markdown: true).render()
    case .json: return try PlanJSON.encode(document)
    case .csv: return ContingencyCSV(document: document).render()
    case .html: return ContingencyHTML.render(document)
    }
  }

  /// Reads a JSON rendering back.
  public static func decode(_ json: String) throws -> ContingencyDocument {
    try PlanJSON.decode(json, as: ContingencyDocument.self)
  }
}
