// Turns a parsed constraint into `Σ coefficient · quantity (sense) constant`, checking names,
// linearity and units.

/// What the normalizer needs to know about the model.
struct ExpressionContext {
  struct CorridorInfo {
    var commodity: String
    /// The nominal capacity (0 for a disabled corridor); used only where `capacity[…]`
    /// must be folded to a number (a product or quotient with it).
    var capacity: Series
  }
  var corridors: [String: CorridorInfo] = [:]
  /// Group name → corridor names, in model order.
  var groups: [String: [String]] = [:]
  var countries: Set<String> = []
  /// Market name → commodity.
  var markets: [String: String] = [:]
  /// Supply name → (commodity, volume).
  var supplies: [String: (commodity: String, volume: Series)] = [:]
  /// Storage name → commodity.
  var storages: [String: String] = [:]
  /// Commodity name → its family and unit.
  var commodities: [String: (family: UnitFamily, unit: String)] = [:]
  /// Commodity name → tonnes per barrel, for literals written in barrels (`1.4 mb/d`).
  var tonnesPerBarrel: [String: Double] = [:]
  /// Names removed with `enabled = false`, for better messages.
  var disabled: Set<String> = []
  /// Names of entries that had errors of their own: a reference to one fails silently
  /// (an `ExpressionError` with an empty message) instead of reporting "unknown".
  var broken: Set<String> = []
  var hours: [Double] = [8760]
}

/// The physical dimension of a linear expression in the constraint language.
enum ExpressionDimension: Equatable {
  /// A plain number (coefficients, percentages).
  case none
  /// A rate in the commodity unit.
  case rate
  /// An amount in unit·h.
  case amount

  var noun: String {
    switch self {
    case .none: "a plain number"
    case .rate: "a rate"
    case .amount: "an amount"
    }
  }
}

/// A linear expression under construction.
///
/// `terms` hold decision variables (`flow[…]`, …) and parameters (`capacity[…]`,
/// `available[…]`): a parameter stays a term while it enters linearly, so the formulation
/// can put it on the parameter's fixed column and its value counts every row it is in.
/// Where it is multiplied with or divides something else it is folded to its number.
struct LinearForm {
  var terms: [(quantity: ConstraintQuantity, coefficient: Double)] = []
  var constant: Series = .constant(0)
  var dimension: ExpressionDimension = .none

  /// Whether a decision variable (not only parameters) is in the form.
  var hasVariables: Bool { terms.contains { !$0.quantity.isParameter } }
  var hasParameters: Bool { terms.contains { $0.quantity.isParameter } }
  var isZero: Bool { terms.isEmpty && constant == .constant(0) }

  mutating func add(_ other: LinearForm, sign: Double) {
    for (q, c) in other.terms {
      if let k = terms.firstIndex(where: { $0.quantity == q }) {
        terms[k].coefficient += sign * c
      } else {
        terms.append((q, sign * c))
      }
    }
    constant = constant.combined(with: other.constant.scaled(by: sign), +)
  }

  func scaled(by factor: Double) -> LinearForm {
    var copy = self
    copy.terms = terms.map { ($0.quantity, $0.coefficient * factor) }
    copy.constant = constant.scaled(by: factor)
    return copy
  }
}

extension Series {
  func scaled(by factor: Double) -> Series {
    switch self {
    case .constant(let v): .constant(v * factor)
    case .perSlice(let a): .perSlice(a.map { $0 * factor })
    }
  }

  func combined(with other: Series, _ op: (Double, Double) -> Double) -> Series {
    switch (self, other) {
    case (.constant(let a), .constant(let b)): return .constant(op(a, b))
    case (.perSlice(let a), .constant(let b)): return .perSlice(a.map { op($0, b) })
    case (.constant(let a), .perSlice(let b)): return .perSlice(b.map { op(a, $0) })
    case (.perSlice(let a), .perSlice(let b)): return .perSlice(zip(a, b).map { op($0, $1) })
    }
  }

  var isPerSlice: Bool {
    if case .perSlice = self { return true }
    return false
  }
}

/// Evaluates a ``ParsedConstraint`` against a model.
struct ExpressionNormalizer {
  let context: ExpressionContext
  let scope: ConstraintScope
  /// The commodity of the constraint (found in a first pass over the quantities).
  private(set) var commodity: String = ""

