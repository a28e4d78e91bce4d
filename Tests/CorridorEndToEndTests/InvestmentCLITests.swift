// Investment models through the built binary (issue #11): a MIP that branch and cut cannot
// finish within the time limit (exit 13, best plan, bound and gap; progress on stderr),
// and bad investment input (exit 65 naming file, entry and line, saying how to fix it).

import CorridorTestSupport
import Foundation
import Testing

/// A MIP that GLPK cannot prove within seconds: `corridors` exporters sell into one market
/// whose volume (1000 MW in 2030, +150 MW per planning year) is far below what they could
/// send, so the question is which discrete cable sizes (97, 131, 173, 211, 257, 307 MW:
/// no two sums alike) fill it best, in which year. Each size costs about 0.4 MEUR/MW ± 10 %
/// (knapsack-like: value and cost nearly proportional, so the LP bound is close to many
/// integer plans and prunes little) and supply costs 5–15 EUR/MWh. With the defaults (30
/// corridors, 5 years: 900 binaries, seed 1), glpsol on the exported LP is still 0.9 %
/// from its bound after 25 s and 0.6 % after 120 s (checked by hand:
/// `glpsol --lp hard.lp --tmlim 120` ends INTEGER NON-OPTIMAL); its first integer plan
/// comes after about 500 simplex iterations (0.2–0.3 s here; later on a loaded machine).
func hardInvestmentModel(corridors: Int = 30, years: [Int] = [2030, 2032, 2034, 2036, 2038], seed: UInt64 = 1) -> String {
  var rng = SplitMix64(seed: seed)
  let sizes = [97, 131, 173, 211, 257, 307]
  var t = """
    [model]
    name = "hard investment MIP"
    currency = "EUR"

    [time]
    slices = [ { name = "year", hours = "1000 h" } ]
    years = [\(years.map(String.init).joined(separator: ", "))]

    [nodes.M]
    kind = "market"

    [markets.m]
    node = "M"
    commodity = "electricity"
    price = "60 EUR/MWh"
    volume = { \(years.enumerated().map { "\($0.element) = \"\(1000 + 150 * $0.offset) MW\"" }.joined(separator: ", ")) }

    """
  for i in 0..<corridors {
    let supplyCost = rng.uniform(5...15)
    let costs = sizes.map { String(format: "\"%.4f MEUR\"", Double($0) * 0.4 * rng.uniform(0.9...1.1)) }
    t += """

      [nodes.C\(i)]
      kind = "country"

      [supply.s\(i)]
      country = "C\(i)"
      commodity = "electricity"
      volume = "400 MW"
      cost = "\(String(format: "%.3f", supplyCost)) EUR/MWh"

      [corridors.k\(i)]
      from = "C\(i)"
      to = "M"
      commodity = "electricity"
      capacity = "0 MW"

      [corridors.k\(i).build]
      sizes = [\(sizes.map { "\"\($0) MW\"" }.joined(separator: ", "))]
      costs = [\(costs.joined(separator: ", "))]
      lifetime = 30
      discount-rate = "5 %"

      """
  }
  return t
}

@Suite("Investment models through the binary", .enabled(if: corridorBinary != nil, "the corridor binary was not found"))
struct InvestmentCLITests {

  // MARK: A MIP stopped at the time limit

