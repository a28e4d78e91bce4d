// Diagnostics: what the loader says about a model file, and where.

/// One problem (or warning) found while loading a model, with its place in a file.
///
/// A diagnostic always names the file that *supplied* the offending value: when a
/// scenario file overrides `corridors.cpc.capacity`, an error about that capacity
/// points at the scenario file's line, not the base model's.
///
/// Its ``description`` follows the compiler convention, so editors can jump to it:
///
///     models/x.toml:12: error: corridors.black-sea.capacity: unit 'Mt/yr' is a mass flow, …
///     models/x.toml:30:21: error: constraints.kz-cap.expr: unknown function 'flo'; did you mean 'flow'?
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
  /// Whether the model can still be used.
  public enum Severity: String, Sendable, Equatable {
    /// The model cannot be loaded.
    case error
    /// The model loads, but probably does not mean what its author meant.
    case warning
  }

  /// Error or warning.
  public var severity: Severity
  /// The file, as the path was given or resolved (`models/../data/x.csv` is shortened to `data/x.csv`).
  public var file: String
  /// 1-based line in `file`, when known.
  public var line: Int?
  /// 1-based column (in characters) in `file`, when known.
  public var column: Int?
  /// Dotted key path of the entry, e.g. `corridors.black-sea.capacity`; empty for whole-file problems.
  public var entry: String
  /// What is wrong and how to fix it.
  public var message: String

  public init(
    severity: Severity, file: String, line: Int? = nil, column: Int? = nil, entry: String = "",
    message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.entry = entry
    self.message = message
  }

  /// `file:line[:column]: severity: entry: message` on one line.
  public var description: String {
    var place = file
    if let line {
      place += ":\(line)"
      if let column { place += ":\(column)" }
    }
    let what = entry.isEmpty ? "" : "\(entry): "
    return "\(place): \(severity.rawValue): \(what)\(message)"
  }
}

/// Everything wrong with a model file, reported at once.
///
/// The loader does not stop at the first problem: it validates every section and
/// returns every error (and the warnings found on the way), sorted by file and line.
public struct ModelLoadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// All diagnostics; at least one has severity `.error`.
  public var diagnostics: [Diagnostic]

  public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// Only the errors.
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  /// One line per diagnostic.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
