// Issue #9 (tidy list): what a newcomer trips over, checked on the sources.
//
// GLPK calls have one home.
// GLPK aborts the process on an invalid call, so every call must sit where the
// validation rules of GLPK-NOTES.md are kept in view: the `GLPK….swift` files
// of the LP layer (GLPKProblem's comment says so). Before issue #9 the calls
// were spread over nine files of the layer (LinearProgram+Solve, +Crossover,
// +MIP, +Sensitivity, +Files, +GLPK, MathProgModel besides GLPKProblem and
// GLPKOutput), and this test failed naming them.

import CorridorTestSupport
import Foundation
import LinearProgramming
import Testing

@Suite("GLPK's C boundary")
struct GLPKBoundaryTests {
  /// Swift files under `Sources/`, as (path relative to the package root, text).
  static func sources() throws -> [(path: String, text: String)] {
    let root = packageRoot + "/Sources"
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var out: [(String, String)] = []
    for case let rel as String in walker where rel.hasSuffix(".swift") {
      out.append(("Sources/" + rel, try String(contentsOfFile: root + "/" + rel, encoding: .utf8)))
    }
    return out.sorted { $0.0 < $1.0 }
  }

  /// Whether `text` imports CGLPK, calls a GLPK function or names a GLPK
  /// constant outside comments and string literals (GLPK's status names
  /// appear in messages such as "GLP_OPT: solution is optimal").
  static func usesGLPK(_ text: String) -> Bool {
    text.split(separator: "\n").contains { line in
      let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      // Outside literals: the even-numbered pieces between double quotes.
      let outside = code.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
      return outside.contains("glp_") || outside.contains("GLP_") || outside.contains("import CGLPK")
    }
  }

  @Test func onlyTheGLPKFilesOfTheLPLayerCallGLPK() throws {
    let files = try Self.sources()
    #expect(files.count > 20, "found only \(files.count) Swift files under \(packageRoot)/Sources")
    let callers = files.filter { Self.usesGLPK($0.text) }.map(\.path)
    let outside = callers.filter {
      !($0.hasPrefix("Sources/LinearProgramming/GLPK") && $0.hasSuffix(".swift"))
    }
    #expect(outside.isEmpty, "GLPK is called outside Sources/LinearProgramming/GLPK*.swift: \(outside)")
    // The funnel itself exists (the test cannot pass by finding no calls at all).
    #expect(callers.contains("Sources/LinearProgramming/GLPKProblem.swift"))
    #expect(callers.contains("Sources/LinearProgramming/GLPKSolve.swift"))
  }

  @Test func theDetectorSeesCallsAndSkipsComments() {
    #expect(Self.usesGLPK("let rc = glp_simplex(p, &parm)"))
    #expect(Self.usesGLPK("  case GLP_OPT: break"))
    #expect(Self.usesGLPK("internal import CGLPK"))
    #expect(!Self.usesGLPK("/// GLPK's `glp_analyze_coef` needs a factorization"))
    #expect(!Self.usesGLPK("let x = 1  // like glp_simplex"))
    #expect(!Self.usesGLPK("r.raw = \"GLP_OPT: interior point, then crossover\""))
    #expect(Self.usesGLPK("r.raw = \"code \\(rc)\" + String(GLP_OPT)"))
  }
}

// One monotonic clock: the LP layer, the planner and the benchmark each had
// their own copy of a CLOCK_MONOTONIC reader (LinearProgram+Solve's and
// Planner's `enum Clock`, corridor-bench's `now()`); this test failed naming
// those three files. Now they all read `LinearProgramming.MonotonicClock`.
@Suite("One monotonic clock")
struct OneClockTests {
  @Test func onlyMonotonicClockReadsTheMonotonicClock() throws {
    let readers = try GLPKBoundaryTests.sources()
      .filter { $0.text.contains("CLOCK_MONOTONIC") }.map(\.path)
    #expect(readers == ["Sources/LinearProgramming/MonotonicClock.swift"],
            "CLOCK_MONOTONIC is read in \(readers); use MonotonicClock.now() instead")
  }

  @Test func theClockIsMonotonicAndCountsSeconds() {
    let a = MonotonicClock.now()
    usleep(20_000)
    let b = MonotonicClock.now()
    // 20 ms asleep: at least that, and (even on a loaded machine) well under 10 s.
    #expect(b - a >= 0.019 && b - a < 10, "slept 20 ms, clock moved \(b - a) s")
  }
}

