// Sweep files (`corridor sweep SWEEP.toml`): a base model and the values to vary.

/// A sweep: a base model (and scenario), the parameters to vary and how to combine them.
///
///     [sweep]
///     name = "CPC stress"
///     model = "../models/oil-2030.toml"    # relative to the sweep file
///     combine = "grid"                      # or "zip": the i-th values together
///     record = ["corridors", "countries"]   # also "slices" (per-slice flows)
///
///     [vary]
///     corridors.cpc.capacity = ["72.5 Mt/yr", "54 Mt/yr", "36 Mt/yr"]
///     markets.med.price = { from = "60 USD/bbl", to = "90 USD/bbl", steps = 4 }
///     scenarios = ["none", "../models/scenarios/cpc-outage-3-months.toml"]
///
/// Every value is written as in a model file (same units, same checks: each case is loaded
/// as the base model with a scenario that sets the case's values). Parameters are taken in
/// file order; in a grid the last one varies fastest, so neighbouring cases differ in one
/// value and re-solve warm.
public struct SweepDefinition: Sendable, Equatable {
  /// One varied model key and its values, as TOML text (`"54 Mt/yr"`, `40`, `true`).
  public struct Parameter: Sendable, Equatable {
    /// `corridors.cpc.capacity`: a model key path.
    public var path: [String]
    public var values: [String]
    /// The line of its key in the sweep file.
    public var line: Int? = nil
    public var name: String { path.joined(separator: ".") }
  }
  public enum Combine: String, Sendable, CaseIterable { case grid, zip }
  /// What to store per case besides status, objective and solve figures.
  public enum Record: String, Sendable, CaseIterable { case corridors, countries, slices }

  public var name: String
  /// The sweep file as given.
  public var file: String
  /// The base model, resolved against the sweep file's folder.
  public var model: String
  public var scenario: String?
  public var combine: Combine
  public var record: Set<Record>
  public var parameters: [Parameter]
  /// Scenario files as another dimension (nil entries: no scenario), resolved; empty when
  /// the sweep does not vary scenarios.
  public var scenarios: [String?]
  /// The scenario names as written (`none` for nil), for labels.
  public var scenarioLabels: [String]
  /// ``FNV1a`` hash of the sweep file's bytes.
  public var hash: String

