// Hand-built plans rendered in every format and compared with golden text in
// Goldens/<plan>.<format>. Re-record: RECORD_GOLDENS=1 swift test --filter Golden

import CorridorModel
import Foundation
import Testing

@testable import CorridorPlanning
@testable import LinearProgramming
@testable import PlanReports

@Suite("Report goldens of hand-built plans")
struct ReportGoldenTests {
  static let plans: [(String, Plan)] = [
    ("compounding-losses", SamplePlans.compoundingLosses),
    ("every-section", SamplePlans.everySection),
    ("infeasible", SamplePlans.infeasible),
  ]
  static let formats: [(ReportFormat, String)] = [(.table, "txt"), (.markdown, "md"), (.json, "json"), (.csv, "csv")]

  @Test(arguments: 0..<3, 0..<4)
  func rendersAsItsGolden(plan p: Int, format f: Int) throws {
    let (name, plan) = Self.plans[p]
    let (format, ext) = Self.formats[f]
    let text = try PlanReport(plan: plan).render(format)
    assertGolden(text, "\(name).\(ext)")
  }

  /// Every golden belongs to a plan and format above (or is an SVG golden of HTMLReportTests).
  @Test func noStrayGoldens() throws {
    let expected = Set(Self.plans.flatMap { p in Self.formats.map { "\(p.0).\($0.1)" } } + HTMLReportTests.goldens)
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: goldenFolder).filter { !$0.hasPrefix(".") })
    #expect(files.subtracting(expected).isEmpty, "stray goldens: \(files.subtracting(expected).sorted())")
  }

  /// The hand-built plan of teaching model (a) and the planner's own plan of the
  /// file render the same table, but for the certificate's exact residuals.
  @Test func handBuiltPlanMatchesThePlanner() throws {
    let model = try ModelLoader.load(path: packageRoot + "/models/teaching/01-compounding-losses.toml")
    let planned = try Planner().plan(model)
    func table(_ p: Plan) throws -> [Substring] {
      try PlanReport(plan: p).render(.table).split(separator: "\n").filter { !$0.hasPrefix("certificate") }
    }
    let a = try table(SamplePlans.compoundingLosses), b = try table(planned)
    #expect(a == b, "\n\(lineDiff(expected: a.joined(separator: "\n"), actual: b.joined(separator: "\n")))")
  }

  /// Markdown cells escape pipes; CSV quotes commas and quotes (RFC 4180).
  @Test func escaping() throws {
    let md = try PlanReport(plan: SamplePlans.everySection).render(.markdown)
    #expect(md.hasPrefix("## Sampler, \"quoted\" | piped — scenario: base+1 + stress\n"))
    #expect(md.contains("| cable, fiber |"))
    #expect(md.contains("| order AZ 120 > KZ 480 \\| UZ 0 |"), "a pipe inside a cell is escaped")
    let csv = try PlanReport(plan: SamplePlans.everySection).render(.csv)
    #expect(csv.contains("\nplan,\"Sampler, \"\"quoted\"\" | piped\",,status,optimal,\n"))
    #expect(csv.contains("\nplan,\"Sampler, \"\"quoted\"\" | piped\",1,scenario,base+1,\n"))
    #expect(csv.contains("\ncorridor,\"cable, fiber\",,flow,15.84,Tbps\n"))
    #expect(csv.contains("\nmarket,\"EU \"\"data\"\"\",,average_price,,USD/(Tbps/month)\n"))
  }

  /// Issue #8 item 9: a shadow price has one unit in every format, money over the
  /// horizon per unit of capacity (`USD/MW`), with the horizon in the table's title; the
  /// table once said `USD/MW per 48 h` and `EUR/MW/yr` where JSON said `USD/MW`.
  @Test func shadowPriceUnits() throws {
    let report = PlanReport(plan: SamplePlans.everySection)
    let table = try report.render(.table)
    #expect(table.contains("shadow price: worth of +1 capacity unit, all slices, 48 h)"))
    let main = try #require(table.split(separator: "\n").first { $0.hasPrefix("main ") })
    #expect(main.contains(" 12,346 USD/MW "), "\(main)")
    #expect(!table.contains("/yr") && !table.contains("per 48 h"))
    let csv = try report.render(.csv)
    #expect(csv.contains("\ncorridor,main,,shadow_price,12345.678,USD/MW\n"))
    // A compound rate unit is parenthesised: USD/(Mt/yr), never USD/Mt/yr.
    var oil = SamplePlans.compoundingLosses
    oil.corridors[0].unit = "Mt/yr"
    oil.currency = "USD"
    let oilJSON = try PlanReport(plan: oil).render(.json)
    #expect(oilJSON.contains("\"unit\" : \"USD/(Mt/yr)\""))
    #expect(try PlanReport(plan: oil).render(.table).contains("74,400 USD/(Mt/yr)"))
  }

  /// Issue #8 item 7: a plan without a feasible point shows its flows, money and duals
  /// as missing (– / null / empty), not as 0, while inputs (capacity, targets) stay.
  @Test func missingValuesAreMissing() throws {
    let report = PlanReport(plan: SamplePlans.infeasible)
    let table = try report.render(.table)
    let link = try #require(table.split(separator: "\n").first { $0.hasPrefix("link ") })
    #expect(link.split(separator: " ").filter { $0 == "–" }.count == 4, "flow, use, shadow price, binding: \(link)")
    #expect(link.contains(" 100.0 "), "capacity is an input, still shown: \(link)")
    #expect(table.contains("objective    none"))
    let o = try #require(try JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [String: Any])
    let corridor = try #require((o["corridors"] as? [[String: Any]])?.first)
    for key in ["flow", "peak_flow", "utilization", "shadow_price"] {
      #expect((corridor[key] as? [String: Any])?["value"] is NSNull, "\(key) is null")
    }
    #expect((corridor["capacity"] as? [String: Any])?["value"] as? Double == 100)
    #expect(corridor["binding"] is NSNull && corridor["binding_slices"] is NSNull)
    #expect(o["has_point"] as? Bool == false && o["has_duals"] as? Bool == false)
    let csv = try report.render(.csv)
    #expect(csv.contains("\ncorridor,link,,flow,,MW\n") && csv.contains("\ncorridor,link,,shadow_price,,EUR/MW\n"))
    #expect(csv.contains("\ncorridor,link,,capacity,100,MW\n"))
    #expect(csv.contains("\nrule,kz-firm,firm,achieved,,MW\n") && csv.contains("\nrule,kz-firm,firm,target,150,MW\n"))
  }

  /// Issue #8 item 7: a time-limited plan with a feasible point does not say
  /// "certificate holds"; it says optimality is not proven and gives the gap it knows.
  @Test func timeLimitedPlanShowsItsGap() throws {
    var plan = SamplePlans.compoundingLosses
    plan.status = .timeLimit
    plan.provenOptimal = false
    plan.hasDuals = false
    plan.certificate = Certificate(maxBoundViolation: 0, maxRowViolation: 1e-12, maxDualInfeasibility: nil,
                                   maxComplementarityViolation: nil, relativeGap: nil, maxIntegralityViolation: nil,
                                   dualObjective: nil)
    let table = try PlanReport(plan: plan).render(.table)
    let line = try #require(table.split(separator: "\n").first { $0.hasPrefix("certificate") })
    #expect(!line.contains("holds"), "\(line)")
    #expect(line.contains("feasible point, optimality not proven") && line.contains("gap unknown: no dual bound"), "\(line)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(PlanReport(plan: plan).render(.json).utf8)) as? [String: Any])
    let cert = try #require(o["certificate"] as? [String: Any])
    #expect(cert["proves"] as? String == "feasibility" && cert["relative_gap"] is NSNull)
    // With a dual bound the gap is shown.
    plan.certificate?.relativeGap = 0.0123
    plan.certificate?.maxDualInfeasibility = 0.5
    let withGap = try PlanReport(plan: plan).render(.table)
    #expect(withGap.contains("feasible point, optimality not proven (primal 1.0e-12, gap 1.2e-02)"), "\(withGap.prefix(400))")
  }

  /// Issue #8 item 8: the countries table adds up with storage: net value = revenue −
  /// tariffs − supply cost − storage wear, and the wear column is there (AZ 0.5 USD).
  @Test func countriesAddUpWithStorageWear() throws {
    for format in [ReportFormat.table, .markdown] {
      let text = try PlanReport(plan: SamplePlans.everySection).render(format)
      let parsed = format == .table ? ParsedReport.text(text) : ParsedReport.markdown(text)
      let t = try #require(parsed.table("Countries"))
      #expect(t.names == ["country", "revenue", "tariffs", "supply cost", "storage wear", "net value"])
      #expect(t.headerUnits.dropFirst().allSatisfy { $0 == "USD" })
      for row in t.rows {
        let v = row.dropFirst().map { Double($0.replacingOccurrences(of: ",", with: "")) ?? .nan }
        #expect(abs(v[0] - v[1] - v[2] - v[3] - v[4]) <= 2, "\(row) (each figure rounded to 1 USD)")
      }
      let az = try #require(t.rows.first { $0[0] == "AZ" })
      #expect(az[4] == "1" || az[4] == "0", "AZ's 0.5 USD of wear, rounded: \(az)")
    }
  }

  /// Issue #8 item 16: counts are grouped and singular where one.
  @Test func countsAreGroupedAndPluralized() throws {
    var plan = SamplePlans.compoundingLosses
    plan.size = LPSize(variables: 183_960, constraints: 1, nonZeros: 2_000_001)
    let table = try PlanReport(plan: plan).render(.table)
    #expect(table.contains("LP size      183,960 variables, 1 constraint, 2,000,001 non-zeros"), "\(table.prefix(500))")
    #expect(table.contains("time slices  1 slice (1,000 h)"))
  }
}

