import Foundation
import Testing
@testable import LinearProgramming

/// What model files say beyond GLPK's own readers (issue #8 item 14): the MPS
/// `OBJSENSE` section, which GLPK 5.0 neither writes nor reads, and bounds that
/// cross, which GLPK reads silently and only its simplex rejects (GLP_EBOUND,
/// without naming the column).
@Suite struct ObjectiveSenseAndBoundsFileTests {
  /// max x + 2y s.t. x + y ≤ 4, y ≤ 3: optimum (1, 3), objective 7 (by hand:
  /// y is worth more, so y = 3, then x = 1). As a minimization the optimum is 0.
  static func mps(section: String) -> String {
    """
    NAME          SENSE
    \(section)ROWS
     N  obj
     L  cap
     L  ylim
    COLUMNS
        x  obj  1  cap  1
        y  obj  2  cap  1
        y  ylim 1
    RHS
        rhs  cap  4  ylim  3
    ENDATA

    """
  }

  @Test(arguments: ["OBJSENSE\n    MAX\n", "OBJSENSE MAX\n", "OBJSENSE\n    MAXIMIZE\n", "* a comment\nOBJSENSE\n  max\n"])
  func objectiveSenseSectionIsRead(section: String) throws {
    try withTemporaryFolder("objsense") { dir in
      let path = try writeFile(dir, "m.mps", Self.mps(section: section))
      for format in [ModelFileFormat.freeMPS] {
        let lp = try LinearProgram.read(path, format: format)
        #expect(lp.sense == .maximize, "\(format) with \(section.debugDescription)")
        let s = try lp.solve()
        #expect(close(s.objectiveValue, 7, 1e-12), "\(format): \(String(describing: s.objectiveValue))")
      }
      // An explicit sense overrides the file's.
      let min = try LinearProgram.read(path, format: .freeMPS, sense: .minimize)
      #expect(close(try min.solve().objectiveValue, 0, 1e-12))
    }
  }

  @Test func withoutTheSectionMPSMinimizes() throws {
    try withTemporaryFolder("objsense") { dir in
      let path = try writeFile(dir, "m.mps", Self.mps(section: ""))
      let lp = try LinearProgram.read(path, format: .freeMPS)
      #expect(lp.sense == .minimize)
      #expect(close(try lp.solve().objectiveValue, 0, 1e-12))
    }
  }

  /// A section without a sense is an error naming the line; GLPK's own errors
  /// after the section keep the line numbers of the user's file.
  @Test func badSectionsAndLaterErrorsNameTheirLines() throws {
    try withTemporaryFolder("objsense") { dir in
      let bad = try writeFile(dir, "bad.mps", Self.mps(section: "OBJSENSE\n    SIDEWAYS\n"))
      #expect {
        _ = try LinearProgram.read(bad, format: .freeMPS)
      } throws: { error in
        "\(error)".contains("bad.mps:2: OBJSENSE must be followed by MAX or MIN")
      }
      // Line 11 (after a two-line section) names a row that does not exist.
      let text = Self.mps(section: "OBJSENSE\n    MAX\n").replacingOccurrences(of: "    y  ylim 1", with: "    y  nosuchrow 1")
      let later = try writeFile(dir, "later.mps", text)
      #expect {
        _ = try LinearProgram.read(later, format: .freeMPS)
      } throws: { error in
        let message = "\(error)"
        return message.contains("later.mps:11:") && !message.contains("corridor-mps-")
      }
    }
  }

  /// write(objectiveSense: true) puts the section before ROWS; reading it back
  /// needs no sense from the caller. Without the flag no section is written.
  @Test func writtenSectionReadsBack() throws {
    let lp = try FileRoundTripTests.sampleModel(integer: false)
    let z = try #require(try lp.solve().objectiveValue)
    try withTemporaryFolder("objsense") { dir in
      let with = dir.appendingPathComponent("with.mps").path
      let without = dir.appendingPathComponent("without.mps").path
      try lp.write(to: with, format: .freeMPS, objectiveSense: true)
      try lp.write(to: without, format: .freeMPS)
      let text = try String(contentsOfFile: with, encoding: .utf8)
      let lines = text.split(separator: "\n").map(String.init)
      let k = try #require(lines.firstIndex(of: "OBJSENSE"))
      #expect(lines[k + 1] == "    MAX" && lines[k + 2] == "ROWS", "\(lines.prefix(k + 3))")
      #expect(!(try String(contentsOfFile: without, encoding: .utf8)).contains("OBJSENSE"))
      let back = try LinearProgram.read(with, format: .freeMPS)
      #expect(back.sense == .maximize)
      #expect(close(try back.solve().objectiveValue, z, 1e-9))
      #expect(try LinearProgram.read(without, format: .freeMPS).sense == .minimize)
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["with.mps", "without.mps"])
    }
  }

  /// Crossed bounds name the column (or row) and the file, in every format.
  @Test func crossedBoundsAreReadErrors() throws {
    try withTemporaryFolder("bounds") { dir in
      let lp = try writeFile(dir, "c.lp", "Minimize\n obj: x + y\nSubject To\n c1: x + y >= 1\nBounds\n 3 <= x <= 2\nEnd\n")
      let mps = try writeFile(dir, "c.mps", Self.mps(section: "").replacingOccurrences(
        of: "ENDATA", with: "BOUNDS\n LO bnd y 5\n UP bnd y 4\nENDATA"))
      let cases: [(String, ModelFileFormat, String)] = [
        (lp, .cplexLP, "column 'x' has lower bound 3 above its upper bound 2"),
        (mps, .freeMPS, "column 'y' has lower bound 5 above its upper bound 4"),
      ]
      for (path, format, expected) in cases {
        #expect {
          _ = try LinearProgram.read(path, format: format)
        } throws: { error in
          guard case let LPError.readFailed(p, message) = error else { return false }
          return p == path && message.contains(expected)
        }
      }
    }
  }
}
