// Issue #8 item 11: what `solve` warns about, `check` must warn about (the loader gives the
// warnings); an empty model is an error however it became empty.

import Testing

@testable import CorridorModel

/// The bad-corpus base model (KZ → RO, 500 MW, 100 EUR/MWh) with `extra` TOML appended.
private func model(_ extra: String, _ name: String) -> String {
  let dir = scratchDirectory("model-warnings")
  let base = String(decoding: (try? FileBytes.read(fixture("bad/support/base.toml")).get()) ?? [], as: UTF8.self)
  let path = "\(dir)/\(name).toml"
  write(base + "\n" + extra + "\n", to: path)
  return path
}

private func warnings(_ path: String) throws -> [Diagnostic] {
  try ModelLoader.load(path: path).warnings
}

@Suite("Model warnings that check and solve share")
struct ModelWarningTests {
  static let teaching = testDirectory + "/../../models/teaching/"

  @Test("a fair-share rule without the fairness objective warns at load, on the rule")
  func fairShareWithoutObjective() throws {
    let dir = scratchDirectory("model-warnings")
    let scenario = dir + "/fair-off.toml"
    write(
      "[scenario]\nextends = \"\(FileBytes.normalize(Self.teaching + "05-max-min-fair.toml"))\"\n[model]\nobjective = \"max-value\"\n",
      to: scenario)
    let w = try warnings(scenario)
    let fair = w.filter { $0.message.contains("fair-share rules act only with objective \"max-min-fair\"") }
    #expect(fair.count == 1, "\(w)")
    #expect(fair.first?.entry.hasPrefix("rules.") == true)
    // With the fairness objective (the shipped file) there is no such warning.
    #expect(try warnings(FileBytes.normalize(Self.teaching + "05-max-min-fair.toml")).allSatisfy { !$0.message.contains("fair-share") })
  }

  @Test("min-cost with nothing that forces a flow warns; a firm rule or a >= constraint silences it")
  func minCostNothingToDeliver() throws {
    let nothing = model("", "nothing").replacingModelLine()
    let w = try warnings(nothing)
    #expect(w.contains { $0.entry == "model.objective" && $0.message.contains("nothing to deliver") }, "\(w)")

    let firm = model("[rules.f]\nkind = \"firm\"\ncountry = \"KZ\"\nmarket = \"RO\"\nvolume = \"100 MW\"", "firm").replacingModelLine()
    #expect(try warnings(firm).allSatisfy { !$0.message.contains("nothing to deliver") })

    let forced = model("[constraints.c]\nexpr = \"delivered[RO] >= 50 MW\"", "forced").replacingModelLine()
    #expect(try warnings(forced).allSatisfy { !$0.message.contains("nothing to deliver") })

    // A cap (<=) does not force anything: still nothing to deliver.
    let capped = model("[constraints.c]\nexpr = \"delivered[RO] <= 50 MW\"", "capped").replacingModelLine()
    #expect(try warnings(capped).contains { $0.message.contains("nothing to deliver") })

    // max-value (the default) never gets it.
    #expect(try warnings(model("", "maxvalue")).allSatisfy { !$0.message.contains("nothing to deliver") })
  }

  @Test("every supply or every market disabled is the same error as none at all")
  func emptyByDisabling() {
    let noSupply = loadErrors(model("", "no-supply").replacing("[supply.kz]\n", with: "[supply.kz]\nenabled = false\n"))
    #expect(noSupply.count == 1)
    #expect(noSupply.first?.message.contains("every supply is disabled (enabled = false at ") == true, "\(noSupply)")
    #expect(noSupply.first?.message.contains("nothing can flow") == true)
    let noMarket = loadErrors(model("", "no-market").replacing("[markets.RO]\n", with: "[markets.RO]\nenabled = false\n"))
    #expect(noMarket.count == 1)
    #expect(noMarket.first?.message.contains("every market is disabled") == true, "\(noMarket)")
  }
}

extension String {
  /// Rewrites the model file at this path, replacing `old` by `new`; returns the path.
  func replacing(_ old: String, with new: String) -> String {
    let text = String(decoding: (try? FileBytes.read(self).get()) ?? [], as: UTF8.self)
    var out = ""
    var rest = Substring(text)
    while let r = rest.range(of: old) {
      out += rest[..<r.lowerBound] + new
      rest = rest[r.upperBound...]
    }
    CorridorModelTests.write(out + rest, to: self)
    return self
  }

  /// Adds `objective = "min-cost"` to the `[model]` table of the file at this path.
  func replacingModelLine() -> String {
    replacing("[model]\n", with: "[model]\nobjective = \"min-cost\"\n")
  }
}
