import CorridorModel
import LinearProgramming

/// The value of a corridor's capacity, V(C): the objective (as a gain) with the corridor's
/// capacity set to C in every slice (availability as in the model; a corridor the model
/// disables is enabled), everything else as given.
///
/// In an LP, V is concave and piecewise linear in C: C is the value of a fixed column
/// (`capacity[c]`), so V is the optimum of an LP as a function of one bound. Its slope on
/// each piece is the corridor's shadow price (the reduced cost of `capacity[c]`, summed over
/// the capacity rows). Every optimal basis gives a supergradient s: V(x) ≤ V(C) + s·(x − C)
/// for all x, because the dual feasible set does not depend on C.
///
/// The breakpoints are found exactly, with re-solves only, by tangent intersection
/// (Eisner–Severance): from two solved points a < b with values V(a), V(b) and supergradients
/// s_a ≥ s_b,
/// 1. if the chord from a to b lies on the tangent of a or of b, V is linear on [a, b]
///    (a concave function between a chord and a tangent that coincide);
/// 2. else the tangents meet at x* = (V(b) − V(a) + s_a·a − s_b·b) / (s_a − s_b), strictly
///    inside; solve at x*. If V(x*) equals the tangents' value there, x* is a breakpoint and
///    V is linear on [a, x*] and on [x*, b]; else refine both halves.
/// Each new solve either finds a breakpoint or a new piece, so the number of solves is at
/// most about twice the number of pieces (plus the two ends). Each solve is a warm dual
/// simplex from the previous point's optimal basis (a capacity edit moves only a bound, so
/// that basis stays dual feasible, and successive points are near each other). Every
/// slope in the result is a difference quotient of two solved values, not a dual read.
extension CorridorValuation {
  /// Whether the model's objective has one stage, so its value curves are concave and
  /// ``curve(of:from:to:maxSolves:)`` applies.
  /// Whether the value is a concave piecewise-linear function of a capacity: a one-stage
  /// objective of an LP (an investment model with discrete build options is a MIP, whose
  /// value jumps where another size becomes worth building).
  public var curveAvailable: Bool { Objectives.stageCount(session.formulation) == 1 && !session.formulation.program.isMixedInteger }

  /// Why ``curveAvailable`` is false, in a sentence (nil when it is true).
  public var curveUnavailableReason: String? {
    if session.formulation.program.isMixedInteger {
      return "the model has discrete build options (a MIP), whose value need not be concave or piecewise linear in a capacity"
    }
    if Objectives.stageCount(session.formulation) > 1 {
      return "the model's objective (\(session.formulation.model.objective.rawValue)\(session.formulation.model.rules.isEmpty ? "" : " with its rules")) has lexicographic stages, whose last stage need not be concave in a capacity"
    }
    return nil
  }

