internal import CGLPK
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
  /// MPS does not store the objective sense; pass `sense` to override what the
  /// file says (LP files state it). GLPK's reader messages (with line numbers)
  /// become the error message on failure.
  /// - Throws: ``LPError/readFailed(path:message:)`` for a missing, empty or malformed file.
  public static func read(_ path: String, format: ModelFileFormat, sense: ObjectiveSense? = nil) throws(LPError) -> LinearProgram {
    try checkReadable(path)
    if format != .cplexLP { try checkMPSBounds(path, fixed: format == .fixedMPS) }
    let p = glp_create_prob()!
    defer { glp_delete_prob(p) }
    let (rc, text) = withGLPKOutput { () -> Int32 in
      switch format {
      case .freeMPS: return glp_read_mps(p, GLP_MPS_FILE, nil, path)
      case .fixedMPS: return glp_read_mps(p, GLP_MPS_DECK, nil, path)
      case .cplexLP: return glp_read_lp(p, nil, path)
      }
    }
    guard rc == 0 else {
      throw .readFailed(path: path, message: readerMessage(text, fallback: "GLPK could not parse it as \(format.rawValue)"))
    }
    let base = String(path.split(separator: "/").last ?? Substring(path))
    let lp = extract(from: p, name: base)
    try lp.checkReadNames(path)
    if let sense { lp.sense = sense }
    return lp
  }

  /// Writes the model to `path` in `format`, atomically: the file appears
  /// complete or not at all.
  ///
  /// A CPLEX LP file says the same optimization problem in its own terms: GLPK
  /// writes a ranged row as an equality with an extra bounded variable, and the
  /// layer writes the objective's constant as a variable `constant` fixed at 1,
  /// so a file read back may have more variables than the model. A model
  /// without constraints or without variables has no CPLEX LP form.
  /// - Throws: ``LPError/writeFailed(path:message:)``.
  public func write(to path: String, format: ModelFileFormat) throws(LPError) {
    if format == .cplexLP, variableCount == 0 || constraintCount == 0 {
      // GLPK's LP writer writes only a warning comment for such a model: an unreadable file.
      throw .writeFailed(path: path, message: "a CPLEX LP file cannot hold a model without constraints or without variables (GLPK writes an empty file); write MPS instead")
    }
    let b = try syncedBackend()
    let tmp = Self.temporarySibling(of: path)
    let (rc, text) = withGLPKOutput { () -> Int32 in
      switch format {
      case .freeMPS, .fixedMPS:
        let type = format == .freeMPS ? GLP_MPS_FILE : GLP_MPS_DECK
        guard let names = uniqueMPSNames(fixed: format == .fixedMPS) else {
          return glp_write_mps(b.prob, type, nil, tmp)
        }
        // The names GLPK would write collide: write a copy with unique ones.
        let q = glp_create_prob()!
        defer { glp_delete_prob(q) }
        glp_copy_prob(q, b.prob, GLP_OFF)
        for (j, n) in names.columns.enumerated() { glp_set_col_name(q, Int32(j + 1), n) }
        for (i, n) in names.rows.enumerated() { glp_set_row_name(q, Int32(i + 1), n) }
        return glp_write_mps(q, type, nil, tmp)
      case .cplexLP:
        // CPLEX LP names allow fewer characters than GLPK stores; write a copy
        // with readable, unique, legal names rather than GLPK's x_N fallback.
        let q = glp_create_prob()!
        defer { glp_delete_prob(q) }
        glp_copy_prob(q, b.prob, GLP_ON)
        var used = Set<String>()
        for j in 0..<variableCount {
          if let n = colName[j] { glp_set_col_name(q, Int32(j + 1), Self.lpName(n, used: &used)) }
        }
        for i in 0..<constraintCount {
          if let n = rowName[i] { glp_set_row_name(q, Int32(i + 1), Self.lpName(n, used: &used)) }
        }
        // Unnamed columns and rows: GLPK's x_N and r_N, unless a real name took them
        // (two columns named x_1 in one file read back as one).
        for j in 0..<variableCount where colName[j] == nil {
          glp_set_col_name(q, Int32(j + 1), Self.lpName("x_\(j + 1)", used: &used))
        }
        for i in 0..<constraintCount where rowName[i] == nil {
          glp_set_row_name(q, Int32(i + 1), Self.lpName("r_\(i + 1)", used: &used))
        }
        // CPLEX LP files have no objective constant (GLPK writes it as a comment and
        // reads it back as 0): carry it as a variable fixed at 1.
        if objectiveConstant != 0 {
          let k = glp_add_cols(q, 1)
          glp_set_col_name(q, k, Self.lpName("constant", used: &used))
          glp_set_col_bnds(q, k, GLP_FX, 1, 1)
          glp_set_obj_coef(q, k, objectiveConstant)
          glp_set_obj_coef(q, 0, 0)
        }
        return glp_write_lp(q, nil, tmp)
      }
    }
    guard rc == 0 else {
      unlink(tmp)
      throw .writeFailed(path: path, message: Self.readerMessage(text, fallback: "GLPK could not write the file"))
    }
    guard rename(tmp, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(tmp)
      throw .writeFailed(path: path, message: reason)
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

  static func temporarySibling(of path: String) -> String {
    let dir = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    let file = String(path.split(separator: "/").last ?? "out")
    return "\(dir)/.\(file).\(getpid()).tmp"
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
}
