/// What `corridor sweep report` shows, read from a sweep database: every finished case with
/// its values, and the objective per value of each parameter (rendered by PlanReports'
/// `SweepReport`).
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
}
