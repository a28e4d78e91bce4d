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

  /// The objective over the finished cases with each value of parameter `p`, in the order
  /// the values first appear: how many cases, and the smallest, mean and largest objective
  /// (nil where no case of that value has one).
  public func objectiveByValue(_ p: String) -> [(value: String, count: Int, min: Double?, mean: Double?, max: Double?)] {
    var byValue: [String: [Double]] = [:]
    var counts: [String: Int] = [:]
    var order: [String] = []
    for c in cases {
      guard let v = parameters[c.id]?[p] else { continue }
      if counts[v] == nil { order.append(v) }
      counts[v, default: 0] += 1
      if let o = c.objective { byValue[v, default: []].append(o) }
    }
    return order.map { v in
      let xs = byValue[v] ?? []
      return (v, counts[v] ?? 0, xs.min(), xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count), xs.max())
    }
  }

  /// The objective's unit (the model currency).
  public var unit: String { cases.first?.unit ?? "" }

  /// Every case as rows of text, headers first.
  public var caseRows: [[String]] {
    var rows: [[String]] = [["case"] + parameterNames + ["status", "objective (\(unit))", "warm"]]
    for c in cases {
      rows.append([String(c.id)] + parameterNames.map { parameters[c.id]?[$0] ?? "" }
                  + [c.status, c.objective.map { Self.grouped($0) } ?? "–", c.warm ? "yes" : "no"])
    }
    return rows
  }

  /// Plain text (or Markdown) tables.
  public func render(markdown: Bool = false) -> String {
    var out = (markdown ? "## " : "") + "Sweep: \(name)\n"
    out += "cases: \(finished) of \(caseCount) finished\n\n"
    out += Self.table(caseRows, markdown: markdown)
    for p in parameterNames {
      var t: [[String]] = [[p, "cases", "objective min (\(unit))", "mean", "max"]]
      for r in objectiveByValue(p) {
        t.append([r.value, String(r.count), r.min.map { Self.grouped($0) } ?? "–", r.mean.map { Self.grouped($0) } ?? "–", r.max.map { Self.grouped($0) } ?? "–"])
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
