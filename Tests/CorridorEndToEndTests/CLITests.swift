// The `corridor` command line, run as a subprocess: stdout, stderr, exit
// codes and files, for corridor models and for plain LP/MIP files.
//
// Exit codes under test (Sources/corridor/ExitStatus.swift): 0 optimal / valid,
// 10 infeasible, 11 unbounded, 13 time limit, 64 usage, 65 bad input,
// 66 missing input, 73 output cannot be written.

import CorridorTestSupport
import Foundation
import Testing

/// A corridor model that loads fine but cannot be solved: the firm rule asks
/// 150 MW delivered through a 100 MW corridor.
let infeasibleModel = """
  [model]
  name = "infeasible firm rule"
  currency = "EUR"

  [commodities.electricity]
  family = "power"
  unit = "MW"

  [nodes.KZ]
  kind = "country"

  [nodes.RO]
  kind = "market"

  [supply.kz]
  country = "KZ"
  commodity = "electricity"
  volume = "500 MW"

  [corridors.link]
  from = "KZ"
  to = "RO"
  commodity = "electricity"
  capacity = "100 MW"

  [markets.RO]
  node = "RO"
  commodity = "electricity"
  price = "50 EUR/MWh"

  [rules.kz-firm]
  kind = "firm"
  country = "KZ"
  market = "RO"
  volume = "150 MW"

  """

/// max x + y s.t. x − y ≤ 1: y grows without limit.
let unboundedLP = """
  Maximize
   obj: x + y
  Subject To
   c1: x - y <= 1
  End

  """

/// A market-split MIP (Cornuejols and Dawande, 1998): 5 equality rows over 40
/// binaries with coefficients in 0…99 and right-hand sides of half the row sums.
/// Branch and bound needs far more than a second on it, so `--time-limit 1` stops it.
let marketSplitLP: String = {
  var rng = SplitMix64(seed: 7)
  let m = 5, n = 40
  var lines = ["\\ market split: hard for branch and bound", "Minimize",
               " obj: " + (0..<m).map { "s\($0)p + s\($0)n" }.joined(separator: " + "), "Subject To"]
  for i in 0..<m {
    let a = (0..<n).map { _ in Int(rng.next() % 100) }
    lines.append(" c\(i): " + a.enumerated().map { "\($1) x\($0)" }.joined(separator: " + ")
      + " + s\(i)p - s\(i)n = \(a.reduce(0, +) / 2)")
  }
  lines.append("Binary")
  lines += (0..<n).map { " x\($0)" }
  lines.append("End")
  return lines.joined(separator: "\n") + "\n"
}()

/// The seeded generator (see CorridorTestSupport).
typealias SplitMix64 = CorridorTestSupport.SplitMix64

/// Splits one CSV line (RFC 4180 quoting) into fields.
func csvFields(_ line: Substring) -> [String] {
  var fields: [String] = [], field = "", quoted = false
  var chars = line.makeIterator()
  while let c = chars.next() {
    if quoted {
      if c == "\"" {
        if let n = chars.next() {
          if n == "\"" { field.append("\"") } else { quoted = false; if n == "," { fields.append(field); field = "" } else { field.append(n) } }
        } else { quoted = false }
      } else { field.append(c) }
    } else if c == "\"" { quoted = true }
    else if c == "," { fields.append(field); field = "" }
    else { field.append(c) }
  }
  fields.append(field)
  return fields
}

/// Whitespace collapsed to single spaces (help text wraps at the terminal width).
func collapsed(_ s: String) -> String {
  s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}

let defaultModel = "models/electricity-2030.toml"

@Suite("corridor solve on corridor models", .enabled(if: corridorBinary != nil, "the corridor binary was not found"))
struct SolveModelCLITests {

