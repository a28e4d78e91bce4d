/// The summary `corridor sweep report` prints: every case with its values, status and
/// objective, then the objective's range per value of each parameter.
public struct SweepSummary: Sendable {
  public var name: String
  public var caseCount: Int
  public var finished: Int
  public var cases: [SweepDatabase.CaseRow]
  public var parameters: [Int: [String: String]]
  /// Parameter names in the order of the first case.
  public var parameterNames: [String]

  public init(database db: SweepDatabase) throws {
    let meta = try db.meta()
    name = meta["sweep_name"] ?? db.path
    caseCount = Int(meta["case_count"] ?? "") ?? 0
    cases = try db.cases()
    finished = cases.count
    parameters = try db.parameters()
    var names: [String] = []
    for c in cases { for k in (parameters[c.id] ?? [:]).keys.sorted() where !names.contains(k) { names.append(k) } }
    parameterNames = names
  }

  /// Plain text (or Markdown) tables.
  public func render(markdown: Bool = false) -> String {
    var out = (markdown ? "## " : "") + "Sweep: \(name)\n"
    out += "cases: \(finished) of \(caseCount) finished\n\n"
    let unit = cases.first?.unit ?? ""
    var rows: [[String]] = [["case"] + parameterNames + ["status", "objective (\(unit))", "warm"]]
    for c in cases {
      rows.append([String(c.id)] + parameterNames.map { parameters[c.id]?[$0] ?? "" }
                  + [c.status, c.objective.map { Self.grouped($0) } ?? "–", c.warm ? "yes" : "no"])
    }
    out += Self.table(rows, markdown: markdown)
    for p in parameterNames {
      var byValue: [String: [Double]] = [:]
      var order: [String] = []
      for c in cases {
        guard let v = parameters[c.id]?[p] else { continue }
        if byValue[v] == nil { order.append(v) }
        if let o = c.objective { byValue[v, default: []].append(o) } else { byValue[v, default: []] += [] }
      }
      var t: [[String]] = [[p, "cases", "objective min (\(unit))", "mean", "max"]]
      for v in order {
        let xs = byValue[v] ?? []
        let mean = xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count)
        t.append([v, String(xs.count), xs.min().map { Self.grouped($0) } ?? "–", mean.map { Self.grouped($0) } ?? "–", xs.max().map { Self.grouped($0) } ?? "–"])
      }
      out += "\n" + (markdown ? "### " : "") + "Objective by \(p)\n" + Self.table(t, markdown: markdown)
    }
    return out
  }

  static func grouped(_ v: Double) -> String {
    let r = v.rounded()
    let digits = String(Int64(abs(r)))
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
      if i > 0, i % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (r < 0 ? "-" : "") + String(out.reversed())
  }

  static func table(_ rows: [[String]], markdown: Bool) -> String {
    guard let head = rows.first else { return "" }
    if markdown {
      var s = "| " + head.joined(separator: " | ") + " |\n|" + head.map { _ in " --- |" }.joined() + "\n"
      for r in rows.dropFirst() { s += "| " + r.joined(separator: " | ") + " |\n" }
      return s
    }
    let widths = head.indices.map { i in rows.map { i < $0.count ? $0[i].count : 0 }.max() ?? 0 }
    func line(_ r: [String]) -> String {
      r.enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - c.count) }.joined(separator: "  ")
        .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
    }
    return line(head) + line(widths.map { String(repeating: "-", count: $0) }) + rows.dropFirst().map(line).joined()
  }
}

import Foundation
