// `corridor value` run as a user runs it (issue #9 items 3, 4): the built binary on the hand
// model of models/teaching/07-value-curve.toml, whose figures are derived by hand in its
// header, in all four formats; and bad input, each refused with exit 64, a message that
// names the value and what is allowed, and nothing on stdout.

import CorridorTestSupport
import Foundation
import Testing

@Suite("corridor value end to end (issue #9 item 3)")
struct ValueCLITests {
  static let model = "models/teaching/07-value-curve.toml"

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  static func value(_ figure: Any?) -> Double? { (figure as? [String: Any])?["value"] as? Double }

  @Test func jsonHoldsTheHandDerivedFigures() throws {
    let r = try corridor("value", Self.model, "--corridor", "cable", "--corridor", "land", "--from", "0 MW", "--to", "0.8 GW", "--format", "json")
    #expect(r.status == 0, "\(r)")
    let d = try Self.json(r.stdout)
    #expect(d["schema"] as? String == "corridor-value/1")
    #expect(Self.value(d["base_value"]).map { abs($0 - 38_400_000) < 1e-3 } == true)
    let corridors = try #require(d["corridors"] as? [[String: Any]])
    let cable = try #require(corridors.first { $0["name"] as? String == "cable" })
    let toot = try #require(cable["toot"] as? [String: Any]), pint = try #require(cable["pint"] as? [String: Any])
    // Hand: TOOT = PINT = 84,000 EUR/MW × 300 MW; tariffs 2 × 300 × 1000; rent (108·400 + 68·600) × 300.
    for (k, e) in [("value", 25_200_000.0), ("tariffs", 600_000), ("congestion_rent", 25_200_000)] {
      #expect(Self.value(toot[k]).map { abs($0 - e) <= 1e-9 * e } == true, "toot \(k): \(toot[k] ?? "nil")")
      #expect(Self.value(pint[k]).map { abs($0 - e) <= 1e-9 * e } == true, "pint \(k): \(pint[k] ?? "nil")")
    }
    #expect((toot["value"] as? [String: Any])?["unit"] as? String == "EUR")
    let curves = try #require(d["curves"] as? [[String: Any]])
    let curve = try #require(curves.first { $0["corridor"] as? String == "cable" })
    let bp = (curve["breakpoints"] as? [Any] ?? []).compactMap(Self.value)
    #expect(bp.count == 2 && abs(bp[0] - 400) < 1e-6 && abs(bp[1] - 600) < 1e-6, "breakpoints \(bp)")
    let slopes = (curve["pieces"] as? [[String: Any]] ?? []).compactMap { Self.value($0["slope"]) }
    #expect(slopes.count == 3 && zip(slopes, [84_000.0, 18_000, 0]).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, $1) }, "slopes \(slopes)")
    #expect(((curve["pieces"] as? [[String: Any]])?.first?["slope"] as? [String: Any])?["unit"] as? String == "EUR/MW")
    let run = try #require(d["run"] as? [String: Any])
    #expect((run["solves"] as? Int ?? 0) >= 1 + 2 + 3 + 5, "base, 2 TOOT, PINT base + 2, ≥ 5 curve solves: \(run)")
    #expect(run["cold_base_iterations"] as? Int != nil)
  }

