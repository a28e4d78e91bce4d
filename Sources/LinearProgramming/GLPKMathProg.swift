internal import CGLPK

/// GLPK's MathProg translator workspace (`glp_tran`), one per translation.
///
/// Only the calls: ``MathProgModel`` keeps the order of the steps (a step after
/// a failed one aborts the process), the owning thread and the working folder.
/// Each step returns false when GLPK reports an error; the message with
/// `file:line` goes to GLPK's terminal (capture it with ``withGLPKOutput(_:)``).
final class GLPKTranslator {
  private let tran: OpaquePointer

  init() {
    tran = glp_mpl_alloc_wksp()
  }

  /// Reads the model section of `path`; `skipData` ignores its data section
  /// (separate data files follow).
  func readModel(_ path: String, skipData: Bool) -> Bool {
    glp_mpl_read_model(tran, path, skipData ? 1 : 0) == 0
  }

  /// Reads one data file.
  func readData(_ path: String) -> Bool {
    glp_mpl_read_data(tran, path) == 0
  }

  /// Generates the model (runs the statements before `solve;`).
  func generate() -> Bool {
    glp_mpl_generate(tran, nil) == 0
  }

  /// The generated LP as a Swift model named `name` (after a successful ``generate()``).
  func buildProgram(name: String) -> LinearProgram {
    let p = GLPKProblem()
    defer { p.release() }
    glp_mpl_build_prob(tran, p.prob)
    return p.extract(name: name)
  }

  /// Which of the problem's solutions postsolve reads.
  enum SolutionKind { case basic, interiorPoint, integer }

  /// Runs the statements after `solve;` on `problem`'s solution of `kind`
  /// (the problem must have the generated shape; once per translation).
  func postsolve(_ problem: GLPKProblem, _ kind: SolutionKind) -> Bool {
    let k: Int32
    switch kind {
    case .basic: k = GLP_SOL
    case .interiorPoint: k = GLP_IPT
    case .integer: k = GLP_MIP
    }
    return glp_mpl_postsolve(tran, problem.prob, k) == 0
  }

  /// Frees the workspace; call once, on the thread that created it.
  func free() {
    glp_mpl_free_wksp(tran)
  }
}
