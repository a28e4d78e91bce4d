internal import CGLPK

/// GLPK's model file readers and writers on a ``GLPKProblem``.
///
/// The layer checks the path and prepares the names (`LinearProgram+Files.swift`);
/// these methods only call GLPK. A missing or malformed file makes GLPK return
/// an error code with a message on its terminal (capture it with
/// ``withGLPKOutput(_:)``); it does not abort.
extension GLPKProblem {
  /// Reads `path` into this (empty) problem; false when GLPK rejects the file.
  func readFile(_ path: String, format: ModelFileFormat) -> Bool {
    let rc: Int32
    switch format {
    case .freeMPS: rc = glp_read_mps(prob, GLP_MPS_FILE, nil, path)
    case .fixedMPS: rc = glp_read_mps(prob, GLP_MPS_DECK, nil, path)
    case .cplexLP: rc = glp_read_lp(prob, nil, path)
    }
    columns = Int(glp_get_num_cols(prob))
    rows = Int(glp_get_num_rows(prob))
    return rc == 0
  }

  /// Writes the problem to `path`; false when GLPK could not.
  func writeFile(_ path: String, format: ModelFileFormat) -> Bool {
    switch format {
    case .freeMPS: return glp_write_mps(prob, GLP_MPS_FILE, nil, path) == 0
    case .fixedMPS: return glp_write_mps(prob, GLP_MPS_DECK, nil, path) == 0
    case .cplexLP: return glp_write_lp(prob, nil, path) == 0
    }
  }
}
