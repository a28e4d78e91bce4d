// `corridor diff` end to end: golden diffs of every shipped scenario against its base
// model, a model against itself, the four formats agreeing, figures checked against two
// `corridor solve` runs, and bad input with the README's exit codes.
//
// Diff goldens live in Goldens/diff/<scenario name>.json: the JSON report of
// `corridor diff BASE --scenario SCENARIO --format json` (BASE: the model at the root of the
// scenario's `extends` chain), plus one BASE OTHER golden (a scenario against the scenario it
// extends). Compared figure by figure: numbers within 1e-6 relative + 1e-6 absolute (the
// tolerances of the solution goldens), texts and yes/no exactly; iteration counts and the
// certificate's residuals (solver noise) are not compared, its `holds` and `proves` are.
// Alternative optima: where GoldenPolicy (GoldenSolutionTests.swift) pins only part of a
// model's solution (the electricity split among countries, the fiber crossings), only the
// objective, the pinned figures of entries listed on both sides, and the run are compared.
// Re-recording: RECORD_GOLDENS=1 swift test --filter DiffCLITests

import CorridorTestSupport
import Foundation
import Testing

/// A shipped scenario and the model at the root of its `extends` chain.
struct ShippedScenario: CustomStringConvertible, Sendable {
  var scenario: String
  var base: String
  var description: String { scenario }

  /// Every models/scenarios/*.toml with its root model, read from the `extends` lines.
  static let all: [ShippedScenario] = shippedModels.filter { $0.hasPrefix("models/scenarios/") }.compactMap { s in
    var current = s
    for _ in 0..<10 {
      guard let text = try? String(contentsOfFile: packageRoot + "/" + current, encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("extends") }),
            let target = line.split(separator: "\"").dropFirst().first
      else { return current == s ? nil : ShippedScenario(scenario: s, base: current) }
      let absolute = URL(fileURLWithPath: packageRoot + "/" + current).deletingLastPathComponent()
        .appendingPathComponent(String(target)).standardized.path
      guard absolute.hasPrefix(packageRoot + "/") else { return nil }
      current = String(absolute.dropFirst(packageRoot.count + 1))
    }
    return nil
  }
}

/// `Goldens/diff/<name>.json`.
func diffGoldenPath(_ name: String) -> String { testSourceDirectory + "/Goldens/diff/" + name + ".json" }

