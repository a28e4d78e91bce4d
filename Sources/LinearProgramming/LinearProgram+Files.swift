import Glibc

/// Model file formats GLPK reads and writes.
public enum ModelFileFormat: String, Sendable, CaseIterable {
  /// Free (modern) MPS.
  case freeMPS = "free-mps"
  /// Fixed (original column-oriented) MPS.
  case fixedMPS = "fixed-mps"
  /// CPLEX LP format.
  case cplexLP = "lp"
}

extension LinearProgram {
  /// Reads a model from an MPS or CPLEX LP file.
  ///
  /// CPLEX LP files state the objective sense. MPS files state it only in an
  /// optional `OBJSENSE` section (`MAX`/`MAXIMIZE` or `MIN`/`MINIMIZE`, on the
  /// same line or the next), which GLPK's own reader rejects: the layer reads
  /// the section itself and hands GLPK the rest (line numbers unchanged).
  /// Without it an MPS model minimizes. `sense` overrides what the file says.
  /// GLPK's reader messages (with line numbers) become the error message on
  /// failure. A variable or row whose lower bound lies above its upper bound
  /// (which GLPK accepts and only its simplex rejects) is a read error naming it.
  /// - Throws: ``LPError/fileUnavailable(path:message:)`` for a missing or
  ///   unreadable file; ``LPError/readFailed(path:message:)`` for an empty or
  ///   malformed one.
  public static func read(_ path: String, format: ModelFileFormat, sense: ObjectiveSense? = nil) throws(LPError) -> LinearProgram {
    try checkReadable(path)
    if format != .cplexLP { try checkMPSBounds(path, fixed: format == .fixedMPS) }
    var source = path
    var fileSense: ObjectiveSense? = nil
    if format != .cplexLP, let section = try MPSObjectiveSense.scan(path) {
      fileSense = section.sense
      source = try section.copyWithoutSection(path)
    }
    defer { if source != path { unlink(source) } }
    let p = GLPKProblem()
    defer { p.release() }
    let (accepted, text) = withGLPKOutput { p.readFile(source, format: format) }
    guard accepted else {
      let message = readerMessage(text, fallback: "GLPK could not parse it as \(format.rawValue)")
      throw .readFailed(path: path, message: source == path ? message : message.replacingAll(source, with: path))
    }
    let base = String(path.split(separator: "/").last ?? Substring(path))
    let lp = p.extract(name: base)
    if let s = sense ?? fileSense { lp.sense = s }
    try lp.checkReadBounds(path)
    try lp.checkReadNames(path)
    try lp.checkCoefficientRange(readFrom: path)
    return lp
  }

