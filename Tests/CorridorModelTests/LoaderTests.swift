import Foundation
import Testing

@testable import CorridorModel

@Suite("Loading the good fixture")
struct LoaderTests {
  let model: Model

  init() throws {
    model = try ModelLoader.load(path: fixture("good/full.toml"))
  }

  @Test("model table and time slices")
  func header() {
    #expect(model.name == "Full fixture")
    #expect(model.description == "Every section, every unit family")
    #expect(model.currency == "EUR")
    #expect(model.objective == .maxMinFair)
    #expect(model.slices == [TimeSlice(name: "winter", hours: 2190), TimeSlice(name: "summer", hours: 6570)])
    #expect(model.totalHours == 8760)
    #expect(model.scenarioNames.isEmpty)
    #expect(model.files.count == 2)
    #expect(model.files[0].hasSuffix("good/full.toml"))
    #expect(model.files[1].hasSuffix("good/profiles.csv"))
  }

  @Test("commodities, declared with unit only")
  func commodities() {
    #expect(model.commodities.map(\.name) == ["electricity", "bandwidth", "oil"])
    #expect(model.commodity(named: "bandwidth") == Commodity(name: "bandwidth", family: .bandwidth, unit: "Tbps"))
    #expect(model.commodity(named: "oil")?.amountUnit == "Mt")
  }

  @Test("nodes in file order")
  func nodes() {
    #expect(model.nodes.map(\.name) == ["KZ", "AZ", "GE", "RO"])
    #expect(model.node(named: "KZ") == Node(name: "KZ", kind: .country, label: "Kazakhstan", latitude: 43.65, longitude: 51.17))
    #expect(model.node(named: "GE")?.kind == .transit)
  }

  @Test("supplies: rates in the commodity unit, costs per unit·h in EUR")
  func supplies() throws {
    #expect(model.supplies.map(\.name) == ["kz-power", "az-power", "kz-fiber", "kz-oil"])
    let kz = try #require(model.supply(named: "kz-power"))
    #expect(kz.volume == .constant(500))
    #expect(kz.cost == 20)
    // CSV in GW, scale 2: 0.25 GW · 2 = 500 MW.
    #expect(model.supply(named: "az-power")?.volume == .perSlice([500, 1000]))
    let fiber = try #require(model.supply(named: "kz-fiber"))
    #expect(fiber.volume == .constant(16))
    #expect(close(fiber.cost, 50 * 0.5 * 1000 / 730))  // USD → EUR at 0.5, per Tbps·h
    let oil = try #require(model.supply(named: "kz-oil"))
    #expect(close(oil.cost, 500 * 0.5 * 1e6 / 8760))
  }

  @Test("corridors: capacity, loss, tariff, availability, groups, enabled")
  func corridors() throws {
    let sea = try #require(model.corridor(named: "black-sea"))
    #expect(sea.capacity == 1300)
    #expect(sea.loss == 0.055)
    #expect(sea.tariff == 14)
    #expect(sea.availability == 0.95)
    #expect(sea.twoWay)
    #expect(sea.groups == ["westbound"])
    #expect(sea.citation == "DOMAIN.md A.2")
    let cable = try #require(model.corridor(named: "caspian-cable"))
    #expect(close(cable.loss, 0.032))
    #expect(cable.availability == 1 && cable.tariff == 0 && !cable.twoWay && cable.enabled)
    #expect(model.corridor(named: "nakhchivan")?.enabled == false)
    #expect(model.corridor(named: "tcfo")?.capacity == 400)
    #expect(close(model.corridor(named: "cpc")?.tariff.value(at: 0) ?? 0, 30 * 0.5 * 1e6 / 8760))
  }

  @Test("markets: CSV prices, unlimited volume by default")
  func markets() throws {
    let ro = try #require(model.market(named: "RO"))
    #expect(ro.price == .perSlice([110.5, 90]))
    #expect(ro.volume == .constant(3000))
    let fiber = try #require(model.market(named: "AZ-fiber"))
    #expect(fiber.volume == nil)
    #expect(close(fiber.price.value(at: 0), 100 * 0.5 * 1000 / 730))
    #expect(close(model.market(named: "RO-oil")?.price.value(at: 1) ?? 0, 550 * 0.5 * 1e6 / 8760))
  }