  @Test func tableReport() throws {
    let r = try corridor("solve", defaultModel)
    #expect(r.status == 0, "\(r)")
    #expect(r.stderr.isEmpty, "\(r)")
    let out = r.stdout
    #expect(out.hasPrefix("Caspian electricity 2030\n"))
    #expect(out.contains("status       optimal — an optimal solution was found"))
    #expect(out.contains("objective    1,308,394,545 EUR (net export value over 8,760 h)"), "\(out.prefix(600))")
    #expect(out.contains("certificate  holds"))
    for section in ["Corridors (", "Corridor flows by country of origin (", "Countries (", "Supply (", "Markets (",
                    "Deliveries by country (", "Storage (", "Rules (", "Custom constraints ("] {
      #expect(out.contains("\n" + section), "missing section \(section)")
    }
    // The Black Sea cable binds in all 8 slices (quoted in models/README.md and the
    // model file; recorded while authoring, a regression check).
    let blackSea = try #require(out.split(separator: "\n").first { $0.hasPrefix("black-sea ") })
    #expect(blackSea.contains("yes (8/8)"), "\(blackSea)")
  }

  @Test func jsonReport() throws {
    let r = try corridor("solve", defaultModel, "--format", "json")
    #expect(r.status == 0, "\(r)")
    let o = try #require(jsonObject(r.stdout))
    let documented: Set<String> = [
      "schema", "model", "scenarios", "status", "objective", "objective_kind", "objective_unit", "currency",
      "horizon_hours", "certificate", "stages", "corridors", "countries", "markets", "storages", "rules",
      "constraints", "warnings", "size", "timings", "has_point", "has_duals", "slice_count", "status_message",
      "infeasibility",
    ]
    #expect(Set(o.keys) == documented, "keys differ from docs/json-schema.md: \(Set(o.keys).symmetricDifference(documented))")
    #expect(o["schema"] as? String == "corridor-plan/2")
    #expect(o["status"] as? String == "optimal")
    #expect(o["objective_unit"] as? String == "EUR" && o["currency"] as? String == "EUR")
    #expect(o["objective_kind"] as? String == "max-value")
    let objective = try #require(number(o["objective"]))
    // The figure models/README.md and the model file quote; scripts/reference-electricity-lp.py
    // derives it independently (ElectricityReferenceFigureTests, 1e-9 relative).
    #expect(abs(objective - 1_308_394_545) < 1e-6 * objective, "quoted figure 1,308,394,545 EUR/yr, got \(objective)")
    #expect(abs((number(o["horizon_hours"]) ?? .nan) - 8760) <= 1e-9, "8 slices covering 8,760 h")
    let cert = try #require(o["certificate"] as? [String: Any])
    #expect(cert["holds"] as? Bool == true)

    let corridors = try #require(o["corridors"] as? [[String: Any]])
    #expect(corridors.count == 8)
    for c in corridors {
      let name = c["name"] as? String ?? "?"
      for (key, unit) in [("capacity", "MW"), ("flow", "MW"), ("peak_flow", "MW"), ("utilization", "fraction"),
                          ("loss", "fraction"), ("shadow_price", "EUR/MW")] {
        #expect(quantity(c[key])?.unit == unit, "corridor \(name).\(key) should be a quantity in \(unit)")
      }
      for f in c["by_country"] as? [[String: Any]] ?? [] {
        #expect(quantity(f["flow"])?.unit == "MW" && quantity(f["share"])?.unit == "fraction")
      }
    }
    let blackSea = try #require(corridors.first { $0["name"] as? String == "black-sea" })
    let shadow = try #require(quantity(blackSea["shadow_price"])?.value)
    // Per nameplate MW (issue #8 item 1): 0.95 × 158,651 EUR per available MW-yr; a
    // re-solve with 1.301 GW gains 150,718.46 EUR (exact, independent figures:
    // ElectricityReferenceFigureTests, scripts/reference-electricity-lp.py).
    #expect(abs(shadow - 150_718.46) < 1, "about 150.7 k EUR per nameplate MW-yr, got \(shadow)")
    #expect(blackSea["binding"] as? Bool == true && number(blackSea["binding_slices"]) == 8)

    let countries = try #require(o["countries"] as? [[String: Any]])
    #expect(countries.compactMap { $0["name"] as? String } == ["AZ", "UZ", "KZ"])
    for c in countries {
      for key in ["revenue", "tariffs", "supply_cost", "storage_wear", "net_value"] {
        #expect(quantity(c[key])?.unit == "EUR", "country \(c["name"] ?? "?").\(key)")
      }
    }
    let netSum = countries.compactMap { quantity($0["net_value"])?.value }.reduce(0, +)
    #expect(abs(netSum - objective) <= 1e-6 * objective, "net values add up to the objective")

    for m in try #require(o["markets"] as? [[String: Any]]) {
      #expect(quantity(m["delivered"])?.unit == "MW")
      #expect(quantity(m["average_price"])?.unit == "EUR/MWh")
      #expect(quantity(m["shadow_price"])?.unit == "EUR/MW")
    }
    let rules = try #require(o["rules"] as? [[String: Any]])
    let kz = try #require(rules.first { $0["name"] as? String == "kz-westbound-min" })
    #expect(kz["binding"] as? Bool == true, "README: the KZ 12 % westbound floor binds")
    #expect(quantity(kz["target"])?.value == 0.12 && quantity(kz["target"])?.unit == "fraction")
    #expect(quantity(kz["dual"])?.value.map { $0 < 0 } == true && quantity(kz["dual"])?.unit == "EUR/MW")
    for c in try #require(o["constraints"] as? [[String: Any]]) {
      #expect(Set(c.keys).isSuperset(of: ["name", "expression", "per", "activity", "rhs", "binding", "binding_rows", "dual"]))
    }
    // The floor binds (the model file's result, confirmed by scripts/reference-electricity-lp.py:
    // KZ at 12.000 %); its target as a fraction, with a tolerance (a number, or {value, unit}).
    let target = number(kz["target"]) ?? quantity(kz["target"])?.value
    #expect(target.map { abs($0 - 0.12) <= 1e-12 } == true, "the 12 % floor as a fraction: \(String(describing: target))")
    let stages = try #require(o["stages"] as? [[String: Any]])
    #expect(stages.count == 1 && stages.first?["name"] as? String == "value")
    #expect((o["size"] as? [String: Any]).map { Set($0.keys) } == ["variables", "constraints", "non_zeros"])
    #expect((o["timings"] as? [String: Any]).map { Set($0.keys) } == ["build_seconds", "solve_seconds", "extract_seconds"])
  }

  @Test func csvReport() throws {
    let r = try corridor("solve", defaultModel, "--format", "csv")
    #expect(r.status == 0, "\(r)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "section,name,detail,quantity,value,unit")
    #expect(lines.last == "", "ends with a newline")
    for line in lines.dropLast() {
      #expect(csvFields(line).count == 6, "not 6 fields: \(line)")
    }
    #expect(lines.contains("plan,Caspian electricity 2030,,status,optimal,"))
    let objective = try #require(lines.first { $0.hasPrefix("plan,Caspian electricity 2030,,objective,") })
    #expect(csvFields(objective).last == "EUR")
    #expect(lines.contains { $0.hasPrefix("corridor,black-sea,,shadow_price,") && $0.hasSuffix(",EUR/MW") })
    #expect(lines.contains { $0.hasPrefix("country,KZ,,net_value,") && $0.hasSuffix(",EUR") })
    #expect(lines.contains { $0.hasPrefix("rule,kz-westbound-min,min-share,binding,1,") })
  }

  @Test func markdownReport() throws {
    let r = try corridor("solve", defaultModel, "--format", "markdown")
    #expect(r.status == 0, "\(r)")
    let out = r.stdout
    #expect(out.hasPrefix("## Caspian electricity 2030\n"))
    for heading in ["### Corridors", "### Countries", "### Markets", "### Storage", "### Rules", "### Custom constraints"] {
      #expect(out.contains("\n" + heading), "missing \(heading)")
    }
    #expect(out.contains("| corridor | route | capacity (MW) | flow (MW) | use (%) | shadow price (EUR/MW) | binding |"))
    #expect(out.contains("|---|---|---:|---:|---:|---:|---|\n"))
  }

  @Test func outputFileInsteadOfStdout() throws {
    let dir = try scratchFolder("output")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/report.txt"
    let r = try corridor("solve", defaultModel, "--output", path)
    #expect(r.status == 0, "\(r)")
    #expect(r.stdout.isEmpty)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    let direct = try corridor("solve", defaultModel)
    #expect(written == direct.stdout, "the file holds what stdout would have")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.txt"], "no temporary file left")
  }

  @Test func outputIntoAMissingFolder() throws {
    let dir = try scratchFolder("missing")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/no/such/folder/report.json"
    let r = try corridor("solve", defaultModel, "--format", "json", "--output", path)
    #expect(r.status == 73, "\(r)")
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("cannot write '\(path)'"), "\(r)")
    #expect(!fileExists(path))
    #expect(!fileExists(dir + "/no"))
  }

  @Test func outputOntoAFolder() throws {
    let dir = try scratchFolder("folder")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try corridor("solve", "models/teaching/01-compounding-losses.toml", "--output", dir)
    #expect(r.status == 73, "\(r)")
    #expect(r.stderr.contains("is a folder"), "\(r)")
  }

  @Test func scenarioOptionEqualsTheScenarioFile() throws {
    let viaOption = try corridor("solve", "models/oil-2030.toml", "--scenario", "models/scenarios/cpc-minus-50.toml", "--format", "json")
    let direct = try corridor("solve", "models/scenarios/cpc-minus-50.toml", "--format", "json")
    #expect(viaOption.status == 0 && direct.status == 0)
    let a = try #require(jsonObject(viaOption.stdout)), b = try #require(jsonObject(direct.stdout))
    #expect(a["scenarios"] as? [String] == ["Oil 2030: CPC -50 %"])
    let za = try #require(number(a["objective"])), zb = try #require(number(b["objective"]))
    #expect(objectiveMatches(za, zb), "--scenario \(za), scenario file \(zb)")
    // scripts/reference-oil-lp.py (scipy on the LP written out by hand): 21,124.6 M USD.
    #expect(objectiveMatches(za, 21_124_600_000), "reference 21,124,600,000 USD, got \(za)")
  }

  @Test func infeasibleModel_exit10_nullObjective() throws {
    let dir = try scratchFolder("infeasible")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let model = try writeFile(dir, "infeasible.toml", infeasibleModel)
    let check = try corridor("check", model)
    #expect(check.status == 0, "the model is valid, only unsolvable: \(check)")
    let table = try corridor("solve", model)
    #expect(table.status == 10, "\(table)")
    #expect(table.stdout.contains("status       infeasible — the model has no feasible solution"))
    #expect(table.stdout.contains("objective    none"))
    let json = try corridor("solve", model, "--format", "json")
    #expect(json.status == 10)
    let o = try #require(jsonObject(json.stdout))
    #expect(o["status"] as? String == "infeasible")
    #expect(o.keys.contains("objective") && o["objective"] is NSNull, "objective must be null: \(o["objective"] ?? "absent")")
    let stage = try #require((o["stages"] as? [[String: Any]])?.first)
    #expect(stage["objective"] is NSNull)
  }
}

