// The public face of the infeasibility analysis (issue #10): what a caller
// passes in (groups of row and bound sides, options) and what comes back (a
// conflict, the least relaxation, how they were found). The method lives in
// Infeasibility+Analysis.swift, the elastic LP in ElasticProgram.swift.

/// A set of row sides and column-bound sides that an infeasibility analysis
/// relaxes or drops together.
///
/// One group is one thing a person can change: one model entry of a corridor
/// model (a firm commitment may be several rows, one per time slice), or one
/// row side or bound of an LP file (see ``LinearProgram/sideGroups()``).
/// Sides that are in no group, and the sides of a ``fixed`` group, are hard:
/// the analysis always enforces them.
///
/// Relaxing a group by `t ≥ 0` moves each of its lower sides down by
/// `scale × t` and each of its upper sides up by `scale × t`. Scales let `t`
/// be in the group's own unit: a firm commitment of 480 MW written as three
/// rows of energy in MWh, one per 8-hour slice, has scale 8 on each row (MWh
/// per MW), and the relaxation then says "down by 5 MW", not "down by 40"
/// in row units.
///
/// ```swift
/// // x + y ≥ 5 (row 0) may move; x ≤ 2 and y ≤ 2 (columns 0, 1) may not.
/// let demand = RelaxableGroup(members: [.init(side: .rowLower(0))])
/// let caps = RelaxableGroup(members: [.init(side: .columnUpper(0)), .init(side: .columnUpper(1))], fixed: true)
/// let a = try lp.analyzeInfeasibility(groups: [demand, caps])
/// a.relaxation   // [GroupRelaxation(group: 0, lower: 1, upper: 0)]: demand down by 1
/// ```
public struct RelaxableGroup: Sendable, Equatable {
  /// One side of a row (`lower ≤ Σ a·x` or `Σ a·x ≤ upper`) or of a column's
  /// bounds, by zero-based index.
  public enum Side: Hashable, Sendable {
    case rowLower(Int), rowUpper(Int), columnLower(Int), columnUpper(Int)

    /// Whether relaxing this side moves it down (a lower side) rather than up.
    public var isLower: Bool {
      switch self {
      case .rowLower, .columnLower: return true
      case .rowUpper, .columnUpper: return false
      }
    }
  }

  /// A side and how far it moves per unit of the group's relaxation.
  public struct Member: Sendable, Equatable {
    public var side: Side
    /// Row (or bound) units per unit of relaxation; positive and finite.
    public var scale: Double

    public init(side: Side, scale: Double = 1) {
      self.side = side
      self.scale = scale
    }
  }

  /// The sides that move together. A group without members is allowed and is
  /// never part of a conflict or a relaxation.
  public var members: [Member]
  /// Cost per unit of relaxation in the least-relaxation LP (positive, finite).
  public var weight: Double = 1
  /// May not move: never relaxed, never dropped (the user's `--fixed`).
  public var fixed: Bool = false

  public init(members: [Member], weight: Double = 1, fixed: Bool = false) {
    self.members = members
    self.weight = weight
    self.fixed = fixed
  }
}

/// How an infeasibility analysis runs.
public struct InfeasibilityOptions: Sendable {
  /// Seconds for the whole analysis (nil: none). Each solve gets what is left,
  /// so the limit holds within about a second; a stopped analysis returns the
  /// best conflict found so far with ``InfeasibilityAnalysis/timedOut`` set.
  public var timeLimit: Double? = nil
  /// Options for the solves (algorithm, scaling). Their own time limit is
  /// replaced by what is left of ``timeLimit``, their iteration limit is not
  /// used, and the interior point is replaced by the simplex (every solve after
  /// the first starts from the previous basis, which the interior point cannot).
  public var solver = SolverOptions()
  /// Whether to report the least relaxation.
  public var relaxation = true
  /// A basis of the analysed model to start the first solve from (one status
  /// per variable and constraint of the model, e.g. a block crash). Nil: the
  /// basis of the model's current ``LinearProgram/solution`` when it has one
  /// (an infeasible solve leaves one, and the analysis then starts where that
  /// solve stopped), else GLPK's crash basis.
  public var startingBasis: Basis? = nil
  /// Whether a nil ``startingBasis`` may take the model's current solution's basis.
  public var useModelBasis = true

  public init(timeLimit: Double? = nil, solver: SolverOptions = SolverOptions(), relaxation: Bool = true,
              startingBasis: Basis? = nil, useModelBasis: Bool = true) {
    self.timeLimit = timeLimit
    self.solver = solver
    self.relaxation = relaxation
    self.startingBasis = startingBasis
    self.useModelBasis = useModelBasis
  }
}

/// How far one group moves in the least relaxation, in the group's own unit
/// (the `t` of ``RelaxableGroup``): its lower sides down by `scale × lower`,
/// its upper sides up by `scale × upper`. Both are ≥ 0. Both can be non-zero
/// when the group's lower and upper sides belong to different rows or columns;
/// in a group made of the two sides of one row or column, at most one moves
/// (moving both costs more).
public struct GroupRelaxation: Sendable, Equatable {
  /// Index into the groups passed to the analysis.
  public var group: Int
  public var lower: Double
  public var upper: Double

  public init(group: Int, lower: Double, upper: Double) {
    self.group = group
    self.lower = lower
    self.upper = upper
  }
}

