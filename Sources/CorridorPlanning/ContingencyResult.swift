import CorridorModel
import LinearProgramming

/// The answer of a contingency analysis (``ContingencyAnalysis/run(model:options:solver:)``):
/// the base plan, one ``OutageResult`` per outage in the order run, the ranking by
/// criticality, and what the run took.
public struct ContingencyResult: Sendable {
  public var options: ContingencyOptions
  /// The plan of the model as given, every outage's reference.
  public var base: Plan
  /// Simplex iterations of the base's cold solve (the planner's default path).
  public var baseIterations: Int
  public var outages: [OutageResult]
  /// Indices into ``outages``, most critical first: outages without a feasible plan
  /// (a commitment cannot be met), then by objective lost, largest first; ties by name.
  public var ranking: [Int]
  /// Worker threads used (the base is solved once, before them).
  public var workers: Int

  /// Warm solves after the base: one per outage, plus the probes that find which
  /// commitments an infeasible outage breaks.
  public var solves: Int { outages.reduce(0) { $0 + $1.solves } }
  /// Simplex iterations of those warm solves.
  public var iterations: Int { outages.reduce(0) { $0 + $1.iterations } }
  /// What as many cold solves of the base would take: ``solves`` × ``baseIterations``.
  public var coldEquivalentIterations: Int { solves * baseIterations }
}

/// One outage: its objective, what it costs and whom, where the flow goes, and the
/// commitments it breaks.
public struct OutageResult: Sendable {
  public var outage: Outage
  /// The session edits that made it (see ``ContingencyOptions``).
  public var edits: [PlanningEdit]
  public var status: TerminationStatus
  /// The outage plan's objective (value, or cost under `min-cost`); nil without a point.
  public var objective: Double?
  /// How much worse the objective is than the base's, in the currency (value lost, or
  /// cost added under `min-cost`); nil without a feasible plan.
  public var lost: Double?
  /// ``lost`` as a fraction of |base objective|; nil when the base objective is 0.
  public var lostFraction: Double?
  /// Each country's net value (revenue − tariffs − supply cost − storage wear) before
  /// and after, and what it loses (before − after), in the currency.
  public var countries: [CountryLoss]
  /// Corridors whose average flow changed beyond 1e-6 × max(1, |before|, |after|): the
  /// corridors taken out (Δ < 0) and those that take the flow over (Δ > 0).
  public var flows: [FlowChange]
  /// Commitment rules (firm volumes, minimum shares) the outage makes impossible: each
  /// one that, relaxed alone (target 0), restores a feasible plan; or, when no single one
  /// does, all of them (``commitmentsJointly``). Empty for a feasible outage.
  public var commitments: [String]
  public var commitmentsJointly = false
  /// Simplex iterations over this outage's solves (warm from the base basis).
  public var iterations: Int
  public var solves: Int
  /// Whether every solve kept its warm start (false: one was repeated cold).
  public var warm: Bool

  public var hasPlan: Bool { objective != nil && status == .optimal }

  public struct CountryLoss: Sendable, Equatable {
    public var country: String
    public var before: Double
    public var after: Double?
    public var lost: Double? { after.map { before - $0 } }
  }

  public struct FlowChange: Sendable, Equatable {
    public var corridor: String
    public var unit: String
    public var before: Double
    public var after: Double?
    public var change: Double? { after.map { $0 - before } }
    /// Whether the corridor is one of those taken out.
    public var out: Bool
  }
}
