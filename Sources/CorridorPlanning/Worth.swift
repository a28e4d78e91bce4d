import LinearProgramming

/// The one sign convention of every shadow price and dual in a ``Plan``.
///
/// A figure is **what one more unit of the bound is worth to the objective's
/// owner**: the value gained for `max-value` and `max-min-fair` (whose last stage
/// maximises value), the cost saved for `min-cost`. So, in every objective:
/// - one more unit of corridor capacity, market absorption or supply is worth ≥ 0;
/// - a `≤` rule or constraint (a cap, a max-share) is worth ≥ 0 when loosened by one unit;
/// - a `≥` rule or constraint (a floor, a min-share, a firm volume) is worth ≤ 0 when
///   raised by one unit: negative figures are what the rule costs the owner.
///
/// The LP layer reports `∂objective/∂bound` (``Solution``): the same for a
/// maximisation, the opposite sign for a minimisation, where the objective is a
/// cost. ``callAsFunction(_:)`` turns one into the other; every dual the
/// ``PlanExtractor`` reads goes through it, and so does every reduced cost read
/// as the value of a column's bound.
///
///     let worth = Worth(sense: .minimize)
///     worth(-20)   // 20: one more MW of a corridor saves 20 EUR of cost
public struct Worth: Sendable, Equatable {
  /// The sense of the stage whose duals are read (the last stage of a plan).
  public var sense: ObjectiveSense

  public init(sense: ObjectiveSense) { self.sense = sense }

  /// The worth to the owner of a shadow price or reduced cost `∂objective/∂bound`.
  /// Zero stays `+0` (no `-0` in reports).
  public func callAsFunction(_ shadowPrice: Double) -> Double {
    let w = sense == .maximize ? shadowPrice : -shadowPrice
    return w == 0 ? 0 : w
  }

  /// The worth of raising a column's upper bound by one unit, from its reduced cost:
  /// positive only when the objective's owner would use more (the column sits at that bound).
  public func ofUpperBound(reducedCost d: Double) -> Double {
    max(0, callAsFunction(d))
  }
}
