// The diff report of two hand-built plans in every format, against golden text in
// DiffGoldens/ (its own folder: the plan goldens' folder lists only plan goldens).
// Re-record: RECORD_GOLDENS=1 swift test --filter DiffReportTests

import CorridorTestSupport
import Foundation
import Testing

@testable import CorridorPlanning
@testable import LinearProgramming
@testable import PlanReports

@Suite("Diff report of hand-built plans")
struct DiffReportTests {
  /// Teaching model (a) with the Caspian cable cut from 400 to 300 MW: KZ sends 300 MW,
  /// 288 MW enter black-sea (4 % loss), 273.6 MW reach RO (5 % loss) at 100 EUR/MWh over
  /// 1000 h: revenue 27,360,000 EUR; supply cost 3,000,000; tariffs ¾ of 2,720,000 =
  /// 2,040,000; objective 22,320,000 EUR. A second cable is added (carrying nothing), and
  /// a min-share rule starts binding.
  static var cut: Plan {
    var p = SamplePlans.compoundingLosses
    p.modelName = "Teaching (a): compounding losses"
    p.scenarios = ["caspian 300 MW"]
    p.objective = 22_320_000
    p.corridors[0].capacity = 300
    p.corridors[0].flow = 300
    p.corridors[0].peakFlow = 300
    p.corridors[0].byCountry = [CountryFlow(country: "KZ", flow: 300)]
    p.corridors[1].flow = 288
    p.corridors[1].utilization = 0.288
    p.corridors[1].byCountry = [CountryFlow(country: "KZ", flow: 288)]
    p.corridors.append(CorridorResult(
      name: "spare", commodity: "electricity", unit: "MW", from: "AZ", to: "RO", enabled: true, capacity: 100, flow: 0,
      peakFlow: 0, utilization: 0, shadowPrice: 0, bindingSlices: 0, byCountry: [], lossFraction: 0))
    p.countries[0].supplied[0].used = 300
    p.countries[0].revenue = 27_360_000
    p.countries[0].supplyCost = 3_000_000
    p.countries[0].tariffs = 2_040_000
    p.markets[0].delivered = 273.6
    p.markets[0].revenue = 27_360_000
    p.markets[0].byCountry = [CountryFlow(country: "KZ", flow: 273.6)]
    p.rules = [RuleResult(name: "kz-floor", kind: .minShare, target: 1, achieved: 1, binding: true, dual: -10,
                          note: "KZ on caspian", unit: "fraction", flowUnit: "MW",
                          byCountry: [CountryFlow(country: "KZ", flow: 1)])]
    return p
  }

  static var base: Plan {
    var p = SamplePlans.compoundingLosses
    p.rules = [RuleResult(name: "kz-floor", kind: .minShare, target: 1, achieved: 1, binding: false, dual: 0,
                          note: "KZ on caspian", unit: "fraction", flowUnit: "MW",
                          byCountry: [CountryFlow(country: "KZ", flow: 1)])]
    return p
  }

  static let run = RunReport(base: "models/teaching/01-compounding-losses.toml", other: nil,
                             scenarios: ["caspian-300.toml"])
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("DiffGoldens").path

  @Test(arguments: [(ReportFormat.table, "txt"), (.markdown, "md"), (.json, "json"), (.csv, "csv")])
  func rendersAsItsGolden(_ format: ReportFormat, _ ext: String) throws {
    let text = try DiffReport(diff: PlanDiff(base: Self.base, other: Self.cut), run: Self.run).render(format)
    let path = Self.folder + "/cut-caspian." + ext
    // The shared golden helper: compares, or records loudly (refused under CI).
    if let failure = checkTextGolden(text, at: path) { Issue.record(Comment(rawValue: failure)) }
  }

  /// The figures of the hand derivation above, as the document carries them.
  @Test func documentFigures() throws {
    let doc = DiffDocument(diff: PlanDiff(base: Self.base, other: Self.cut), run: Self.run)
    #expect(doc.objective.change == 22_320_000 - 29_760_000 && doc.objective.unit == "EUR")
    let caspian = try #require(doc.corridors.first { $0.name == "caspian" })
    #expect(caspian.flow.change == -100 && caspian.flow.unit == "MW")
    #expect(caspian.shadowPrice.unit == "EUR/MW")
    #expect(doc.corridors.first { $0.name == "spare" }?.presence == "added")
    #expect(doc.rules.first?.binding.transition == "starts")
    #expect(doc.rules.first?.dual.unit == "EUR/MW", "a share rule's dual is per unit of flow")
    let kz = try #require(doc.countries.first)
    #expect(kz.netValue.change == -7_440_000)
    #expect(doc.run.solves == 2 && doc.run.iterations == 4)
    #expect(!doc.empty)
    // The JSON decodes back to the same document.
    let json = try DiffReport(diff: PlanDiff(base: Self.base, other: Self.cut), run: Self.run).render(.json)
    let d = JSONDecoder()
    d.keyDecodingStrategy = .convertFromSnakeCase
    #expect(try d.decode(DiffDocument.self, from: Data(json.utf8)) == doc)
  }

  @Test func anEmptyDiffSaysSoInEveryFormat() throws {
    let r = DiffReport(diff: PlanDiff(base: Self.base, other: Self.base), run: Self.run)
    #expect(try r.render(.table).contains("no differences beyond the tolerance"))
    #expect(try r.render(.markdown).contains("| result | no differences beyond the tolerance"))
    #expect(try r.render(.json).contains("\"empty\" : true"))
    #expect(try r.render(.csv).contains("\nrun,,,empty,,1,,\n"))
  }
}