@Suite("corridor check and export", .enabled(if: corridorBinary != nil, "the corridor binary was not found"))
struct CheckExportCLITests {

  @Test(arguments: allShippedModels)
  func checkShippedModel(model: String) throws {
    let r = try corridor("check", model, timeout: 120)
    #expect(r.status == 0, "\(r)")
    #expect(r.stdout.hasPrefix("\(model): ok — "), "\(r)")
  }

  @Test func checkBadModel() throws {
    let dir = try scratchFolder("bad")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try writeFile(dir, "typo.toml", infeasibleModel.replacingOccurrences(of: "to = \"RO\"", with: "to = \"ROO\""))
    let r = try corridor("check", path)
    #expect(r.status == 65, "\(r)")
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("\(path):"), "the message names the file: \(r)")
    #expect(r.stderr.contains("unknown node 'ROO'"), "\(r)")
    #expect(r.stderr.contains("did you mean 'RO'?"), "\(r)")
  }

  @Test func exportLPAndMPS() throws {
    let dir = try scratchFolder("export")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lp = dir + "/oil.lp", mps = dir + "/oil.mps"
    let a = try corridor("export", "models/oil-2030.toml", "--lp", lp)
    #expect(a.status == 0 && a.stdout.isEmpty, "\(a)")
    let lpText = try String(contentsOfFile: lp, encoding: .utf8)
    #expect(lpText.contains("Maximize"))
    #expect(lpText.contains("flow(KZ,cpc,year)"), "readable names")
    let b = try corridor("export", "models/oil-2030.toml", "--mps", mps)
    #expect(b.status == 0 && b.stdout.isEmpty, "\(b)")
    let mpsText = try String(contentsOfFile: mps, encoding: .utf8)
    #expect(mpsText.contains("ROWS") && mpsText.contains("COLUMNS") && mpsText.contains("ENDATA"))
  }

  @Test func exportOfALexicographicModelKeepsTheEarlierStage() throws {
    let dir = try scratchFolder("export-fair")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lp = dir + "/fair.lp"
    let r = try corridor("export", "models/teaching/05-max-min-fair.toml", "--lp", lp)
    #expect(r.status == 0, "\(r)")
    let text = try String(contentsOfFile: lp, encoding: .utf8)
    #expect(text.contains("stage(fairness)"), "the fairness stage is kept as a row")
  }

  @Test func exportUsage() throws {
    let dir = try scratchFolder("export-usage")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let neither = try corridor("export", "models/oil-2030.toml")
    #expect(neither.status == 64, "\(neither)")
    #expect(neither.stderr.contains("give exactly one of --lp PATH or --mps PATH"))
    let both = try corridor("export", "models/oil-2030.toml", "--lp", dir + "/a.lp", "--mps", dir + "/a.mps")
    #expect(both.status == 64, "\(both)")
    let missingFolder = try corridor("export", "models/oil-2030.toml", "--lp", dir + "/none/a.lp")
    #expect(missingFolder.status == 73, "\(missingFolder)")
    let missingModel = try corridor("export", "models/nope.toml", "--lp", dir + "/a.lp")
    #expect(missingModel.status == 66, "\(missingModel)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "nothing written")
  }
}

