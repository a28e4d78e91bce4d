import ArgumentParser
import LinearProgramming

/// How to read an .mps, .lp or .mod file: the options `solve` and `explain` share
/// (`--data`, `--max`, `--mps-format`), their checks against the file's kind, and
/// the reading itself.
struct LPFileFlags: ParsableArguments {
  @Option(name: .customLong("data"), help: ArgumentHelp("A MathProg data file for a .mod model (repeatable).", valueName: "file.dat"))
  var dataFiles: [String] = []

  @Flag(help: "Maximize an .mps file that has no OBJSENSE section (MPS files without one minimize).")
  var max = false

  @Option(name: .customLong("mps-format"), help: "MPS dialect of an .mps file: free, fixed, or auto (free, then fixed; the default).")
  var mpsFormat: MPSDialect?

  enum MPSDialect: String, ExpressibleByArgument, CaseIterable { case free, fixed, auto }

  /// Options that do not fit the file's kind are usage errors (exit 64).
  func check(kind: InputKind, file: String) throws(ValidationError) {
    if !dataFiles.isEmpty && kind != .mathProg { throw ValidationError("--data applies to .mod MathProg models only, not to '\(file)'") }
    if max && kind != .mps {
      throw ValidationError("--max applies to .mps files only; corridor models, LP and MathProg files state their own objective sense")
    }
    if mpsFormat != nil && kind != .mps { throw ValidationError("--mps-format applies to .mps files only, not to '\(file)'") }
  }

  /// The files read besides the model itself, for ``Output/refuseInput(_:option:inputs:)``.
  var inputs: [(path: String, role: String)] { dataFiles.map { ($0, "a data file") } }

  /// Reads an .mps, .lp or .mod file; for .mod also returns the MathProg model (for its postsolve).
  func read(_ file: String, kind: InputKind) throws -> (LinearProgram, MathProgModel?) {
    switch kind {
    case .mps:
      return (try readMPS(file), nil)
    case .cplexLP:
      return (try LinearProgram.read(file, format: .cplexLP), nil)
    case .mathProg:
      for d in dataFiles { try InputKind.checkExists(d) }
      let m = try MathProgModel(model: file, data: dataFiles)
      return (m.program, m)
    default:
      throw CLIFailure(status: .usage, message: "unsupported input '\(file)'")
    }
  }

  private func readMPS(_ file: String) throws -> LinearProgram {
    let sense: ObjectiveSense? = max ? .maximize : nil
    let dialect: MPSDialect = mpsFormat ?? .auto
    if dialect == .free { return try LinearProgram.read(file, format: .freeMPS, sense: sense) }
    if dialect == .fixed { return try LinearProgram.read(file, format: .fixedMPS, sense: sense) }
    let free: LPError
    do {
      return try LinearProgram.read(file, format: .freeMPS, sense: sense)
    } catch {
      guard case .readFailed = error else { throw error }
      free = error
    }
    do {
      return try LinearProgram.read(file, format: .fixedMPS, sense: sense)
    } catch {
      guard case .readFailed(let path, let fixedMessage) = error, case .readFailed(_, let freeMessage) = free else { throw error }
      throw LPError.readFailed(path: path, message: "not valid free MPS (\(freeMessage)) nor fixed MPS (\(fixedMessage))")
    }
  }
}