  @Test func aHardMIPStopsAtTheTimeLimitWithItsBestPlanBoundAndGap() throws {
    let dir = try scratchFolder("hard-mip")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let model = try writeFile(dir, "hard.toml", hardInvestmentModel())
    var r = try corridor("solve", model, "--time-limit", "1", "--format", "json", "--quiet")
    #expect(r.status == 13, "\(r)")
    #expect(r.seconds < 20, "the time limit was not kept: \(r.seconds) s")
    var o = try #require(jsonObject(r.stdout))
    if o["objective"] == nil || number(o["objective"]) == nil {
      // No integer plan within 1 s (a loaded machine): the report must say so — no
      // objective, no gap, nothing built, not proven — and a longer search must find one.
      let inv = o["investment"] as? [String: Any]
      #expect(inv?["proven"] as? Bool == false && number(quantity(inv?["gap"])?.value) == nil
              && (inv?["builds"] as? [Any])?.isEmpty == true, "\(r.stdout.prefix(800))")
      r = try corridor("solve", model, "--time-limit", "4", "--format", "json", "--quiet")
      #expect(r.status == 13, "\(r)")
      o = try #require(jsonObject(r.stdout))
    }
    #expect(o["status"] as? String == "time_limit")
    let inv = try #require(o["investment"] as? [String: Any])
    #expect(inv["mixed_integer"] as? Bool == true)
    #expect(inv["proven"] as? Bool == false, "claims a proven optimum: \(inv["proven"] ?? "nil")")
    let objective = try #require(number(o["objective"]), "no best plan reported")
    let bound = try #require(number(quantity(inv["best_bound"])?.value), "no best bound")
    let gap = try #require(number(quantity(inv["gap"])?.value), "no gap")
    #expect(quantity(inv["best_bound"])?.unit == "EUR" && quantity(inv["gap"])?.unit == "fraction")
    // A maximisation: the plan found ≤ the bound, the gap is theirs, and it is open.
    #expect(objective > 0 && objective <= bound * (1 + 1e-9), "plan \(objective) above its bound \(bound)")
    #expect(abs(gap - (bound - objective) / objective) <= 1e-6 * max(gap, 1e-3), "gap \(gap) is not (bound − plan)/plan = \((bound - objective) / objective)")
    #expect(gap > 1e-4, "gap \(gap): a search of seconds on this model cannot be that close")
    let builds = try #require(inv["builds"] as? [[String: Any]])
    #expect(!builds.isEmpty, "the best plan builds nothing")
    // Each corridor is built at most once, at one of its sizes.
    let names = builds.compactMap { $0["name"] as? String }
    #expect(Set(names).count == names.count, "a corridor built twice: \(names)")
    for b in builds {
      let size = try #require(number(quantity(b["size"])?.value))
      #expect([97.0, 131, 173, 211, 257, 307].contains { abs($0 - size) < 1e-9 }, "size \(size) is not one of the choices")
    }

    // Independent bound: glpsol's LP relaxation of the same export bounds every plan and
    // every branch-and-cut bound from above.
    if let glpsol = glpsolPath {
      let lp = dir + "/hard.lp"
      let e = try corridor("export", model, "--lp", lp)
      #expect(e.status == 0, "\(e)")
      let relaxed = try run(glpsol, ["--lp", lp, "--nomip", "-w", dir + "/relaxed.sol"], timeout: 60)
      #expect(relaxed.status == 0, "\(relaxed)")
      let sol = (try? String(contentsOfFile: dir + "/relaxed.sol", encoding: .utf8)) ?? ""
      let line = try #require(sol.split(separator: "\n").first { $0.hasPrefix("s ") })
      let z = try #require(line.split(separator: " ").last.flatMap { Double(String($0)) })
      #expect(bound <= z * (1 + 1e-7), "best bound \(bound) above the LP relaxation \(z)")
      #expect(objective < z, "a plan worth \(objective) ≥ the LP relaxation \(z)")
    }

