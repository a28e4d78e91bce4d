/// A decision variable of one ``LinearProgram``.
///
/// A handle is a small value: the identity of the model that created it and the
/// variable's position in it. Using a handle with another model is an error
/// (``LPError/foreignHandle(_:)``), never a silent mix-up.
///
/// ```swift
/// let lp = LinearProgram(sense: .maximize)
/// let x = try lp.addVariable(name: "x", bounds: 0...4)
/// ```
public struct Variable: Hashable, Sendable, CustomStringConvertible {
  /// Identity of the owning model.
  public let modelID: ModelID
  /// Zero-based position of the variable (its column) in the model.
  public let index: Int

  public var description: String { "Variable(#\(index))" }
}

/// A linear constraint (a row) of one ``LinearProgram``.
public struct Constraint: Hashable, Sendable, CustomStringConvertible {
  /// Identity of the owning model.
  public let modelID: ModelID
  /// Zero-based position of the constraint (its row) in the model.
  public let index: Int

  public var description: String { "Constraint(#\(index))" }
}

/// The kind of values a variable may take.
public enum VariableKind: Sendable, Equatable {
  /// Any real value between the bounds.
  case continuous
  /// Integer values between the bounds.
  case integer
  /// 0 or 1 (an integer variable whose bounds are forced to `0...1`).
  case binary
}

/// Whether the objective is minimized or maximized.
public enum ObjectiveSense: String, Sendable, Equatable {
  case minimize
  case maximize
}