@Suite("corridor exit codes", .enabled(if: corridorBinary != nil, "the corridor binary was not found"))
struct ExitCodeCLITests {

  @Test func usageErrorsExit64() throws {
    let cases: [([String], String)] = [
      (["solve", defaultModel, "--bogus"], "Unknown option '--bogus'"),
      (["solve", defaultModel, "--data", "x.dat"], "--data applies to .mod MathProg models only"),
      (["solve"], "Missing expected argument '<file>'"),
      (["solve", "notes.txt"], "has no known extension"),
      (["solve", defaultModel, "--format", "xml"], "format"),
      (["solve", defaultModel, "--time-limit", "0"], "--time-limit must be a positive number"),
      (["solve", "\(glpkExamples)/plan.lp", "--scenario", "models/scenarios/cpc-minus-50.toml"], "--scenario applies to .toml"),
      (["check"], "Missing expected argument"),
      (["frobnicate"], "frobnicate"),
    ]
    for (args, message) in cases {
      let r = try corridor(args)
      #expect(r.status == 64, "\(args): \(r)")
      #expect(r.stdout.isEmpty, "\(args)")
      #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
    }
  }

  @Test func badModelFileExits65() throws {
    let dir = try scratchFolder("bad-syntax")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try writeFile(dir, "broken.toml", "[model\nname = 1\n")
    for command in ["solve", "check"] {
      let r = try corridor(command, path)
      #expect(r.status == 65, "\(command): \(r)")
      #expect(r.stderr.contains(path), "\(command): names the file: \(r)")
      #expect(r.stderr.contains("nothing was solved or written"))
    }
  }