  @Test("storage: energy in unit·h, owner defaults to the node")
  func storage() {
    #expect(
      model.storages == [
        Storage(name: "az-battery", node: "AZ", owner: "AZ", commodity: "electricity", power: 600, energy: 2400, efficiency: 0.85, wearCost: 1.5)
      ])
  }

  @Test("rules with groups expanded")
  func rules() {
    let kinds = model.rules.map(\.kind)
    #expect(kinds.count == 4)
    #expect(kinds[0] == .minShare(country: "KZ", corridors: ["black-sea", "nakhchivan"], share: 0.25))
    #expect(kinds[1] == .firm(country: "KZ", market: "RO", volume: 200))
    #expect(kinds[2] == .fairShare(countries: ["KZ", "AZ"], corridors: ["black-sea", "caspian-cable"], basis: .supply))
    #expect(kinds[3] == .priority(corridors: ["black-sea"], order: ["AZ", "KZ"]))
  }

  /// Reports print `RuleKind.Tag.rawValue`; it must be the word the model file wrote.
  /// The expected words are read from the fixture's text, not from the enum.
  @Test("each rule's tag spells the kind its file wrote")
  func ruleTags() throws {
    let text = try String(contentsOfFile: fixture("good/full.toml"), encoding: .utf8)
    var written: [String: String] = [:]
    var section: String?
    for line in text.split(separator: "\n") {
      if line.hasPrefix("[") { section = line.hasPrefix("[rules.") ? String(line.dropFirst(7).dropLast()) : nil }
      if let section, line.hasPrefix("kind = \"") { written[section] = String(line.dropFirst(8).dropLast()) }
    }
    #expect(written.count == 4)
    #expect(Dictionary(uniqueKeysWithValues: model.rules.map { ($0.name, $0.kind.tag.rawValue) }) == written)
  }

  @Test("constraints normalised")
  func constraints() throws {
    #expect(model.constraints.count == 2)
    let cap = model.constraints[0]
    // 0.6 · capacity[caspian-cable] stays a term on the capacity column (issue #8 item 1).
    #expect(cap.per == .slice && cap.sense == .lessEqual && cap.constant == .constant(0))
    #expect(cap.terms.last == .init(coefficient: -0.6, quantity: .capacity("caspian-cable")))
    let yearly = model.constraints[1]
    #expect(yearly.per == .horizon)
    #expect(yearly.constant == .constant(1_000_000))
    #expect(yearly.terms.count == 2)
    #expect(yearly.source.hasPrefix("delivered[KZ, RO]"))
  }

  @Test("no warnings on the good fixture")
  func warnings() {
    #expect(model.warnings.isEmpty, "\(model.warnings)")
  }
}

@Suite("Scenario overlays")
struct OverlayTests {
  @Test("a scenario file loads its base and overrides key by key")
  func overlay() throws {
    let m = try ModelLoader.load(path: fixture("good/scenario.toml"))
    #expect(m.scenarioNames == ["Black Sea delayed"])
    let sea = try #require(m.corridor(named: "black-sea"))
    #expect(sea.capacity == 0 && !sea.enabled)
    #expect(sea.loss == 0.055)  // untouched keys stay
    #expect(m.corridor(named: "nakhchivan")?.enabled == true)
    #expect(m.market(named: "TR")?.price == .constant(70))
    #expect(m.markets.last?.name == "TR")  // added entries come after the base's
    #expect(m.files.first?.hasSuffix("good/full.toml") == true)
    #expect(m.files[1].hasSuffix("good/scenario.toml"))
  }

