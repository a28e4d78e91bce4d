// Entry point: load a model (or scenario) file into a validated Model.

/// Loads corridor model files.
///
///     do {
///       let model = try ModelLoader.load(path: "models/oil-2030.toml",
///                                        scenario: "models/cpc-outage.toml")
///       for w in model.warnings { print(w) }
///     } catch {
///       print(error)   // every problem, one `file:line: error: …` per line
///     }
public enum ModelLoader {
  /// Loads a model or a scenario file, applies overlays, reads CSVs, converts units and
  /// validates everything.
  ///
  /// - Parameters:
  ///   - path: A model file, or a scenario file (`[scenario] extends = …`), whose chain of
  ///     `extends` is followed down to the base model.
  ///   - scenario: An extra scenario file applied on top. Its own `extends` chain is applied
  ///     down to (not including) the first file already loaded; if the chain never reaches
  ///     one, only the scenario file itself is applied and a warning says so.
  /// - Returns: The model; its ``CorridorModel/warnings`` list what is suspicious but legal.
  /// - Throws: ``ModelLoadError`` with every error found (and the warnings).
  public static func load(path: String, scenario: String? = nil) throws(ModelLoadError) -> Model {
    try load(path: path, scenario: scenario, overlay: nil)
  }

  /// ``load(path:scenario:)`` with one more scenario applied last, given as TOML text
  /// (a sweep's case: `[scenario] name = "case 3"` and the keys it sets). `label` names the
  /// text in diagnostics (`sweep.toml, case 3`).
  public static func load(path: String, scenario: String?, overlay: (text: String, label: String)?) throws(ModelLoadError) -> Model {
    let reporter = Reporter()
    let displayPath = FileBytes.normalize(path)
    var documents = loadChain(displayPath, reporter: reporter, visiting: [], referencedFrom: nil)
    if let scenario, !documents.isEmpty {
      documents += extraScenario(FileBytes.normalize(scenario), onTopOf: documents, reporter: reporter)
    }
    if let overlay, !documents.isEmpty {
      switch ModelDocument.parse(text: overlay.text, path: overlay.label) {
      case .success(let doc): documents.append(doc)
      case .failure(let d): reporter.add(d.diagnostic)
      }
    }
    guard !documents.isEmpty, !reporter.hasErrors else {
      throw ModelLoadError(diagnostics: reporter.sorted(files: documents.map(\.path)))
    }
    let sources = OverlaySources(documents: documents)
    reporter.sources = sources
    let context = LoaderContext(reporter: reporter, sources: sources)
    var builder = ModelBuilder(context: context)
    let model = builder.build()
    let sorted = reporter.sorted(files: context.files)
    guard var model, !reporter.hasErrors else { throw ModelLoadError(diagnostics: sorted) }
    model.warnings = sorted.filter { $0.severity == .warning }
    model.files = context.files
    model.sources = sources.modelSources()
    return model
  }

  /// Reads `path` and, if it is a scenario, the files it extends: base model first.
  private static func loadChain(
    _ path: String, reporter: Reporter, visiting: [ModelDocument],
    referencedFrom: (file: String, line: Int?, entry: String)?
  ) -> [ModelDocument] {
    let doc: ModelDocument
    switch ModelDocument.read(path: path, referencedFrom: referencedFrom) {
    case .failure(let d):
      reporter.add(d.diagnostic)
      return []
    case .success(let d): doc = d
    }
    guard let scenario = doc.root["scenario"] else { return [doc] }
    guard let (target, line) = checkScenarioTable(doc, scenario, reporter: reporter, extendsRequired: true) else {
      return [doc]
    }
    let chain = visiting + [doc]
    if let cycleStart = chain.firstIndex(where: { $0.canonicalPath == FileBytes.canonical(target) }) {
      let names = chain[cycleStart...].map(\.path) + [chain[cycleStart].path]
      reporter.add(
        Diagnostic(
          severity: .error, file: doc.path, line: line, entry: "scenario.extends",
          message: "cyclic extends: \(names.joined(separator: " → ")); a scenario must extend a base model"))
      return [doc]
    }
    let parents = loadChain(
      target, reporter: reporter, visiting: chain,
      referencedFrom: (doc.path, line, "scenario.extends"))
    return parents + [doc]
  }

