import Foundation
import Testing
@testable import LinearProgramming

/// GLPK prints everything to stdout; the layer captures it. With
/// `captureLog` the solver's output is kept in the solution and the model's
/// log; without, it is dropped; and in no case does it reach stdout.
@Suite struct LogCaptureTests {
  @Test func logIsKeptOnlyWhenAsked() throws {
    let m = try SmallModel()
    let quiet = try m.lp.solve(SolverOptions(warmStart: false))
    #expect(quiet.log.isEmpty)
    #expect(m.lp.log.isEmpty)
    let loud = try m.lp.solve(SolverOptions(warmStart: false, captureLog: true))
    #expect(loud.log.contains("GLPK Simplex Optimizer"), "\(loud.log)")
    #expect(loud.log.contains("OPTIMAL"), "\(loud.log)")
    #expect(m.lp.log == loud.log)
    // The model's log accumulates; a quiet solve adds nothing.
    _ = try m.lp.solve(SolverOptions(warmStart: false))
    #expect(m.lp.log == loud.log)
    let again = try m.lp.solve(SolverOptions(warmStart: false, captureLog: true))
    #expect(m.lp.log == loud.log + again.log)
  }

  @Test func logOfEveryAlgorithm() throws {
    let expected: [(SolverOptions.Algorithm, String)] = [
      (.primal, "GLPK Simplex Optimizer"), (.dual, "GLPK Simplex Optimizer"),
      (.interior, "OPTIMAL SOLUTION FOUND"),
    ]
    for (algorithm, header) in expected {
      let m = try SmallModel()
      let s = try m.lp.solve(SolverOptions(algorithm: algorithm, captureLog: true))
      #expect(s.log.contains(header), "\(algorithm): \(s.log)")
    }
    let mip = LinearProgram()
    let a = try mip.addVariable(name: "a", bounds: 0...3, kind: .integer, cost: -1)
    try mip.addConstraint(2 * a <= 5)
    let s = try mip.solve(SolverOptions(mipDuals: true, captureLog: true))
    #expect(s.log.contains("Integer optimization") || s.log.contains("INTEGER OPTIMAL"), "\(s.log)")
  }

  /// Nothing the layer does prints to stdout, errors included: checked in a
  /// child process whose stdout is captured.
  @Test func nothingReachesStdout() async throws {
    let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent, \.standardErrorContent]) {
      let dir = try! makeTemporaryFolder("stdout")
      defer { try? FileManager.default.removeItem(at: dir) }
      // Solves of every kind, quiet and captured.
      for captureLog in [false, true] {
        for algorithm in SolverOptions.Algorithm.allCases {
          _ = try! SmallModel().lp.solve(SolverOptions(algorithm: algorithm, presolve: algorithm == .dual, captureLog: captureLog))
        }
        _ = try! LimitTests.marketSplit(rows: 3, seed: 1, slack: true).solve(SolverOptions(timeLimit: 1, mipDuals: true, captureLog: captureLog))
        _ = try! HandDerivedMoreTests.infeasibleLP().solve(SolverOptions(captureLog: captureLog))
      }
      // Files, written and read, and a reader error.
      let m = try! SmallModel()
      for format in ModelFileFormat.allCases {
        let path = dir.appendingPathComponent("m.\(format.rawValue)").path
        try! m.lp.write(to: path, format: format)
        _ = try! LinearProgram.read(path, format: format)
      }
      let bad = try! writeFile(dir, "bad.mps", "NAME\nROWS\n N obj\nCOLUMNS\n x obj oops\nENDATA\n")
      _ = try? LinearProgram.read(bad, format: .freeMPS)
      // MathProg: display before and printf after solve, and a syntax error.
      let mod = try! writeFile(dir, "m.mod", "var x >= 0, <= 2;\nmaximize z: x;\ndisplay 1 + 1;\nsolve;\nprintf \"x = %g\\n\", x;\nend;\n")
      let g = try! MathProgModel(model: mod)
      _ = try! g.program.solve()
      _ = try! g.postsolve()
      let broken = try! writeFile(dir, "broken.mod", "var x >= ;\nend;\n")
      _ = try? MathProgModel(model: broken)
      // Sensitivity analysis and a starting basis.
      let n = try! SmallModel()
      let s = try! n.lp.solve()
      _ = try! n.lp.costRange(of: n.x)
      try! n.lp.setStartingBasis(s.basis!)
      _ = try! n.lp.solve()
    }
    if let result {
      let out = String(decoding: result.standardOutputContent, as: UTF8.self)
      #expect(out.isEmpty, "stdout of the child: \(out.prefix(2000))")
      let err = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(!err.contains("GLPK"), "stderr of the child: \(err.prefix(2000))")
    }
  }
}
