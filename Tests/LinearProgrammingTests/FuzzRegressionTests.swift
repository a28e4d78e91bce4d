import CorridorTestSupport
import Foundation
import Testing
@testable import LinearProgramming

/// Inputs the fuzz targets (Fuzz/, docs/fuzzing.md) found crashing the process, kept
/// here so that `swift test` fails if the bug comes back.
@Suite struct FuzzRegressionTests {
  /// A free MPS file with one column whose name is `bytes`, one row, one coefficient.
  static func mps(columnName bytes: [UInt8]) -> Data {
    var d = Data("NAME m\nROWS\n N obj\n L cap\nCOLUMNS\n ".utf8)
    d.append(contentsOf: bytes)
    d.append(contentsOf: Array(" obj 1 cap 1\nRHS\n RHS cap 4\nENDATA\n".utf8))
    return d
  }

  /// FuzzMPS crash-6f2979…: GLPK reads a 100-byte name of 0xFF bytes (it takes any bytes
  /// up to 255); as Swift text each bad byte became U+FFFD (3 bytes), 300 in all, and
  /// writing the model passed that to glp_set_col_name, which aborted the process
  /// ("column name too long"). Before the fix `read` succeeded and the write aborted.
  @Test func nonUTF8NameTooLongAfterDecodingIsAReadError() throws {
    try withTemporaryFolder("fuzz-names") { dir in
      let path = dir.appendingPathComponent("bad.mps").path
      try Self.mps(columnName: [UInt8](repeating: 0xFF, count: 100)).write(to: URL(fileURLWithPath: path))
      #expect {
        _ = try LinearProgram.read(path, format: .freeMPS)
      } throws: { error in
        guard case let .readFailed(p, message) = error as? LPError else { return false }
        return p == path && message.contains("column 1") && message.contains("255")
      }
    }
  }

  /// A short name that is not UTF-8 (Latin-1 "Türkiye") still fits after decoding: the
  /// model reads, writes and solves (max x, x ≤ 4 gives 4).
  @Test func shortNonUTF8NameStillReadsWritesAndSolves() throws {
    try withTemporaryFolder("fuzz-names") { dir in
      let path = dir.appendingPathComponent("latin1.mps").path
      try Self.mps(columnName: Array("T".utf8) + [0xFC] + Array("rkiye".utf8)).write(to: URL(fileURLWithPath: path))
      let lp = try LinearProgram.read(path, format: .freeMPS, sense: .maximize)
      #expect(lp.variableCount == 1)
      try lp.write(to: dir.appendingPathComponent("back.mps").path, format: .freeMPS)
      let s = try lp.solve()
      #expect(s.termination == .optimal)
      #expect(close(s.objectiveValue, 4, 1e-9))
    }
  }

  /// The same through MathProg: a set member of 100 bytes 0xFF makes the column name
  /// `x[…]` 103 bytes for GLPK and 303 as Swift text; solving pushed it back to GLPK and
  /// aborted. The translation now fails with the column named.
  @Test func mathProgNameTooLongAfterDecodingIsAnError() throws {
    try withTemporaryFolder("fuzz-names") { dir in
      let path = dir.appendingPathComponent("ff.mod").path
      var text = Data("set S := {\"".utf8)
      text.append(contentsOf: [UInt8](repeating: 0xFF, count: 100))
      text.append(contentsOf: Array("\"};\nvar x{S} >= 0;\nmaximize z: sum{s in S} x[s];\ns.t. c{s in S}: x[s] <= 4;\nend;\n".utf8))
      try text.write(to: URL(fileURLWithPath: path))
      #expect {
        _ = try MathProgModel(model: path)
      } throws: { error in
        guard case let .readFailed(_, message) = error as? LPError else { return false }
        return message.contains("column 1") && message.contains("255")
      }
    }
  }

  /// FuzzMathProg crash-7c4cdd… (Fuzz/Known/mathprog-index-named-like-parameter.mod):
  /// `param j{i in I, j in J}` fails an assertion inside GLPK's translator, which aborts
  /// the process (glpsol too). Before the fix this test died with SIGABRT; now the
  /// translation is refused with the line and what to rename. The same name with one
  /// index, and a two-index declaration with other names, still translate.
  @Test func mathProgIndexNamedLikeItsDeclarationIsRefused() throws {
    try withTemporaryFolder("fuzz-mathprog") { dir in
      for (k, declaration) in ["param j{i in 1..2, j in 1..2};", "var k{k in 1..2, i in 1..2} >= 0;",
                               "set s{i in 1..2, s in 1..2} := {};"].enumerated() {
        let path = try writeFile(dir, "bad\(k).mod", "# a comment\n\(declaration)\nend;\n")
        #expect {
          _ = try MathProgModel(model: path)
        } throws: { error in
          guard case let .mathProg(message) = error as? LPError else { return false }
          return message.contains("bad\(k).mod:2:") && message.contains("rename the index")
        }
      }
      let good = try writeFile(
        dir, "good.mod",
        "param j{j in 1..2} := j;\nparam p{i in 1..2, q in 1..2} := i + q; /* param p{i in 1..2, p in 1..2} */\n"
          + "var x{i in 1..2} >= 0, <= p[i, 1];\nmaximize z: sum{i in 1..2} j[i] * x[i];\nend;\n")
      let gmpl = try MathProgModel(model: good)
      let s = try gmpl.program.solve()
      // max 1·x1 + 2·x2 with x1 ≤ 2, x2 ≤ 3: 2 + 6 = 8.
      #expect(close(s.objectiveValue, 8, 1e-9))
    }
  }

  /// FuzzMPS crash-1330aa…: a column with both bounds set (LO and UP, FX, FR, BV, MI and
  /// PL) that gets another FR, FX or BV record fails an assertion in GLPK's MPS reader,
  /// which aborts the process (glpsol too). Before the fix this test died with SIGABRT; now
  /// the file is refused with the line and the column. A single FR, or UP then FR (which
  /// GLPK reports as an error itself), still behave as before.
  @Test func mpsSecondTwoSidedBoundIsARefusedNotAnAbort() throws {
    try withTemporaryFolder("fuzz-mps-bounds") { dir in
      func file(_ name: String, _ bounds: String) throws -> String {
        try writeFile(dir, name, "NAME m\nROWS\n N cost\n L r\nCOLUMNS\n x cost 1 r 1\nRHS\n RHS r 4\nBOUNDS\n\(bounds)ENDATA\n")
      }
      let cases = [" LO B x -5\n UP B x 5\n FR B x\n", " FX B x 3\n FX B x 2\n", " MI B x\n PL B x\n FR B x\n", " BV B x\n FR B x\n"]
      for (k, bounds) in cases.enumerated() {
        let path = try file("bad\(k).mps", bounds)
        #expect {
          _ = try LinearProgram.read(path, format: .freeMPS)
        } throws: { error in
          guard case let .readFailed(_, message) = error as? LPError else { return false }
          return message.contains("column 'x'") && message.contains(":\(9 + bounds.split(separator: "\n").count):")
        }
      }
      // Fixed MPS, fields by position (the fuzzer's input had this layout).
      let fixed = try writeFile(
        dir, "fixed.mps",
        "NAME          m\nROWS\n N  cost\n L  r\nCOLUMNS\n    x         cost         1   r            1\nRHS\n    RHS       r            4\nBOUNDS\n LO BND1      x            -5\n UP BND1      x            5\n FR BND1      x\nENDATA\n")
      #expect(throws: LPError.self) { _ = try LinearProgram.read(fixed, format: .fixedMPS) }
      // One FR: a free column, min x with x ≤ 4 is unbounded below; the file reads.
      let free = try LinearProgram.read(try file("free.mps", " FR B x\n"), format: .freeMPS)
      #expect(free.variableCount == 1)
      // UP then FR: GLPK's own error, not ours.
      #expect(throws: LPError.self) { _ = try LinearProgram.read(try file("upfr.mps", " UP B x 5\n FR B x\n"), format: .freeMPS) }
    }
  }

  /// Fuzz/Known/scaling-huge-coefficient.lp (FuzzCPLEXLP): a coefficient of 2.2e198 beside
  /// 0.6 made GLPK's scaling compute a factor of 0 and abort the process
  /// (`glp_set_sjj: invalid scale factor`; glpsol aborts too). Before the fix this test
  /// process died with SIGABRT; now the solve throws, naming the coefficient.
  @Test func hugeCoefficientIsRefusedBeforeScaling() throws {
    let path = CorridorTestSupport.packageRoot + "/Fuzz/Known/scaling-huge-coefficient.lp"
    #expect {
      _ = try LinearProgram.read(path, format: .cplexLP)
    } throws: { error in
      guard case let .readFailed(p, message) = error as? LPError else { return false }
      return p == path && message.contains("2.2e+198") && message.contains("'y'") && message.contains("'c1'")
    }
    // Built through the API, the solve refuses it.
    let bad = LinearProgram(sense: .maximize)
    let u = try bad.addVariable(name: "u", cost: 1)
    _ = try bad.addConstraint(2.2e198 * u <= 1, name: "huge")
    #expect(throws: LPError.self) { _ = try bad.solve() }
    // In range, the same model solves: max x + y with 0.6 x + 2 y <= 1, x <= 4: x earns
    // 1/0.6 per unit of c1, y 1/2, so x = 1/0.6 = 5/3 (within x <= 4), y = 0: 5/3.
    let ok = LinearProgram(sense: .maximize)
    let x = try ok.addVariable(name: "x", cost: 1), y = try ok.addVariable(name: "y", cost: 1)
    _ = try ok.addConstraint(0.6 * x + 2 * y <= 1, name: "c1")
    _ = try ok.addConstraint(1 * x <= 4, name: "c2")
    let s = try ok.solve()
    #expect(s.isOptimal && abs((s.objectiveValue ?? .nan) - 5.0 / 3.0) < 1e-9)
  }
}
