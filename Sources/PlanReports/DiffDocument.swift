import CorridorModel

/// The typed report of a ``CorridorPlanning/PlanDiff``: what was run, both sides'
/// status, objective and certificate, and every listed entry's figures before → after,
/// each with its one unit. Built once (``DiffDocument/init(diff:run:)``) and rendered to a
/// table, Markdown, JSON and CSV like ``ReportDocument``, with the same conventions
/// (units, `Figure`s, missing figures as `null` / empty / `–`).
///
/// Encoded as JSON it is schema `corridor-diff/1` (docs/json-schema.md), keys in snake case.
public struct DiffDocument: Codable, Sendable, Equatable {
  public var schema = DiffDocument.schemaID
  public var run: RunReport
  /// `|after − before| > tolerance · max(1, |before|, |after|)` counts as a change.
  public var tolerance: Double
  /// Whether every entry is listed (`--all`), changed or not.
  public var listsAll: Bool
  /// Whether nothing changed beyond the tolerance.
  public var empty: Bool
  public var currency: String
  public var horizonHours: Double
  public var base: SideReport
  public var other: SideReport
  public var objective: FigureChange
  public var corridors: [CorridorChangeReport]
  public var countries: [CountryChangeReport]
  public var markets: [MarketChangeReport]
  public var rules: [RuleChangeReport]
  public var constraints: [ConstraintChangeReport]

  public static let schemaID = "corridor-diff/1"
}

/// What the command was given, and how much solving the diff took.
public struct RunReport: Codable, Sendable, Equatable {
  /// The base model file.
  public var base: String
  /// The other model (or scenario) file; null when the other side is the base with `scenario`.
  @Nullable public var other: String?
  /// Scenario files applied on top of the base to make the other side.
  public var scenarios: [String]
  /// LP solves over both sides (one per lexicographic stage) and their simplex iterations.
  public var solves: Int
  public var iterations: Int

  public init(base: String, other: String?, scenarios: [String], solves: Int = 0, iterations: Int = 0) {
    self.base = base
    self.other = other
    self.scenarios = scenarios
    self.solves = solves
    self.iterations = iterations
  }
}

/// One side: its model, status, objective, certificate and solves.
public struct SideReport: Codable, Sendable, Equatable {
  public var model: String
  public var scenarios: [String]
  public var status: String
  public var statusMessage: String
  public var objectiveKind: String
  public var objective: Figure
  @Nullable public var certificate: CertificateReport?
  public var solves: Int
  public var iterations: Int
}

/// A figure before → after in one unit; `change` = after − before (null unless both exist);
/// `changed`: beyond the tolerance.
public struct FigureChange: Codable, Sendable, Equatable {
  public var before: Double?
  public var after: Double?
  public var change: Double?
  public var unit: String
  public var changed: Bool

  public init(before: Double?, after: Double?, unit: String, changed: Bool) {
    self.before = before.flatMap { $0.isFinite ? $0 : nil }
    self.after = after.flatMap { $0.isFinite ? $0 : nil }
    if let b = self.before, let a = self.after { change = a - b } else { change = nil }
    self.unit = unit
    self.changed = changed
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(before, forKey: .before)
    try c.encode(after, forKey: .after)
    try c.encode(change, forKey: .change)
    try c.encode(unit, forKey: .unit)
    try c.encode(changed, forKey: .changed)
  }

  var beforeFigure: Figure { Figure(before, unit) }
  var afterFigure: Figure { Figure(after, unit) }
  var changeFigure: Figure { Figure(change, unit) }
}

/// A yes/no before → after; null where the entry or its point does not exist.
public struct FlagChangeReport: Codable, Sendable, Equatable {
  @Nullable public var before: Bool?
  @Nullable public var after: Bool?
  /// `starts` (turned on), `stops` (turned off), or null.
  @Nullable public var transition: String?
}

/// A named figure before → after (a country's flow on a corridor).
public struct KeyedFigureChange: Codable, Sendable, Equatable {
  public var key: String
  public var value: FigureChange
}

public struct CorridorChangeReport: Codable, Sendable, Equatable {
  public var name: String
  /// `both`, `added` (only in the other plan) or `removed` (only in the base).
  public var presence: String
  public var commodity: String
  public var from: String
  public var to: String
  public var enabled: FlagChangeReport
  public var capacity: FigureChange
  public var flow: FigureChange
  public var utilization: FigureChange
  public var shadowPrice: FigureChange
  public var binding: FlagChangeReport
  /// Flow by country of origin (key = country).
  public var byCountry: [KeyedFigureChange]
}

public struct CountryChangeReport: Codable, Sendable, Equatable {
  public var name: String
  public var presence: String
  /// Supply used per commodity (key = commodity).
  public var volume: [KeyedFigureChange]
  public var revenue: FigureChange
  public var netValue: FigureChange
  /// Achieved share under each share rule naming the country (key = rule).
  public var shares: [KeyedFigureChange]
}

public struct MarketChangeReport: Codable, Sendable, Equatable {
  public var name: String
  public var presence: String
  public var commodity: String
  public var delivered: FigureChange
  public var revenue: FigureChange
  public var averagePrice: FigureChange
  public var shadowPrice: FigureChange
}

public struct RuleChangeReport: Codable, Sendable, Equatable {
  public var name: String
  public var presence: String
  /// Encoded as its raw value ("min-share", …).
  public var kind: RuleKind.Tag
  public var target: FigureChange
  public var achieved: FigureChange
  public var binding: FlagChangeReport
  public var dual: FigureChange
}

public struct ConstraintChangeReport: Codable, Sendable, Equatable {
  public var name: String
  public var presence: String
  public var per: String
  public var activity: FigureChange
  public var rhs: FigureChange
  public var binding: FlagChangeReport
  public var dual: FigureChange
}
