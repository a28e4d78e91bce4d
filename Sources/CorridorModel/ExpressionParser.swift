// Parser of custom-constraint expressions: `flow[KZ, caspian-cable] <= 0.6 * capacity[caspian-cable]`.

/// A syntax or meaning error in an expression, at a 1-based column of the expression text.
struct ExpressionError: Error, Equatable {
  var message: String
  var column: Int
}

/// A bracketed argument: a name, or `group:name`.
struct ExpressionArgument: Equatable {
  var name: String
  var isGroup: Bool
  var column: Int
}

/// The syntax tree of one side of a constraint.
indirect enum ExpressionNode: Equatable {
  /// A number, optionally with a unit literal (`0.5 GW`, `60 %`).
  case number(Double, unit: String?, column: Int, unitColumn: Int)
  /// `name[args]`: a variable (`flow`, `delivered`, …) or constant (`capacity`, `available`).
  case call(String, [ExpressionArgument], column: Int)
  case add(ExpressionNode, ExpressionNode)
  case subtract(ExpressionNode, ExpressionNode)
  case multiply(ExpressionNode, ExpressionNode, column: Int)
  case divide(ExpressionNode, ExpressionNode, column: Int)
  case negate(ExpressionNode)

  /// Column of the node's first token.
  var column: Int {
    switch self {
    case .number(_, _, let c, _), .call(_, _, let c): c
    case .add(let a, _), .subtract(let a, _), .multiply(let a, _, _), .divide(let a, _, _): a.column
    case .negate(let a): a.column - 1
    }
  }
}

/// `lhs (<=|>=|==) rhs`.
struct ParsedConstraint: Equatable {
  var lhs: ExpressionNode
  var sense: ConstraintSense
  var rhs: ExpressionNode
}

/// Recursive-descent parser of the constraint language.
///
/// Grammar (whitespace is free between tokens):
///
///     constraint := sum ("<=" | ">=" | "==") sum
///     sum        := ["+" | "-"] product (("+" | "-") product)*
///     product    := factor (("*" | "/") factor)*
///     factor     := number [unit] | name "[" args "]" | "(" sum ")" | ("-" | "+") factor
///     args       := arg ("," arg)*
///     arg        := ["group:"] name            (names may contain - . _ and digits)
///     unit       := letters, digits, "/", "%"  (directly after a number: 0.5 GW, 60 %)
///
/// `≤` and `≥` are accepted for `<=` and `>=`.
struct ExpressionParser {
  static let functions = [
    "flow", "delivered", "supply", "charge", "discharge", "level", "capacity", "available",
  ]

  private let s: [Unicode.Scalar]
  private var i = 0
  /// Nesting of parentheses and unary signs, limited so that no input can exhaust the stack.
  private var depth = 0
  static let maxDepth = 50
  /// Longer expressions are refused: they are unreadable, and the evaluator recurses over
  /// the tree.
  static let maxLength = 2000

  init(_ text: String) { s = Array(text.unicodeScalars) }

  /// Parses a whole constraint.
  static func parse(_ text: String) throws(ExpressionError) -> ParsedConstraint {
    var p = ExpressionParser(text)
    return try p.constraint()
  }

  private var column: Int { i + 1 }
  private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

  private mutating func skipSpaces() {
    while let c = peek(), c.properties.isWhitespace { i += 1 }
  }

  private func tokenText(at start: Int) -> String {
    var end = start
    while end < s.count, !s[end].properties.isWhitespace, end - start < 20 { end += 1 }
    return String(String.UnicodeScalarView(s[start..<max(end, min(start + 1, s.count))]))
  }

