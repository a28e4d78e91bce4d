import CorridorModel

/// One case of a sweep: its number, its values and the model it stands for.
public struct SweepCase: Sendable, Equatable {
  /// 0-based, in the order the sweep generates them (grid: the last parameter fastest).
  public var id: Int
  /// Per parameter of the sweep (in its order): the value as TOML text.
  public var values: [String]
  /// The scenario dimension's position, nil when the sweep does not vary scenarios.
  public var scenarioIndex: Int?

  /// `scenario = none, corridors.cpc.capacity = 54 Mt/yr`.
  public func label(_ sweep: SweepDefinition) -> String {
    var parts = zip(sweep.parameters, values).map { "\($0.name) = \(SweepCase.display($1))" }
    if let k = scenarioIndex { parts.insert("scenario = \(sweep.scenarioLabels[k])", at: 0) }
    return parts.joined(separator: ", ")
  }

  /// A value as a reader writes it: a TOML string without its quotes (`54 Mt/yr`), other
  /// values as they are (`40`, `true`).
  public static func display(_ toml: String) -> String {
    guard toml.hasPrefix("\""), toml.hasSuffix("\""), toml.count >= 2 else { return toml }
    return String(toml.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
  }

  /// The scenario text that sets this case's values on the base model.
  public func overlay(_ sweep: SweepDefinition) -> String {
    var out = "[scenario]\nname = \(SweepCase.tomlString("case \(id)"))\n"
    // Group keys under their table: [corridors.cpc] capacity = …; [corridors.x.build] cost = …
    var tables: [[String]: [(String, String)]] = [:]
    var order: [[String]] = []
    for (p, v) in zip(sweep.parameters, values) {
      let table = Array(p.path.dropLast())
      if tables[table] == nil { order.append(table) }
      tables[table, default: []].append((p.path.last!, v))
    }
    for t in order {
      out += "\n[" + t.map(SweepCase.tomlKey).joined(separator: ".") + "]\n"
      for (k, v) in tables[t]! { out += "\(SweepCase.tomlKey(k)) = \(v)\n" }
    }
    return out
  }

  /// The scenario file of this case (nil: none beyond the sweep's own `scenario`).
  public func scenario(_ sweep: SweepDefinition) -> String? {
    scenarioIndex.map { sweep.scenarios[$0] } ?? sweep.scenario
  }

  static func tomlKey(_ k: String) -> String {
    let bare = !k.isEmpty && k.unicodeScalars.allSatisfy { c in
      (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == "_"
    }
    return bare ? k : tomlString(k)
  }

  static func tomlString(_ s: String) -> String { SweepDefinition.quoted(s) }
}

extension SweepDefinition {
  /// Every case: the full grid or the zip. In a grid the scenarios vary slowest (a new
  /// scenario may need a new LP) and the last parameter fastest, so neighbouring cases
  /// differ in one value and re-solve warm.
  public var cases: [SweepCase] {
    let hasScenarios = !scenarios.isEmpty
    let dims = (hasScenarios ? [scenarios.count] : []) + parameters.map(\.values.count)
    let offset = hasScenarios ? 1 : 0
    var out: [SweepCase] = []
    func make(_ picks: [Int]) -> SweepCase {
      let values = parameters.indices.map { parameters[$0].values[picks[$0 + offset]] }
      return SweepCase(id: out.count, values: values, scenarioIndex: hasScenarios ? picks[0] : nil)
    }
    switch combine {
    case .zip:
      for i in 0..<(dims.first ?? 0) { out.append(make([Int](repeating: i, count: dims.count))) }
    case .grid:
      guard !dims.contains(0) else { return [] }
      var picks = [Int](repeating: 0, count: dims.count)
      while true {
        out.append(make(picks))
        var d = dims.count - 1
        while d >= 0 {
          picks[d] += 1
          if picks[d] < dims[d] { break }
          picks[d] = 0
          d -= 1
        }
        if d < 0 { break }
      }
    }
    return out
  }

  /// The cases of shard `index` of `count`: contiguous blocks (neighbouring cases stay
  /// together, so each shard re-solves warm), sizes differing by at most one.
  public func shard(_ index: Int, of count: Int) -> [SweepCase] {
    let all = cases
    let lo = all.count * index / count, hi = all.count * (index + 1) / count
    return Array(all[lo..<hi])
  }
}
