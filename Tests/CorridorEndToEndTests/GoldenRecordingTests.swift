// The golden helper itself (CorridorTestSupport/Goldens.swift): recording is
// loud and refused under CI, a mismatch is reported with a line diff, and a
// matching golden passes (issue #8 item 20).

import CorridorTestSupport
import Foundation
import Testing

@Suite("Golden recording and comparison")
struct GoldenRecordingTests {
  @Test func modeFromTheEnvironment() {
    #expect(GoldenMode.from([:]) == .compare)
    #expect(GoldenMode.from(["RECORD_GOLDENS": "0"]) == .compare)
    #expect(GoldenMode.from(["CI": "true"]) == .compare)
    #expect(GoldenMode.from(["RECORD_GOLDENS": "1"]) == .record)
    #expect(GoldenMode.from(["RECORD_GOLDENS": "1", "CI": "false"]) == .record)
    #expect(GoldenMode.from(["RECORD_GOLDENS": "1", "CI": "true"]) == .refusedUnderCI)
    #expect(GoldenMode.from(["RECORD_GOLDENS": "1", "CI": "1"]) == .refusedUnderCI)
  }

  @Test func recordingIsRefusedUnderCIAndLeavesTheFile() throws {
    let dir = try scratchFolder("golden-ci")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try writeFile(dir, "g.txt", "a\nb\n")
    let failure = recordGolden("a\nc\n", at: path, mode: .refusedUnderCI)
    #expect(failure?.contains("refused under CI") == true, "\(failure ?? "no failure")")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\nb\n")
    // checkTextGolden refuses too, even for a text that matches.
    #expect(checkTextGolden("a\nb\n", at: path, mode: .refusedUnderCI) != nil)
  }

  @Test func recordingWritesNewAndChangedFiles() throws {
    let dir = try scratchFolder("golden-record")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/g.txt"
    #expect(recordGolden("a\nb\n", at: path, mode: .record) == nil)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\nb\n")
    #expect(checkTextGolden("a\nc\n", at: path, mode: .record) == nil)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\nc\n")
  }

  @Test func comparisonReportsALineDiff() throws {
    let dir = try scratchFolder("golden-compare")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try writeFile(dir, "g.txt", "same\nold 1.5\nsame\n")
    #expect(checkTextGolden("same\nold 1.5\nsame\n", at: path, mode: .compare) == nil)
    let failure = try #require(checkTextGolden("same\nnew 1.6\nsame\n", at: path, mode: .compare))
    #expect(failure.contains("-2: old 1.5\n+2: new 1.6"), "\(failure)")
    #expect(!failure.contains("same"), "only differing lines: \(failure)")
    #expect(checkTextGolden("x", at: dir + "/none.txt", mode: .compare)?.contains("no golden") == true)
    // Comparing never writes.
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "same\nold 1.5\nsame\n")
  }

  @Test func lineDiffLimitsAndCounts() {
    let a = (1...40).map { "a\($0)" }.joined(separator: "\n"), b = (1...40).map { "b\($0)" }.joined(separator: "\n")
    let d = lineDiff(expected: a, actual: b, limit: 3)
    #expect(d.split(separator: "\n").count == 7, "\(d)")
    #expect(d.hasSuffix("… and 37 more differing lines"), "\(d)")
    // An added line: the old file's last (empty) line moves down.
    #expect(lineDiff(expected: "x\n", actual: "x\ny\n") == "-2: \n+2: y\n-3: (no line)\n+3: ")
  }
}