  private mutating func constraint() throws(ExpressionError) -> ParsedConstraint {
    if s.count > Self.maxLength {
      throw ExpressionError(
        message: "expression is \(s.count) characters long (at most \(Self.maxLength)); split it into several constraints or use a corridor group",
        column: Self.maxLength)
    }
    skipSpaces()
    if peek() == nil { throw ExpressionError(message: "empty expression; write e.g. flow[black-sea] <= 0.5 * capacity[black-sea]", column: 1) }
    let lhs = try sum()
    skipSpaces()
    guard let sense = try comparison() else {
      if peek() == nil {
        throw ExpressionError(
          message: "missing comparison: a constraint needs <=, >= or == between two sides", column: column)
      }
      if peek() == ")" {
        throw ExpressionError(message: "unbalanced ')': there is no matching '('", column: column)
      }
      throw ExpressionError(message: "unexpected '\(tokenText(at: i))'; expected an operator (+ - * /) or a comparison", column: column)
    }
    skipSpaces()
    if peek() == nil {
      throw ExpressionError(message: "missing right-hand side after the comparison", column: column)
    }
    let rhs = try sum()
    skipSpaces()
    if peek() != nil {
      let start = i
      if (try? comparison()) != nil {
        throw ExpressionError(message: "a constraint has exactly one comparison; split it into two constraints", column: start + 1)
      }
      i = start
      if peek() == ")" {
        throw ExpressionError(message: "unbalanced ')': there is no matching '('", column: column)
      }
      throw ExpressionError(message: "unexpected '\(tokenText(at: i))'; expected an operator (+ - * /)", column: column)
    }
    return ParsedConstraint(lhs: lhs, sense: sense, rhs: rhs)
  }

  /// Consumes a comparison operator if one is next.
  private mutating func comparison() throws(ExpressionError) -> ConstraintSense? {
    guard let c = peek() else { return nil }
    let start = column
    switch c {
    case "≤":
      i += 1
      return .lessEqual
    case "≥":
      i += 1
      return .greaterEqual
    case "<", ">":
      i += 1
      if peek() == "=" {
        i += 1
        return c == "<" ? .lessEqual : .greaterEqual
      }
      throw ExpressionError(message: "strict '\(c)' is not allowed in a linear program; write '\(c)='", column: start)
    case "=":
      i += 1
      if peek() == "=" {
        i += 1
        return .equal
      }
      throw ExpressionError(message: "single '=' is ambiguous; write '==' for equality", column: start)
    case "!":
      throw ExpressionError(message: "'!=' is not a linear constraint; use <=, >= or ==", column: start)
    default:
      return nil
    }
  }

  private mutating func sum() throws(ExpressionError) -> ExpressionNode {
    skipSpaces()
    var node = try product()
    while true {
      skipSpaces()
      guard let c = peek(), c == "+" || c == "-" else { return node }
      i += 1
      let rhs = try product()
      node = c == "+" ? .add(node, rhs) : .subtract(node, rhs)
    }
  }

  private mutating func product() throws(ExpressionError) -> ExpressionNode {
    var node = try factor()
    while true {
      skipSpaces()
      guard let c = peek(), c == "*" || c == "/" || c == "×" else { return node }
      let opColumn = column
      i += 1
      skipSpaces()
      if peek() == "*" {
        throw ExpressionError(message: "'**' (power) is not allowed: constraints must be linear", column: opColumn)
      }
      let rhs = try factor()
      node = c == "/" ? .divide(node, rhs, column: opColumn) : .multiply(node, rhs, column: opColumn)
    }
  }

  private mutating func factor() throws(ExpressionError) -> ExpressionNode {
    skipSpaces()
    guard let c = peek() else {
      throw ExpressionError(message: "expression ends too early; expected a number or a quantity such as flow[…]", column: column)
    }
    let start = column
    if c == "(" || c == "-" || c == "+" {
      guard depth < Self.maxDepth else {
        throw ExpressionError(message: "expression is nested too deeply (more than \(Self.maxDepth) levels)", column: start)
      }
      depth += 1
    }
    defer { if c == "(" || c == "-" || c == "+" { depth -= 1 } }
    if c == "(" {
      i += 1
      let inner = try sum()
      skipSpaces()
      guard peek() == ")" else {
        throw ExpressionError(message: "unbalanced '(': add a matching ')'", column: start)
      }
      i += 1
      return inner
    }
    if c == "-" {
      i += 1
      return .negate(try factor())
    }
    if c == "+" {
      i += 1
      return try factor()
    }
    if Units.isDigit(c) || c == "." {
      return try number()
    }
    if isNameStart(c) {
      var name = ""
      while let d = peek(), isNameStart(d) || Units.isDigit(d) {
        name.unicodeScalars.append(d)
        i += 1
      }
      skipSpaces()
      guard peek() == "[" else {
        if Self.functions.contains(name) {
          throw ExpressionError(message: "'\(name)' needs its arguments in brackets, e.g. \(name)[…]", column: start)
        }
        throw ExpressionError(
          message: "unknown name '\(name)'\(DidYouMean.aside(for: name, among: Self.functions)); quantities are written name[…], e.g. flow[KZ, black-sea]",
          column: start)
      }
      guard Self.functions.contains(name) else {
        throw ExpressionError(
          message: "unknown function '\(name)'\(DidYouMean.aside(for: name, among: Self.functions)); known: \(Self.functions.joined(separator: ", "))",
          column: start)
      }
      let args = try arguments()
      return .call(name, args, column: start)
    }
    if c == ")" {
      throw ExpressionError(message: "unbalanced ')': there is no matching '('", column: start)
    }
    if c == "[" || c == "]" {
      throw ExpressionError(message: "unexpected '\(c)': brackets follow a quantity name, e.g. flow[black-sea]", column: start)
    }
    throw ExpressionError(message: "unexpected '\(tokenText(at: i))'; expected a number or a quantity such as flow[…]", column: start)
  }

