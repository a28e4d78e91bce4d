// Scenario files: `[scenario] extends = "…"` chains merged key by key over a base model.

/// The merged TOML of a base model and its scenarios, remembering which file supplied each
/// value so that diagnostics point at the right file and line.
///
/// Merge rule: tables merge key by key (recursively); any other value (string, number,
/// array, inline value) replaces the value below it whole. A scenario may add entries.
struct OverlaySources {
  /// Files in application order: base model first, outermost scenario last.
  var documents: [ModelDocument]
  /// The merged tree without `[scenario]` tables.
  var root: [String: TOMLNode] = [:]
  /// Path → index of the document that last *replaced* the value at that path (or added it).
  /// Paths without an entry (and without an ancestor entry) belong to document 0.
  private var owners: [String: Int] = [:]
  /// Entries (`[section, name]`) that a scenario added rather than changed, with the index of
  /// the document that added them: a typo in a scenario's entry name (`[corridors.cpcc]`)
  /// shows up here.
  private(set) var added: [String: Int] = [:]

  init(documents: [ModelDocument]) {
    self.documents = documents
    for (index, doc) in documents.enumerated() {
      var overlay = doc.root
      overlay["scenario"] = nil
      if index == 0 {
        root = overlay
      } else {
        for (section, node) in overlay {
          guard case .table(let entries) = node, case .table(let below)? = root[section] else { continue }
          for name in entries.keys where below[name] == nil { added[[section, name].storageKey] = index }
        }
        Self.merge(&root, overlay, path: [], document: index, owners: &owners)
      }
    }
  }

  private static func merge(
    _ base: inout [String: TOMLNode], _ overlay: [String: TOMLNode], path: EntryPath, document: Int,
    owners: inout [String: Int]
  ) {
    for (key, value) in overlay {
      let p = path + [key]
      if case .table(var below)? = base[key], case .table(let above) = value {
        merge(&below, above, path: p, document: document, owners: &owners)
        base[key] = .table(below)
      } else {
        base[key] = value
        let prefix = p.storageKey + "\u{1}"
        for k in owners.keys where k.hasPrefix(prefix) { owners[k] = nil }
        owners[p.storageKey] = document
      }
    }
  }

  /// The index of the scenario document that added the entry `[section, name]`, or nil
  /// when the entry is in the base model (or was there before that scenario).
  func addedBy(_ section: String, _ name: String) -> Int? { added[[section, name].storageKey] }

  /// Index of the document that supplied `path`.
  func owner(of path: EntryPath) -> Int {
    var p = path
    while !p.isEmpty {
      if let d = owners[p.storageKey] { return d }
      p.removeLast()
    }
    return 0
  }

  /// The file, line and column (of the key) that supplied `path`.
  func location(of path: EntryPath) -> (file: String, position: SourcePosition?) {
    let d = owner(of: path)
    guard documents.indices.contains(d) else { return ("", nil) }
    let doc = documents[d]
    return (doc.path, doc.position(of: path))
  }

  /// A sort key that orders entries as the files define them.
  func order(of path: EntryPath) -> (Int, Int, Int) {
    let d = owner(of: path)
    let pos = documents.indices.contains(d) ? documents[d].position(of: path) : nil
    return (d, pos?.line ?? Int.max, pos?.column ?? 0)
  }
}