  init(context: ExpressionContext, scope: ConstraintScope) {
    self.context = context
    self.scope = scope
  }

  /// The result: terms, sense, constant and commodity.
  struct Result: Equatable {
    var terms: [CustomConstraint.Term]
    var sense: ConstraintSense
    var constant: Series
    var commodity: String
  }

  /// Parses and normalises `text`.
  static func normalize(_ text: String, context: ExpressionContext, scope: ConstraintScope)
    throws(ExpressionError) -> Result
  {
    let parsed = try ExpressionParser.parse(text)
    var n = ExpressionNormalizer(context: context, scope: scope)
    return try n.normalize(parsed)
  }

  mutating func normalize(_ c: ParsedConstraint) throws(ExpressionError) -> Result {
    var found: (name: String, column: Int)?
    try findCommodity(c.lhs, &found)
    try findCommodity(c.rhs, &found)
    guard let found else {
      throw ExpressionError(
        message: "the constraint has no variables; use flow[…], delivered[…], supply[…], charge[…], discharge[…] or level[…]",
        column: 1)
    }
    commodity = found.name
    let lhs = try evaluate(c.lhs)
    let rhs = try evaluate(c.rhs)
    try checkCompatible(lhs, rhs, column: c.rhs.column, what: "compare")
    var form = lhs
    form.add(rhs, sign: -1)
    let terms = form.terms.filter { $0.coefficient != 0 }
    guard terms.contains(where: { !$0.quantity.isParameter }) else {
      throw ExpressionError(message: "the variables cancel out: nothing is left to constrain", column: 1)
    }
    for t in terms where !t.coefficient.isFinite || abs(t.coefficient) > 1e12 {
      throw ExpressionError(message: "coefficient \(t.coefficient) is not finite or absurdly large", column: 1)
    }
    let constant = form.constant.scaled(by: -1)
    switch constant {
    case .constant(let v) where !v.isFinite || abs(v) > 1e15:
      throw ExpressionError(message: "the constant term is not finite or absurdly large", column: 1)
    case .perSlice(let a) where a.contains { !$0.isFinite || abs($0) > 1e15 }:
      throw ExpressionError(message: "the constant term is not finite or absurdly large in some slice", column: 1)
    default: break
    }
    return Result(
      terms: terms.map { CustomConstraint.Term(coefficient: $0.coefficient, quantity: $0.quantity) },
      sense: c.sense, constant: constant, commodity: commodity)
  }

  // MARK: Pass 1: the commodity