    // The text report says so too.
    let text = try corridor("solve", model, "--time-limit", "2", "--quiet")
    #expect(text.status == 13, "\(text)")
    #expect(text.stdout.contains("NOT proven optimal") && text.stdout.contains("best bound") && text.stdout.contains("gap"),
            "\(text.stdout.prefix(800))")
  }

  /// Stopped before branch and cut found any integer plan (0.01 s: its first plan takes
  /// about 500 simplex iterations): exit 13 and a report that says no plan was found yet —
  /// not "no feasible point", which would read as an infeasible model (building nothing is
  /// feasible here).
  @Test func stoppedBeforeAnyPlanSaysSo() throws {
    let dir = try scratchFolder("hard-mip-none")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let model = try writeFile(dir, "hard.toml", hardInvestmentModel())
    let r = try corridor("solve", model, "--time-limit", "0.01", "--quiet")
    #expect(r.status == 13, "\(r)")
    let line = r.stdout.split(separator: "\n").first { $0.hasPrefix("objective") }.map(String.init) ?? ""
    #expect(line.contains("no integer plan found") && !line.contains("no feasible point"), "\(line)")
    #expect(line.contains("--time-limit"), "the line should say how to get a plan: \(line)")
  }

  /// --mip-gap stops branch and cut within the gap asked for: exit 0, and the report says
  /// the plan is within that gap, not that its optimum is proven (a positive gap remains).
  @Test func aMIPGapIsWithinNotProven() throws {
    let dir = try scratchFolder("hard-mip-gap")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let model = try writeFile(dir, "hard.toml", hardInvestmentModel())
    let r = try corridor("solve", model, "--mip-gap", "5 %", "--time-limit", "60", "--quiet", "--format", "json")
    #expect(r.status == 0, "\(r)")
    let inv = try #require(jsonObject(r.stdout)?["investment"] as? [String: Any])
    let gap = try #require(number(quantity(inv["gap"])?.value))
    #expect(gap > 1e-9 && gap <= 0.05 + 1e-12, "gap \(gap)")
    #expect(inv["within_gap"] as? Bool == true && inv["proven"] as? Bool == false, "\(inv)")
    let text = try corridor("solve", model, "--mip-gap", "5 %", "--time-limit", "60", "--quiet")
    #expect(text.stdout.contains("within the MIP gap asked for, not proven optimal"), "\(text.stdout.prefix(600))")
  }

  /// Progress lines appear on stderr after 3 s (every 2 s), and not with --quiet.
  @Test func progressLinesOnStderrUnlessQuiet() throws {
    let dir = try scratchFolder("hard-mip-progress")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let model = try writeFile(dir, "hard.toml", hardInvestmentModel())
    let loud = try corridor("solve", model, "--time-limit", "5", "--format", "json")
    #expect(loud.status == 13, "\(loud)")
    let lines = loud.stderr.split(separator: "\n").filter { $0.hasPrefix("branch and cut: ") }
    #expect(!lines.isEmpty, "no progress lines: \(loud.stderr.prefix(500))")
    #expect(lines.count <= 2, "more than one line every 2 s after 3 s: \(lines)")
    for l in lines {
      #expect(l.contains(" nodes, best plan ") && l.contains(", bound ") && l.contains(", gap "), "\(l)")
      // "branch and cut: 3.0 s, …": never before 3 s.
      let seconds = l.dropFirst("branch and cut: ".count).split(separator: " ").first.flatMap { Double(String($0)) }
      #expect((seconds ?? 0) >= 3, "\(l)")
    }
    #expect(jsonObject(loud.stdout) != nil, "progress must not go to stdout")
    let quiet = try corridor("solve", model, "--time-limit", "4", "--format", "json", "--quiet")
    #expect(quiet.status == 13, "\(quiet)")
    #expect(!quiet.stderr.contains("branch and cut"), "--quiet printed progress: \(quiet.stderr.prefix(500))")
  }

  // MARK: Units of a storage build

  /// An oil tank built against a pipeline: its energy is an amount of oil (Mt), not "Mt/yr·h".
  /// By hand: KZ has 10 Mt/yr in the first half-year (4380 h) and none in the second; the
  /// pipe carries 5 Mt/yr; RO pays 500 EUR/t. A tank of 5 Mt/yr with 4380 h holds
  /// 5 Mt/yr × 0.5 yr = 2.5 Mt and moves the surplus to the second half: +2.5 Mt sold.
  /// Cost 1 EUR/t of storage: 2,500,000 EUR, over 10 years without discounting 250,000 a year.
  /// Objective 2 × 2.5 Mt × 500 EUR/t − 250,000 = 2,499,750,000 EUR.
  @Test func anOilTankBuildReportsItsEnergyInMegatonnes() throws {
    let dir = try scratchFolder("oil-tank")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let model = try writeFile(dir, "oil.toml", """
      [model]
      name = "oil tank build"
      currency = "EUR"
      [time]
      slices = [ { name = "first", hours = "4380 h" }, { name = "second", hours = "4380 h" } ]
      [nodes.KZ]
      kind = "country"
      [nodes.RO]
      kind = "market"
      [supply.kz]
      country = "KZ"
      commodity = "oil"
      volume = ["10 Mt/yr", "0 Mt/yr"]
      [corridors.pipe]
      from = "KZ"
      to = "RO"
      commodity = "oil"
      capacity = "5 Mt/yr"
      [storage.tank]
      node = "KZ"
      commodity = "oil"
      power = "0 Mt/yr"
      energy = "0 Mt"
      [storage.tank.build]
      max = "10 Mt/yr"
      duration = "4380 h"
      cost = "1 EUR/t"
      lifetime = 10
      discount-rate = "0 %"
      [markets.ro]
      node = "RO"
      commodity = "oil"
      price = "500 EUR/t"
      """)
    let r = try corridor("solve", model, "--format", "json")
    #expect(r.status == 0, "\(r)")
    let o = try #require(jsonObject(r.stdout))
    #expect(objectiveMatches(try #require(number(o["objective"])), 2_499_750_000))
    let build = try #require(((o["investment"] as? [String: Any])?["builds"] as? [[String: Any]])?.first)
    let size = try #require(quantity(build["size"])), energy = try #require(quantity(build["energy"]))
    #expect(size.unit == "Mt/yr" && flowMatches(size.value ?? 0, 5), "size \(size)")
    #expect(energy.unit == "Mt" && flowMatches(energy.value ?? 0, 2.5), "energy \(energy)")
    #expect(flowMatches(number(quantity(build["investment"])?.value) ?? 0, 2_500_000))
  }

  // MARK: Bad input

  /// A valid two-year investment model; each bad case replaces one line of it.
  static let base = """
    [model]
    name = "bad investment input"
    currency = "EUR"

    [time]
    slices = [ { name = "year", hours = "1000 h" } ]
    years = [2030, 2035]
    discount-rate = "5 %"

    [nodes.KZ]
    kind = "country"

    [nodes.AZ]
    kind = "market"

    [supply.kz]
    country = "KZ"
    commodity = "electricity"
    volume = { 2030 = "100 MW", 2035 = "200 MW" }

    [corridors.cable]
    from = "KZ"
    to = "AZ"
    commodity = "electricity"
    capacity = "100 MW"

    [corridors.cable.build]
    sizes = ["100 MW", "200 MW"]
    cost = "1 MEUR/MW"
    lifetime = 40

    [markets.az]
    node = "AZ"
    commodity = "electricity"
    price = "50 EUR/MWh"

    """

  struct BadCase: Sendable, CustomTestStringConvertible {
    var label: String
    /// The line of `base` replaced, and its replacement.
    var replace: String
    var with: String
    /// The line the error must name: the first line containing this text after the change.
    var lineOf: String
    /// The entry the error must name.
    var entry: String
    /// Phrases the message must contain (what is wrong, and how to fix it).
    var phrases: [String]
    var testDescription: String { label }
  }

  static let badCases: [BadCase] = [
    BadCase(label: "sizes without a cost", replace: "cost = \"1 MEUR/MW\"\n", with: "",
            lineOf: "[corridors.cable.build]", entry: "corridors.cable.build",
            phrases: ["missing investment cost", "cost = \"", "costs = ["]),
    BadCase(label: "a horizon discount rate of -5 %", replace: "discount-rate = \"5 %\"", with: "discount-rate = \"-5 %\"",
            lineOf: "discount-rate", entry: "time.discount-rate", phrases: ["-5 %", "0–100 %"]),
    BadCase(label: "a year of 2500", replace: "years = [2030, 2035]", with: "years = [2030, 2500]",
            lineOf: "years =", entry: "time.years.1", phrases: ["found 2500", "calendar year such as 2030"]),
    BadCase(label: "one year weight for two years", replace: "discount-rate = \"5 %\"", with: "discount-rate = \"5 %\"\nyear-weights = [5]",
            lineOf: "year-weights", entry: "time.year-weights", phrases: ["one weight per planning year (2)", "year-weights = [5, 5]"]),
    BadCase(label: "a year weight of 0", replace: "discount-rate = \"5 %\"", with: "discount-rate = \"5 %\"\nyear-weights = [5, 0]",
            lineOf: "year-weights", entry: "time.year-weights.1", phrases: ["from 1 to 100", "found 0"]),
    BadCase(label: "an option discount rate of -5 %", replace: "lifetime = 40", with: "lifetime = 40\ndiscount-rate = \"-5 %\"",
            lineOf: "discount-rate = \"-5", entry: "corridors.cable.build.discount-rate", phrases: ["-5 %", "0–100 %"]),
    BadCase(label: "a lifetime of 0", replace: "lifetime = 40", with: "lifetime = 0",
            lineOf: "lifetime = 0", entry: "corridors.cable.build.lifetime", phrases: ["0 years", "more than 0"]),
    BadCase(label: "an unknown year in a per-year table", replace: "2035 = \"200 MW\"", with: "2033 = \"200 MW\"",
            lineOf: "2033 =", entry: "supply.kz.volume.2033", phrases: ["2033", "not a planning year", "2030, 2035"]),
    BadCase(label: "a build commissioned after the horizon", replace: "lifetime = 40", with: "lifetime = 40\navailable-from = 2050",
            lineOf: "available-from", entry: "corridors.cable.build.available-from", phrases: ["2050", "outside the horizon (2030–2039)", "2030, 2035"]),
    BadCase(label: "a build commissioned between planning years", replace: "lifetime = 40", with: "lifetime = 40\navailable-from = 2032",
            lineOf: "available-from", entry: "corridors.cable.build.available-from",
            phrases: ["2032", "between the planning years (2030, 2035)", "available-from = 2035", "add 2032 to years"]),
    BadCase(label: "a corridor commissioned before the horizon", replace: "capacity = \"100 MW\"", with: "capacity = \"100 MW\"\navailable-from = 2025",
            lineOf: "available-from", entry: "corridors.cable.available-from", phrases: ["2025", "2030, 2035"]),
    BadCase(label: "a corridor retiring before the horizon", replace: "capacity = \"100 MW\"", with: "capacity = \"100 MW\"\nretires = 2020",
            lineOf: "retires", entry: "corridors.cable.retires", phrases: ["2020", "2030"]),
    BadCase(label: "a cost in USD in an EUR model", replace: "cost = \"1 MEUR/MW\"", with: "cost = \"2 MUSD/MW\"",
            lineOf: "MUSD", entry: "corridors.cable.build.cost", phrases: ["USD", "EUR", "exchange-rates"]),
    BadCase(label: "O&M in USD in an EUR model", replace: "lifetime = 40", with: "lifetime = 40\nfixed-om = \"3 kUSD/MW/yr\"",
            lineOf: "fixed-om", entry: "corridors.cable.build.fixed-om", phrases: ["USD", "EUR", "exchange-rates"]),
  ]

  @Test(arguments: badCases)
  func badInvestmentInputIsExit65(_ c: BadCase) throws {
    let dir = try scratchFolder("bad-investment")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(Self.base.contains(c.replace), "the case does not apply to the base model")
    let text = Self.base.replacingOccurrences(of: c.replace, with: c.with)
    let path = try writeFile(dir, "model.toml", text)
    let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(c.lineOf) }) + 1
    let r = try corridor("solve", path, "--output", dir + "/plan.json", "--format", "json")
    #expect(r.status == 65, "\(c.label): \(r)")
    #expect(r.stdout.isEmpty && !fileExists(dir + "/plan.json"), "\(c.label): output written")
    let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 1, "\(c.label): one error expected, got \(errors)")
    let message = String(errors.first ?? "")
    #expect(message.hasPrefix("\(path):\(line): error: \(c.entry): "), "\(c.label): expected \(path):\(line) and \(c.entry), got \(message)")
    for p in c.phrases { #expect(message.contains(p), "\(c.label): '\(p)' missing in \(message)") }
    // The valid base model loads: the error is the edit's.
    let ok = try writeFile(dir, "base.toml", Self.base)
    #expect(try corridor("check", ok).status == 0)
  }
}