@Suite("Plan JSON schema (docs/json-schema.md)")
struct PlanJSONSchemaTests {
  func json(_ plan: Plan) throws -> (text: String, object: [String: Any]) {
    let text = try PlanReport(plan: plan).render(.json)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    return (text, object)
  }

  @Test(arguments: 0..<3)
  func keysAreSortedAtEveryLevel(plan p: Int) throws {
    let (text, _) = try json(ReportGoldenTests.plans[p].1)
    let orders = objectKeyOrders(text)
    #expect(orders.count > 10)
    for (path, keys) in orders {
      #expect(keys == keys.sorted(), "\(path): keys not sorted: \(keys)")
    }
  }

  @Test func topLevelKeys() throws {
    let (text, o) = try json(SamplePlans.everySection)
    let keys = objectKeyOrders(text).first { $0.path == "$" }?.keys
    #expect(keys == [
      "certificate", "constraints", "corridors", "countries", "currency", "has_duals", "has_point", "horizon_hours",
      "infeasibility", "markets", "model", "objective", "objective_kind", "objective_unit", "rules", "scenarios", "schema", "size",
      "slice_count", "stages", "status", "status_message", "storages", "timings", "warnings",
    ])
    #expect(o["schema"] as? String == "corridor-plan/2")
    #expect(o["scenarios"] as? [String] == ["base+1", "stress"])
    #expect(o["objective_kind"] as? String == "max-min-fair")
    #expect((o["stages"] as? [[String: Any]])?.map { $0["name"] as? String } == ["fairness", "priority order: AZ", "value"])
  }

  /// The JSON is the report document itself: decoding it gives back the same document
  /// (nulls included), so nothing is lost or renamed on the way out.
  @Test(arguments: 0..<3)
  func jsonDecodesToTheSameDocument(plan p: Int) throws {
    let plan = ReportGoldenTests.plans[p].1
    let document = ReportDocument(plan: plan)
    let decoded = try PlanJSON.decode(try PlanReport(plan: plan).render(.json))
    #expect(decoded == document)
  }

  @Test func infeasiblePlanHasNullObjective() throws {
    let (text, o) = try json(SamplePlans.infeasible)
    #expect(o["status"] as? String == "infeasible")
    #expect(o["objective"] is NSNull)
    #expect(o["certificate"] is NSNull)
    #expect(text.contains("\"objective\" : null"))
    let stage = try #require((o["stages"] as? [[String: Any]])?.first)
    #expect(stage["objective"] is NSNull && stage["status"] as? String == "infeasible")
    let rule = try #require((o["rules"] as? [[String: Any]])?.first)
    #expect((rule["achieved"] as? [String: Any])?["value"] is NSNull, "absent values are null, not missing")
    #expect((rule["dual"] as? [String: Any])?["value"] is NSNull)
    #expect(rule.keys.contains("per_share_point") && rule["per_share_point"] is NSNull, "a firm rule has no per-share-point value")
  }

  /// Every physical value is `{"value": …, "unit": …}` with the unit the schema names.
  @Test func quantitiesCarryUnits() throws {
    let (_, o) = try json(SamplePlans.everySection)
    func unit(_ any: Any?) -> String? {
      guard let q = any as? [String: Any], q.count == 2, q.keys.contains("value") else { return nil }
      return q["unit"] as? String
    }
    for c in try #require(o["corridors"] as? [[String: Any]]) {
      let u = c["name"] as? String == "cable, fiber" ? "Tbps" : "MW"
      #expect(unit(c["capacity"]) == u && unit(c["flow"]) == u && unit(c["peak_flow"]) == u)
      #expect(unit(c["utilization"]) == "fraction" && unit(c["loss"]) == "fraction")
      #expect(unit(c["shadow_price"]) == "USD/\(u)")
      for f in c["by_country"] as? [[String: Any]] ?? [] {
        #expect(unit(f["flow"]) == u && unit(f["share"]) == "fraction")
      }
    }
    let planned = try #require((o["corridors"] as? [[String: Any]])?.first { $0["name"] as? String == "planned" })
    #expect((planned["utilization"] as? [String: Any])?["value"] is NSNull, "no capacity: utilization null")
    #expect(planned["enabled"] as? Bool == false)
    for c in try #require(o["countries"] as? [[String: Any]]) {
      for key in ["revenue", "tariffs", "supply_cost", "storage_wear", "net_value"] { #expect(unit(c[key]) == "USD") }
      for s in c["supply"] as? [[String: Any]] ?? [] { #expect(unit(s["used"]) != nil && unit(s["available"]) != nil) }
      for m in c["by_market"] as? [[String: Any]] ?? [] { #expect(unit(m["delivered"]) != nil && unit(m["revenue"]) == "USD") }
    }
    let kz = try #require((o["countries"] as? [[String: Any]])?.first)
    #expect(((kz["net_value"] as? [String: Any])?["value"] as? NSNumber)?.doubleValue == 800_000 - 100_000.5 - 20_000)
    let markets = try #require(o["markets"] as? [[String: Any]])
    #expect(unit(markets[0]["average_price"]) == "USD/MWh" && unit(markets[0]["absorbs"]) == "MW")
    #expect(unit(markets[1]["average_price"]) == "USD/(Tbps/month)")
    #expect((markets[1]["absorbs"] as? [String: Any])?["value"] is NSNull, "unlimited market: absorbs null")
    #expect(unit(markets[0]["shadow_price"]) == "USD/MW" && unit(markets[0]["revenue"]) == "USD")
    let rules = try #require(o["rules"] as? [[String: Any]])
    #expect(rules.allSatisfy { Set($0.keys) == ["name", "kind", "target", "achieved", "binding", "dual", "detail", "per_share_point"] })
    // Each rule's dual is per unit of its row: share rules per MW of flow, firm per MW
    // delivered, supply-based fairness per fraction; share rules also per share point.
    #expect(rules.map { unit($0["dual"]) } == ["USD/MW", "USD/MW", "USD/MW", "USD/fraction", "USD/MW"])
    #expect(rules.map { unit($0["target"]) } == ["fraction", "fraction", "MW", "fraction", ""])
    #expect(unit(rules[0]["per_share_point"]) == "USD/pp")
    #expect(((rules[0]["per_share_point"] as? [String: Any])?["value"] as? NSNumber)?.doubleValue == -100_000)
    let constraints = try #require(o["constraints"] as? [[String: Any]])
    #expect(constraints.allSatisfy {
      Set($0.keys) == ["name", "expression", "per", "activity", "rhs", "binding", "binding_rows", "dual"]
    })
    #expect(constraints.map { unit($0["rhs"]) } == ["MW", "MWh"])
    #expect(constraints.map { unit($0["dual"]) } == ["USD/MW", "USD/MWh"], "per slice: per MW; per horizon: per MWh")
    let storage = try #require((o["storages"] as? [[String: Any]])?.first)
    #expect(unit(storage["charged"]) == "MW" && unit(storage["discharged"]) == "MW" && unit(storage["peak_level"]) == "MWh")
    let stages = try #require(o["stages"] as? [[String: Any]])
    #expect(stages.map { $0["objective_unit"] as? String } == ["fraction", "MW", "USD"])
    let cert = try #require(o["certificate"] as? [String: Any])
    #expect(Set(cert.keys) == ["max_bound_violation", "max_row_violation", "max_dual_infeasibility",
                               "max_complementarity_violation", "relative_gap", "max_integrality_violation", "proves", "holds"])
    #expect(cert["max_integrality_violation"] is NSNull && cert["holds"] as? Bool == true)
    #expect(cert["proves"] as? String == "optimality")
  }
}
