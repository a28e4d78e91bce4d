// Where each model entry was written, so that analyses can cite it as the planner wrote it.

/// A place in a model or scenario file: the file as given (or resolved) and a 1-based line.
public struct FileLine: Sendable, Hashable, CustomStringConvertible {
  public var file: String
  /// The line of the key or table header; nil when the locator could not find it.
  public var line: Int?

  public init(file: String, line: Int?) {
    self.file = file
    self.line = line
  }

  /// `file:line`, the form editors and terminals open.
  public var description: String { line.map { "\(file):\($0)" } ?? file }
}

/// The file and line of every entry of a loaded model (`[corridors.black-sea]`) and of each
/// of its keys, after scenarios were applied: a key a scenario changed points at the
/// scenario's line, the rest at the base model.
///
///     let model = try ModelLoader.load(path: "models/scenarios/cpc-minus-50.toml")
///     model.sources.entry("corridors", "cpc")            // models/oil-2030.toml:97
///     model.sources.key("corridors", "cpc", "capacity")  // models/scenarios/cpc-minus-50.toml:12
///     model.sources.locations("corridors", "cpc")        // both: where it is defined, then changed
///
/// Sections are named as in the files: `supply`, `corridors`, `markets`, `storage`, `rules`,
/// `constraints`.
public struct ModelSources: Sendable, Equatable {
  private var entries: [String: FileLine] = [:]
  private var keys: [String: [String: FileLine]] = [:]

  public init() {}

  /// Where the entry's table starts (or, for an entry a scenario added, the scenario's table).
  public func entry(_ section: String, _ name: String) -> FileLine? { entries[Self.key(section, name)] }

  /// Where a key of an entry was last written.
  public func key(_ section: String, _ name: String, _ key: String) -> FileLine? { keys[Self.key(section, name)]?[key] }

  /// The entry's table, then every key of it written in another file (a scenario's change),
  /// in file and line order. With `keys`, only those keys' changes count.
  public func locations(_ section: String, _ name: String, keys only: [String]? = nil) -> [FileLine] {
    let k = Self.key(section, name)
    guard let head = entries[k] else { return [] }
    let changed = (keys[k] ?? [:]).filter { key, place in place.file != head.file && (only?.contains(key) ?? true) }.values
    var seen: Set<FileLine> = [head]
    return [head] + changed.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }.filter { seen.insert($0).inserted }
  }

  mutating func record(_ section: String, _ name: String, entry: FileLine, keys located: [String: FileLine]) {
    let k = Self.key(section, name)
    entries[k] = entry
    keys[k] = located
  }

  private static func key(_ section: String, _ name: String) -> String { section + "\u{1}" + name }
}

extension OverlaySources {
  /// The locations of every entry of the sections that hold named entries.
  func modelSources() -> ModelSources {
    var out = ModelSources()
    for section in ["supply", "corridors", "markets", "storage", "rules", "constraints"] {
      guard case .table(let entries)? = root[section] else { continue }
      for (name, node) in entries {
        let head = location(of: [section, name])
        var located: [String: FileLine] = [:]
        if case .table(let fields) = node {
          for key in fields.keys {
            let place = location(of: [section, name, key])
            located[key] = FileLine(file: place.file, line: place.position?.line)
          }
        }
        out.record(section, name, entry: FileLine(file: head.file, line: head.position?.line), keys: located)
      }
    }
    return out
  }
}
