/// Every way a caller can misuse the LP layer or feed it bad input.
///
/// GLPK aborts the whole process on an invalid call, so the layer checks every
/// argument before GLPK sees it and throws one of these instead. Each case's
/// ``description`` says what went wrong and how to fix it.
public enum LPError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A number that must be finite is NaN or infinite (`what` names it).
  case nonFiniteValue(what: String, value: Double)
  /// A lower bound above its upper bound.
  case invalidBounds(what: String, lower: Double, upper: Double)
  /// A handle created by another model (or one past this model's end).
  case foreignHandle(String)
  /// A name longer than GLPK's 255 characters, or with characters GLPK cannot store.
  case invalidName(String, reason: String)
  /// A name already used by another variable or constraint of this model.
  case duplicateName(String)
  /// A bulk argument of the wrong shape (array lengths, indices out of range).
  case invalidArgument(String)
  /// An operation that needs a solved model (or a current solution) called too early.
  case notSolved(String)
  /// Sensitivity analysis asked of a variable or row whose basis status does not allow it.
  case sensitivityUnavailable(String)
  /// The GLPK problem was created on another thread; GLPK problems are thread-bound.
  case wrongThread(String)
  /// A file does not exist, is not a regular file, or cannot be opened.
  case fileUnavailable(path: String, message: String)
  /// A file could not be parsed. `message` carries GLPK's own text (file:line).
  case readFailed(path: String, message: String)
  /// A file could not be written.
  case writeFailed(path: String, message: String)
  /// A GNU MathProg model or data file failed to translate (message has file:line).
  case mathProg(message: String)
  /// A MathProg step called out of order (e.g. after a failed one).
  case mathProgSequence(String)
  /// GLPK itself reported a failure the layer cannot map to a status.
  case solverFailure(String)

  public var description: String {
    switch self {
    case let .nonFiniteValue(what, value):
      return "\(what) is \(value); every coefficient and bound must be a finite number (use ±.infinity only for an absent bound)"
    case let .invalidBounds(what, lower, upper):
      return "\(what) has lower bound \(lower) above upper bound \(upper); swap them or fix the data"
    case let .foreignHandle(what):
      return "\(what) does not belong to this model; use handles returned by the model you pass them to"
    case let .invalidName(name, reason):
      return "name '\(name.prefix(40))\(name.count > 40 ? "…" : "")' is invalid: \(reason)"
    case let .duplicateName(name):
      return "name '\(name)' is already used in this model; names must be unique"
    case let .invalidArgument(message):
      return message
    case let .notSolved(message):
      return message
    case let .sensitivityUnavailable(message):
      return message
    case let .wrongThread(message):
      return message
    case let .fileUnavailable(path, message):
      return "cannot open '\(path)': \(message)"
    case let .readFailed(path, message):
      return "cannot read '\(path)': \(message)"
    case let .writeFailed(path, message):
      return "cannot write '\(path)': \(message)"
    case let .mathProg(message):
      return message
    case let .mathProgSequence(message):
      return message
    case let .solverFailure(message):
      return message
    }
  }
}
