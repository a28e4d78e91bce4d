import ArgumentParser
import CorridorModel
import LinearProgramming

/// The exit codes of `corridor`, documented in the README and in `--help`.
///
/// They follow BSD `sysexits.h` where one fits (64–73) and use 10–13 for
/// solver outcomes a script may want to branch on.
enum ExitStatus: Int32 {
  case optimal = 0
  case infeasible = 10
  case unbounded = 11
  case certificateFailed = 12
  case limitReached = 13
  case usage = 64
  case badInput = 65
  case inputMissing = 66
  case internalError = 70
  case cannotWrite = 73

  /// The exit codes as `--help` lists them: one per line, each under 80 columns.
  static let help = """
    Exit codes:
      0   optimal (for check: the model is valid)
      10  infeasible
      11  unbounded, or infeasible or unbounded
      12  optimal by the solver's account, but the answer fails its certificate
          (figures may be inaccurate; stderr says which measure)
      13  stopped at a time or iteration limit
      64  usage error (an option or argument is wrong)
      65  bad input file
      66  input missing or unreadable (or a folder)
      70  internal or solver error
      73  output cannot be written (a full disk, a read-only folder)
    """

  init(_ t: TerminationStatus) {
    switch t {
    case .optimal: self = .optimal
    case .infeasible: self = .infeasible
    case .unbounded, .infeasibleOrUnbounded: self = .unbounded
    case .timeLimit, .iterationLimit: self = .limitReached
    case .numericalError, .solverError: self = .internalError
    }
  }

  var code: ExitCode { ExitCode(rawValue) }

  /// The exit status of a finished solve and the warning to print, if any.
  ///
  /// An optimum whose certificate fails (any measure above 1e-7 relative) is
  /// exit 12 with a warning on stderr naming the failing measures: the report
  /// is still written, but its figures may be off by about that much. A
  /// certificate is only judged for an optimum (a time-limited point has a gap
  /// by nature).
  static func judge(_ status: ExitStatus, termination: TerminationStatus, certificate: Certificate?) -> (ExitStatus, String?) {
    guard termination == .optimal, let c = certificate, !c.holds(tolerance: 1e-7) else { return (status, nil) }
    return (.certificateFailed, CertificateWarning.text(c))
  }
}

/// An error the CLI reports on stderr with its exit status.
struct CLIFailure: Error {
  var status: ExitStatus
  var message: String
  /// Already in `file:line: error: …` form (model diagnostics): printed as is.
  var preformatted = false
}

extension CLIFailure {
  /// Maps any error from the layers below to a message and an exit status.
  init(_ error: any Error) {
    switch error {
    case let e as CLIFailure:
      self = e
    case let e as ModelLoadError:
      let n = e.errors.count
      self.init(status: .badInput,
                message: e.description + "\ncorridor: \(n) error\(n == 1 ? "" : "s"); nothing was solved or written",
                preformatted: true)
    case let e as LPError:
      switch e {
      case .fileUnavailable: self.init(status: .inputMissing, message: e.description)
      case .readFailed, .mathProg, .mathProgSequence: self.init(status: .badInput, message: e.description)
      case .writeFailed: self.init(status: .cannotWrite, message: e.description)
      case .nonFiniteValue, .invalidBounds, .invalidName, .duplicateName: self.init(status: .badInput, message: e.description)
      default: self.init(status: .internalError, message: e.description)
      }
    default:
      self.init(status: .internalError, message: "\(error)")
    }
  }
}