  @Test func badLPFileExits65() throws {
    let dir = try scratchFolder("bad-lp")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try writeFile(dir, "broken.lp", "Maximize\n obj: x +\nSubject To\n")
    let r = try corridor("solve", path)
    #expect(r.status == 65, "\(r)")
    #expect(!r.stderr.isEmpty)
  }

  @Test func missingFilesExit66() throws {
    for args in [["solve", "models/nope.toml"], ["check", "models/nope.toml"], ["solve", "nope.lp"],
                 ["solve", "nope.mps"], ["solve", defaultModel, "--scenario", "models/scenarios/nope.toml"]] {
      let r = try corridor(args)
      #expect(r.status == 66, "\(args): \(r)")
      #expect(r.stderr.contains("nope."), "\(args): names the file: \(r.stderr)")
      #expect(r.stdout.isEmpty)
    }
  }

  @Test func unboundedLPExits11() throws {
    let dir = try scratchFolder("unbounded")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try writeFile(dir, "unbounded.lp", unboundedLP)
    let r = try corridor("solve", path, "--format", "json")
    #expect(r.status == 11, "\(r)")
    let o = try #require(jsonObject(r.stdout))
    #expect(["unbounded", "infeasible_or_unbounded"].contains(o["status"] as? String ?? ""))
    #expect(o["objective"] is NSNull)
  }

