import Testing
@testable import LinearProgramming

/// Small LPs whose optimum, duals and reduced costs are derived by hand in the comments.
@Suite struct HandDerivedLPTests {
  /// max 3x + 2y  s.t.  x + y ≤ 4 (a),  x + 3y ≤ 6 (b),  x ≤ 3,  x, y ≥ 0.
  /// Vertices: (3,1) gives 11; (0,2) gives 4; (3,0) gives 9. Optimum x=3, y=1, z=11.
  /// At (3,1): a binds (4), b: 3+3=6 binds too, x at its bound 3 — degenerate? No:
  /// with y as basic, rows a and b both binding and x at upper bound: three active
  /// constraints in 2-D, so the vertex is degenerate and duals are not unique.
  /// Use instead x ≤ 3.5: then (3.5, 0.5) is the a∩x-bound vertex: z = 10.5+1 = 11.5;
  /// a∩b: x + y = 4, x + 3y = 6 → y = 1, x = 3, z = 11. Best of a∩xbound (3.5,0.5): b: 3.5+1.5=5 ≤ 6 ok → z=11.5.
  /// Duals at (3.5,0.5): basis {y, slack b}; y's reduced cost 0 → dual(a) = 2;
  /// x's reduced cost = 3 − 2 = 1 (nonbasic at upper bound 3.5: one more unit of bound gains 1).
  @Test func maximizationDualsAreShadowPrices() throws {
    let lp = LinearProgram(sense: .maximize)
    let x = try lp.addVariable(name: "x", bounds: 0...3.5)
    let y = try lp.addVariable(name: "y")
    let a = try lp.addConstraint(x + y <= 4, name: "a")
    let b = try lp.addConstraint(x + 3 * y <= 6, name: "b")
    try lp.setObjective(3 * x + 2 * y)
    let s = try lp.solve()
    #expect(s.termination == .optimal)
    #expect(abs(s.objectiveValue! - 11.5) < 1e-9)
    #expect(abs(s.value(x) - 3.5) < 1e-9)
    #expect(abs(s.value(y) - 0.5) < 1e-9)
    #expect(abs(s.dual(a)! - 2) < 1e-9)
    #expect(abs(s.dual(b)!) < 1e-9)
    #expect(abs(s.reducedCost(x)! - 1) < 1e-9)
    #expect(abs(s.reducedCost(y)!) < 1e-9)
    #expect(s.certificate!.holds(tolerance: 1e-9))
  }

  /// min 2x + 3y  s.t.  x + y ≥ 10 (d),  x ≤ 6,  y ≥ 0.  Optimum x=6, y=4, z=24.
  /// Dual of d = 3 (one more unit of demand costs 3, served by y); reduced cost of x = 2 − 3 = −1
  /// (x at its upper bound: raising the bound by 1 saves 1).
  @Test func minimizationDualsAreShadowPrices() throws {
    let lp = LinearProgram()
    let x = try lp.addVariable(name: "x", bounds: 0...6)
    let y = try lp.addVariable(name: "y")
    let d = try lp.addConstraint(x + y >= 10, name: "d")
    try lp.setObjective(2 * x + 3 * y + 1)
    let s = try lp.solve()
    #expect(s.termination == .optimal)
    #expect(abs(s.objectiveValue! - 25) < 1e-9)
    #expect(abs(s.dual(d)! - 3) < 1e-9)
    #expect(abs(s.reducedCost(x)! + 1) < 1e-9)
    #expect(s.certificate!.holds(tolerance: 1e-9))
  }
}
