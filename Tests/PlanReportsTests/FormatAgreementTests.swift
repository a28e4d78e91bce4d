// Issue #8, acceptance: the numbers of table, Markdown, JSON and CSV agree for every
// shipped model. Each shipped model and scenario (but the 8,760-hour one) is solved once,
// rendered in all four formats, and each format is read back by the independent readers
// of ReportParsers.swift. Then every CSV value must be the JSON value at the place its
// section/name/detail/quantity names, with the same unit, and every number the table and
// the Markdown show must be that value with that unit, to the digits shown.
//
// Tolerances: CSV vs JSON 1e-12 relative (both print shortest round-trip decimals);
// table and Markdown vs CSV: half a unit of the last decimal shown (+1e-9 relative);
// a fraction's table unit is % (value × 100).

import CorridorModel
import Foundation
import PlanReports
import Testing

@testable import CorridorPlanning

@Suite("Table, Markdown, JSON and CSV agree on every shipped model")
struct FormatAgreementTests {
  static let models: [String] = {
    let fm = FileManager.default
    var out: [String] = []
    for folder in ["models", "models/scenarios", "models/teaching"] {
      let names = (try? fm.contentsOfDirectory(atPath: packageRoot + "/" + folder)) ?? []
      out += names.filter { $0.hasSuffix(".toml") && !$0.contains("8760") }.sorted().map { folder + "/" + $0 }
    }
    return out
  }()

  @Test func everyShippedModelIsCovered() {
    // 3 base models, 8 scenarios, 6 teaching models at the time of writing: a shrinking
    // list would make the agreement test below prove less.
    #expect(Self.models.count >= 17, "\(Self.models)")
  }

  @Test(arguments: models)
  func formatsAgree(model path: String) throws {
    let model = try ModelLoader.load(path: packageRoot + "/" + path)
    let plan = try Planner().plan(model)
    try checkAgreement(plan, label: path)
  }

  /// The same check on the hand-built plans, including one without a feasible point.
  @Test(arguments: 0..<3)
  func handBuiltPlansAgree(plan p: Int) throws {
    let (name, plan) = ReportGoldenTests.plans[p]
    try checkAgreement(plan, label: name)
  }
}

/// Where a CSV quantity is shown in the table report: table title prefix, the key
/// columns (filled from the row's name and detail), and the column.
struct TablePlace {
  var table: String
  var keys: [(String, String)]
  var column: String
  /// Whether the table may leave the row out (lists show only countries with flow).
  var onlyNonZero = false
}

