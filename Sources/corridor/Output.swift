import Glibc
import LinearProgramming

/// Every byte the CLI writes goes through here, and every write is checked.
///
/// - Standard output: reports, summaries, help. A failed write (a full disk,
///   `> /dev/full`, a closed file) is a ``CLIFailure`` with exit status 73 and
///   a message such as "cannot write to standard output: No space left on
///   device", never a crash.
/// - Standard error: diagnostics. If even that fails there is nowhere left to
///   report to; the exit status still says what happened.
/// - `--output PATH` and export files: through ``FileOutput`` (a symbolic
///   link's target is written, FIFOs and devices directly, regular files
///   atomically through a temporary sibling), never over an input file.
enum Output {
  /// Writes `text` to standard output.
  static func standardOutput(_ text: String) throws(CLIFailure) {
    ProgressIndicator.stopCurrent()
    var bytes = Array(text.utf8)
    if let failure = FileOutput.writeAll(1, &bytes) {
      throw CLIFailure(status: .cannotWrite, message: "cannot write to standard output: \(failure)")
    }
  }

  /// Writes a finished report to `path`, or to standard output when it is nil.
  static func emit(_ text: String, to path: String?) throws(CLIFailure) {
    ProgressIndicator.stopCurrent()
    guard let path else { return try standardOutput(text) }
    do {
      try FileOutput.write(text, to: path)
    } catch {
      throw CLIFailure(status: .cannotWrite, message: error.description)
    }
  }

  static func error(_ message: String) {
    standardError("corridor: error: " + message + "\n")
  }

  static func plain(_ message: String) {
    standardError(message + "\n")
  }

  static func warning(_ message: String) {
    standardError("corridor: warning: " + message + "\n")
  }

  /// A progress line on standard error, redrawn in place (`\r`, cleared to the end of the
  /// line); nil ends it with a newline. Callers show it only when stderr is a terminal.
  static func progress(_ line: String?) {
    standardError(line.map { "\r" + $0 + "\u{1B}[K" } ?? "\n")
  }

  /// Writes to standard error; a failure here cannot be reported anywhere.
  static func standardError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = FileOutput.writeAll(2, &bytes)
  }

  /// Fails early, before any solving, when `path` cannot be written.
  static func checkWritable(_ path: String?) throws(CLIFailure) {
    guard let path else { return }
    do {
      try FileOutput.checkWritable(path)
    } catch {
      throw CLIFailure(status: .cannotWrite, message: error.description)
    }
  }

  /// Refuses an output path that is one of the files the command reads, so a
  /// typo such as `--output model.toml` cannot destroy the model.
  ///
  /// Compares device and inode after following links, so a symbolic or hard
  /// link to an input, or `./model.toml` for `model.toml`, is caught too.
  /// - Parameters:
  ///   - path: the output path, or nil for standard output.
  ///   - option: how the user gave it (`--output`, `--lp`).
  ///   - inputs: each input file with what it is ("the model", "a CSV file the model reads").
  static func refuseInput(_ path: String?, option: String, inputs: [(path: String, role: String)]) throws(CLIFailure) {
    guard let path else { return }
    for input in inputs where FileOutput.isSameFile(path, input.path) {
      let same = input.path == path ? "" : " ('\(input.path)')"
      throw CLIFailure(
        status: .usage,
        message: "\(option) '\(path)' is \(input.role)\(same), an input of this command; writing there would destroy it. Choose another output path")
    }
  }
}