  /// Reads and checks a sweep file; every problem names the file, key and line.
  public static func load(path: String) throws(ModelLoadError) -> SweepDefinition {
    let reporter = Reporter()
    let display = FileBytes.normalize(path)
    let doc: ModelDocument
    switch ModelDocument.read(path: display) {
    case .failure(let d): throw ModelLoadError(diagnostics: [d.diagnostic])
    case .success(let d): doc = d
    }
    let sources = OverlaySources(documents: [doc])
    reporter.sources = sources
    let context = LoaderContext(reporter: reporter, sources: sources)
    let root = doc.root
    for key in root.keys.sorted() where key != "sweep" && key != "vary" {
      reporter.error([key], "unknown section '\(key)' in a sweep file; it has [sweep] and [vary]")
    }
    var sweep: [String: TOMLNode] = [:]
    if case .table(let t)? = root["sweep"] { sweep = t } else {
      reporter.error([], "missing [sweep] table: write [sweep] with name = \"…\" and model = \"path/to/model.toml\"")
    }
    let r = ValueReader(path: ["sweep"], table: sweep, reporter: reporter, loader: context)
    r.checkKeys(["name", "model", "scenario", "combine", "record", "description"], context: "[sweep]")
    let name = r.string("name") ?? display
    let modelRef = root["sweep"] == nil ? nil : r.string("model", required: "\"../models/oil-2030.toml\"")
    let model = modelRef.map { FileBytes.resolve($0, relativeTo: display) }
    let scenario = r.string("scenario").map { FileBytes.resolve($0, relativeTo: display) }
    let combine = r.choice("combine", Combine.self, required: false, default: .grid) ?? .grid
    var record: Set<Record> = [.corridors, .countries]
    if let list = r.stringArray("record") {
      record = []
      for (i, item) in list.enumerated() {
        if let v = Record(rawValue: item) { record.insert(v) } else {
          reporter.error(["sweep", "record", String(i)], "unknown record '\(item)'; choose from \(Record.allCases.map(\.rawValue).joined(separator: ", "))")
        }
      }
    }
    var parameters: [Parameter] = []
    var scenarios: [String?] = []
    var labels: [String] = []
    if case .table(let vary)? = root["vary"] {
      // Leaves: an array of values, or a { from, to, steps } range; tables above them are the path.
      func walk(_ node: TOMLNode, _ path: [String]) {
        switch node {
        case .array(let items):
          if path == ["scenarios"] {
            for (i, item) in items.enumerated() {
              guard case .string(let s) = item else {
                reporter.error(["vary", "scenarios", String(i)], "a scenario is a file path (or \"none\"), found \(item.typeName)")
                continue
              }
              labels.append(s)
              scenarios.append(s == "none" ? nil : FileBytes.resolve(s, relativeTo: display))
            }
            return
          }
          var values: [String] = []
          for (i, item) in items.enumerated() {
            switch item {
            case .string(let s): values.append(Self.quoted(s))
            case .integer(let v): values.append(String(v))
            case .float(let v) where v.isFinite: values.append("\(v)")
            case .boolean(let b): values.append(b ? "true" : "false")
            default:
              reporter.error(["vary"] + path + [String(i)], "a value is a string with its unit (\"54 Mt/yr\"), a number or true/false, found \(item.typeName)")
            }
          }
          if values.isEmpty { reporter.error(["vary"] + path, "give at least one value") }
          parameters.append(Parameter(path: path, values: values))
        case .table(let t) where t["from"] != nil || t["to"] != nil || t["steps"] != nil:
          if let values = range(t, ["vary"] + path) { parameters.append(Parameter(path: path, values: values)) }
        case .table(let t):
          let keys = t.keys.sorted { sources.order(of: ["vary"] + path + [$0]) < sources.order(of: ["vary"] + path + [$1]) }
          for k in keys { walk(t[k]!, path + [k]) }
        default:
          reporter.error(["vary"] + path, "write the values to try as a list, \(path.last ?? "key") = [\"…\", \"…\"], or a range { from = \"…\", to = \"…\", steps = 5 }")
        }
      }
      let keys = vary.keys.sorted { sources.order(of: ["vary", $0]) < sources.order(of: ["vary", $1]) }
      for k in keys { walk(vary[k]!, [k]) }
    } else if root["vary"] != nil {
      reporter.error(["vary"], "[vary] must be a table of keys and their values")
    }
    for p in parameters where p.path.count < 3 {
      reporter.error(["vary"] + p.path, "'\(p.name)' is not a model key: write section.entry.key, e.g. corridors.cpc.capacity")
    }
    for p in parameters where ["scenario", "model", "time", "commodities", "nodes"].contains(p.path[0]) {
      reporter.error(["vary"] + p.path, "a sweep varies values of entries (corridors, supply, markets, storage, rules, constraints), not '\(p.path[0])'")
    }
    if !scenarios.isEmpty, scenario != nil {
      reporter.error(["sweep", "scenario"], "[vary] scenarios and [sweep] scenario both set the scenario; keep one")
    }
    if parameters.isEmpty, scenarios.isEmpty, !reporter.hasErrors {
      reporter.error(["vary"], "nothing to vary: add [vary] with a key and its values, e.g. corridors.cpc.capacity = [\"72.5 Mt/yr\", \"36 Mt/yr\"]")
    }
    if combine == .zip {
      let counts = Set(parameters.map(\.values.count) + (scenarios.isEmpty ? [] : [scenarios.count]))
      if counts.count > 1 {
        reporter.error(["sweep", "combine"], "combine = \"zip\" takes the i-th value of every parameter together, so each needs the same number of values; they have \(counts.sorted().map(String.init).joined(separator: ", "))")
      }
    }
    let sorted = reporter.sorted(files: [display])
    guard !reporter.hasErrors, let model else { throw ModelLoadError(diagnostics: sorted) }
    for i in parameters.indices { parameters[i].line = doc.position(of: ["vary"] + parameters[i].path)?.line }
    // The text as read (valid UTF-8, so these are the file's bytes): no second read.
    return SweepDefinition(name: name, file: display, model: model, scenario: scenario, combine: combine, record: record,
                           parameters: parameters, scenarios: scenarios, scenarioLabels: labels, hash: FNV1a.hex(doc.text.utf8))

    func range(_ t: [String: TOMLNode], _ path: EntryPath) -> [String]? {
      let rr = ValueReader(path: path, table: t, reporter: reporter, loader: context)
      rr.checkKeys(["from", "to", "steps"], context: "a range")
      guard let from = rr.string("from", required: "\"72.5 Mt/yr\""), let to = rr.string("to", required: "\"0 Mt/yr\"") else { return nil }
      guard case .integer(let steps)? = t["steps"], steps >= 2, steps <= 10_000 else {
        reporter.error(path + ["steps"], "steps is the number of values from 'from' to 'to', a whole number from 2 to 10000")
        return nil
      }
      guard let a = Self.splitQuantity(from), let b = Self.splitQuantity(to) else {
        reporter.error(path, "from and to are numbers with a unit, e.g. from = \"72.5 Mt/yr\"")
        return nil
      }
      guard a.unit == b.unit else {
        reporter.error(path + ["to"], "from is in '\(a.unit)' and to in '\(b.unit)'; write both in the same unit")
        return nil
      }
      return (0..<Int(steps)).map { k in
        let v = a.value + (b.value - a.value) * Double(k) / Double(steps - 1)
        return Self.quoted(Units.format(v) + (a.unit.isEmpty ? "" : " " + a.unit))
      }
    }
  }