/// The table cell of a CSV row; nil: the table does not show this quantity (stated).
func tablePlace(_ r: CSVRow) -> TablePlace? {
  let n = r.name, d = r.detail
  switch (r.section, r.quantity) {
  case ("corridor", "nominal_capacity"): return TablePlace(table: "Corridors", keys: [("corridor", n)], column: "capacity")
  case ("corridor", "flow"): return TablePlace(table: "Corridors", keys: [("corridor", n)], column: "flow")
  case ("corridor", "utilization"): return TablePlace(table: "Corridors", keys: [("corridor", n)], column: "use")
  case ("corridor", "shadow_price"): return TablePlace(table: "Corridors", keys: [("corridor", n)], column: "shadow price")
  case ("corridor", "by_country.flow"):
    return TablePlace(table: "Corridor flows by country", keys: [("corridor", n), ("country", d)], column: "flow", onlyNonZero: true)
  case ("corridor", "by_country.share"):
    return TablePlace(table: "Corridor flows by country", keys: [("corridor", n), ("country", d)], column: "share", onlyNonZero: true)
  case ("country", "by_corridor.flow"):
    return TablePlace(table: "Corridor flows by country", keys: [("corridor", d), ("country", n)], column: "flow", onlyNonZero: true)
  case ("country", "supply.used"): return TablePlace(table: "Supply", keys: [("country", n), ("commodity", d)], column: "used")
  case ("country", "supply.available"): return TablePlace(table: "Supply", keys: [("country", n), ("commodity", d)], column: "available")
  case ("country", "supply.shadow_price"):
    return TablePlace(table: "Supply", keys: [("country", n), ("commodity", d)], column: "shadow price")
  case ("country", "by_market.delivered"):
    return TablePlace(table: "Deliveries by country", keys: [("market", d), ("country", n)], column: "delivered", onlyNonZero: true)
  case ("country", "by_market.revenue"):
    return TablePlace(table: "Deliveries by country", keys: [("market", d), ("country", n)], column: "revenue", onlyNonZero: true)
  case ("country", let q) where ["revenue", "tariffs", "supply_cost", "storage_wear", "net_value"].contains(q):
    return TablePlace(table: "Countries", keys: [("country", n)], column: q.replacingOccurrences(of: "_", with: " "))
  case ("market", "delivered"), ("market", "absorbs"), ("market", "revenue"), ("market", "shadow_price"), ("market", "average_price"):
    let column = ["average_price": "avg price", "shadow_price": "shadow price"][r.quantity] ?? r.quantity
    return TablePlace(table: "Markets", keys: [("market", n)], column: column)
  case ("market", "by_country.delivered"):
    return TablePlace(table: "Deliveries by country", keys: [("market", n), ("country", d)], column: "delivered", onlyNonZero: true)
  case ("storage", let q) where ["charged", "discharged", "peak_level"].contains(q):
    return TablePlace(table: "Storage", keys: [("storage", n)], column: q.replacingOccurrences(of: "_", with: " "))
  case ("rule", let q) where ["target", "achieved", "dual", "per_share_point"].contains(q):
    return TablePlace(table: "Rules", keys: [("rule", n)], column: q == "per_share_point" ? "per point" : q)
  case ("constraint", let q) where ["activity", "rhs", "dual"].contains(q):
    return TablePlace(table: "Custom constraints", keys: [("constraint", n)], column: q)
  default:
    return nil
  }
}

/// CSV quantities with a unit that the tables leave out on purpose (they are in JSON and CSV).
let notInTables: Set<String> = [
  "corridor.capacity", "corridor.peak_flow", "corridor.loss", "corridor.binding_slices", "constraint.binding_rows", "plan.horizon_hours",
  "plan.objective", "stage.objective", "timings.build_seconds", "timings.solve_seconds", "timings.extract_seconds",
]

/// Whether a table cell shows `value` (in `unit`), to the digits shown.
func cellAgrees(_ cell: ParsedCell, value: Double?, unit: String) -> String? {
  switch cell {
  case .missing:
    return value == nil ? nil : "table shows – where the value is \(value!)"
  case .text(let t):
    if t == "unlimited", value == nil { return nil }
    return "table shows '\(t)', expected \(value.map { "\($0)" } ?? "missing") \(unit)"
  case let .number(shown, shownUnit, decimals):
    guard let v = value else { return "table shows \(shown) where the value is missing" }
    let (expected, expectedUnit) = unit == "fraction" ? (v * 100, "%") : (v, unit)
    if shownUnit != expectedUnit { return "unit \(shownUnit) in the table, \(expectedUnit) in CSV" }
    let tol = 0.5 * pow(10, -Double(decimals)) + 1e-9 * abs(expected)
    return abs(shown - expected) <= tol ? nil : "table \(shown), CSV \(expected) (tolerance \(tol))"
  }
}

