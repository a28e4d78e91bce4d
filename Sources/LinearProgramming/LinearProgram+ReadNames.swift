// Names in a model GLPK has read: checked before anything hands them back to GLPK.

extension LinearProgram {
  /// Rejects a model just read (MPS, CPLEX LP, MathProg) whose row or column names
  /// GLPK could not take back.
  ///
  /// GLPK's readers accept any bytes in a name up to 255 of them. Swift keeps names as
  /// UTF-8 text, so a name that is not UTF-8 (Latin-1 `Türkiye`, stray bytes) is read
  /// with U+FFFD (3 bytes) for each bad byte and can grow past GLPK's 255-byte limit:
  /// the next call that passes it to GLPK (writing the model, solving it) would abort
  /// the process. Found by the MPS fuzz target (docs/fuzzing.md).
  /// - Throws: ``LPError/readFailed(path:message:)`` naming the row or column.
  func checkReadNames(_ path: String) throws(LPError) {
    func check(_ names: [String?], _ kind: String) throws(LPError) {
      for (k, name) in names.enumerated() {
        guard let name else { continue }
        do {
          try Self.checkNameText(name)
        } catch {
          let shown = String(name.unicodeScalars.prefix(40).map(Character.init))
          throw .readFailed(
            path: path,
            message: "\(kind) \(k + 1) ('\(shown)…') has a name that is not UTF-8 text GLPK can hold: \(error.reasonText); write names in UTF-8 (at most 255 bytes) in the file")
        }
      }
    }
    try check(colName, "column")
    try check(rowName, "row")
  }
}

extension LPError {
  /// The reason of an ``invalidName(_:reason:)``, or the whole description.
  fileprivate var reasonText: String {
    if case let .invalidName(_, reason) = self { return reason }
    return description
  }
}
