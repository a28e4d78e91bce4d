// Why warm ≤ 1/4 of cold simplex iterations is out of reach on the electricity model
// (issue #9, acceptance "total simplex iterations warm ≤ 1/4 of cold"): a lower bound on
// the pivots any simplex path from the base's optimal basis needs, per N-1 outage.
//
// A simplex pivot brings exactly one variable into the basis. So a path from the base's
// basis B₀ to an optimal basis B* of the outage takes at least |B* \ B₀| pivots: the
// variables basic in B* but not in B₀. Counted for the structural columns only (the
// figure the discussion uses) and for columns and row slacks together (also a
// valid bound, and larger). B* is not unique when the outage's optimum is degenerate, so
// the bound is taken for the basis the warm dual simplex reaches and for the basis a cold
// solve reaches, and, basis-free, for the vertex: every column strictly between its bounds
// at the outage's optimal point is basic in *every* basis of that point, so those of them
// that are non-basic in B₀ must enter on any path to that point.
//
// A measurement printed by the test (no timing). What it pins: the bound is a bound (never
// above the pivots the warm dual simplex took), and warm and cold agree on the objective.

import CorridorModel
import CorridorTestSupport
import Dispatch
import Foundation
import Synchronization
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Contingency: pivots any warm simplex needs (issue #9)")
struct WarmPivotBoundTests {
  /// |B \ B₀| over the structural columns, and over columns and rows together.
  static func entering(_ b: Basis, from b0: Basis) -> (columns: Int, all: Int) {
    let cols = zip(b.variables, b0.variables).filter { $0 == .basic && $1 != .basic }.count
    let rows = zip(b.constraints, b0.constraints).filter { $0 == .basic && $1 != .basic }.count
    return (cols, cols + rows)
  }

  /// Columns strictly between their bounds at `x`, and rows whose activity `r` is strictly
  /// between theirs (their slack is basic), in every basis of that point, that are
  /// non-basic in `b0`. `tol` is relative to max(1, |bound|).
  static func mustEnter(_ lp: LinearProgram, _ x: [Double], _ r: [Double], from b0: Basis, tol: Double = 1e-7) throws -> (columns: Int, all: Int) {
    func inside(_ v: Double, _ lo: Double, _ hi: Double) -> Bool {
      (!lo.isFinite || v > lo + tol * max(1, abs(lo))) && (!hi.isFinite || v < hi - tol * max(1, abs(hi)))
    }
    var rows = 0
    for i in 0..<lp.constraintCount where b0.constraints[i] != .basic {
      let (lo, hi) = try lp.bounds(of: lp.constraint(at: i))
      if inside(r[i], lo, hi) { rows += 1 }
    }
    var n = 0
    for j in 0..<lp.variableCount where b0.variables[j] != .basic {
      let (lo, hi) = try lp.bounds(of: lp.variable(at: j))
      if inside(x[j], lo, hi) { n += 1 }
    }
    return (n, n + rows)
  }

  @Test("Electricity 2030 N-1: the pivot lower bound per outage against 1/4 of cold")
  func electricity() throws {
    let path = "models/electricity-2030.toml"
    let model = try loadShipped(path)
    let (base, _, start) = try ContingencyAnalysis.solveBase(model, SolverOptions())
    let b0 = start.basis
    let options = ContingencyOptions(jobs: 1)
    let scale = max(1, abs(base.objective ?? 1))
    var sums = (warm: 0, warmAll: 0, cold: 0, coldAll: 0, point: 0, pointAll: 0, coldPoint: 0, coldPointAll: 0, warmPivots: 0, coldPivots: 0)
    print("\(path): outage, pivots warm (dual from B₀) / cold; |B*\\B₀| columns (columns+rows) for the warm B* and the cold B*; columns that must enter for the optimal point")
    for outage in try options.outages(of: model) {
      let edits = options.edits(for: outage, in: model)
      let warm = try ContingencyAnalysis.session(model, SolverOptions(), edits: edits, from: start)
      let w = try warm.solve()
      let cold = try PlanningSession(model: ContingencyTests.outageModel(model, outage, options), names: false)
      let c = try cold.solve()
      #expect(w.provenOptimal && c.provenOptimal, "\(outage.name)")
      #expect(abs((w.objective ?? .nan) - (c.objective ?? .nan)) <= 1e-9 * scale, "\(outage.name)")
      let wlp = warm.formulation.program, clp = cold.formulation.program
      let wb = try #require(wlp.solution?.basis), cb = try #require(clp.solution?.basis)
      let lw = Self.entering(wb, from: b0), lc = Self.entering(cb, from: b0)
      let point = try Self.mustEnter(wlp, wlp.solution?.values ?? [], wlp.solution?.activities ?? [], from: b0)
      let coldPoint = try Self.mustEnter(clp, clp.solution?.values ?? [], clp.solution?.activities ?? [], from: b0)
      let wp = warm.solves.last?.iterations ?? 0, cp = cold.solves.last?.iterations ?? 0
      // Only a path that stayed warm is bounded by its own pivots (a cold repeat restarts).
      if warm.solves.last?.warm == true {
        #expect(lw.all <= wp, "\(outage.name): bound \(lw.all) above the \(wp) pivots taken")
        #expect(point.all <= lw.all, "\(outage.name): the point's bound \(point.all) above its basis's \(lw.all)")
      }
      print("  \(outage.name): pivots \(wp) / \(cp); warm B* \(lw.columns) (\(lw.all)), cold B* \(lc.columns) (\(lc.all)); point \(point.columns) (\(point.all)), cold point \(coldPoint.columns) (\(coldPoint.all))")
      sums.warm += lw.columns; sums.warmAll += lw.all; sums.cold += lc.columns; sums.coldAll += lc.all
      sums.point += point.columns; sums.pointAll += point.all
      sums.coldPoint += coldPoint.columns; sums.coldPointAll += coldPoint.all; sums.warmPivots += wp; sums.coldPivots += cp
    }
    print("  sum: pivots \(sums.warmPivots) / \(sums.coldPivots); warm B* \(sums.warm) (\(sums.warmAll)), cold B* \(sums.cold) (\(sums.coldAll)); point \(sums.point) (\(sums.pointAll)), cold point \(sums.coldPoint) (\(sums.coldPointAll)); 1/4 of cold = \(Double(sums.coldPivots) / 4)")
    #expect(sums.coldPivots > 0)
    // The finding of docs/contingency.md: even over every basis of the optimal points the
    // warm and cold solves reach, more than 1/4 of the cold pivots must be taken.
    #expect(4 * sums.pointAll > sums.coldPivots && 4 * sums.coldPointAll > sums.coldPivots,
            "bound \(sums.pointAll) / \(sums.coldPointAll) against 1/4 of \(sums.coldPivots)")
  }
}