/// The JSON value a CSV row names: `plan` → top level, `certificate`/`size`/`timings` →
/// that object, a stage by its number, an entity by name; `list.key` → the list item
/// whose identifying field (country, corridor, market, commodity) is the row's detail.
func jsonValue(_ o: [String: Any], _ r: CSVRow) -> Any?? {
  func entity(_ list: String) -> [String: Any]? {
    (o[list] as? [[String: Any]])?.first { $0["name"] as? String == r.name }
  }
  var holder: [String: Any]?
  switch r.section {
  case "plan": holder = o
  case "certificate", "size", "timings": holder = o[r.section] as? [String: Any]
  case "stage": holder = Int(r.detail).flatMap { i in (o["stages"] as? [[String: Any]]).flatMap { i <= $0.count ? $0[i - 1] : nil } }
  case "warning":
    guard let i = Int(r.detail), let list = o["warnings"] as? [String], i >= 1, i <= list.count else { return nil }
    return .some(list[i - 1] as Any)
  default: holder = entity(["corridor": "corridors", "country": "countries", "market": "markets", "storage": "storages",
                            "rule": "rules", "constraint": "constraints"][r.section] ?? "")
  }
  guard var h = holder else { return nil }
  var key = r.quantity
  if r.section == "plan", key == "scenario" {
    guard let i = Int(r.detail), let list = o["scenarios"] as? [String], i >= 1, i <= list.count else { return nil }
    return .some(list[i - 1] as Any)
  }
  if let dot = key.firstIndex(of: ".") {
    let list = String(key[..<dot])
    key = String(key[key.index(after: dot)...])
    let items = h[list] as? [[String: Any]] ?? []
    guard let item = items.first(where: { i in ["country", "corridor", "market", "commodity"].contains { i[$0] as? String == r.detail } })
    else { return nil }
    h = item
  }
  guard h.keys.contains(key) else { return nil }
  return .some(h[key] is NSNull ? nil : h[key])
}