/// Differences between a golden diff report and a new one, one readable line each.
///
/// - Parameter partial: compare only the objective, the run, and the pinned figures of
///   entries on both sides (alternative optima; see the header).
func diffReportDifferences(golden: Any, actual: Any, pins: [GoldenPin]) -> [String] {
  let partial = pins.count < GoldenPin.allCases.count
  var out: [String] = []
  func fmt(_ v: Double) -> String { String(format: "%.10g", v) }
  func compare(_ g: Any?, _ a: Any?, _ path: String) {
    let key = path.split(separator: ".").last.map(String.init) ?? path
    if key == "iterations" || path.contains("certificate.max_") || path.hasSuffix("certificate.relative_gap") { return }
    switch (g, a) {
    case let (g as [String: Any], a as [String: Any]):
      for k in Set(g.keys).union(a.keys).sorted() { compare(g[k], a[k], path.isEmpty ? k : "\(path).\(k)") }
    case let (g as [Any], a as [Any]):
      // Lists of named entries are matched by name (or key), so an order change reads well.
      func name(_ x: Any) -> String? { (x as? [String: Any]).flatMap { ($0["name"] ?? $0["key"]) as? String } }
      if g.allSatisfy({ name($0) != nil }) && a.allSatisfy({ name($0) != nil }) {
        let gn = g.compactMap(name), an = a.compactMap(name)
        if gn != an { out.append("\(path): golden lists \(gn), now \(an)") }
        for x in g { if let y = a.first(where: { name($0) == name(x) }) { compare(x, y, "\(path)[\(name(x)!)]") } }
      } else if g.count != a.count {
        out.append("\(path): golden has \(g.count) items, now \(a.count)")
      } else {
        for (i, (x, y)) in zip(g, a).enumerated() { compare(x, y, "\(path)[\(i)]") }
      }
    case let (g?, a?) where number(g) != nil || number(a) != nil:
      guard let x = number(g), let y = number(a) else { out.append("\(path): golden \(g), now \(a)"); return }
      if !flowMatches(x, y) { out.append("\(path): golden \(fmt(x)), now \(fmt(y)) (Δ \(fmt(y - x)))") }
    case (nil, nil), (is NSNull, is NSNull), (is NSNull, nil), (nil, is NSNull): break
    case let (g?, a?):
      if "\(g)" != "\(a)" { out.append("\(path): golden \(g), now \(a)") }
    default:
      out.append("\(path): golden \(g.map { "\($0)" } ?? "absent"), now \(a.map { "\($0)" } ?? "absent")")
    }
  }
  guard partial else {
    compare(golden, actual, "")
    return out
  }
  guard let g = golden as? [String: Any], let a = actual as? [String: Any] else { return ["not JSON objects"] }
  for key in ["run", "objective", "tolerance", "lists_all"] { compare(g[key], a[key], key) }
  for side in ["base", "other"] {
    let gs = g[side] as? [String: Any], s = a[side] as? [String: Any]
    for key in ["model", "scenarios", "status", "objective"] { compare(gs?[key], s?[key], "\(side).\(key)") }
  }
  func entries(_ o: [String: Any], _ section: String) -> [String: [String: Any]] {
    Dictionary((o[section] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "?", $0) }, uniquingKeysWith: { x, _ in x })
  }
  if pins.contains(.corridorFlows) {
    let gc = entries(g, "corridors"), ac = entries(a, "corridors")
    for n in Set(gc.keys).intersection(ac.keys).sorted() {
      compare(gc[n]?["flow"], ac[n]?["flow"], "corridors[\(n)].flow")
      compare(gc[n]?["capacity"], ac[n]?["capacity"], "corridors[\(n)].capacity")
    }
  }
  if pins.contains(.countryNetValues) {
    let gc = entries(g, "countries"), ac = entries(a, "countries")
    for n in Set(gc.keys).intersection(ac.keys).sorted() {
      compare(gc[n]?["net_value"], ac[n]?["net_value"], "countries[\(n)].net_value")
    }
  }
  return out
}

@Suite("corridor diff", .enabled(if: corridorBinary != nil, "the corridor binary was not found"))
struct DiffCLITests {
  /// Records or compares one golden diff report.
  func checkGolden(_ name: String, args: [String], pinsOf model: String) throws {
    let r = try corridor(["diff"] + args + ["--format", "json"], timeout: 240)
    #expect(r.status == 0, "\(args): \(r)")
    let path = diffGoldenPath(name)
    if GoldenMode.current != .compare {  // RECORD_GOLDENS=1: loud, and refused under CI
      try FileManager.default.createDirectory(atPath: testSourceDirectory + "/Goldens/diff", withIntermediateDirectories: true)
      if let failure = recordGolden(r.stdout, at: path) { Issue.record(Comment(rawValue: failure)) }
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record("no golden at \(path); record it with RECORD_GOLDENS=1 swift test --filter DiffCLITests")
      return
    }
    let golden = try JSONSerialization.jsonObject(with: data)
    let actual = try #require(jsonObject(r.stdout))
    let diff = diffReportDifferences(golden: golden, actual: actual, pins: GoldenPolicy.pins(for: model).pins)
    #expect(diff.isEmpty, "\(name) differs from \(path):\n  \(diff.joined(separator: "\n  "))")
  }

  @Test(arguments: ShippedScenario.all)
  func goldenDiffOfAShippedScenario(_ s: ShippedScenario) throws {
    let name = (s.scenario as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: "")
    try checkGolden(name, args: [s.base, "--scenario", s.scenario], pinsOf: s.scenario)
  }

