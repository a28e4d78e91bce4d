/// The result of one solve: statuses, values, duals, basis and a certificate.
///
/// A `Solution` is a snapshot; it stays readable after the model is edited,
/// but ``LinearProgram/solution`` is reset by every edit, and
/// ``isCurrent(for:)`` tells whether a snapshot still describes the model.
///
/// ## Sign convention (both senses)
/// - ``dual(_:)`` is the **shadow price**: the change of the objective value
///   per unit increase of the constraint's active bound, `∂objective/∂rhs`.
///   For a maximization, a binding `≤` capacity row has a dual ≥ 0: the value
///   of one more unit of capacity. For a minimization, a binding `≥` demand row
///   has a dual ≥ 0: the cost of one more unit of demand.
/// - ``reducedCost(_:)`` is `∂objective/∂x` along the variable with the basis
///   held fixed: `c_j − Σ_i a_ij·dual_i`. It is 0 for basic variables.
/// These are GLPK's own values; the layer checks them in ``certificate``.
public struct Solution: Sendable {
  /// Why the solver stopped.
  public let termination: TerminationStatus
  /// Whether a primal point is available and feasible.
  public let primalStatus: PointStatus
  /// Whether a dual point is available and feasible.
  public let dualStatus: PointStatus
  /// GLPK's own words for what happened (return code and solution status).
  public let rawStatus: String
  /// The objective value, or nil when no primal point is available or the
  /// objective is unbounded (the point then only shows a direction of improvement).
  public let objectiveValue: Double?
  /// Values per variable (column order); empty when no primal point is available.
  public let values: [Double]
  /// Row activities `Σ a_ij x_j` per constraint (row order); empty when no point.
  public let activities: [Double]
  /// Shadow prices per constraint, or nil when the solver gave none (MIP without ``SolverOptions/mipDuals``).
  public let duals: [Double]?
  /// Reduced costs per variable, or nil when the solver gave none.
  public let reducedCosts: [Double]?
  /// The final simplex basis, or nil (MIP, presolve, interior point without
  /// its crossover or whose crossover stopped early).
  public let basis: Basis?
  /// Simplex iterations of this solve (not cumulative); for the interior point,
  /// those of its crossover (the interior-point iterations are in the log).
  public let iterations: Int
  /// Wall-clock seconds spent in GLPK for this solve.
  public let solveTime: Double
  /// The algorithm that actually ran.
  public let algorithm: SolverOptions.Algorithm
  /// Branch-and-cut figures for a MIP.
  public let mip: MIPInfo?
  /// Independent checks of the returned point, computed in Swift.
  public let certificate: Certificate?
  /// GLPK's output during this solve when ``SolverOptions/captureLog`` was set.
  public let log: String

  let modelID: ModelID
  let modelVersion: Int

  /// Whether this solution was computed for the model in its current state.
  public func isCurrent(for model: LinearProgram) -> Bool {
    model.id == modelID && model.version == modelVersion
  }

  /// Whether the termination is optimal with a feasible primal point.
  public var isOptimal: Bool { termination == .optimal && primalStatus == .feasible }

  /// The value of a variable. 0 when there is no primal point.
  public func value(_ v: Variable) -> Double {
    precondition(v.modelID == modelID, "\(v) belongs to another model")
    return v.index < values.count ? values[v.index] : 0
  }

  /// The value of an expression at this solution.
  public func value(_ e: LinearExpression) -> Double {
    e.terms.reduce(e.constant) { $0 + $1.coefficient * value($1.variable) }
  }

  /// The activity of a constraint's row.
  public func activity(_ c: Constraint) -> Double {
    precondition(c.modelID == modelID, "\(c) belongs to another model")
    return c.index < activities.count ? activities[c.index] : 0
  }

  /// The shadow price of a constraint (see the sign convention above); nil if unavailable.
  public func dual(_ c: Constraint) -> Double? {
    precondition(c.modelID == modelID, "\(c) belongs to another model")
    return duals.map { $0[c.index] }
  }

  /// The reduced cost of a variable; nil if unavailable.
  public func reducedCost(_ v: Variable) -> Double? {
    precondition(v.modelID == modelID, "\(v) belongs to another model")
    return reducedCosts.map { $0[v.index] }
  }
}

/// Branch-and-cut results.
public struct MIPInfo: Sendable, Equatable {
  /// The best bound on the optimal objective proven by the search (nil if none was reached).
  public let bestBound: Double?
  /// Relative gap `|objective − bound| / (|objective| + 1e-10)`, nil without both.
  public let gap: Double?
  /// Branch-and-bound nodes created by the search (GLPK's tree size), nil when the
  /// presolver or the root LP settled the MIP before any tree existed.
  public var nodes: Int? = nil

  public init(bestBound: Double?, gap: Double?, nodes: Int? = nil) {
    self.bestBound = bestBound
    self.gap = gap
    self.nodes = nodes
  }
}