  @Test func everyFormatShowsTheSameFigures() throws {
    let args = ["value", Self.model, "--corridor", "cable", "--from", "0 MW", "--to", "800 MW"]
    let table = try corridor(args)
    let markdown = try corridor(args + ["--format", "markdown"])
    let csv = try corridor(args + ["--format", "csv"])
    for r in [table, markdown, csv] { #expect(r.status == 0, "\(r)") }
    #expect(table.stdout.contains("breakpoints at 400.000, 600.000 MW"), "\(table.stdout)")
    #expect(table.stdout.contains("25,200,000"), "\(table.stdout)")
    #expect(markdown.stdout.contains("| cable"), "\(markdown.stdout)")
    #expect(csv.stdout.hasPrefix("section,name,detail,quantity,value,unit\n"))
    #expect(csv.stdout.contains("toot,cable,,value,25200000,EUR\n"), "\(csv.stdout)")
    #expect(csv.stdout.contains("toot,cable,,congestion_rent,25200000,EUR\n"), "\(csv.stdout)")
    // Breakpoints come from tangent intersections: exact up to roundoff (1e-9 relative).
    func number(_ prefix: String, unit: String) -> Double? {
      let line = csv.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }
      let f = line?.split(separator: ",", omittingEmptySubsequences: false) ?? []
      return f.count == 6 && f[5] == unit ? Double(f[4]) : nil
    }
    #expect(number("curve,cable,1,breakpoint,", unit: "MW").map { abs($0 - 400) <= 1e-9 * 400 } == true, "\(csv.stdout)")
    #expect(number("curve,cable,2,breakpoint,", unit: "MW").map { abs($0 - 600) <= 1e-9 * 600 } == true, "\(csv.stdout)")
    #expect(number("piece,cable,2,slope,", unit: "EUR/MW").map { abs($0 - 18_000) <= 1e-9 * 18_000 } == true, "\(csv.stdout)")
  }

  @Test(arguments: [
    (["--corridor", "nope"], "unknown corridor 'nope'"),
    (["--from", "3 GW", "--to", "1 MW"], "is above --to"),
    (["--from", "1 Tbps", "--to", "3 GW"], "is a bandwidth, not a power"),
    (["--from", "3", "--to", "4 MW"], "plain number"),
    (["--from", "3 MW"], "give --from and --to together"),
    (["--steps", "-1"], "--steps"),
  ])
  func badInputIsAUsageError(_ extra: [String], _ message: String) throws {
    let r = try corridor(["value", Self.model] + extra)
    #expect(r.status == 64, "\(extra): \(r)")
    #expect(r.stderr.contains(message), "\(extra): \(r.stderr)")
    #expect(r.stdout.isEmpty, "\(extra): \(r.stdout)")
  }

  /// A lexicographic objective (max-min-fair) has no concave value curve: asked for one, exit 64;
  /// by default the curves are skipped with a note and TOOT/PINT still run.
  @Test func lexicographicObjectiveHasNoCurve() throws {
    let asked = try corridor("value", "models/teaching/05-max-min-fair.toml", "--from", "0 MW", "--to", "1 GW")
    #expect(asked.status == 64, "\(asked)")
    #expect(asked.stderr.contains("lexicographic stages"), "\(asked.stderr)")
    let plain = try corridor("value", "models/teaching/05-max-min-fair.toml", "--format", "json")
    #expect(plain.status == 0, "\(plain)")
    let d = try Self.json(plain.stdout)
    #expect((d["curves"] as? [Any])?.isEmpty == true)
    #expect(((d["notes"] as? [String]) ?? []).contains { $0.contains("no value curves") })
  }

  /// Teaching model 06 must deliver 98 MW to TR through Nakhchivan: without the Caspian cable
  /// (its only way out of KZ) the firm delivery cannot be met, so TOOT has no value (null) and
  /// the run's status says infeasible; the exit status is still 0 (the run itself succeeded).
  @Test func runWithoutAnOptimumIsReportedNotAnError() throws {
    let r = try corridor("value", "models/teaching/06-firm-delivery.toml", "--corridor", "caspian", "--no-curve", "--format", "json")
    #expect(r.status == 0, "\(r)")
    let d = try Self.json(r.stdout)
    let c = try #require((d["corridors"] as? [[String: Any]])?.first)
    let toot = try #require(c["toot"] as? [String: Any])
    #expect(toot["status_without"] as? String == "infeasible")
    #expect((toot["value"] as? [String: Any])?["value"] is NSNull)
    #expect((c["note"] as? String)?.contains("TOOT without it: infeasible") == true)
  }

  @Test func missingModelIs66() throws {
    let r = try corridor("value", "models/no-such-model.toml")
    #expect(r.status == 66, "\(r)")
  }
}