/// CSV ↔ JSON, then CSV ↔ table and CSV ↔ Markdown, for one plan.
func checkAgreement(_ plan: Plan, label: String) throws {
  let report = PlanReport(plan: plan)
  let json = try #require(try JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [String: Any])
  let csvLines = parseCSV(try report.render(.csv))
  #expect(csvLines.first == ["section", "name", "detail", "quantity", "value", "unit"])
  let rows = csvLines.dropFirst().map { f in CSVRow(section: f[0], name: f[1], detail: f[2], quantity: f[3], value: f[4], unit: f[5]) }
  #expect(csvLines.dropFirst().allSatisfy { $0.count == 6 }, "\(label): every CSV line has 6 fields")
  #expect(Set(rows.map { [$0.section, $0.name, $0.detail, $0.quantity] }).count == rows.count, "\(label): a CSV row repeats")

  // CSV ↔ JSON: every row is the JSON value it names, in the same unit.
  var quantitiesMatched = 0
  for r in rows {
    guard let found = jsonValue(json, r) else {
      Issue.record("\(label): CSV row \(r) names no JSON value")
      continue
    }
    let v = found
    if let q = v as? [String: Any], q.count == 2, let unit = q["unit"] as? String {
      quantitiesMatched += 1
      #expect(unit == r.unit, "\(label): \(r.section) \(r.name) \(r.detail) \(r.quantity): JSON unit \(unit), CSV \(r.unit)")
      let jv = (q["value"] as? NSNumber)?.doubleValue
      #expect(agree(jv, Double(r.value)) && (jv == nil) == r.value.isEmpty,
              "\(label): \(r.section) \(r.name) \(r.quantity) \(r.detail): JSON \(jv.map { "\($0)" } ?? "null"), CSV '\(r.value)'")
    } else if let b = v, type(of: b) == Bool.self, let flag = b as? Bool {
      #expect(r.value == (flag ? "1" : "0"), "\(label): \(r): JSON \(flag)")
    } else if let n = v as? NSNumber {
      #expect(agree(n.doubleValue, Double(r.value)), "\(label): \(r): JSON \(n)")
      if r.section == "plan" && r.quantity == "objective" { #expect(r.unit == json["objective_unit"] as? String) }
    } else if let s = v as? String {
      #expect(s == r.value, "\(label): \(r): JSON '\(s)'")
    } else {
      #expect(v == nil && r.value.isEmpty, "\(label): \(r): JSON \(String(describing: v))")
    }
    if r.section == "stage", r.quantity == "objective", let i = Int(r.detail) {
      #expect((json["stages"] as? [[String: Any]])?[i - 1]["objective_unit"] as? String == r.unit)
    }
  }
  #expect(quantitiesMatched == countQuantities(json), "\(label): every JSON quantity has its CSV row")

  // CSV ↔ table and CSV ↔ Markdown: every figure the tables show.
  let text = try report.render(.table), md = try report.render(.markdown)
  for (format, parsed) in [("table", ParsedReport.text(text)), ("markdown", ParsedReport.markdown(md))] {
    var shown = 0
    for r in rows where !r.unit.isEmpty || tablePlace(r) != nil {
      guard let place = tablePlace(r) else {
        #expect(notInTables.contains("\(r.section).\(r.quantity)"), "\(label) \(format): \(r) has no place in the tables")
        continue
      }
      let value = Double(r.value)
      let mayBeLeftOut = place.onlyNonZero && (abs(value ?? 0) <= 1e-9 || !plan.hasPoint)
      if mayBeLeftOut, parsed.table(place.table) == nil { continue }
      guard let t = parsed.table(place.table), let c = t.column(place.column) else {
        Issue.record("\(label) \(format): no table \(place.table) with column \(place.column)")
        continue
      }
      let matches = t.rows(where: place.keys)
      if matches.isEmpty, mayBeLeftOut { continue }
      guard matches.count == 1, c < matches[0].count else {
        Issue.record("\(label) \(format): \(matches.count) rows for \(place.keys) in \(place.table)")
        continue
      }
      shown += 1
      let cell = ParsedCell.read(matches[0][c], headerUnit: t.headerUnits[c])
      if r.section == "rule", r.quantity == "per_share_point" || r.quantity == "target", value == nil, matches[0][c].isEmpty { continue }
      if let problem = cellAgrees(cell, value: value, unit: r.unit) {
        Issue.record("\(label) \(format): \(r.section) \(r.name) \(r.detail) \(r.quantity): \(problem)")
      }
    }
    #expect(shown > 0 || rows.allSatisfy { tablePlace($0) == nil }, "\(label) \(format): nothing compared")
    // Every number in these tables was compared: count the numeric cells.
    let numericCells = parsed.tables.values.reduce(0) { n, t in
      n + t.rows.reduce(0) { m, row in
        m + row.indices.filter { i in
          if case .number = ParsedCell.read(row[i], headerUnit: t.headerUnits[i]), t.headerUnits[i] != nil || row[i].contains(" ") { return true }
          return false
        }.count
      }
    }
    #expect(numericCells <= shown, "\(label) \(format): \(numericCells) numbers shown, \(shown) compared")

    // Binding cells: "yes (n/N)" against binding_slices and slice_count, "no", "off" for a
    // disabled corridor, "–" without a point; constraints "yes (n)" against binding_rows.
    func csvValue(_ section: String, _ name: String, _ quantity: String) -> String? {
      rows.first { r in
        r.section == section && r.name == name && r.quantity == quantity && (section == "constraint" || r.detail.isEmpty)
      }?.value
    }
    let sliceCount = rows.first { $0.section == "plan" && $0.quantity == "slice_count" }?.value ?? "?"
    for (title, section, key) in [("Corridors", "corridor", "corridor"), ("Custom constraints", "constraint", "constraint")] {
      guard let t = parsed.table(title), let b = t.column("binding"), let k = t.column(key) else { continue }
      for row in t.rows {
        let name = row[k]
        let expected: String
        if section == "corridor", csvValue(section, name, "enabled") == "0" {
          expected = "off"
        } else {
          switch csvValue(section, name, "binding") {
          case "1":
            let n = csvValue(section, name, section == "corridor" ? "binding_slices" : "binding_rows") ?? "?"
            func grouped(_ t: String) -> String { Int(t).map(groupedCount) ?? t }
            expected = section == "corridor" ? "yes (\(grouped(n))/\(grouped(sliceCount)))" : "yes (\(grouped(n)))"
          case "0": expected = "no"
          default: expected = "–"
          }
        }
        #expect(row[b] == expected, "\(label) \(format): \(title) \(name) binding '\(row[b])', CSV says '\(expected)'")
      }
    }
    // The summary's slices and horizon.
    let hours = rows.first { $0.section == "plan" && $0.quantity == "horizon_hours" }.flatMap { Double($0.value) } ?? .nan
    let slicesLine = parsed.summary["time slices"] ?? ""
    #expect(slicesLine.hasPrefix(groupedCount(Int(sliceCount) ?? -1) + " slice"), "\(label) \(format): '\(slicesLine)' vs \(sliceCount)")
    if let open = slicesLine.firstIndex(of: "("), case let .number(h, unit, _) = ParsedCell.read(
      String(slicesLine[slicesLine.index(after: open)...].dropLast()), headerUnit: nil) {
      #expect(unit == "h" && abs(h - hours) <= 0.5, "\(label) \(format): '\(slicesLine)' vs \(hours) h")
    } else {
      Issue.record("\(label) \(format): no horizon in '\(slicesLine)'")
    }

    // Issue #8 item 8: each country's row adds up (5 figures rounded to 1 currency unit).
    if let t = parsed.table("Countries"), plan.hasPoint {
      #expect(t.names == ["country", "revenue", "tariffs", "supply cost", "storage wear", "net value"], "\(label) \(format)")
      for row in t.rows {
        let v = row.dropFirst().map { Double($0.replacingOccurrences(of: ",", with: "")) ?? .nan }
        #expect(v.count == 5 && abs(v[0] - v[1] - v[2] - v[3] - v[4]) <= 2.5, "\(label) \(format): \(row) does not add up")
      }
    }
    // The summary's objective and stage objectives.
    if let objective = json["objective"] as? NSNumber, let line = parsed.summary["objective"] {
      let cell = ParsedCell.read(String(line.prefix { $0 != "(" }.dropLast()), headerUnit: nil)
      #expect(cellAgrees(cell, value: objective.doubleValue, unit: json["objective_unit"] as? String ?? "") == nil,
              "\(label) \(format): objective line '\(line)'")
    }
    if let stages = json["stages"] as? [[String: Any]], stages.count > 1 {
      let parts = (parsed.summary["stages"] ?? "").components(separatedBy: "; ")
      #expect(parts.count == stages.count, "\(label) \(format): stages line")
      for (s, part) in zip(stages, parts) {
        let shown = part.components(separatedBy: " = ").last ?? ""
        let cell = ParsedCell.read(shown, headerUnit: nil)
        #expect(cellAgrees(cell, value: (s["objective"] as? NSNumber)?.doubleValue, unit: s["objective_unit"] as? String ?? "") == nil,
                "\(label) \(format): stage '\(part)'")
      }
    }
  }
  #expect(ParsedReport.text(text).longestLine <= 120, "\(label): a table line is wider than 120 characters")
}

/// An integer grouped by thousands ("8,760"), as reports print counts.
func groupedCount(_ n: Int) -> String {
  let digits = String(abs(n))
  var out = ""
  for (i, ch) in digits.enumerated() {
    if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
    out.append(ch)
  }
  return (n < 0 ? "-" : "") + out
}

func agree(_ a: Double?, _ b: Double?) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case let (a?, b?): return abs(a - b) <= 1e-12 * max(1, abs(a), abs(b))
  default: return false
  }
}

/// How many `{"value", "unit"}` objects a JSON document holds.
func countQuantities(_ any: Any) -> Int {
  if let o = any as? [String: Any] {
    if o.count == 2, o.keys.contains("value"), o["unit"] is String { return 1 }
    return o.values.reduce(0) { $0 + countQuantities($1) }
  }
  if let a = any as? [Any] { return a.reduce(0) { $0 + countQuantities($1) } }
  return 0
}