  /// max x + y s.t. x + y ≤ 1, x + y ≥ 4: no point, so no objective either.
  @Test func infeasibleLPFile() throws {
    let dir = try scratchFolder("infeasible-lp")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try writeFile(dir, "infeasible.lp", "Maximize\n obj: x + y\nSubject To\n c1: x + y <= 1\n c2: x + y >= 4\nEnd\n")
    let json = try corridor("solve", path, "--format", "json")
    #expect(json.status == 10, "\(json)")
    let o = try #require(jsonObject(json.stdout))
    #expect(o["status"] as? String == "infeasible")
    #expect(o["objective"] is NSNull, "objective must be null: \(o["objective"] ?? "absent")")
    let table = try corridor("solve", path)
    #expect(table.status == 10)
    #expect(table.stdout.contains("\nobjective   none\n"), "\(table)")
    let csv = try corridor("solve", path, "--format", "csv")
    #expect(csv.stdout.contains("\nmodel,\(path),objective,\n"), "\(csv)")
  }

  @Test(.timeLimit(.minutes(1)))
  func timeLimitExits13() throws {
    let dir = try scratchFolder("time-limit")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try writeFile(dir, "split.lp", marketSplitLP)
    let r = try corridor("solve", path, "--time-limit", "1", "--format", "json", timeout: 30)
    #expect(r.status == 13, "\(r)")
    #expect(r.seconds < 20, "stopped near the limit, took \(r.seconds) s")
    let o = try #require(jsonObject(r.stdout))
    #expect(o["status"] as? String == "time_limit")
    #expect(o["mip"] is [String: Any], "a MIP reports its bound and gap")
  }