  @Test("an extra scenario applies on top of a model")
  func extra() throws {
    let m = try ModelLoader.load(path: fixture("good/full.toml"), scenario: fixture("good/scenario.toml"))
    #expect(m.scenarioNames == ["Black Sea delayed"])
    #expect(m.corridor(named: "black-sea")?.enabled == false)
  }

  @Test("an extra scenario whose chain passes through a scenario applies that one too")
  func extraChain() throws {
    let dir = scratchDirectory("extra-chain")
    write(
      """
      [scenario]
      extends = "\(fixture("good/scenario.toml"))"
      name = "and cheaper oil"
      [markets.RO-oil]
      price = "400 EUR/t"
      """, to: dir + "/second.toml")
    let m = try ModelLoader.load(path: fixture("good/full.toml"), scenario: dir + "/second.toml")
    #expect(m.scenarioNames == ["Black Sea delayed", "and cheaper oil"])
    #expect(close(m.market(named: "RO-oil")?.price.value(at: 0) ?? 0, 400 * 1e6 / 8760))
    #expect(m.corridor(named: "black-sea")?.enabled == false)
  }

  @Test("enabled = false removes non-corridor entries, and references to them are errors")
  func disabling() throws {
    let dir = scratchDirectory("disable")
    write(
      """
      [scenario]
      extends = "\(fixture("good/full.toml"))"
      [markets.RO]
      enabled = false
      """, to: dir + "/drop-ro.toml")
    let errors = loadErrors(dir + "/drop-ro.toml")
    let firm = errors.first { $0.entry == "rules.kz-firm-ro.market" }
    #expect(firm?.message.contains("disabled") == true)
    #expect(firm?.file.hasSuffix("good/full.toml") == true)
    #expect(errors.contains { $0.entry == "constraints.yearly.expr" && $0.column == 23 })
    // Disable the rule too, and the model loads without RO.
    write(
      """
      [scenario]
      extends = "\(fixture("good/full.toml"))"
      [markets.RO]
      enabled = false
      [rules.kz-firm-ro]
      enabled = false
      [constraints.yearly]
      enabled = false
      """, to: dir + "/drop-ro-and-rule.toml")
    let m = try ModelLoader.load(path: dir + "/drop-ro-and-rule.toml")
    #expect(m.market(named: "RO") == nil)
    #expect(m.rules.count == 3)
  }

  @Test("diagnostics about overridden values point at the scenario file")
  func provenance() {
    let dir = scratchDirectory("provenance")
    write(
      """
      [scenario]
      extends = "\(fixture("good/full.toml"))"

      [corridors.cpc]
      capacity = "72.5 Mt/yr"
      loss = "150 %"
      """, to: dir + "/bad-loss.toml")
    let errors = loadErrors(dir + "/bad-loss.toml")
    #expect(errors.count == 1)
    #expect(errors.first?.file == dir + "/bad-loss.toml")
    #expect(errors.first?.line == 6)
    #expect(errors.first?.entry == "corridors.cpc.loss")
  }

  @Test("relative paths resolve against the naming file's directory")
  func relativePaths() {
    #expect(FileBytes.resolve("../data/x.csv", relativeTo: "models/m.toml") == "data/x.csv")
    #expect(FileBytes.resolve("x.csv", relativeTo: "m.toml") == "x.csv")
    #expect(FileBytes.resolve("/abs/x.csv", relativeTo: "models/m.toml") == "/abs/x.csv")
    #expect(FileBytes.resolve("../../x.csv", relativeTo: "a/m.toml") == "../x.csv")
    #expect(FileBytes.normalize("/a/./b/../c") == "/a/c")
  }
}