  /// Validates a `[scenario]` table and returns the resolved `extends` target and its line.
  private static func checkScenarioTable(
    _ doc: ModelDocument, _ node: TOMLNode, reporter: Reporter, extendsRequired: Bool
  ) -> (String, Int?)? {
    let line = doc.position(of: ["scenario"])?.line
    guard case .table(let table) = node else {
      reporter.add(Diagnostic(severity: .error, file: doc.path, line: line, entry: "scenario", message: "[scenario] must be a table"))
      return nil
    }
    let known = ["extends", "name", "description", "source"]
    for key in table.keys.sorted() where !known.contains(key) {
      let hint = DidYouMean.hint(for: key, among: known)
      reporter.add(
        Diagnostic(
          severity: .error, file: doc.path, line: doc.position(of: ["scenario", key])?.line,
          entry: "scenario.\(key)",
          message: "unknown key '\(key)' in [scenario]\(hint.isEmpty ? "; known keys: \(known.joined(separator: ", "))" : hint)"))
    }
    for key in ["name", "description", "source"] {
      if let v = table[key], case .string = v {} else if let v = table[key] {
        reporter.add(
          Diagnostic(
            severity: .error, file: doc.path, line: doc.position(of: ["scenario", key])?.line,
            entry: "scenario.\(key)", message: "expected a string, found \(v.typeName)"))
      }
    }
    let extendsLine = doc.position(of: ["scenario", "extends"])?.line
    guard let value = table["extends"] else {
      if extendsRequired {
        reporter.add(
          Diagnostic(
            severity: .error, file: doc.path, line: line, entry: "scenario",
            message: "missing required key 'extends'; a scenario names the model it changes: extends = \"../models/base.toml\""))
      }
      return nil
    }
    guard case .string(let target) = value, !target.isEmpty else {
      reporter.add(
        Diagnostic(
          severity: .error, file: doc.path, line: extendsLine, entry: "scenario.extends",
          message: "expected a file path string, e.g. extends = \"base.toml\""))
      return nil
    }
    return (FileBytes.resolve(target, relativeTo: doc.path), extendsLine)
  }

  /// The documents of an extra scenario: its chain down to a file already loaded.
  private static func extraScenario(_ path: String, onTopOf loaded: [ModelDocument], reporter: Reporter)
    -> [ModelDocument]
  {
    var result: [ModelDocument] = []
    var current = path
    var referencedFrom: (file: String, line: Int?, entry: String)? = nil
    while true {
      let doc: ModelDocument
      switch ModelDocument.read(path: current, referencedFrom: referencedFrom) {
      case .failure(let d):
        reporter.add(d.diagnostic)
        return []
      case .success(let d): doc = d
      }
      if result.isEmpty, loaded.contains(where: { $0.canonicalPath == doc.canonicalPath }) {
        reporter.add(
          Diagnostic(
            severity: .warning, file: doc.path, entry: "scenario",
            message: "'\(doc.path)' is already part of the loaded model; it is applied once"))
        return []
      }
      guard let scenario = doc.root["scenario"] else {
        if result.isEmpty {
          reporter.add(
            Diagnostic(
              severity: .error, file: doc.path, entry: "scenario",
              message: "'\(doc.path)' is not a scenario file (it has no [scenario] table); pass it as the model, or add [scenario] extends = \"…\""))
          return []
        }
        // A base model that is not the loaded one: stop here, apply what we have.
        reporter.add(
          Diagnostic(
            severity: .warning, file: path, entry: "scenario.extends",
            message: "scenario chain of '\(path)' reaches '\(doc.path)', not the loaded model '\(loaded[0].path)'; only its overrides are applied"))
        return result
      }
      guard let (target, line) = checkScenarioTable(doc, scenario, reporter: reporter, extendsRequired: false) else {
        return [doc] + result
      }
      if result.contains(where: { $0.canonicalPath == doc.canonicalPath }) {
        reporter.add(
          Diagnostic(
            severity: .error, file: doc.path, line: line, entry: "scenario.extends",
            message: "cyclic extends through '\(doc.path)'; a scenario must extend a base model"))
        return []
      }
      result.insert(doc, at: 0)
      let canonicalTarget = FileBytes.canonical(target)
      if loaded.contains(where: { $0.canonicalPath == canonicalTarget }) { return result }
      referencedFrom = (doc.path, line, "scenario.extends")
      current = target
    }
  }
}