  /// The value curve of corridor `name` over capacities `from...to` (in the commodity's unit).
  ///
  /// - Throws: ``PlanningEditError`` for an unknown corridor, a range with `from > to` or
  ///   below 0, or a lexicographic objective (``Objectives/stages(_:)`` with more than one
  ///   stage: the last stage's value then need not be concave in C).
  public func curve(of name: String, from: Double, to: Double, maxSolves: Int = 400) throws -> ValueCurve {
    let c = try corridorIndex(name)
    guard from.isFinite, to.isFinite, from >= 0, from <= to else {
      throw PlanningEditError("the capacity range \(from)…\(to) of corridor '\(name)' is not a range of capacities: give 0 ≤ --from ≤ --to")
    }
    if let why = curveUnavailableReason { throw PlanningEditError("no value curve: \(why)") }
    let solvesBefore = session.solves.count
    let algorithm = session.planner.options.algorithm
    if algorithm == .auto { session.planner.options.algorithm = .dual }
    defer { session.planner.options.algorithm = algorithm }
    var points: [Double: ValueCurve.Point] = [:]
    var failed: ValueCurve.Point?
    func evaluate(_ x: Double) throws -> ValueCurve.Point? {
      if let p = points[x] { return p }
      guard session.solves.count - solvesBefore < maxSolves else {
        throw PlanningEditError("the value curve of corridor '\(name)' needed more than \(maxSolves) solves; narrow --from/--to")
      }
      try session.reset(basis: false)
      // A corridor disabled in the model is put in for its curve (its capacity then counts).
      let enable: [PlanningEdit] = session.base.corridors[c].enabled ? [] : [.enabled(corridor: name, true)]
      try session.apply(enable + [.capacity(corridor: name, .constant(x))])
      let plan = try session.solve()
      guard let g = gain(plan), let s = plan.corridors[c].shadowPrice else {
        failed = ValueCurve.Point(capacity: x, value: .nan, shadowPrice: .nan, status: plan.status)
        return nil
      }
      let p = ValueCurve.Point(capacity: x, value: g, shadowPrice: s, status: plan.status)
      points[x] = p
      return p
    }
    func close(_ u: Double, _ v: Double) -> Bool { abs(u - v) <= 1e-9 * max(1, abs(u), abs(v)) }
    func refine(_ a: ValueCurve.Point, _ b: ValueCurve.Point, depth: Int) throws {
      guard b.capacity > a.capacity, depth < 200 else { return }
      let w = b.capacity - a.capacity
      if close(a.value + a.shadowPrice * w, b.value) || close(b.value - b.shadowPrice * w, a.value) { return }
      let ds = a.shadowPrice - b.shadowPrice
      guard ds > 0 else { return }  // equal supergradients: linear (up to roundoff)
      var x = (b.value - a.value + a.shadowPrice * a.capacity - b.shadowPrice * b.capacity) / ds
      x = min(max(x, a.capacity), b.capacity)
      guard x > a.capacity, x < b.capacity, let m = try evaluate(x) else { return }
      if close(m.value, a.value + a.shadowPrice * (x - a.capacity)) { return }
      try refine(a, m, depth: depth + 1)
      try refine(m, b, depth: depth + 1)
    }
    defer { try? session.reset(basis: true) }
    guard let a = try evaluate(from), let b = try evaluate(to) else {
      return ValueCurve(corridor: name, from: from, to: to, points: [], pieces: [], solves: session.solves.count - solvesBefore, failure: failed)
    }
    try refine(a, b, depth: 0)
    let sorted = points.values.sorted { $0.capacity < $1.capacity }
    return ValueCurve(corridor: name, from: from, to: to, points: sorted,
                      pieces: ValueCurve.pieces(sorted), solves: session.solves.count - solvesBefore, failure: nil)
  }
}

/// A corridor's value curve: solved points and the linear pieces between breakpoints.
public struct ValueCurve: Sendable {
  public var corridor: String
  public var from: Double
  public var to: Double
  /// Every solved capacity, increasing (the ends, every breakpoint and the points tried).
  public var points: [Point]
  /// The linear pieces, left to right; consecutive pieces have different slopes.
  public var pieces: [Piece]
  /// How many solves the curve took.
  public var solves: Int
  /// The first capacity whose solve had no optimum (an infeasible firm commitment), if any.
  public var failure: Point?

  public struct Point: Sendable, Equatable {
    /// Capacity in the commodity's unit.
    public var capacity: Double
    /// The objective as a gain (``CorridorValuation``), in the model's currency.
    public var value: Double
    /// The corridor's shadow price at this capacity (a supergradient; at a breakpoint any
    /// value between the slopes on either side), in currency per unit of capacity.
    public var shadowPrice: Double
    public var status: TerminationStatus
  }

  /// One linear piece: V(C) = value at `from` + slope·(C − from) on [from, to].
  public struct Piece: Sendable, Equatable {
    public var from: Double
    public var to: Double
    public var valueFrom: Double
    public var valueTo: Double
    /// (valueTo − valueFrom) / (to − from): currency per unit of capacity.
    public var slope: Double
  }

  /// The breakpoints: capacities strictly inside the range where the slope changes.
  public var breakpoints: [Double] { pieces.dropFirst().map(\.from) }

  /// V(C) read off the pieces (nil outside the range).
  public func value(at x: Double) -> Double? {
    guard let p = pieces.first(where: { x >= $0.from && x <= $0.to }) else {
      return points.count == 1 && points[0].capacity == x ? points[0].value : nil
    }
    return p.valueFrom + p.slope * (x - p.from)
  }

  /// Joins consecutive solved points into pieces and merges pieces of equal slope.
  static func pieces(_ p: [Point]) -> [Piece] {
    var out: [Piece] = []
    for (a, b) in zip(p, p.dropFirst()) {
      let slope = (b.value - a.value) / (b.capacity - a.capacity)
      if var last = out.last,
         abs(last.valueFrom + last.slope * (b.capacity - last.from) - b.value) <= 1e-9 * max(1, abs(b.value), abs(last.valueFrom)) {
        last.to = b.capacity
        last.valueTo = b.value
        last.slope = (last.valueTo - last.valueFrom) / (last.to - last.from)
        out[out.count - 1] = last
      } else {
        out.append(Piece(from: a.capacity, to: b.capacity, valueFrom: a.value, valueTo: b.value, slope: slope))
      }
    }
    return out
  }
}