  @Test func helpListsTheExitCodes() throws {
    for args in [["--help"], ["solve", "--help"], ["check", "--help"], ["export", "--help"]] {
      let r = try corridor(args)
      #expect(r.status == 0, "\(args): \(r)")
      let text = collapsed(r.stdout)
      for phrase in ["Exit codes: 0 optimal", "10 infeasible", "11 unbounded", "13 stopped at a time or iteration limit",
                     "64 usage error", "65 bad input file", "66 input missing or unreadable",
                     "70 internal or solver error", "73 output cannot be written"] {
        #expect(text.contains(phrase), "\(args) help lacks '\(phrase)'")
      }
    }
  }
}

@Suite("corridor solve on LP files", .enabled(if: corridorBinary != nil && fileExists(glpkExamples + "/plan.mps"),
                                           "the corridor binary or GLPK's examples (glpk-utils) are missing"))
struct LPFileCLITests {
  /// GLPK's plan example, whose optimum is 296.2166…; all three forms must agree.
  static let planObjective = 296.21660649819494

  @Test(arguments: [["plan.mps"], ["plan.lp"], ["plan.mod"]])
  func planExample(args: [String]) throws {
    let r = try corridor(["solve", glpkExamples + "/" + args[0], "--format", "json"])
    #expect(r.status == 0, "\(r)")
    let o = try #require(jsonObject(r.stdout))
    #expect(o["schema"] as? String == "corridor-lp-solution/1")
    #expect(o["status"] as? String == "optimal")
    #expect(o["sense"] as? String == "minimize")
    let z = try #require(number(o["objective"]))
    #expect(abs(z - Self.planObjective) <= 1e-9 * z, "\(z)")
    let keys: Set<String> = ["schema", "file", "status", "primal_status", "dual_status", "message", "objective", "sense",
                             "algorithm", "iterations", "solve_seconds", "certificate", "mip", "variables", "constraints"]
    #expect(Set(o.keys).subtracting(["postsolve_output"]) == keys)
    let variables = try #require(o["variables"] as? [[String: Any]])
    #expect(variables.count == 7)
    #expect(variables.allSatisfy { Set($0.keys) == ["name", "value", "reduced_cost"] })
    let constraints = try #require(o["constraints"] as? [[String: Any]])
    #expect(constraints.allSatisfy { Set($0.keys) == ["name", "activity", "lower", "upper", "dual"] })
    #expect(o["mip"] is NSNull)
  }

  @Test func tableAndCSVForAnLPFile() throws {
    let table = try corridor("solve", glpkExamples + "/plan.mps")
    #expect(table.status == 0, "\(table)")
    #expect(table.stdout.contains("status      optimal — an optimal solution was found"))
    #expect(table.stdout.contains("objective   296.2166064981"))
    #expect(table.stdout.contains("\nVariables\n") && table.stdout.contains("\nConstraints\n"))
    let csv = try corridor("solve", glpkExamples + "/plan.lp", "--format", "csv")
    #expect(csv.status == 0, "\(csv)")
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.first == "kind,name,quantity,value")
    #expect(lines.contains { $0.hasPrefix("model,\(glpkExamples)/plan.lp,objective,296.2166064981") })
    #expect(lines.contains("model,\(glpkExamples)/plan.lp,status,optimal"))
    #expect(lines.dropFirst().allSatisfy { csvFields($0).count == 4 })
  }

  @Test func mathProgWithData() throws {
    // The suite runs only with GLPK's examples installed; sudoku.dat is one of them.
    try #require(fileExists(glpkExamples + "/sudoku.dat"), "GLPK's examples are installed but sudoku.dat is missing")
    let r = try corridor("solve", glpkExamples + "/sudoku.mod", "--data", glpkExamples + "/sudoku.dat", "--format", "json")
    #expect(r.status == 0, "\(r)")
    let o = try #require(jsonObject(r.stdout))
    #expect(o["status"] as? String == "optimal")
    #expect((o["variables"] as? [Any])?.count == 729)
    #expect(o["mip"] is [String: Any])
    #expect((o["postsolve_output"] as? String)?.isEmpty == false, "the model's display after solve;")
  }
}