@Suite("Hourly models")
struct HourlyTests {
  /// Writes an hourly model with `rows` hours and `columns` profile columns.
  static func writeHourly(rows: Int, columns: Int, name: String) -> String {
    let dir = scratchDirectory(name)
    var csv = "hour," + (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
    for h in 0..<rows {
      csv += "t\(h)," + (0..<columns).map { c in String(Double((h + c) % 97) + 0.5) }.joined(separator: ",") + "\n"
    }
    write(csv, to: dir + "/hourly.csv")
    var model = """
      [model]
      name = "hourly"
      [time]
      hourly = { csv = "hourly.csv" }
      [nodes.A]
      kind = "country"
      [nodes.B]
      kind = "market"
      [corridors.ab]
      from = "A"
      to = "B"
      commodity = "electricity"
      capacity = "1 GW"

      """
    for c in 0..<columns / 2 {
      model += """
        [supply.s\(c)]
        country = "A"
        commodity = "electricity"
        volume = { csv = "hourly.csv", column = "c\(c)", unit = "MW" }
        [markets.m\(c)]
        node = "B"
        commodity = "electricity"
        price = { csv = "hourly.csv", column = "c\(columns / 2 + c)", unit = "EUR/MWh" }

        """
    }
    write(model, to: dir + "/model.toml")
    return dir + "/model.toml"
  }

  @Test("8760 slices named from the hour column, ten CSV series")
  func hourly() throws {
    let path = Self.writeHourly(rows: 8760, columns: 10, name: "hourly")
    let clock = ContinuousClock()
    var model: Model?
    let elapsed = try clock.measure { model = try ModelLoader.load(path: path) }
    let m = try #require(model)
    #expect(m.slices.count == 8760)
    #expect(m.slices.first == TimeSlice(name: "t0", hours: 1))
    #expect(m.supplies.count == 5 && m.markets.count == 5)
    #expect(m.supplies[1].volume.value(at: 3) == 4.5)
    // A guard against quadratic behaviour only: generous for a debug build on a
    // shared 2-core machine (release loads in a few milliseconds).
    #expect(elapsed < .seconds(60), "\(elapsed)")
  }

  @Test("slice names default to h0000 … when the CSV has no slice or hour column")
  func defaultNames() throws {
    let dir = scratchDirectory("hourly-names")
    write("load\n1\n2\n3\n", to: dir + "/h.csv")
    write(
      """
      [model]
      name = "n"
      [time]
      hourly = { csv = "h.csv" }
      [nodes.A]
      kind = "country"
      [corridors.x]
      from = "A"
      to = "B"
      commodity = "electricity"
      capacity = "1 MW"
      [nodes.B]
      kind = "market"
      [supply.s]
      country = "A"
      commodity = "electricity"
      volume = { csv = "h.csv", column = "load", unit = "MW" }
      [markets.m]
      node = "B"
      commodity = "electricity"
      price = "1 EUR/MWh"
      """, to: dir + "/m.toml")
    let m = try ModelLoader.load(path: dir + "/m.toml")
    #expect(m.slices.map(\.name) == ["h0000", "h0001", "h0002"])
    #expect(m.supplies[0].volume == .perSlice([1, 2, 3]))
  }
}

@Suite("Extra scenario edge cases")
struct ExtraScenarioTests {
  @Test("passing the loaded scenario again applies it once, with a warning")
  func twice() throws {
    let m = try ModelLoader.load(path: fixture("good/scenario.toml"), scenario: fixture("good/scenario.toml"))
    #expect(m.scenarioNames == ["Black Sea delayed"])
    #expect(m.warnings.contains { $0.message.contains("applied once") })
  }

  @Test("an extra file that is not a scenario is an error")
  func notScenario() {
    let errors = loadErrors(fixture("good/full.toml"), scenario: fixture("bad/support/base.toml"))
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains("not a scenario file") == true)
  }

  @Test("an extra scenario of another model applies its own overrides with a warning")
  func otherBase() throws {
    let dir = scratchDirectory("other-base")
    write(
      """
      [scenario]
      extends = "\(fixture("bad/support/base.toml"))"
      name = "cheap RO"
      [markets.RO]
      price = "50 EUR/MWh"
      """, to: dir + "/other.toml")
    let m = try ModelLoader.load(path: fixture("good/full.toml"), scenario: dir + "/other.toml")
    #expect(m.market(named: "RO")?.price == .constant(50))
    #expect(m.warnings.contains { $0.message.contains("not the loaded model") })
  }
}
