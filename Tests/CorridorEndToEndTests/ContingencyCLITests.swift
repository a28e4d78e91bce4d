// `corridor contingency`, run as a subprocess (issue #9, analysis 2): bad options exit 64
// naming the value and what is allowed, with nothing on stdout; outages checked against
// `corridor solve` of the matching scenario files (an independent path: the scenario
// loader and a cold build, not session edits); the four formats agree; --jobs 2 = --jobs 1.

import CorridorTestSupport
import Foundation
import Testing

@Suite("corridor contingency (issue #9)")
struct ContingencyCLITests {
  @Test("Bad options: exit 64, the value and what is allowed, no report",
        arguments: [
          (["--corridor", "cpcc"], ["'cpcc'", "cpc, atyrau-samara"]),
          (["--derate", "1.5"], ["--derate 1.5", "from 0 to 1"]),
          (["--derate=-0.25"], ["--derate -0.25", "from 0 to 1"]),
          (["--slices", "0..1"], ["slice 0 is outside the horizon", "1..1"]),
          (["--slices", "1..9"], ["slice 9 is outside the horizon", "1..1"]),
          (["--slices", "spring"], ["'spring'", "neither a slice name"]),
          (["--jobs", "0"], ["--jobs 0", "1 or more"]),
          (["--corridor", "cpc", "--pairs"], ["at least two"]),
        ])
  func badOptions(arguments: [String], expected: [String]) throws {
    let r = try corridor(["contingency", "models/oil-2030.toml"] + arguments)
    #expect(r.status == 64, "\(r)")
    #expect(r.stdout.isEmpty, "\(r)")
    for e in expected { #expect(r.stderr.contains(e), "\(arguments): \(r.stderr)") }
  }

  @Test("CPC at half capacity loses what `corridor solve` of the CPC −50 % scenario loses")
  func cpcHalf() throws {
    let base = try corridor("solve", "models/oil-2030.toml", "--format", "json")
    let cut = try corridor("solve", "models/scenarios/cpc-minus-50.toml", "--format", "json")
    let r = try corridor("contingency", "models/oil-2030.toml", "--corridor", "cpc", "--derate", "0.5", "--format", "json")
    #expect(r.status == 0, "\(r)")
    guard let b = jsonObject(base.stdout).flatMap({ number($0["objective"]) }),
          let c = jsonObject(cut.stdout).flatMap({ number($0["objective"]) }),
          let doc = jsonObject(r.stdout), let outages = doc["outages"] as? [[String: Any]], let o = outages.first
    else { Issue.record("no objective: \(base) \(cut) \(r)"); return }
    let lost = quantity(o["lost"])
    #expect(objectiveMatches(lost?.value ?? .nan, b - c), "lost \(String(describing: lost)), solve difference \(b - c)")
    #expect(lost?.unit == "USD")
    #expect(objectiveMatches(quantity(o["objective"])?.value ?? .nan, c))
    let share = quantity(o["lost_share"])
    #expect(share?.unit == "fraction")
    #expect(abs((share?.value ?? .nan) - (b - c) / abs(b)) <= 1e-9)
    #expect((doc["run"] as? [String: Any]).flatMap { number($0["solves"]) } == 1)
  }

  @Test("A slice window: CPC −35 % in q1 equals the shipped quarterly-outage scenario")
  func window() throws {
    let folder = try scratchFolder("contingency-window")
    // The quarterly scenario's slices with CPC fully available: the base of the outage.
    let quarters = try writeFile(folder, "oil-quarters.toml", """
      [scenario]
      extends = "\(packageRoot)/models/oil-2030.toml"
      name = "Oil 2030 in quarters"

      [time]
      slices = [
        { name = "q1", hours = "2190 h" },
        { name = "q2", hours = "2190 h" },
        { name = "q3", hours = "2190 h" },
        { name = "q4", hours = "2190 h" },
      ]
      """)
    let shipped = try corridor("solve", "models/scenarios/cpc-outage-3-months.toml", "--format", "json")
    let base = try corridor("solve", quarters, "--format", "json")
    for window in ["q1", "1..1", "q1..1"] {
      let r = try corridor("contingency", quarters, "--corridor", "cpc", "--derate", "0.35", "--slices", window, "--format", "json")
      #expect(r.status == 0, "\(r)")
      guard let s = jsonObject(shipped.stdout).flatMap({ number($0["objective"]) }),
            let b = jsonObject(base.stdout).flatMap({ number($0["objective"]) }),
            let doc = jsonObject(r.stdout), let o = (doc["outages"] as? [[String: Any]])?.first,
            let run = doc["run"] as? [String: Any], let w = run["slices"] as? [String: Any]
      else { Issue.record("\(shipped) \(base) \(r)"); return }
      #expect(objectiveMatches(quantity(o["objective"])?.value ?? .nan, s), "\(window)")
      #expect(objectiveMatches(quantity(o["lost"])?.value ?? .nan, b - s), "\(window)")
      #expect(number(w["first"]) == 1 && number(w["last"]) == 1 && w["first_name"] as? String == "q1")
    }
  }

  @Test("Teaching model (f) in every format: the same figures; infeasible outages are results")
  func formats() throws {
    let path = "models/teaching/06-firm-delivery.toml"
    let json = try corridor("contingency", path, "--format", "json")
    let csv = try corridor("contingency", path, "--format", "csv")
    let table = try corridor("contingency", path)
    let markdown = try corridor("contingency", path, "--format", "markdown")
    for r in [json, csv, table, markdown] { #expect(r.status == 0, "\(r)") }
    guard let doc = jsonObject(json.stdout), let outages = doc["outages"] as? [[String: Any]] else { return }
    let bs = outages.first { $0["name"] as? String == "black-sea" }
    // By hand (the model's comments): without the Black Sea cable all 400 MW go to TR,
    // 392 MW delivered × 70 EUR/MWh × 1000 h = 27,440,000; the base is 36,860,000.
    #expect(objectiveMatches(quantity(bs?["lost"])?.value ?? .nan, 9_420_000))
    #expect(doc["ranking"] as? [String] == ["caspian", "nakhchivan", "black-sea"])
    let caspian = outages.first { $0["name"] as? String == "caspian" }
    #expect(caspian?["status"] as? String == "infeasible")
    #expect(caspian?["commitments"] as? [String] == ["kz-firm-tr"])
    #expect(number((caspian?["lost"] as? [String: Any])?["value"]) == nil)
    // CSV: the same loss, unit in its own column; the missing loss of an infeasible outage is empty.
    #expect(csv.stdout.contains("outage,black-sea,,lost,9420000,EUR\n"), "\(csv.stdout.prefix(1500))")
    #expect(csv.stdout.contains("outage,caspian,,lost,,EUR\n"))
    #expect(csv.stdout.contains("commitment,caspian,kz-firm-tr,cannot_be_met,alone,\n"))
    // Table and Markdown: the same figure, grouped.
    for r in [table, markdown] {
      #expect(r.stdout.contains("9,420,000"))
      #expect(r.stdout.contains("kz-firm-tr"))
      #expect(r.stdout.contains("nakhchivan") && r.stdout.contains("takes over"))
    }
    #expect(markdown.stdout.contains("## Contingency (N-1)"))
  }

  @Test("--jobs 2 prints what --jobs 1 prints (but the worker count)")
  func jobs() throws {
    let one = try corridor("contingency", "models/electricity-2030.toml", "--pairs", "--jobs", "1", "--format", "json")
    let two = try corridor("contingency", "models/electricity-2030.toml", "--pairs", "--jobs", "2", "--format", "json")
    #expect(one.status == 0 && two.status == 0)
    let strip = { (s: String) in s.split(separator: "\n").filter { !$0.contains("\"workers\"") }.joined(separator: "\n") }
    #expect(strip(one.stdout) == strip(two.stdout), "\(lineDiff(expected: one.stdout, actual: two.stdout))")
    #expect(one.stdout.contains("\"workers\" : 1") && two.stdout.contains("\"workers\" : 2"))
  }

  @Test("--output writes the report only when complete; a bad option leaves no file")
  func output() throws {
    let folder = try scratchFolder("contingency-output")
    let path = folder + "/report.json"
    let bad = try corridor("contingency", "models/oil-2030.toml", "--corridor", "nope", "--output", path)
    #expect(bad.status == 64)
    #expect(!fileExists(path))
    let good = try corridor("contingency", "models/oil-2030.toml", "--output", path, "--format", "json")
    #expect(good.status == 0 && good.stdout.isEmpty, "\(good)")
    #expect(fileExists(path))
  }

  @Test("A base without an optimal plan: exit 10, said so, no report")
  func infeasibleBase() throws {
    let folder = try scratchFolder("contingency-infeasible")
    let path = try writeFile(folder, "infeasible.toml", infeasibleModel)
    let r = try corridor("contingency", path)
    #expect(r.status == 10, "\(r)")
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("the base model has no optimal plan (status infeasible)"), "\(r.stderr)")
  }
}
