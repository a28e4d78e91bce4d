/// A linear expression `Σ aᵢ·xᵢ + c` over the variables of one model.
///
/// Expressions are built with ordinary operators and are cheap values: terms
/// are kept in the order written, and repeated variables are merged only when
/// the expression is handed to a model (``LinearProgram/addConstraint(_:name:)``,
/// ``LinearProgram/setObjective(_:sense:)``), where zero coefficients are then
/// dropped on purpose.
///
/// ```swift
/// let profit = 3 * x + 2 * y - 5          // LinearExpression
/// let cap = 2 * x + 3 * y <= 10           // LinearConstraint
/// ```
public struct LinearExpression: Sendable {
  /// The terms as written (a variable may appear more than once).
  public var terms: [(variable: Variable, coefficient: Double)]
  /// The constant term.
  public var constant: Double

  public init(terms: [(variable: Variable, coefficient: Double)] = [], constant: Double = 0) {
    self.terms = terms
    self.constant = constant
  }

  public init(_ variable: Variable) {
    self.init(terms: [(variable, 1)])
  }


  /// Sums `coefficient · variable` over pairs without intermediate copies.
  public static func sum<S: Sequence>(_ pairs: S) -> LinearExpression
  where S.Element == (Variable, Double) {
    var e = LinearExpression()
    for (v, a) in pairs { e.terms.append((v, a)) }
    return e
  }

  mutating func scale(by a: Double) {
    for i in terms.indices { terms[i].coefficient *= a }
    constant *= a
  }
}

/// A linear constraint before it is added to a model: `lower ≤ expression ≤ upper`.
///
/// Built by comparing expressions (`<=`, `>=`, `==`) or with
/// ``LinearConstraint/init(_:in:)`` for a ranged row. The expression's constant
/// is moved to the bounds when the constraint is added.
public struct LinearConstraint: Sendable {
  public var expression: LinearExpression
  public var lower: Double
  public var upper: Double

  public init(_ expression: LinearExpression, lower: Double, upper: Double) {
    self.expression = expression
    self.lower = lower
    self.upper = upper
  }

  /// A ranged constraint `range.lowerBound ≤ expression ≤ range.upperBound`.
  public init(_ expression: LinearExpression, in range: ClosedRange<Double>) {
    self.init(expression, lower: range.lowerBound, upper: range.upperBound)
  }
}

// MARK: - Operators

public func * (a: Double, v: Variable) -> LinearExpression { LinearExpression(terms: [(v, a)]) }
public func * (v: Variable, a: Double) -> LinearExpression { a * v }
public func * (a: Double, e: LinearExpression) -> LinearExpression {
  var r = e
  r.scale(by: a)
  return r
}
public func * (e: LinearExpression, a: Double) -> LinearExpression { a * e }
public func / (e: LinearExpression, a: Double) -> LinearExpression { (1 / a) * e }
public prefix func - (v: Variable) -> LinearExpression { -1 * v }
public prefix func - (e: LinearExpression) -> LinearExpression { -1 * e }

public func + (l: LinearExpression, r: LinearExpression) -> LinearExpression {
  var e = l
  e.terms.append(contentsOf: r.terms)
  e.constant += r.constant
  return e
}
public func - (l: LinearExpression, r: LinearExpression) -> LinearExpression { l + (-1 * r) }
public func + (l: Variable, r: Variable) -> LinearExpression { LinearExpression(l) + LinearExpression(r) }
public func - (l: Variable, r: Variable) -> LinearExpression { LinearExpression(l) - LinearExpression(r) }
public func + (l: LinearExpression, r: Variable) -> LinearExpression { l + LinearExpression(r) }
public func - (l: LinearExpression, r: Variable) -> LinearExpression { l - LinearExpression(r) }
public func + (l: Variable, r: LinearExpression) -> LinearExpression { LinearExpression(l) + r }
public func - (l: Variable, r: LinearExpression) -> LinearExpression { LinearExpression(l) - r }
public func + (l: LinearExpression, r: Double) -> LinearExpression { l + LinearExpression(constant: r) }
public func - (l: LinearExpression, r: Double) -> LinearExpression { l + LinearExpression(constant: -r) }
public func + (l: Double, r: LinearExpression) -> LinearExpression { LinearExpression(constant: l) + r }
public func - (l: Double, r: LinearExpression) -> LinearExpression { LinearExpression(constant: l) - r }
public func + (l: Variable, r: Double) -> LinearExpression { LinearExpression(l) + r }
public func - (l: Variable, r: Double) -> LinearExpression { LinearExpression(l) - r }

public func += (l: inout LinearExpression, r: LinearExpression) {
  l.terms.append(contentsOf: r.terms)
  l.constant += r.constant
}
public func += (l: inout LinearExpression, r: Variable) { l.terms.append((r, 1)) }
public func -= (l: inout LinearExpression, r: LinearExpression) { l += -1 * r }

/// `lhs ≤ rhs`, as the row `lhs − rhs ≤ 0`.
public func <= (l: LinearExpression, r: LinearExpression) -> LinearConstraint {
  LinearConstraint(l - r, lower: -.infinity, upper: 0)
}
/// `lhs ≥ rhs`, as the row `lhs − rhs ≥ 0`.
public func >= (l: LinearExpression, r: LinearExpression) -> LinearConstraint {
  LinearConstraint(l - r, lower: 0, upper: .infinity)
}
/// `lhs = rhs`, as the row `lhs − rhs = 0`.
public func == (l: LinearExpression, r: LinearExpression) -> LinearConstraint {
  LinearConstraint(l - r, lower: 0, upper: 0)
}
public func <= (l: LinearExpression, r: Double) -> LinearConstraint {
  LinearConstraint(l, lower: -.infinity, upper: r)
}
public func >= (l: LinearExpression, r: Double) -> LinearConstraint {
  LinearConstraint(l, lower: r, upper: .infinity)
}
public func == (l: LinearExpression, r: Double) -> LinearConstraint {
  LinearConstraint(l, lower: r, upper: r)
}
public func <= (l: Variable, r: Double) -> LinearConstraint { LinearExpression(l) <= r }
public func >= (l: Variable, r: Double) -> LinearConstraint { LinearExpression(l) >= r }
public func == (l: Variable, r: Double) -> LinearConstraint { LinearExpression(l) == r }
public func <= (l: LinearExpression, r: Variable) -> LinearConstraint { l <= LinearExpression(r) }
public func >= (l: LinearExpression, r: Variable) -> LinearConstraint { l >= LinearExpression(r) }
public func <= (l: Variable, r: LinearExpression) -> LinearConstraint { LinearExpression(l) <= r }
public func >= (l: Variable, r: LinearExpression) -> LinearConstraint { LinearExpression(l) >= r }
