import CorridorModel
import LinearProgramming

/// Why a corridor model has no feasible plan, in the model's own entries: a set of entries
/// that cannot hold together (the conflict, irreducible when proven: drop any one and the
/// rest hold), each named as the planner wrote it with the files and lines that define it,
/// and the least relaxation that makes the plan feasible, in each entry's own unit.
///
///     let model = try ModelLoader.load(path: "models/teaching/08-infeasible-firm.toml")
///     let why = try Explainer.explain(model: model)
///     why.conflict.map(\.title)        // ["corridor az-ge: capacity", "rule tr-firm: firm volume"]
///     why.relaxation?.first?.sentence  // "rule tr-firm: firm volume must fall from 480 MW to 475 MW"
public struct Explanation: Sendable {
  public enum Status: String, Sendable {
    /// The model has a feasible plan: nothing to explain.
    case feasible
    /// No feasible plan; ``Explanation/conflict`` says why.
    case infeasible
    /// The time limit ran out before the first solve decided whether a plan exists.
    case undecided
  }

  public var status: Status
  /// The entries that cannot hold together, in model order.
  public var conflict: [Member]
  /// Whether ``conflict`` was proven irreducible (dropping any one member makes the rest
  /// feasible). False when the time limit stopped the search: the set is infeasible but
  /// may hold more than it needs.
  public var irreducible: Bool
  /// Whether the time limit stopped the analysis.
  public var timedOut: Bool
  /// The structure alone (flow balances, storage balances, bounds no entry owns) is
  /// infeasible: no entry can be blamed. Not expected of a model the loader accepted.
  public var structural: Bool
  /// The least relaxation: the entries that must move, and by how much, for a feasible plan,
  /// minimising Σ weight × move over entries not held fixed. Nil when not computed (the
  /// time limit, or a structural infeasibility).
  public var relaxation: [Move]?
  /// Σ weight × move of ``relaxation``.
  public var relaxationCost: Double?
  /// Entries held fixed (`--fixed`), never relaxed.
  public var fixed: [String]
  /// Weights per kind used for the least relaxation.
  public var weights: [EntryKind: Double]
  public var run: Run

  /// One entry of the model that an explanation may blame or move: one aspect of one model
  /// entry, with a value in one unit (a corridor's capacity in MW, a firm rule's volume).
  public struct Member: Sendable, Hashable {
    public var entry: ModelEntry
    public var kind: EntryKind
    /// The quantity that moves: `capacity`, `volume`, `share`, `bound`, `energy`, `power`.
    public var quantity: String
    /// The entry's value as given, in ``unit`` (the largest over the slices when it varies).
    public var value: Double
    /// Whether ``value`` varies over the slices (then the move applies to every slice).
    public var perSlice: Bool
    public var unit: String
    /// Where the entry is defined and, after a scenario, where it was changed.
    public var locations: [FileLine]
    /// What the reader must know (an outage window, a disabled corridor).
    public var note: String?

    /// `corridor black-sea: capacity`.
    public var title: String { "\(entry): \(quantity)" }
  }

  /// One entry's least move: its value must rise (`direction` up) or fall by `amount`.
  public struct Move: Sendable, Hashable {
    public enum Direction: String, Sendable { case up, down }
    public var member: Member
    public var direction: Direction
    /// How far, in the member's unit (≥ 0).
    public var amount: Double
    /// The value it must reach: the member's value moved by `amount` (for a share rule, the
    /// share reached by the relaxed plan).
    public var to: Double

    /// `rule tr-firm: volume must fall from 480 MW to 475 MW (by 5 MW)`.
    public var sentence: String {
      let verb = direction == .up ? "rise" : "fall"
      let u = member.unit.isEmpty ? "" : " \(member.unit)"
      let from = member.perSlice ? "its per-slice values" : "\(Explanation.format(member.value))\(u)"
      let target = member.perSlice ? "" : " to \(Explanation.format(to))\(u)"
      let by = member.unit == "%" ? " percentage points" : u
      return "\(member.title) must \(verb) from \(from)\(target) (by \(Explanation.format(amount))\(by))"
    }
  }

  /// How the analysis ran.
  public struct Run: Sendable {
    public var solves: Int
    public var iterations: Int
    public var seconds: Double
    /// Stages run: "bound check", "elastic filter", "deletion filter", "least relaxation".
    public var method: [String]
    /// Entries the analysis could relax (its candidates).
    public var entries: Int
    /// Every solve: its stage, iterations, seconds (where the time went).
    public var trace: [InfeasibilityAnalysis.SolveTrace] = []
  }

  /// A number as the reports show it in sentences: up to 6 significant digits, no exponent
  /// for ordinary magnitudes.
  public static func format(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    var s = String(format: "%.6g", x)
    if s.contains("e") { return s }
    if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
    return s
  }
}

/// The kinds of entries an explanation may relax, each with its own weight in the least
/// relaxation (`--weight corridor=2`).
public enum EntryKind: String, Sendable, Hashable, CaseIterable, Comparable {
  /// A corridor's capacity.
  case corridor
  /// A supply's volume.
  case supply
  /// A market's absorption volume.
  case market
  /// A firm commitment's volume.
  case firm
  /// A min-share or max-share rule's share.
  case share
  /// A custom constraint's bound.
  case constraint
  /// A storage's energy or power.
  case storage

  public static func < (a: EntryKind, b: EntryKind) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