  /// `"72.5 Mt/yr"` → (72.5, `Mt/yr`).
  static func splitQuantity(_ text: String) -> (value: Double, unit: String)? {
    let s = Array(text.trimmingWhitespace().unicodeScalars)
    let end = Units.scanNumber(s, from: 0)
    guard end > 0, let v = Double(String(String.UnicodeScalarView(s[0..<end])).filter { $0 != "_" }), v.isFinite else { return nil }
    return (v, String(String.UnicodeScalarView(s[end...])).trimmingWhitespace())
  }

  /// A TOML basic string (quotes, backslashes and control characters escaped).
  public static func quoted(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if c.value < 0x20 || c.value == 0x7F {
          let hex = String(c.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else { out.unicodeScalars.append(c) }
      }
    }
    return out + "\""
  }

  /// Diagnostics of a case's model placed in the sweep file: a problem in an entry the
  /// sweep varies is reported at that key's line in [vary], with the case's value.
  public func placing(_ diagnostics: [Diagnostic], caseLabel: String, overlay: String) -> [Diagnostic] {
    diagnostics.map { d in
      guard d.file == overlay else { return d }
      var out = d
      out.file = file
      out.column = nil
      if let p = parameters.first(where: { d.entry == $0.name || d.entry.hasPrefix($0.name + ".") || $0.name.hasPrefix(d.entry + ".") }) {
        out.line = p.line
        out.entry = "vary." + p.name
      } else {
        out.line = nil
      }
      out.message = "in case \(caseLabel): " + d.message
      return out
    }
  }

  /// The ``FNV1a`` hash of a file's bytes (nil when it cannot be read).
  public static func fileHash(_ path: String) -> String? {
    (try? FileBytes.read(path).get()).map { FNV1a.hex($0) }
  }
}
