internal import CGLPK
import Glibc

/// The one owner of a GLPK problem object (`glp_prob`).
///
/// Created on the thread that first needs it; every use checks that it is
/// still on that thread, because GLPK's memory is thread-local and a problem
/// deleted on another thread aborts the process.
final class GLPKProblem {
  let prob: OpaquePointer
  let owner: pthread_t
  /// How many columns and rows of the Swift model GLPK has.
  var columns = 0
  var rows = 0
  /// Whether the problem holds a basis from a previous simplex solve.
  var hasBasis = false
  /// Whether that basis was set by the caller (an advanced start) rather than left by a solve.
  var basisIsUserGiven = false
  /// Whether the scaling factors were computed for the current structure.
  var scaled = false

  init() {
    prob = glp_create_prob()
    owner = pthread_self()
  }

  var onOwnerThread: Bool { pthread_equal(owner, pthread_self()) != 0 }

  func checkThread() throws(LPError) {
    guard onOwnerThread else {
      throw .wrongThread(
        "this model's GLPK problem was created on another thread; a GLPK problem must be created, solved and released on one thread (build and solve each model inside one ParallelSolver.map call)")
    }
  }

  /// Deletes the problem; from a foreign thread it is leaked instead of aborting.
  func release() {
    if onOwnerThread {
      glp_delete_prob(prob)
    } else {
      let msg = "corridor: warning: a LinearProgram was released on another thread than the one that solved it; its GLPK problem is leaked to avoid an abort\n"
      _ = msg.withCString { write(2, $0, strlen($0)) }
    }
  }
}

// MARK: - Bounds

extension GLPKProblem {
  /// GLPK's bound type for a validated pair (never NaN, lower ≤ upper).
  static func boundType(_ lower: Double, _ upper: Double) -> Int32 {
    switch (lower.isFinite, upper.isFinite) {
    case (false, false): return GLP_FR
    case (true, false): return GLP_LO
    case (false, true): return GLP_UP
    case (true, true): return lower == upper ? GLP_FX : GLP_DB
    }
  }

  func setColumn(_ j: Int, lower: Double, upper: Double, kind: VariableKind) {
    let k = Int32(j + 1)
    glp_set_col_kind(prob, k, kind == .continuous ? GLP_CV : GLP_IV)
    // glp_intopt rejects an integer column with a fractional bound (GLP_EBOUND):
    // give GLPK the integer bounds it means. If no integer lies between them,
    // keep the given pair (runMIP reports such a model infeasible itself).
    var (lower, upper) = (lower, upper)
    if kind != .continuous, lower.rounded(.up) <= upper.rounded(.down) {
      (lower, upper) = (lower.rounded(.up), upper.rounded(.down))
    }
    glp_set_col_bnds(prob, k, Self.boundType(lower, upper), lower.isFinite ? lower : 0, upper.isFinite ? upper : 0)
  }

  func setRow(_ i: Int, lower: Double, upper: Double) {
    glp_set_row_bnds(prob, Int32(i + 1), Self.boundType(lower, upper), lower.isFinite ? lower : 0, upper.isFinite ? upper : 0)
  }
}