  private func isNameStart(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
  }

  private mutating func number() throws(ExpressionError) -> ExpressionNode {
    let start = i
    let end = Units.scanNumber(s, from: i)
    guard end > start else {
      throw ExpressionError(message: "'\(tokenText(at: i))' is not a number", column: start + 1)
    }
    i = end
    let text = String(String.UnicodeScalarView(s[start..<end])).filter { $0 != "_" }
    guard let value = Double(text), value.isFinite else {
      throw ExpressionError(message: "'\(text)' is not a finite number", column: start + 1)
    }
    // A unit literal follows directly or after spaces: letters, digits, '/', '%'.
    let afterNumber = i
    skipSpaces()
    guard let c = peek(), isNameStart(c) || c == "%" else {
      i = afterNumber
      return .number(value, unit: nil, column: start + 1, unitColumn: 0)
    }
    let unitColumn = column
    var unit = ""
    while let d = peek(), isNameStart(d) || Units.isDigit(d) || d == "/" || d == "%" {
      unit.unicodeScalars.append(d)
      i += 1
    }
    skipSpaces()
    if peek() == "[" {
      throw ExpressionError(message: "missing '*' between \(text) and '\(unit)[…]'", column: unitColumn)
    }
    return .number(value, unit: unit, column: start + 1, unitColumn: unitColumn)
  }

  private mutating func arguments() throws(ExpressionError) -> [ExpressionArgument] {
    let open = column
    i += 1  // '['
    var args: [ExpressionArgument] = []
    while true {
      skipSpaces()
      let argColumn = column
      var name = ""
      if peek() == "\"" || peek() == "'" {
        let quote = peek()
        i += 1
        while let d = peek(), d != quote {
          name.unicodeScalars.append(d)
          i += 1
        }
        guard peek() == quote else {
          throw ExpressionError(message: "unterminated quoted name", column: argColumn)
        }
        i += 1
      } else {
        while let d = peek(), d != ",", d != "]", d != "[", d != "(", d != ")", !d.properties.isWhitespace {
          name.unicodeScalars.append(d)
          i += 1
        }
      }
      var isGroup = false
      if name.hasPrefix("group:") {
        isGroup = true
        name.removeFirst(6)
      }
      if name.isEmpty {
        if peek() == nil {
          throw ExpressionError(message: "unbalanced '[': add a matching ']'", column: open)
        }
        throw ExpressionError(message: "missing name in brackets", column: argColumn)
      }
      args.append(ExpressionArgument(name: name, isGroup: isGroup, column: argColumn))
      skipSpaces()
      switch peek() {
      case ","?:
        i += 1
      case "]"?:
        i += 1
        return args
      case nil:
        throw ExpressionError(message: "unbalanced '[': add a matching ']'", column: open)
      default:
        if !s[i...].contains("]") {
          throw ExpressionError(message: "unbalanced '[': add a matching ']'", column: open)
        }
        throw ExpressionError(message: "unexpected '\(tokenText(at: i))' in brackets; separate names with ','", column: column)
      }
    }
  }
}
