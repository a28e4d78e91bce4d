/// How to solve a model.
///
/// The defaults suit most corridor models: the `auto` algorithm, no presolve
/// (so the basis survives for warm starts and sensitivity analysis), GLPK's
/// automatic scaling, no limits, no log.
public struct SolverOptions: Sendable, Equatable {
  /// The LP algorithm. MIPs always use branch-and-cut on top of it.
  public enum Algorithm: String, Sendable, CaseIterable {
    /// GLPK's primal simplex.
    case primal
    /// GLPK's dual simplex (falls back to primal if the dual fails).
    case dual
    /// GLPK's interior point, followed by a crossover to an optimal basis
    /// (see ``SolverOptions/crossover``). GLPK's interior point itself has no
    /// time limit; the crossover's simplex honours what is left of it.
    case interior
    /// Picks per solve: primal simplex from an advanced basis on a cold start
    /// (measured fastest on the corridor benchmark), dual simplex after
    /// right-hand-side or bound edits, primal after cost edits.
    case auto
  }

  /// How GLPK scales the problem before a cold simplex solve.
  public enum Scaling: String, Sendable, CaseIterable {
    /// GLPK's automatic choice (`GLP_SF_AUTO`).
    case auto
    /// No scaling.
    case none
    /// Geometric mean scaling.
    case geometric
    /// Equilibration scaling.
    case equilibrium
  }

  public var algorithm: Algorithm = .auto
  /// Run GLPK's presolver. Off by default: presolve discards the basis, so no
  /// warm start and no sensitivity ranging follow.
  public var presolve = false
  public var scaling: Scaling = .auto
  /// Wall-clock limit in seconds (nil: none). Honoured by simplex and branch-and-cut.
  public var timeLimit: Double?
  /// Simplex iteration limit (nil: none).
  public var iterationLimit: Int?
  /// Relative MIP gap at which branch-and-cut stops (nil: GLPK's default, 0).
  public var mipGap: Double?
  /// Re-solve from the previous basis when there is one. Default true.
  public var warmStart = true
  /// For a MIP: also solve the LP with the integers fixed at their values, to report duals.
  public var mipDuals = false
  /// Keep GLPK's output in ``Solution/log``.
  public var captureLog = false
  /// For a MIP: after 3 s of branch and cut, write a progress line to standard error every
  /// 2 s (elapsed time, nodes, best plan, best bound, gap). Off by default; the CLI turns it on.
  public var mipProgress = false
  /// After the interior point, move to an optimal basic solution with simplex
  /// (a vertex with exact duals and a basis, as a simplex solve gives). Default
  /// true. Without it, the interior point's approximate answer is returned as
  /// it is: no basis (no ranging, no warm start), and a certificate that may
  /// not hold at the default tolerance.
  public var crossover = true

  public init(
    algorithm: Algorithm = .auto, presolve: Bool = false, scaling: Scaling = .auto,
    timeLimit: Double? = nil, iterationLimit: Int? = nil, mipGap: Double? = nil,
    warmStart: Bool = true, mipDuals: Bool = false, captureLog: Bool = false,
    crossover: Bool = true
  ) {
    self.algorithm = algorithm
    self.presolve = presolve
    self.scaling = scaling
    self.timeLimit = timeLimit
    self.iterationLimit = iterationLimit
    self.mipGap = mipGap
    self.warmStart = warmStart
    self.mipDuals = mipDuals
    self.captureLog = captureLog
    self.crossover = crossover
  }

  func validate() throws(LPError) {
    if let t = timeLimit, !(t.isFinite && t >= 0) {
      throw .invalidArgument("time limit must be a finite number of seconds ≥ 0, not \(t)")
    }
    if let n = iterationLimit, n < 0 {
      throw .invalidArgument("iteration limit must be ≥ 0, not \(n)")
    }
    if let g = mipGap, !(g.isFinite && g >= 0) {
      throw .invalidArgument("MIP gap must be a finite number ≥ 0, not \(g)")
    }
  }
}
