/// Why the solver stopped: the first of three separate status axes.
///
/// Read it together with ``Solution/primalStatus`` (is there a primal point,
/// and is it feasible?) and ``Solution/dualStatus``. A run stopped by a limit
/// may still carry a feasible point.
public enum TerminationStatus: String, Sendable, Equatable, Codable, CaseIterable {
  /// Proven optimal (for a MIP: within the requested gap).
  case optimal
  /// Proven to have no feasible point.
  case infeasible
  /// Feasible with an objective that improves without limit.
  case unbounded
  /// Either infeasible or unbounded; the solver did not find out which.
  case infeasibleOrUnbounded = "infeasible_or_unbounded"
  /// Stopped at the time limit.
  case timeLimit = "time_limit"
  /// Stopped at the iteration limit.
  case iterationLimit = "iteration_limit"
  /// Stopped on numerical trouble (singular or ill-conditioned basis, no convergence).
  case numericalError = "numerical_error"
  /// GLPK reported a failure of another kind (see ``Solution/rawStatus``).
  case solverError = "solver_error"

  /// A sentence for people.
  public var message: String {
    switch self {
    case .optimal: return "an optimal solution was found"
    case .infeasible: return "the model has no feasible solution"
    case .unbounded: return "the objective can improve without limit"
    case .infeasibleOrUnbounded: return "the model is infeasible or unbounded"
    case .timeLimit: return "the solver stopped at the time limit"
    case .iterationLimit: return "the solver stopped at the iteration limit"
    case .numericalError: return "the solver stopped on numerical difficulties"
    case .solverError: return "the solver failed"
    }
  }
}

/// What kind of point a solution carries, on the primal or the dual side.
public enum PointStatus: String, Sendable, Equatable, Codable {
  /// A point that satisfies the constraints (within tolerances).
  case feasible
  /// A point that violates some constraints.
  case infeasible
  /// No point is available.
  case none
}

/// The basis status of a variable or a constraint's row.
public enum BasisStatus: String, Sendable, Equatable, Codable {
  case basic
  case atLower = "at_lower"
  case atUpper = "at_upper"
  /// Non-basic free (unbounded) variable.
  case free
  /// Non-basic fixed variable.
  case fixed
}

/// A simplex basis: one status per variable and per constraint.
///
/// Read from a solved model (``Solution/basis``) and given back through
/// ``LinearProgram/setStartingBasis(_:)`` to start a later solve from it
/// (an advanced start).
public struct Basis: Sendable, Equatable {
  public var variables: [BasisStatus]
  public var constraints: [BasisStatus]

  public init(variables: [BasisStatus], constraints: [BasisStatus]) {
    self.variables = variables
    self.constraints = constraints
  }
}