/// What an infeasibility analysis found.
///
/// A **conflict** is a set of groups that cannot hold together (with the hard
/// sides); when ``irreducible`` is true, dropping any one of them makes the
/// rest feasible (proven by a solve per member). The **least relaxation** is
/// the cheapest way, by the groups' weights, to move the groups so that the
/// whole model becomes feasible; it may move groups outside the conflict when
/// the model has several conflicts.
public struct InfeasibilityAnalysis: Sendable {
  public enum Outcome: Sendable, Equatable {
    /// The model (for a MIP: its LP relaxation, see ``relaxationFeasible``) is feasible.
    case feasible
    /// The model is infeasible; see ``InfeasibilityAnalysis/conflict``.
    case infeasible
    /// A MIP whose LP relaxation is feasible: the infeasibility comes from
    /// integrality, which this analysis does not explain.
    case relaxationFeasible
    /// The time limit stopped the analysis before it decided whether the
    /// model is feasible (the first solve did not finish).
    case undecided
  }

  public var outcome: Outcome
  /// Indices into the groups, ascending. Empty when feasible, undecided, or
  /// when the hard sides alone conflict (``hardInfeasible``).
  public var conflict: [Int]
  /// Proven: the conflict is infeasible, and dropping any one member makes the
  /// rest (with the hard sides) feasible. For a MIP: of its LP relaxation.
  public var irreducible: Bool
  /// The sides in no group (and those of fixed groups) are infeasible on their own.
  public var hardInfeasible: Bool
  /// The time limit stopped the analysis: the conflict is the best set so far
  /// (infeasible, not proven irreducible).
  public var timedOut: Bool
  /// The least relaxation: minimises Σ weight × (lower + upper) over non-fixed
  /// groups; only groups that move, by group index; nil when not computed.
  public var relaxation: [GroupRelaxation]?
  /// Σ weight × (lower + upper) of ``relaxation``.
  public var relaxationCost: Double?
  /// The point of the least relaxation: a value per column of the analysed program
  /// (what the relaxed model would do, e.g. the shares it reaches); nil with ``relaxation``.
  public var relaxedValues: [Double]? = nil
  /// LP solves run, their simplex iterations, and the analysis's wall-clock seconds.
  public var solves: Int
  public var iterations: Int
  public var seconds: Double
  /// Every solve, in order: its stage, simplex iterations, seconds and whether it ended
  /// feasible (where the time of an analysis goes).
  public var trace: [SolveTrace] = []
  /// One solve of an analysis.
  public struct SolveTrace: Sendable, Equatable {
    public var stage: String
    public var iterations: Int
    public var seconds: Double
    public var feasible: Bool
  }
  /// The stages that ran, in order: "bound check", "elastic filter",
  /// "deletion filter", "least relaxation".
  public var method: [String]

  public init(
    outcome: Outcome, conflict: [Int] = [], irreducible: Bool = false, hardInfeasible: Bool = false,
    timedOut: Bool = false, relaxation: [GroupRelaxation]? = nil, relaxationCost: Double? = nil,
    solves: Int = 0, iterations: Int = 0, seconds: Double = 0, method: [String] = []
  ) {
    self.outcome = outcome
    self.conflict = conflict
    self.irreducible = irreducible
    self.hardInfeasible = hardInfeasible
    self.timedOut = timedOut
    self.relaxation = relaxation
    self.relaxationCost = relaxationCost
    self.solves = solves
    self.iterations = iterations
    self.seconds = seconds
    self.method = method
  }
}

extension LinearProgram {
  /// Every finite row side and column bound as its own group of weight 1:
  /// how an LP file is explained, in the file's own rows and bounds.
  ///
  /// Order: for each row its lower side then its upper side (an equality row
  /// has both), then for each column its lower bound then its upper bound.
  /// Infinite sides have no group.
  public func sideGroups() -> [RelaxableGroup] {
    var groups: [RelaxableGroup] = []
    groups.reserveCapacity(2 * (constraintCount + variableCount))
    for i in 0..<constraintCount {
      if rowLower[i].isFinite { groups.append(RelaxableGroup(members: [.init(side: .rowLower(i))])) }
      if rowUpper[i].isFinite { groups.append(RelaxableGroup(members: [.init(side: .rowUpper(i))])) }
    }
    for j in 0..<variableCount {
      if colLower[j].isFinite { groups.append(RelaxableGroup(members: [.init(side: .columnLower(j))])) }
      if colUpper[j].isFinite { groups.append(RelaxableGroup(members: [.init(side: .columnUpper(j))])) }
    }
    return groups
  }

  /// The value of a side in this model (its row's or column's bound).
  public func value(of side: RelaxableGroup.Side) throws(LPError) -> Double {
    try checkSide(side)
    switch side {
    case .rowLower(let i): return rowLower[i]
    case .rowUpper(let i): return rowUpper[i]
    case .columnLower(let j): return colLower[j]
    case .columnUpper(let j): return colUpper[j]
    }
  }

  func checkSide(_ side: RelaxableGroup.Side) throws(LPError) {
    switch side {
    case .rowLower(let i), .rowUpper(let i):
      guard i >= 0, i < constraintCount else {
        throw .foreignHandle("row \(i) (the model has \(constraintCount) constraints)")
      }
    case .columnLower(let j), .columnUpper(let j):
      guard j >= 0, j < variableCount else {
        throw .foreignHandle("column \(j) (the model has \(variableCount) variables)")
      }
    }
  }
}
