// Hand-built plans rendered in every format and compared with golden text in
// Goldens/<plan>.<format>. Re-record: RECORD_GOLDENS=1 swift test --filter Golden

import CorridorModel
import Foundation
import PlanReports
import Testing

@testable import CorridorPlanning

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

  /// Every golden belongs to a plan and format above.
  @Test func noStrayGoldens() throws {
    let expected = Set(Self.plans.flatMap { p in Self.formats.map { "\(p.0).\($0.1)" } })
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
    #expect(csv.contains("\nplan,\"Sampler, \"\"quoted\"\" | piped\",base+1+stress,status,optimal,\n"))
    #expect(csv.contains("\ncorridor,\"cable, fiber\",,flow,15.84,Tbps\n"))
    #expect(csv.contains("\nmarket,\"EU \"\"data\"\"\",,average_price,,USD/Tbps/month\n"))
  }

  /// A 48 h horizon names its shadow-price unit per 48 h; a year says /yr.
  @Test func shadowPriceUnits() throws {
    let sampler = try PlanReport(plan: SamplePlans.everySection).render(.table)
    #expect(sampler.contains("12,346 USD/MW per 48 h"))
    let year = try PlanReport(plan: SamplePlans.infeasible).render(.table)
    #expect(year.contains("0 EUR/MW/yr"))
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
      "certificate", "constraints", "corridors", "countries", "currency", "horizon_hours", "markets", "model",
      "objective", "objective_kind", "objective_unit", "rules", "scenarios", "schema", "size", "stages", "status",
      "storages", "timings", "warnings",
    ])
    #expect(o["schema"] as? String == "corridor-plan/1")
    #expect(o["scenarios"] as? [String] == ["base+1", "stress"])
    #expect(o["objective_kind"] as? String == "max-min-fair")
    #expect((o["stages"] as? [[String: Any]])?.map { $0["name"] as? String } == ["fairness", "priority order: AZ", "value"])
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
    #expect(rule.keys.contains("achieved") && rule["achieved"] is NSNull, "absent values are null, not missing")
    #expect(rule["dual"] is NSNull)
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
    #expect(unit(markets[1]["average_price"]) == "USD/Tbps/month")
    #expect((markets[1]["absorbs"] as? [String: Any])?["value"] is NSNull, "unlimited market: absorbs null")
    #expect(unit(markets[0]["shadow_price"]) == "USD/MW" && unit(markets[0]["revenue"]) == "USD")
    let rules = try #require(o["rules"] as? [[String: Any]])
    #expect(rules.allSatisfy { Set($0.keys) == ["name", "kind", "target", "achieved", "unit", "binding", "dual", "detail", "per_share_point"] })
    #expect((rules[0]["per_share_point"] as? NSNumber)?.doubleValue == -100_000)
    let constraints = try #require(o["constraints"] as? [[String: Any]])
    #expect(constraints.allSatisfy {
      Set($0.keys) == ["name", "expression", "per", "activity", "rhs", "unit", "binding", "binding_rows", "dual"]
    })
    let cert = try #require(o["certificate"] as? [String: Any])
    #expect(Set(cert.keys) == ["max_bound_violation", "max_row_violation", "max_dual_infeasibility",
                               "max_complementarity_violation", "relative_gap", "max_integrality_violation", "holds"])
    #expect(cert["max_integrality_violation"] is NSNull && cert["holds"] as? Bool == true)
  }
}