  /// The BASE OTHER form: a scenario against the scenario it extends.
  @Test func goldenDiffOfTwoFiles() throws {
    try checkGolden("cpc-minus-50--cpc-minus-50-caspian-stretch",
                    args: ["models/scenarios/cpc-minus-50.toml", "models/scenarios/cpc-minus-50-caspian-stretch.toml"],
                    pinsOf: "models/scenarios/cpc-minus-50-caspian-stretch.toml")
  }

  /// Every shipped scenario has a diff golden and every golden a scenario.
  @Test func everyScenarioHasADiffGolden() throws {
    let names = Set(ShippedScenario.all.map { ($0.scenario as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: "") + ".json" })
    #expect(names.count >= 8, "scenarios found: \(names.sorted())")
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: testSourceDirectory + "/Goldens/diff"))
    #expect(names.subtracting(files).isEmpty, "scenarios without a diff golden: \(names.subtracting(files).sorted())")
    let extra = files.subtracting(names).subtracting(["cpc-minus-50--cpc-minus-50-caspian-stretch.json"])
    #expect(extra.isEmpty, "diff goldens without a scenario: \(extra.sorted())")
    #expect(ShippedScenario.all.first { $0.scenario.hasSuffix("cpc-minus-50-caspian-stretch.toml") }?.base
            == "models/oil-2030.toml", "a chained scenario's base is the root model")
  }

  /// The golden comparison itself fails on a moved figure and on a new entry.
  @Test func theGoldenComparisonCanFail() throws {
    let g: [String: Any] = ["objective": ["before": 1.0, "after": 2.0, "unit": "EUR"],
                            "corridors": [["name": "a", "flow": ["after": 5.0, "unit": "MW"], "iterations": 3]]]
    var a = g
    #expect(diffReportDifferences(golden: g, actual: a, pins: GoldenPin.allCases).isEmpty)
    a["corridors"] = [["name": "a", "flow": ["after": 5.1, "unit": "MW"], "iterations": 9]]
    #expect(diffReportDifferences(golden: g, actual: a, pins: GoldenPin.allCases).count == 1)
    a["corridors"] = [["name": "a", "flow": ["after": 5.0, "unit": "MW"]], ["name": "b"]]
    #expect(diffReportDifferences(golden: g, actual: a, pins: GoldenPin.allCases).first?.contains("golden lists") == true)
    // Partial pins compare the flows of entries on both sides only.
    #expect(diffReportDifferences(golden: g, actual: a, pins: [.objective, .corridorFlows]).isEmpty)
  }

  @Test(arguments: ["models/oil-2030.toml", "models/electricity-2030.toml", "models/scenarios/fiber-fair-split.toml"])
  func aModelAgainstItselfIsEmpty(_ model: String) throws {
    let table = try corridor("diff", model, model)
    #expect(table.status == 0, "\(table)")
    #expect(table.stdout.contains("no differences beyond the tolerance"), "\(table.stdout)")
    let json = try #require(jsonObject(try corridor("diff", model, model, "--format", "json").stdout))
    #expect(json["empty"] as? Bool == true)
    for section in ["corridors", "countries", "markets", "rules", "constraints"] {
      #expect((json[section] as? [Any])?.isEmpty == true, "\(model): \(section) listed")
    }
    // --all lists every corridor, none changed.
    let all = try #require(jsonObject(try corridor("diff", model, model, "--all", "--format", "json").stdout))
    let corridors = try #require(all["corridors"] as? [[String: Any]])
    #expect(!corridors.isEmpty)
    #expect(corridors.allSatisfy { ($0["flow"] as? [String: Any])?["changed"] as? Bool == false })
  }

  /// Independent check: the diff's objectives and change equal two `corridor solve` runs,
  /// and the CPC flow change equals the scenario's capacity cut (72.5 × 50 % = 36.25 Mt/yr,
  /// CPC full in both plans: see PlanDiffShippedTests for the hand derivation).
  @Test func objectiveChangeEqualsTwoSolves() throws {
    let scenario = "models/scenarios/cpc-minus-50.toml"
    let base = try #require(number(jsonObject(try corridor("solve", "models/oil-2030.toml", "--format", "json").stdout)?["objective"]))
    let other = try #require(number(jsonObject(try corridor("solve", scenario, "--format", "json").stdout)?["objective"]))
    let r = try corridor("diff", "models/oil-2030.toml", "--scenario", scenario, "--format", "json")
    let json = try #require(jsonObject(r.stdout))
    let objective = try #require(json["objective"] as? [String: Any])
    #expect(objectiveMatches(try #require(number(objective["before"])), base))
    #expect(objectiveMatches(try #require(number(objective["after"])), other))
    #expect(objectiveMatches(try #require(number(objective["change"])), other - base))
    #expect(objectiveMatches(other - base, -12_802_250_000), "by hand: −36.25 · 432 + 7.1 · 402.5 M USD")
    let cpc = try #require((json["corridors"] as? [[String: Any]])?.first { $0["name"] as? String == "cpc" })
    let flow = try #require(cpc["flow"] as? [String: Any])
    #expect(flowMatches(try #require(number(flow["change"])), -36.25) && flow["unit"] as? String == "Mt/yr")
    let run = try #require(json["run"] as? [String: Any])
    #expect(run["base"] as? String == "models/oil-2030.toml" && run["scenarios"] as? [String] == [scenario])
    #expect(number(run["solves"]) == 2 && (number(run["iterations"]) ?? 0) > 0)
  }

  /// The four formats carry the same figures: the CSV's rows equal the JSON's values, the
  /// table and Markdown show them rounded.
  @Test func theFourFormatsAgree() throws {
    let args = ["diff", "models/oil-2030.toml", "--scenario", "models/scenarios/cpc-minus-50.toml"]
    let json = try #require(jsonObject(try corridor(args + ["--format", "json"]).stdout))
    let csv = try corridor(args + ["--format", "csv"]).stdout
    let table = try corridor(args).stdout
    let markdown = try corridor(args + ["--format", "markdown"]).stdout
    let lines = csv.split(separator: "\n")
    #expect(lines.first == "section,name,detail,quantity,before,after,change,unit")
    let cpcFlow = try #require(lines.first { $0.hasPrefix("corridor,cpc,,flow,") })
    #expect(cpcFlow == "corridor,cpc,,flow,72.5,36.25,-36.25,Mt/yr")
    let objective = try #require(lines.first { $0.hasPrefix("objective,") }).split(separator: ",", omittingEmptySubsequences: false)
    let o = try #require(json["objective"] as? [String: Any])
    #expect(objectiveMatches(try #require(Double(objective[5])), try #require(number(o["after"]))))
    #expect(objective[7] == "USD")
    for text in [table, markdown] {
      #expect(text.contains("72.50 → 36.25"), "\(text)")
      #expect(text.contains("33,926,850,000 → 21,124,600,000"), "\(text)")
      #expect(text.contains("-12,802,250,000"), "\(text)")
    }
    #expect(markdown.hasPrefix("## Diff: "))
    #expect(json["schema"] as? String == "corridor-diff/1")
  }

  /// A rule replaced by a scenario reads as removed and added, a disabled corridor as
  /// enabled yes → no, a disabled market as removed: none is an error.
  @Test func addedRemovedAndDisabledEntries() throws {
    let fair = try #require(jsonObject(try corridor("diff", "models/fiber-2030.toml",
                                                     "models/scenarios/fiber-fair-split.toml", "--format", "json").stdout))
    let rules = try #require(fair["rules"] as? [[String: Any]])
    #expect(rules.first { $0["name"] as? String == "fair-crossing" }?["presence"] as? String == "added")
    #expect(rules.first { $0["name"] as? String == "uz-caspian-min" }?["presence"] as? String == "removed")
    let absent = try #require(jsonObject(try corridor("diff", "models/electricity-2030.toml",
                                                       "models/scenarios/black-sea-absent.toml", "--format", "json").stdout))
    let cable = (absent["corridors"] as? [[String: Any]])?.first { $0["name"] as? String == "black-sea" }
    let enabled = cable?["enabled"] as? [String: Any]
    #expect(enabled?["before"] as? Bool == true && enabled?["after"] as? Bool == false)
    let ro = (absent["markets"] as? [[String: Any]])?.first { $0["name"] as? String == "RO" }
    #expect(ro?["presence"] as? String == "removed")
  }

  /// The figures each scenario file states it expects (its "Expected (reference LP while
  /// authoring)" comment), read from the diff: written before this command existed.
  @Test func scenarioFilesExpectations() throws {
    func diff(_ base: String, _ scenario: String) throws -> [String: Any] {
      try #require(jsonObject(try corridor("diff", base, "--scenario", "models/scenarios/" + scenario, "--format", "json").stdout))
    }
    func after(_ d: [String: Any], _ section: String, _ name: String, _ figure: String) -> Double? {
      let entry = (d[section] as? [[String: Any]])?.first { $0["name"] as? String == name }
      if figure == "volume" { return number(((entry?["volume"] as? [[String: Any]])?.first?["value"] as? [String: Any])?["after"]) }
      return number((entry?[figure] as? [String: Any])?["after"])
    }
    let oil = "models/oil-2030.toml"
    // CPC −24 %: CPC 55.1 + Samara 8.6 + Aktau 3.6 + China 1.1 = 68.4 Mt/yr exported.
    let m24 = try diff(oil, "cpc-minus-24.toml")
    #expect(flowMatches(after(m24, "corridors", "cpc", "flow") ?? .nan, 55.1))
    #expect(flowMatches(after(m24, "countries", "KZ", "volume") ?? .nan, 68.4))
    // CPC −35 % for one quarter (quarterly slices; issue #8 item 4): the hours-weighted CPC
    // flow is 72.5 × (1 − 0.35 / 4) = 66.15625; Samara (8.6) fills in q1 only, taking
    // 8.6 − 1.5 = 7.1 more for a quarter: 1.5 + 7.1 / 4 = 3.275 Mt/yr on average; the rest of
    // the q1 cut, 25.375 − 7.1 = 18.275 Mt/yr for a quarter (4.56875 Mt), is shut in.
    let outage = try diff(oil, "cpc-outage-3-months.toml")
    #expect(flowMatches(after(outage, "corridors", "cpc", "flow") ?? .nan, 72.5 * (1 - 0.35 / 4)))
    #expect(flowMatches(after(outage, "corridors", "atyrau-samara", "flow") ?? .nan, 1.5 + (8.6 - 1.5) / 4))
    #expect(flowMatches(after(outage, "countries", "KZ", "volume") ?? .nan, 78.7 - (72.5 * 0.35 - 7.1) / 4))
    // CPC −50 % with the Caspian route stretched: 22.75 Mt/yr shut in of 78.7.
    let stretch = try diff(oil, "cpc-minus-50-caspian-stretch.toml")
    #expect(flowMatches(after(stretch, "countries", "KZ", "volume") ?? .nan, 78.7 - 22.75))
    #expect(flowMatches(after(stretch, "corridors", "kz-aktau", "flow") ?? .nan, 10))
    // Fiber fair split: z = 21.8 / 24 = 0.908333…
    let fair = try diff("models/fiber-2030.toml", "fiber-fair-split.toml")
    #expect(flowMatches(after(fair, "rules", "fair-crossing", "achieved") ?? .nan, 21.8 / 24))
    // Fiber at 400 Tbps: all 32 Tbps of demand served westward.
    let design = try diff("models/fiber-2030.toml", "fiber-design-400.toml")
    #expect(flowMatches(after(design, "corridors", "black-sea-fiber", "flow") ?? .nan, 32))
  }

  /// A scenario that breaks a commitment: the other plan is infeasible, which is a result,
  /// not an error of the run: the report is printed, its figures missing, and the exit code
  /// is that of the infeasible solve (10). Teaching model (f) must deliver 98 MW to TR after
  /// a 2 % loss; with the Caspian cable at 50 MW at most 49 MW can arrive.
  @Test func anInfeasibleScenarioIsReportedWithExit10() throws {
    let dir = try scratchFolder("diff-infeasible")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let scenario = try writeFile(dir, "cut.toml", """
      [scenario]
      extends = "\(packageRoot)/models/teaching/06-firm-delivery.toml"
      name = "Caspian cable at 50 MW"
      [corridors.caspian]
      capacity = "50 MW"
      """)
    let r = try corridor("diff", "models/teaching/06-firm-delivery.toml", "--scenario", scenario, "--format", "json")
    #expect(r.status == 10, "\(r)")
    let json = try #require(jsonObject(r.stdout))
    #expect((json["other"] as? [String: Any])?["status"] as? String == "infeasible")
    let objective = try #require(json["objective"] as? [String: Any])
    #expect(objectiveMatches(try #require(number(objective["before"])), 36_860_000) && objective["after"] is NSNull)
    let rule = (json["rules"] as? [[String: Any]])?.first { $0["name"] as? String == "kz-firm-tr" }
    #expect((rule?["binding"] as? [String: Any])?["after"] is NSNull)
    let table = try corridor("diff", "models/teaching/06-firm-delivery.toml", "--scenario", scenario)
    #expect(table.status == 10 && table.stdout.contains("optimal → infeasible"), "\(table)")
  }

  @Test func usageErrorsExit64() throws {
    let oil = "models/oil-2030.toml", cpc = "models/scenarios/cpc-minus-50.toml"
    let cases: [([String], String)] = [
      (["diff", oil], "nothing to compare"),
      (["diff", oil, cpc, "--scenario", cpc], "not both"),
      (["diff", "\(glpkExamples)/plan.lp", oil], "diff compares .toml models"),
      (["diff", oil, "x.mps"], "diff compares .toml models"),
      (["diff", oil, cpc, "--tolerance=-1"], "--tolerance must be"),
      (["diff", oil, cpc, "--tolerance", "1"], "--tolerance must be"),
      (["diff", oil, cpc, "--tolerance", "nan"], "--tolerance must be"),
      (["diff", oil, cpc, "--format", "xml"], "format"),
      (["diff"], "Missing expected argument"),
    ]
    for (args, message) in cases {
      let r = try corridor(args)
      #expect(r.status == 64, "\(args): \(r)")
      #expect(r.stdout.isEmpty, "\(args)")
      #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
    }
  }

  @Test func missingAndBadFiles() throws {
    let dir = try scratchFolder("diff-bad")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/diff.json"
    for args in [["models/nope.toml", "models/oil-2030.toml"], ["models/oil-2030.toml", "models/nope.toml"],
                 ["models/oil-2030.toml", "--scenario", "models/scenarios/nope.toml"]] {
      let r = try corridor(["diff"] + args + ["--output", out])
      #expect(r.status == 66, "\(args): \(r)")
      #expect(r.stderr.contains("nope.toml"), "\(args): names the file: \(r.stderr)")
      #expect(!fileExists(out), "no output file after an error")
    }
    // A good run writes the report to --output, exactly what stdout would show.
    let ok = try corridor("diff", "models/oil-2030.toml", "--scenario", "models/scenarios/cpc-minus-24.toml", "--output", out)
    let shown = try corridor("diff", "models/oil-2030.toml", "--scenario", "models/scenarios/cpc-minus-24.toml")
    #expect(ok.status == 0 && ok.stdout.isEmpty, "\(ok)")
    #expect((try? String(contentsOfFile: out, encoding: .utf8)) == shown.stdout)
    try FileManager.default.removeItem(atPath: out)
    let broken = try writeFile(dir, "broken.toml", "[model\nname = 1\n")
    let r = try corridor("diff", "models/oil-2030.toml", broken, "--output", out)
    #expect(r.status == 65, "\(r)")
    #expect(r.stderr.contains(broken) && r.stderr.contains("nothing was solved or written"), "\(r.stderr)")
    #expect(!fileExists(out))
  }
}