  /// Rejects crossed bounds in a model just read: GLPK's readers accept them,
  /// and its simplex then fails with `GLP_EBOUND` without naming the culprit.
  func checkReadBounds(_ path: String) throws(LPError) {
    func fmt(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
    if let j = colLower.indices.first(where: { colLower[$0] > colUpper[$0] }) {
      let name = colName[j] ?? "#\(j + 1)"
      throw .readFailed(path: path, message: "column '\(name)' has lower bound \(fmt(colLower[j])) above its upper bound \(fmt(colUpper[j])); fix its bounds in the file (swap them, or use one value for a fixed column)")
    }
    if let i = rowLower.indices.first(where: { rowLower[$0] > rowUpper[$0] }) {
      let name = rowName[i] ?? "#\(i + 1)"
      throw .readFailed(path: path, message: "row '\(name)' has lower bound \(fmt(rowLower[i])) above its upper bound \(fmt(rowUpper[i])); fix its right-hand side or range in the file")
    }
  }

  /// Writes the model to `path` in `format`: the file appears complete or not
  /// at all (see ``FileOutput``: a symbolic link's target is written, a FIFO
  /// or device is written directly with checked writes).
  ///
  /// A CPLEX LP file says the same optimization problem in its own terms: GLPK
  /// writes a ranged row as an equality with an extra bounded variable, and the
  /// layer writes the objective's constant as a variable `constant` fixed at 1,
  /// so a file read back may have more variables than the model. A model
  /// without constraints or without variables has no CPLEX LP form.
  ///
  /// MPS has no place for the objective sense in GLPK's dialect. With
  /// `objectiveSense`, a maximization written as free MPS gets the standard
  /// `OBJSENSE` section (`MAX`), which HiGHS, CPLEX, Gurobi, CBC, SCIP and
  /// ``read(_:format:sense:)`` honour but GLPK 5.0's `glpsol` rejects ("invalid
  /// indicator record"); without it (the default) readers assume minimization
  /// and a maximization must be passed as such (`glpsol --max`). Fixed MPS
  /// never stores the sense.
  /// - Throws: ``LPError/writeFailed(path:message:)``.
  public func write(to path: String, format: ModelFileFormat, objectiveSense: Bool = false) throws(LPError) {
    if format == .cplexLP, variableCount == 0 || constraintCount == 0 {
      // GLPK's LP writer writes only a warning comment for such a model: an unreadable file.
      throw .writeFailed(path: path, message: "a CPLEX LP file cannot hold a model without constraints or without variables (GLPK writes an empty file); write MPS instead")
    }
    let b = try syncedBackend()
    let addSense = objectiveSense && format == .freeMPS && sense == .maximize
    try FileOutput.write(to: path) { tmp -> String? in
      let (written, text) = withGLPKOutput { glpkWrite(b, format: format, to: tmp) }
      guard written else { return Self.readerMessage(text, fallback: "GLPK could not write the file") }
      return addSense ? MPSObjectiveSense.insertMaximize(into: tmp) : nil
    }
  }

  /// Has GLPK write the model (or a copy with names it can write) to `tmp`.
  private func glpkWrite(_ b: GLPKProblem, format: ModelFileFormat, to tmp: String) -> Bool {
    switch format {
    case .freeMPS, .fixedMPS:
      guard let names = uniqueMPSNames(fixed: format == .fixedMPS) else {
        return b.writeFile(tmp, format: format)
      }
      // The names GLPK would write collide: write a copy with unique ones.
      let q = GLPKProblem(copying: b, names: false)
      defer { q.release() }
      for (j, n) in names.columns.enumerated() { q.setColumnName(j, n) }
      for (i, n) in names.rows.enumerated() { q.setRowName(i, n) }
      return q.writeFile(tmp, format: format)
    case .cplexLP:
      // CPLEX LP names allow fewer characters than GLPK stores; write a copy
      // with readable, unique, legal names rather than GLPK's x_N fallback.
      let q = GLPKProblem(copying: b, names: true)
      defer { q.release() }
      var used = Set<String>()
      for j in 0..<variableCount {
        if let n = colName[j] { q.setColumnName(j, Self.lpName(n, used: &used)) }
      }
      for i in 0..<constraintCount {
        if let n = rowName[i] { q.setRowName(i, Self.lpName(n, used: &used)) }
      }
      // Unnamed columns and rows: GLPK's x_N and r_N, unless a real name took them
      // (two columns named x_1 in one file read back as one).
      for j in 0..<variableCount where colName[j] == nil {
        q.setColumnName(j, Self.lpName("x_\(j + 1)", used: &used))
      }
      for i in 0..<constraintCount where rowName[i] == nil {
        q.setRowName(i, Self.lpName("r_\(i + 1)", used: &used))
      }
      // CPLEX LP files have no objective constant (GLPK writes it as a comment and
      // reads it back as 0): carry it as a variable fixed at 1.
      if objectiveConstant != 0 {
        let k = q.addColumns(1)
        q.setColumnName(k, Self.lpName("constant", used: &used))
        q.setColumn(k, lower: 1, upper: 1, kind: .continuous)
        q.setCost(k, objectiveConstant)
        q.setObjectiveConstant(0)
      }
      return q.writeFile(tmp, format: format)
    }
  }

  /// The names GLPK's MPS writer would give, made unique, or nil when they are.
  ///
  /// GLPK writes an unnamed (or, in fixed MPS, longer than 8 bytes) row i as
  /// `R%07d`, column j as `C%07d`, the objective row as `R0000000`, and
  /// spaces as `_`: a real name `C0000001` or the pair `a b`/`a_b` would be
  /// written twice and read back as one item (or not at all).
  func uniqueMPSNames(fixed: Bool) -> (columns: [String], rows: [String])? {
    func fake(_ prefix: String, _ k: Int) -> String {
      let digits = String(k)
      return prefix + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
    func effective(_ name: String?) -> String? {
      guard let name, !(fixed && name.utf8.count > 8) else { return nil }
      return String(name.map { $0 == " " ? "_" : $0 })
    }
    let rowNames = rowName.map(effective), colNames = colName.map(effective)
    var rows = rowNames.enumerated().map { $0.element ?? fake("R", $0.offset + 1) }
    var cols = colNames.enumerated().map { $0.element ?? fake("C", $0.offset + 1) }
    if Set(rows).count == rows.count, !rows.contains("R0000000"), Set(cols).count == cols.count { return nil }
    // Real names first keep their text; the rest get the next free fake name.
    func uniquify(_ names: inout [String], real: [String?], prefix: String, reserved: Set<String>) {
      var used = reserved
      var clash: [Int] = []
      for k in names.indices where real[k] != nil {
        if !used.insert(names[k]).inserted { clash.append(k) }
      }
      for k in names.indices where real[k] == nil {
        if !used.insert(names[k]).inserted { clash.append(k) }
      }
      var counter = 0
      for k in clash {
        repeat { counter += 1; names[k] = fake(prefix, counter) } while !used.insert(names[k]).inserted
      }
    }
    uniquify(&rows, real: rowNames, prefix: "R", reserved: ["R0000000"])
    uniquify(&cols, real: colNames, prefix: "C", reserved: [])
    return (cols, rows)
  }

  /// A name legal in CPLEX LP files (letters, digits and `!"#$%&()/,.;?@_`'{}|~`,
  /// not starting with a digit or a period), unique among `used`.
  /// `flow[KZ,caspian-cable,h0042]` becomes `flow(KZ,caspian_cable,h0042)`.
  static func lpName(_ name: String, used: inout Set<String>) -> String {
    let allowed = Set("!\"#$%&()/,.;?@_`'{}|~")
    var out = String(name.map { ch -> Character in
      if ch == "[" { return "(" }
      if ch == "]" { return ")" }
      if ch.isASCII && (ch.isLetter || ch.isNumber || allowed.contains(ch)) { return ch }
      return "_"
    })
    if let f = out.first, f.isNumber || f == "." { out = "_" + out }
    var candidate = String(out.prefix(240))
    var k = 1
    while !used.insert(candidate).inserted {
      k += 1
      candidate = String(out.prefix(240)) + "~\(k)"
    }
    return candidate
  }

  /// A file must exist, be a regular file and be readable before GLPK opens it.
  static func checkReadable(_ path: String) throws(LPError) {
    var st = stat()
    guard stat(path, &st) == 0 else {
      throw .fileUnavailable(path: path, message: String(cString: strerror(errno)))
    }
    guard (st.st_mode & S_IFMT) == S_IFREG else {
      throw .fileUnavailable(path: path, message: "not a regular file")
    }
    guard access(path, R_OK) == 0 else {
      throw .fileUnavailable(path: path, message: String(cString: strerror(errno)))
    }
  }

  /// GLPK's reader text without its progress lines: what explains the failure.
  static func readerMessage(_ text: String, fallback: String) -> String {
    let lines = text.split(separator: "\n").map(String.init).filter {
      !$0.hasPrefix("Reading ") && !$0.hasPrefix("Writing ") && !$0.contains("lines were read") && !$0.contains("lines were written")
        && !$0.hasPrefix("Problem:") && !$0.hasPrefix("Objective:")
    }
    let joined = lines.joined(separator: "\n").trimmingCharacters(in: " \n")
    return joined.isEmpty ? fallback : joined
  }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }

  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
