import Glibc
import Synchronization

/// A GNU MathProg (GMPL) model translated by GLPK, with its LP ready to solve.
///
/// The translator runs in the model file's folder, so `table` statements find
/// their CSV files the way `glpsol --math` does. Translation errors carry
/// GLPK's text with `file:line`. The steps (read model, read data, generate,
/// build, postsolve) run in GLPK's required order; a step after a failed one
/// throws ``LPError/mathProgSequence(_:)`` instead of aborting.
///
/// ```swift
/// let gmpl = try MathProgModel(model: "transp.mod")
/// let s = try gmpl.program.solve()
/// print(try gmpl.postsolve())   // output of the model's printf/display after `solve;`
/// ```
///
/// The working directory is process-wide: the MathProg steps of all models
/// (translation, postsolve) run one at a time, and while one runs, other
/// threads' relative paths resolve in that model's folder.
public final class MathProgModel {
  /// The generated LP; solve it like any other model.
  public let program: LinearProgram
  /// Translator output (e.g. `display` statements before `solve;`).
  public private(set) var translationLog: String

  private var tran: GLPKTranslator?
  private let owner: pthread_t
  private let directory: String
  private var failed = false
  /// GLPK runs the statements after `solve;` once per translation (a second
  /// postsolve of one translation aborts the process).
  private var postsolved = false
  /// The shape of the generated LP; postsolve needs exactly it (GLPK aborts otherwise).
  private let generatedShape: (variables: Int, constraints: Int)

  /// Translates `model` with optional separate `data` files.
  /// - Throws: ``LPError/readFailed(path:message:)`` for missing files,
  ///   ``LPError/mathProg(message:)`` with GLPK's `file:line` text for translation errors.
  public init(model: String, data: [String] = []) throws(LPError) {
    try LinearProgram.checkReadable(model)
    for d in data { try LinearProgram.checkReadable(d) }
    try Self.precheck(model)
    let modelPath = Self.absolute(model)
    let dataPaths = data.map(Self.absolute)
    directory = modelPath.contains("/") ? String(modelPath[..<modelPath.lastIndex(of: "/")!]) : "."
    owner = pthread_self()
    let t = GLPKTranslator()
    var lp: LinearProgram? = nil
    var stepFailed: String? = nil
    let (_, text) = Self.inDirectory(directory) {
      withGLPKOutput { () -> Void in
        if !t.readModel(modelPath, skipData: !dataPaths.isEmpty) { stepFailed = "model"; return }
        for d in dataPaths where !t.readData(d) { stepFailed = "data"; return }
        if !t.generate() { stepFailed = "generate"; return }
        lp = t.buildProgram(name: String(modelPath.split(separator: "/").last ?? ""))
      }
    }
    translationLog = text
    guard stepFailed == nil, let lp else {
      t.free()
      throw .mathProg(message: Self.errorLines(text))
    }
    do {
      try lp.checkReadNames(modelPath)
      try lp.checkCoefficientRange(readFrom: modelPath)
    } catch {
      t.free()
      throw error
    }
    tran = t
    program = lp
    generatedShape = (lp.variableCount, lp.constraintCount)
  }

  deinit {
    if let tran, pthread_equal(owner, pthread_self()) != 0 { tran.free() }
  }

  /// Runs the statements after `solve;` (printf, display, table out) on the
  /// program's current solution and returns their output.
  /// - Throws: ``LPError/notSolved(_:)`` without a current solution,
  ///   ``LPError/mathProgSequence(_:)`` after a failed or a previous postsolve
  ///   (GLPK runs it once per translation) or when the program no longer has
  ///   the generated shape.
  public func postsolve() throws(LPError) -> String {
    guard pthread_equal(owner, pthread_self()) != 0 else {
      throw .wrongThread("a MathProg workspace must be used on the thread that created it")
    }
    guard let tran, !failed else {
      throw .mathProgSequence("postsolve after a failed MathProg step: translate the model again")
    }
    guard !postsolved else {
      throw .mathProgSequence("postsolve runs once per translation: translate the model again to run it on another solution")
    }
    guard program.variableCount == generatedShape.variables, program.constraintCount == generatedShape.constraints else {
      throw .mathProgSequence("postsolve needs the program as the model generated it (\(generatedShape.variables) variables, \(generatedShape.constraints) constraints), not \(program.variableCount) and \(program.constraintCount): add variables or rows to a copy, or translate the model again")
    }
    guard let sol = program.solution else {
      throw .notSolved("postsolve needs a current solution: solve the program first")
    }
    let b = try program.syncedBackend()
    let kind: GLPKTranslator.SolutionKind = program.isMixedInteger ? .integer : (sol.algorithm == .interior && sol.basis == nil ? .interiorPoint : .basic)
    let (done, text) = Self.inDirectory(directory) {
      withGLPKOutput { tran.postsolve(b, kind) }
    }
    postsolved = true
    if !done {
      failed = true
      throw .mathProg(message: Self.errorLines(text))
    }
    return text
  }

  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    var buf = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buf, buf.count) != nil else { return path }
    let cwd = buf.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    return cwd + "/" + path
  }

  /// Serializes the working-directory switches: two at once read each other's
  /// tables and leave the process in the wrong folder.
  private static let directoryLock = Mutex<Void>(())

  static func inDirectory<T>(_ dir: String, _ body: () -> T) -> T {
    var result: T? = nil
    directoryLock.withLock { _ in
      var buf = [CChar](repeating: 0, count: 4096)
      let saved = getcwd(&buf, buf.count) != nil ? buf.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : nil
      guard chdir(dir) == 0 else { result = body(); return }
      defer { if let saved { _ = chdir(saved) } }
      result = body()
    }
    return result!
  }

  /// The translator's message without its progress lines.
  static func errorLines(_ text: String) -> String {
    let keep = text.split(separator: "\n").map(String.init).filter {
      !$0.hasPrefix("Reading ") && !$0.hasPrefix("Generating ") && !$0.hasPrefix("Model has been successfully")
        && !$0.contains("lines were read")
    }
    let s = keep.joined(separator: "\n").trimmingCharacters(in: " \n")
    return s.isEmpty ? "the MathProg translator failed" : s
  }
}