  private func findCommodity(_ node: ExpressionNode, _ found: inout (name: String, column: Int)?)
    throws(ExpressionError)
  {
    switch node {
    case .number: return
    case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b, _), .divide(let a, let b, _):
      try findCommodity(a, &found)
      try findCommodity(b, &found)
    case .negate(let a): try findCommodity(a, &found)
    case .call(let function, let args, let column):
      for c in try commodities(of: function, args, column: column) {
        if let f = found, f.name != c.name {
          throw ExpressionError(
            message: "mixes commodities: '\(f.name)' (column \(f.column)) and '\(c.name)'; a constraint is about one commodity",
            column: c.column)
        }
        found = found ?? c
      }
    }
  }

  /// How each function is called, for arity errors.
  static let usage: [String: (arity: ClosedRange<Int>, usage: String)] = [
    "flow": (1...2, "flow[corridor], flow[group:name] or flow[country, corridor]"),
    "delivered": (1...2, "delivered[market] or delivered[country, market]"),
    "supply": (1...1, "one supply entry: supply[kz-power]"),
    "available": (1...1, "one supply entry: available[kz-power]"),
    "capacity": (1...1, "one corridor: capacity[black-sea]"),
    "charge": (1...1, "one storage: charge[az-battery]"),
    "discharge": (1...1, "one storage: discharge[az-battery]"),
    "level": (1...1, "one storage: level[az-battery]"),
  ]

  private func commodities(of function: String, _ args: [ExpressionArgument], column: Int)
    throws(ExpressionError) -> [(name: String, column: Int)]
  {
    if let u = Self.usage[function], !u.arity.contains(args.count) {
      throw ExpressionError(message: "\(function) takes \(u.usage)", column: column)
    }
    switch function {
    case "flow", "capacity":
      guard let last = args.last else { return [] }
      return try corridorNames(last, in: function).compactMap { name in
        context.corridors[name].map { ($0.commodity, last.column) }
      }
    case "delivered":
      guard let last = args.last else { return [] }
      return [try resolve(last, in: context.markets.keys, kind: "market").flatMap { context.markets[$0] }]
        .compactMap { $0.map { ($0, last.column) } }
    case "supply", "available":
      guard let a = args.first else { return [] }
      return [try resolve(a, in: context.supplies.keys, kind: "supply entry").flatMap { context.supplies[$0]?.commodity }]
        .compactMap { $0.map { ($0, a.column) } }
    default:
      guard let a = args.first else { return [] }
      return [try resolve(a, in: context.storages.keys, kind: "storage").flatMap { context.storages[$0] }]
        .compactMap { $0.map { ($0, a.column) } }
    }
  }

  // MARK: Pass 2: evaluation

  private var family: UnitFamily { context.commodities[commodity]?.family ?? .power }
  private var unit: String { context.commodities[commodity]?.unit ?? family.defaultUnit }
  private var totalHours: Double { context.hours.reduce(0, +) }

  private func evaluate(_ node: ExpressionNode) throws(ExpressionError) -> LinearForm {
    switch node {
    case .number(let value, let unitText, _, let unitColumn):
      guard let unitText else { return LinearForm(constant: .constant(value)) }
      return try literal(value, unitText, column: unitColumn)
    case .call(let function, let args, let column):
      return try call(function, args, column: column)
    case .negate(let a):
      return try evaluate(a).scaled(by: -1)
    case .add(let a, let b), .subtract(let a, let b):
      var x = try evaluate(a)
      let y = try evaluate(b)
      try checkCompatible(x, y, column: b.column, what: "add")
      if x.isZero { x.dimension = y.dimension }
      if case .subtract = node { x.add(y, sign: -1) } else { x.add(y, sign: 1) }
      return x
    case .multiply(let a, let b, let column):
      var x = try evaluate(a)
      var y = try evaluate(b)
      if x.hasVariables && y.hasVariables {
        throw ExpressionError(message: "nonlinear: a product of two variables; constraints must be linear", column: column)
      }
      // A parameter times a plain number stays a parameter term; in any other product
      // (with a variable, another parameter or a per-slice value) it is folded to its value.
      if x.hasVariables { y = folded(y) }
      if y.hasVariables { x = folded(x) }
      if x.hasParameters && y.hasParameters { x = folded(x); y = folded(y) }
      if x.hasParameters && y.constant.isPerSlice { x = folded(x) }
      if y.hasParameters && x.constant.isPerSlice { y = folded(y) }
      let (variable, factor) = !x.terms.isEmpty ? (x, y) : (y, x)
      let dimension = try productDimension(x.dimension, y.dimension, column: column)
      if !variable.terms.isEmpty {
        guard case .constant(let k) = factor.constant else {
          throw ExpressionError(
            message: "a per-slice value (available[…] of a profile) can be added to variables but not multiplied with them",
            column: column)
        }
        var r = variable.scaled(by: k)
        r.dimension = dimension
        return r
      }
      return LinearForm(constant: x.constant.combined(with: y.constant, *), dimension: dimension)
    case .divide(let a, let b, let column):
      var x = try evaluate(a)
      let y = folded(try evaluate(b))
      if y.hasVariables {
        throw ExpressionError(message: "nonlinear: division by a variable; constraints must be linear", column: column)
      }
      let dimension: ExpressionDimension
      switch (x.dimension, y.dimension) {
      case (let d, .none): dimension = d
      case (let d, let e) where d == e: dimension = .none
      default:
        throw ExpressionError(message: "cannot divide \(x.dimension.noun) by \(y.dimension.noun)", column: column)
      }
      switch y.constant {
      case .constant(let k):
        guard k != 0 else { throw ExpressionError(message: "division by zero", column: column) }
        var r = x.scaled(by: 1 / k)
        r.dimension = dimension
        return r
      case .perSlice(let values):
        guard !x.hasVariables else {
          throw ExpressionError(message: "a variable divided by a per-slice value is not linear with fixed coefficients", column: column)
        }
        guard !values.contains(0) else { throw ExpressionError(message: "division by zero in some slice", column: column) }
        x = folded(x)
        return LinearForm(constant: x.constant.combined(with: y.constant, /), dimension: dimension)
      }
    }
  }

  private func productDimension(_ a: ExpressionDimension, _ b: ExpressionDimension, column: Int)
    throws(ExpressionError) -> ExpressionDimension
  {
    if a == .none { return b }
    if b == .none { return a }
    throw ExpressionError(message: "cannot multiply \(a.noun) by \(b.noun); one factor must be a plain number", column: column)
  }

  private func checkCompatible(_ x: LinearForm, _ y: LinearForm, column: Int, what: String) throws(ExpressionError) {
    guard x.dimension != y.dimension, !x.isZero, !y.isZero else { return }
    let hint: String
    if x.dimension == .none || y.dimension == .none {
      hint = scope == .slice ? "; give the number a unit, e.g. \(family.example)" : "; give the number an amount unit, e.g. \(family.amountExample)"
    } else {
      hint = ""
    }
    throw ExpressionError(message: "cannot \(what) \(x.dimension.noun) and \(y.dimension.noun)\(hint)", column: column)
  }

  /// A unit literal: `0.5 GW`, `2 TWh`, `60 %`.
  private func literal(_ value: Double, _ unitText: String, column: Int) throws(ExpressionError) -> LinearForm {
    let q: Units.Quantity
    do {
      q = try Units.quantity(value, unit: unitText).resolvingBarrels(
        Commodity(name: commodity, family: family, unit: unit, tonnesPerBarrel: context.tonnesPerBarrel[commodity]))
    } catch {
      throw ExpressionError(message: error.message, column: column)
    }
    let info = Units.rates[unit]
    switch q.dimension {
    case .plain, .fraction:
      return LinearForm(constant: .constant(q.value))
    case .rate(let f):
      guard f == family else {
        throw ExpressionError(
          message: "unit '\(unitText)' is a \(f.noun), but this constraint is about \(commodity) (\(family.noun)); write e.g. \(family.example)",
          column: column)
      }
      guard scope == .slice else {
        throw ExpressionError(
          message: "per = \"horizon\" compares amounts over the horizon; write an amount such as \(family.amountExample), or use per = \"slice\"",
          column: column)
      }
      return LinearForm(constant: .constant(q.value / (info?.factor ?? 1)), dimension: .rate)
    case .amount(let f):
      guard f == family else {
        throw ExpressionError(
          message: "unit '\(unitText)' is an amount of \(f.noun), but this constraint is about \(commodity) (\(family.noun)); write e.g. \(family.amountExample)",
          column: column)
      }
      return LinearForm(constant: .constant(q.value / (info?.factor ?? 1)), dimension: .amount)
    case .time, .price, .barrelRate, .barrelAmount, .barrelPrice:
      throw ExpressionError(
        message: "\(q.dimension.article) ('\(unitText)') cannot appear in a constraint; use rates (\(family.example)), amounts or plain numbers",
        column: column)
    }
  }

  private func call(_ function: String, _ args: [ExpressionArgument], column: Int) throws(ExpressionError) -> LinearForm {
    let variableDimension: ExpressionDimension = scope == .slice ? .rate : .amount
    func variable(_ q: ConstraintQuantity, _ d: ExpressionDimension = variableDimension) -> LinearForm {
      LinearForm(terms: [(q, 1)], dimension: d)
    }
    func arity(_ allowed: ClosedRange<Int>, _ usage: String) throws(ExpressionError) {
      guard allowed.contains(args.count) else {
        throw ExpressionError(message: "\(function) takes \(usage)", column: column)
      }
    }
    func noGroup(_ a: ExpressionArgument, _ kind: String) throws(ExpressionError) {
      if a.isGroup { throw ExpressionError(message: "'group:' names corridors; here a \(kind) is expected", column: a.column) }
    }
    switch function {
    case "flow":
      try arity(1...2, "flow[corridor], flow[group:name] or flow[country, corridor]")
      let country: String? = args.count == 2 ? try countryName(args[0]) : nil
      let corridors = try corridorNames(args[args.count - 1], in: function)
      return variable(.flow(country: country, corridors: corridors))
    case "delivered":
      try arity(1...2, "delivered[market] or delivered[country, market]")
      let country: String? = args.count == 2 ? try countryName(args[0]) : nil
      let m = args[args.count - 1]
      try noGroup(m, "market")
      let market = try resolve(m, in: context.markets.keys, kind: "market") ?? m.name
      return variable(.delivered(country: country, market: market))
    case "supply", "available":
      try arity(1...1, "one supply entry: \(function)[kz-power]")
      try noGroup(args[0], "supply entry")
      let name = try resolve(args[0], in: context.supplies.keys, kind: "supply entry") ?? args[0].name
      return variable(function == "supply" ? .supply(name) : .available(name))
    case "capacity":
      try arity(1...1, "one corridor: capacity[black-sea]")
      try noGroup(args[0], "single corridor (capacity of a group is ambiguous)")
      let names = try corridorNames(args[0], in: function)
      return variable(.capacity(names[0]))
    default:  // charge, discharge, level
      try arity(1...1, "one storage: \(function)[az-battery]")
      try noGroup(args[0], "storage")
      let name = try resolve(args[0], in: context.storages.keys, kind: "storage") ?? args[0].name
      switch function {
      case "charge": return variable(.charge(name))
      case "discharge": return variable(.discharge(name))
      default:
        guard scope == .slice else {
          throw ExpressionError(message: "level[…] is a stock, not a flow: use it in per = \"slice\" constraints", column: column)
        }
        return variable(.level(name), .amount)
      }
    }
  }

  /// The form with its parameter terms replaced by their values: `capacity[c]` by the
  /// corridor's capacity, `available[s]` by the supply's volume (per slice, or the amount
  /// over the horizon in a horizon constraint).
  private func folded(_ form: LinearForm) -> LinearForm {
    guard form.hasParameters else { return form }
    var out = form
    out.terms = form.terms.filter { !$0.quantity.isParameter }
    for (q, k) in form.terms {
      let series: Series
      switch q {
      case .capacity(let name): series = context.corridors[name]?.capacity ?? .constant(0)
      case .available(let name): series = context.supplies[name]?.volume ?? .constant(0)
      default: continue
      }
      let value: Series
      if scope == .horizon {
        value = .constant(series.weightedSum(hours: context.hours))
      } else if case .perSlice(let v) = series, v.count != context.hours.count {
        value = .constant(series.maximum)
      } else {
        value = series
      }
      out.constant = out.constant.combined(with: value.scaled(by: k), +)
    }
    return out
  }

  private func countryName(_ a: ExpressionArgument) throws(ExpressionError) -> String {
    if a.isGroup {
      throw ExpressionError(message: "the first argument is a country; put group:\(a.name) second", column: a.column)
    }
    return try resolve(a, in: context.countries, kind: "country") ?? a.name
  }

  /// One corridor, or the corridors of a group.
  private func corridorNames(_ a: ExpressionArgument, in function: String) throws(ExpressionError) -> [String] {
    if a.isGroup {
      guard let members = context.groups[a.name] else {
        throw ExpressionError(
          message: "unknown corridor group '\(a.name)'\(DidYouMean.hint(for: a.name, among: context.groups.keys))",
          column: a.column)
      }
      return members
    }
    if context.corridors[a.name] == nil, context.groups[a.name] != nil {
      throw ExpressionError(message: "'\(a.name)' is a corridor group; write group:\(a.name)", column: a.column)
    }
    return [try resolve(a, in: context.corridors.keys, kind: "corridor") ?? a.name]
  }

  /// Checks that `a` names one of `names`.
  private func resolve<C: Collection<String>>(_ a: ExpressionArgument, in names: C, kind: String)
    throws(ExpressionError) -> String?
  {
    if names.contains(a.name) { return a.name }
    if context.broken.contains(a.name) { throw ExpressionError(message: "", column: a.column) }
    if context.disabled.contains(a.name) {
      throw ExpressionError(message: "\(kind) '\(a.name)' is disabled (enabled = false)", column: a.column)
    }
    throw ExpressionError(
      message: "unknown \(kind) '\(a.name)'\(DidYouMean.hint(for: a.name, among: names))", column: a.column)
  }
}
