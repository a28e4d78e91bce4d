import Foundation
import Testing
@testable import LinearProgramming

/// Model files and MathProg: writing and reading back every format, atomic
/// writes, the output of a model's statements after `solve;`, and `table`
/// statements that read CSV files next to the model.
@Suite struct FileRoundTripTests {
  /// A model with what files must carry: named and unnamed variables and rows,
  /// free, fixed and integer variables, ranged and equality rows, an objective
  /// constant, fractional coefficients.
  ///
  /// max 3a + 2b − c + 0.5f + d + 1.25  s.t.
  ///   r1: a + b + c ≤ 10,  r2: 2 ≤ a − b ≤ 6 (ranged),  r3: b + f = 1/3,
  ///   unnamed: c + d ≥ 1,  a ∈ [0, 7], b ≥ 0, c ∈ [0, 4], f free, d fixed at 2.
  static func sampleModel(integer: Bool) throws -> LinearProgram {
    let lp = LinearProgram(name: "roundtrip", sense: .maximize)
    let a = try lp.addVariable(name: "a", bounds: 0...7, kind: integer ? .integer : .continuous)
    let b = try lp.addVariable(name: "b")
    let c = try lp.addVariable(bounds: 0...4)  // unnamed
    let f = try lp.addVariable(name: "f", lower: -.infinity, upper: 5)
    let d = try lp.addVariable(name: "d", bounds: 2...2)
    try lp.addConstraint(a + b + c <= 10, name: "r1")
    try lp.addConstraint(LinearConstraint(a - b, in: 2...6), name: "r2")
    try lp.addConstraint(b + f == 1.0 / 3, name: "r3")
    try lp.addConstraint(c + d >= 1)  // unnamed
    try lp.setObjective(3 * a + 2 * b - c + 0.5 * f + d + 1.25)
    return lp
  }