// The block restart of an outage (issue #9, the hourly model's path): re-solve the time
// blocks the outage touches, warm from the base's optimum, then the full LP from the base's
// basis outside them. Taken here on short horizons (the path normally starts at 500
// slices) by lowering its threshold, so that the structural repair (rows left without a
// basic variable take their slack) runs on models with min-share rules and storage, in seconds (the
// shipped models with more than one slice: a window needs a part of the horizon left out). Each
// outage's objective is checked against a cold solve of the outage model made by hand.
@Suite("Contingency: the block restart of an outage against cold solves (issue #9)")
struct BlockRestartTests {
  @Test("Block restart equals cold solves: every corridor, a window and the whole horizon",
        arguments: ["models/electricity-2030.toml", "models/teaching/04-storage-shift.toml"])
  func againstCold(path: String) throws {
    let model = try loadShipped(path)
    let S = model.slices.count
    let (base, _, start) = try ContingencyAnalysis.solveBase(model, SolverOptions())
    let scale = max(1, abs(base.objective ?? 1))
    var restarted = 0, runs = 0, held = 0
    // One block per slice; a window over the first half of the horizon (the block path), and
    // the whole horizon (every block touched: the session is left to solve cold).
    for window in [S > 3 ? 1..<(S / 2 + 1) : 0..<max(1, S / 2), 0..<S] {
      let options = ContingencyOptions(slices: window, jobs: 1)
      for outage in try options.outages(of: model) {
        let edits = options.edits(for: outage, in: model)
        let blocks = (minimumSlices: 1, count: S)
        let s = try ContingencyAnalysis.session(model, SolverOptions(), edits: edits, from: start, times: window, blocks: blocks)
        // Whether the block path was taken: the same basis made again on this LP.
        let f = s.formulation
        let basis = try f.program.blockRestartBasis(s.planner.timeStructure(f), blocks: blocks.count, times: window, from: start)
        if basis != nil { restarted += 1 }
        runs += 1
        let warm = try s.solve()
        let cold = try Planner().plan(ContingencyTests.outageModel(model, outage, options), names: false)
        #expect(warm.status == cold.status, "\(path) \(outage.name) \(window): \(warm.status) against cold \(cold.status)")
        if cold.provenOptimal, let z = cold.objective {
          #expect(abs((warm.objective ?? .nan) - z) <= 1e-9 * scale, "\(path) \(outage.name) \(window): \(warm.objective ?? .nan) against \(z)")
          #expect(warm.certificate?.holds() ?? false, "\(path) \(outage.name) \(window)")
          // Whether the block basis carried the solve; when it does not (a numerically
          // singular basis, e.g. a cyclic storage whose levels are all basic; or a
          // certificate that fails at an objective collapsed to about 0), the session
          // repeats the solve cold, which the objective check above covers.
          if basis != nil, s.solves.last?.warm == true { held += 1 }
        }
      }
    }
    print("\(path): \(restarted) of \(runs) outages took the block restart, \(held) of them finished warm")
    #expect(restarted > 0, "\(path): the block path was never taken")
    #expect(held > 0, "\(path): no block restart finished warm")
  }

  // Results must not depend on --jobs: the block restart of an outage is a function of the
  // model, the outage and the base's optimum, whichever thread runs it. Two threads run every
  // window outage at once, in opposite orders; objectives and iterations must be identical.
  @Test("The block restart gives identical results on two threads at once")
  func threads() throws {
    let path = "models/electricity-2030.toml"
    let model = try loadShipped(path)
    let S = model.slices.count
    let (_, _, start) = try ContingencyAnalysis.solveBase(model, SolverOptions())
    let options = ContingencyOptions(slices: 1..<(S / 2 + 1), jobs: 1)
    let outages = try options.outages(of: model)
    let results = Mutex<[[String: (Double?, Int)]]>([[:], [:]])
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
      let order = worker == 0 ? Array(outages) : outages.reversed()
      for outage in order {
        guard let s = try? ContingencyAnalysis.session(model, SolverOptions(), edits: options.edits(for: outage, in: model),
                                                       from: start, times: options.slices, blocks: (1, S)),
              let plan = try? s.solve() else { continue }
        results.withLock { $0[worker][outage.name] = (plan.objective, s.solves.last?.iterations ?? -1) }
      }
    }
    let r = results.withLock { $0 }
    #expect(r[0].count == outages.count && r[1].count == outages.count)
    for outage in outages {
      let a = r[0][outage.name], b = r[1][outage.name]
      #expect(a?.0 == b?.0 && a?.1 == b?.1, "\(outage.name): \(String(describing: a)) against \(String(describing: b))")
    }
  }
}