  @Test(arguments: ModelFileFormat.allCases, [false, true])
  func writeThenReadGivesTheSameOptimum(format: ModelFileFormat, integer: Bool) throws {
    let lp = try Self.sampleModel(integer: integer)
    let s = try lp.solve()
    #expect(s.termination == .optimal)
    try withTemporaryFolder("roundtrip") { dir in
      let path = dir.appendingPathComponent("model.\(format.rawValue)").path
      try lp.write(to: path, format: format)
      // MPS does not store the sense: say it when reading (LP files state it).
      let back = try LinearProgram.read(path, format: format, sense: format == .cplexLP ? nil : .maximize)
      #expect(back.sense == .maximize)
      #expect(back.constraintCount == lp.constraintCount)
      if format == .cplexLP {
        // The ranged row's extra variable and the constant's fixed variable.
        #expect(back.variableCount == lp.variableCount + 2)
      } else {
        #expect(back.variableCount == lp.variableCount)
        #expect(close(back.objectiveConstant, 1.25, 1e-12), "\(format): constant \(back.objectiveConstant)")
      }
      #expect(back.isMixedInteger == integer)
      let t = try back.solve()
      #expect(t.termination == .optimal)
      #expect(close(t.objectiveValue!, s.objectiveValue!, 1e-9), "\(format): \(t.objectiveValue!) vs \(s.objectiveValue!)")
      // Names survive where the format allows them.
      #expect(back.variable(named: "a") != nil, "\(format)")
      #expect(back.constraint(named: "r2") != nil, "\(format)")
      // Nothing but the file is left in the folder.
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["model.\(format.rawValue)"])
    }
  }

  /// Names GLPK gives unnamed columns in files (x_1 in LP files, C0000001 in
  /// MPS) may also be real names of other columns: the file must still say
  /// one model, not merge two columns.
  @Test(arguments: ModelFileFormat.allCases)
  func unnamedColumnsDoNotCollideWithNamedOnes(format: ModelFileFormat) throws {
    let lp = LinearProgram(sense: .maximize)
    let first = try lp.addVariable(bounds: 0...1, cost: 1)  // unnamed column 1
    // GLPK's names for unnamed items (LP: x_N, r_N; MPS: C%07d, R%07d, the objective
    // R0000000), and in MPS spaces become underscores: "a b" and "a_b" meet.
    let names = ["x_1", "x_2", "C0000001", "C0000002", "R0000001", "r_1", "a b", "a_b"]
    for (k, name) in names.enumerated() { try lp.addVariable(name: name, bounds: 0...1, cost: Double(k + 2)) }
    try lp.addConstraint(LinearExpression.sum(lp.variables.map { ($0, 1.0) }) <= 3.5)  // unnamed row 1
    try lp.addConstraint(LinearExpression(first) <= 1, name: "r_2")
    try lp.addConstraint(LinearExpression(first) + lp.variable(named: "a b")! <= 1.5, name: "R0000000")
    try lp.addConstraint(LinearExpression(first) + lp.variable(named: "a_b")! <= 1.25, name: "R0000002")
    let s = try lp.solve()
    try withTemporaryFolder("collide") { dir in
      let path = dir.appendingPathComponent("m").path
      try lp.write(to: path, format: format)
      let back = try LinearProgram.read(path, format: format, sense: .maximize)
      #expect(back.variableCount == lp.variableCount, "\(format): \(back.variableCount) columns read back")
      #expect(back.constraintCount == lp.constraintCount, "\(format): \(back.constraintCount) rows read back")
      let t = try back.solve()
      #expect(close(t.objectiveValue ?? .nan, s.objectiveValue!, 1e-9), "\(format): \(String(describing: t.objectiveValue)) vs \(s.objectiveValue!)")
    }
  }

  /// Models without rows or without variables: MPS files carry them; CPLEX LP
  /// cannot (GLPK writes an empty file), so writing one throws and leaves nothing.
  @Test func modelsWithoutRowsOrVariables() throws {
    let noRows = LinearProgram(sense: .maximize)
    try noRows.addVariable(name: "x", bounds: 0...3, cost: 2)
    try noRows.setObjective(coefficients: [2], constant: 1)
    let noVariables = LinearProgram()
    try noVariables.addConstraint(LinearConstraint(LinearExpression(), in: -1...1), name: "empty")
    try withTemporaryFolder("empty-models") { dir in
      for (label, lp, z) in [("no rows", noRows, 7.0), ("no variables", noVariables, 0), ("nothing", LinearProgram(), 0)] {
        for format in [ModelFileFormat.freeMPS, .fixedMPS] {
          let path = dir.appendingPathComponent("m.mps").path
          try lp.write(to: path, format: format)
          let back = try LinearProgram.read(path, format: format, sense: lp.sense)
          #expect(back.variableCount == lp.variableCount && back.constraintCount == lp.constraintCount, "\(label) \(format)")
          #expect(try back.solve().objectiveValue == z, "\(label) \(format)")
        }
        let lpPath = dir.appendingPathComponent("m.lp").path
        let e = expectLPError("\(label) as CPLEX LP", \.isWriteFailed) { try lp.write(to: lpPath, format: .cplexLP) }
        #expect(e?.message.contains("MPS") == true)
        #expect(!FileManager.default.fileExists(atPath: lpPath))
      }
    }
  }

  /// Overwriting replaces the file whole; nothing else appears in the folder.
  @Test func writesAreAtomic() throws {
    try withTemporaryFolder("atomic") { dir in
      let path = dir.appendingPathComponent("out.mps").path
      try "old contents that must disappear completely\n".write(toFile: path, atomically: false, encoding: .utf8)
      let small = try Self.sampleModel(integer: false)
      for format in ModelFileFormat.allCases {
        try small.write(to: path, format: format)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("old contents"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.mps"], "\(format)")
      }
      // A failed write leaves the previous file intact.
      let before = try String(contentsOfFile: path, encoding: .utf8)
      #expect(throws: LPError.self) { try small.write(to: dir.path, format: .freeMPS) }
      #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.mps"])
    }
  }

  /// A file written by the layer is what glpsol reads: the same optimum.
  @Test(.enabled(if: GlpkExamplesTests.glpsolPath != nil, "glpsol is not installed"))
  func glpsolReadsWrittenFiles() throws {
    let lp = try Self.sampleModel(integer: false)
    let s = try lp.solve()
    try withTemporaryFolder("glpsol") { dir in
      for format in ModelFileFormat.allCases {
        let path = dir.appendingPathComponent("m.\(format.rawValue)").path
        try lp.write(to: path, format: format)
        let flag = format == .freeMPS ? "--freemps" : format == .fixedMPS ? "--mps" : "--lp"
        let sol = dir.appendingPathComponent("m.sol").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: GlpkExamplesTests.glpsolPath!)
        p.arguments = [flag, path, "--max", "-w", sol]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let line = try String(contentsOfFile: sol, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("s ") }
        let obj = line.flatMap { $0.split(separator: " ").last }.flatMap { Double(String($0)) }
        #expect(close(obj ?? .nan, s.objectiveValue!, 1e-9), "\(format): glpsol \(String(describing: obj)) vs \(s.objectiveValue!)")
      }
    }
  }

  // MARK: MathProg

  /// transp.mod with statements after `solve;`: their output is what postsolve returns.
  @Test(.enabled(if: glpkExamplesAvailable, "GLPK's examples are not installed"))
  func postsolveOutputIsReturned() throws {
    var text = try String(contentsOfFile: glpkExamplesFolder + "/transp.mod", encoding: .utf8)
    let post = "solve;\nprintf \"total cost: %.3f\\n\", cost;\ndisplay x;\ndata;"
    text = text.replacingOccurrences(of: "\ndata;", with: "\n" + post)
    try withTemporaryFolder("transp") { dir in
      let path = try writeFile(dir, "transp.mod", text)
      let g = try MathProgModel(model: path)
      let s = try g.program.solve()
      #expect(close(s.objectiveValue!, 153.675, 1e-9))
      let out = try g.postsolve()
      #expect(out.contains("total cost: 153.675"), "\(out)")
      #expect(out.contains("x[Seattle,Chicago].val = 300") || out.contains("x[Seattle,Chicago]"), "\(out)")
      #expect(!g.translationLog.isEmpty)
    }
  }

  /// `table ... IN "CSV" "plants.csv"` reads next to the model, wherever the process runs;
  /// `table ... OUT` after `solve;` writes there too.
  @Test(.enabled(if: glpkExamplesAvailable, "GLPK's examples are not installed"))
  func tablesReadCSVNextToTheModel() throws {
    try withTemporaryFolder("csv") { dir in
      let folder = dir.appendingPathComponent("csv").path
      try FileManager.default.copyItem(atPath: glpkExamplesFolder + "/csv", toPath: folder)
      let cwd = FileManager.default.currentDirectoryPath
      let g = try MathProgModel(model: folder + "/transp_csv.mod")
      #expect(FileManager.default.currentDirectoryPath == cwd)
      let s = try g.program.solve()
      #expect(close(s.objectiveValue!, 153.675, 1e-9))
      _ = try g.postsolve()
      let result = try String(contentsOfFile: folder + "/result.csv", encoding: .utf8)
      #expect(result.split(separator: "\n").count == 7, "\(result)")  // header + 6 shipments
      #expect(FileManager.default.currentDirectoryPath == cwd)
    }
  }

  /// Several MathProg models with tables translated at once on several threads:
  /// each reads its own folder's CSV files, and the process's working directory
  /// is the same afterwards.
  @Test(.enabled(if: glpkExamplesAvailable, "GLPK's examples are not installed"))
  func concurrentTranslationsReadTheirOwnTables() throws {
    let dir = try makeTemporaryFolder("csv-parallel")
    defer { try? FileManager.default.removeItem(at: dir) }
    let copies = 8
    for k in 1...copies {
      let folder = dir.appendingPathComponent("copy\(k)").path
      try FileManager.default.copyItem(atPath: glpkExamplesFolder + "/csv", toPath: folder)
      // Freight k × 90: the optimum scales with it.
      try "parameter,value\n\"transport cost\",\(90 * k).\n".write(toFile: folder + "/parameters.csv", atomically: true, encoding: .utf8)
    }
    let cwd = FileManager.default.currentDirectoryPath
    let base = dir.path
    let results = ParallelSolver.map(count: copies * 3) { i -> Double in
      let k = i % copies + 1
      let g = try MathProgModel(model: "\(base)/copy\(k)/transp_csv.mod")
      let s = try g.program.solve()
      _ = try g.postsolve()
      return s.objectiveValue! / Double(k)
    }
    for (i, r) in results.enumerated() {
      switch r {
      case let .success(perUnit): #expect(close(perUnit, 153.675, 1e-9), "run \(i), copy \(i % copies + 1): objective / freight factor = \(perUnit)")
      case let .failure(e): Issue.record("run \(i): \(e)")
      }
    }
    #expect(FileManager.default.currentDirectoryPath == cwd)
  }
}
