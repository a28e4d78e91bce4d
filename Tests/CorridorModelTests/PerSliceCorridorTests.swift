// Corridor capacity, availability and tariff per time slice (issue #8 item 4): the three
// forms (constant, per-slice list, CSV column), units, ranges and scenario overrides.

import Foundation
import Testing

@testable import CorridorModel

@Suite("Per-slice corridor values")
struct PerSliceCorridorTests {
  /// A two-country model with quarterly slices; `corridor` is the body of [corridors.link].
  static func model(corridor: String, extra: String = "") -> String {
    """
    [model]
    name = "quarters"
    currency = "USD"

    [time]
    slices = [ { name = "q1", hours = "2190 h" }, { name = "q2", hours = "2190 h" },
               { name = "q3", hours = "2190 h" }, { name = "q4", hours = "2190 h" } ]

    [commodities.oil]
    family = "mass-flow"
    unit = "Mt/yr"

    [nodes.KZ]
    kind = "country"
    [nodes.M]
    kind = "market"

    [supply.crude]
    country = "KZ"
    commodity = "oil"
    volume = "10 Mt/yr"

    [corridors.link]
    from = "KZ"
    to = "M"
    commodity = "oil"
    \(corridor)

    [markets.M]
    node = "M"
    commodity = "oil"
    price = "500 USD/t"
    \(extra)
    """
  }

  func load(_ text: String, name: String, csv: String? = nil) throws -> Model {
    let dir = scratchDirectory("per-slice-\(name)")
    write(text, to: dir + "/model.toml")
    if let csv { write(csv, to: dir + "/profile.csv") }
    return try ModelLoader.load(path: dir + "/model.toml")
  }

  func errors(_ text: String, name: String, csv: String? = nil) -> [Diagnostic] {
    let dir = scratchDirectory("per-slice-\(name)")
    write(text, to: dir + "/model.toml")
    if let csv { write(csv, to: dir + "/profile.csv") }
    return loadErrors(dir + "/model.toml")
  }

  @Test("per-slice lists convert every element with its unit")
  func lists() throws {
    let m = try load(
      Self.model(corridor: """
        capacity = ["72.5 Mt/yr", "72.5 Mt/yr", "36.25 Mt/yr", "72500 kt/yr"]
        availability = ["100 %", "65 %", "100 %", "100 %"]
        tariff = ["38 USD/t", "38 USD/t", "40 USD/t", "38 USD/t"]
        """), name: "lists")
    let link = try #require(m.corridor(named: "link"))
    #expect(link.capacity == .perSlice([72.5, 72.5, 36.25, 72.5]))
    #expect(link.availability == .perSlice([1, 0.65, 1, 1]))
    // 38 USD/t stored per Mt/yr·h: 38 · 1e6 / 8760.
    guard case .perSlice(let tariffs) = link.tariff else { Issue.record("tariff is not per slice"); return }
    #expect(close(tariffs[0], 38e6 / 8760) && close(tariffs[2], 40e6 / 8760))
  }

  @Test("a CSV column of percentages gives availability; capacity and tariff read CSV like supplies")
  func csvColumns() throws {
    let csv = "slice,avail,cap,fee\nq1,100,72.5,38\nq2,65,72.5,38\nq3,100,60,38\nq4,100,72.5,45\n"
    let m = try load(
      Self.model(corridor: """
        capacity = { csv = "profile.csv", column = "cap", unit = "Mt/yr" }
        availability = { csv = "profile.csv", column = "avail", unit = "%" }
        tariff = { csv = "profile.csv", column = "fee", unit = "USD/t" }
        """), name: "csv", csv: csv)
    let link = try #require(m.corridor(named: "link"))
    #expect(link.capacity == .perSlice([72.5, 72.5, 60, 72.5]))
    guard case .perSlice(let a) = link.availability, case .perSlice(let t) = link.tariff else {
      Issue.record("availability or tariff not per slice")
      return
    }
    #expect(zip(a, [1, 0.65, 1, 1]).allSatisfy { close($0, $1) })
    #expect(close(t[3], 45e6 / 8760))
  }

  @Test("a scenario overrides a constant with a per-slice list")
  func scenarioOverride() throws {
    let dir = scratchDirectory("per-slice-scenario")
    write(Self.model(corridor: "capacity = \"72.5 Mt/yr\"\navailability = \"95 %\""), to: dir + "/base.toml")
    write("""
      [scenario]
      extends = "base.toml"
      [corridors.link]
      availability = ["100 %", "0 %", "100 %", "100 %"]
      """, to: dir + "/outage.toml")
    let m = try ModelLoader.load(path: dir + "/outage.toml")
    #expect(m.corridor(named: "link")?.availability == .perSlice([1, 0, 1, 1]))
    #expect(m.corridor(named: "link")?.capacity == 72.5)
  }

  @Test("errors: list length, element units, ranges and the CSV unit of a fraction", arguments: [
    ("capacity = [\"72.5 Mt/yr\", \"72.5 Mt/yr\"]", "corridors.link.capacity", "lists 2 values, but the model has 4 time slices"),
    ("capacity = [\"72.5 Mt/yr\", \"1 GW\", \"72.5 Mt/yr\", \"72.5 Mt/yr\"]", "corridors.link.capacity.1", "is a power"),
    ("capacity = [72.5, \"72.5 Mt/yr\", \"72.5 Mt/yr\", \"72.5 Mt/yr\"]", "corridors.link.capacity.0", "missing unit in element 1 of the list: write \"72.5 Mt/yr\""),
    ("capacity = \"72.5 Mt/yr\"\ntariff = [\"38 USD/t\", 38, \"38 USD/t\", \"38 USD/t\"]", "corridors.link.tariff.1", "write \"38 USD/t\""),
    ("capacity = \"72.5 Mt/yr\"\navailability = [\"100 %\", \"120 %\", \"100 %\", \"100 %\"]", "corridors.link.availability.1", "outside 0–100 %"),
    ("capacity = \"72.5 Mt/yr\"\ntariff = [\"38 USD/t\", \"-1 USD/t\", \"38 USD/t\", \"38 USD/t\"]", "corridors.link.tariff.1", "negative"),
    ("capacity = \"72.5 Mt/yr\"\navailability = { csv = \"profile.csv\", column = \"avail\", unit = \"MW\" }", "corridors.link.availability.unit", "write unit = \"%\""),
    ("capacity = \"72.5 Mt/yr\"\navailability = { csv = \"profile.csv\", column = \"avail\", unit = \"%\" }", "corridors.link.availability", "120 % in slice 2 ('q2')"),
  ])
  func errors(body: String, entry: String, message: String) {
    let csv = "slice,avail\nq1,100\nq2,120\nq3,100\nq4,100\n"
    let list = errors(Self.model(corridor: body), name: "errors-\(body.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFF_FFFF })", csv: csv)
    #expect(list.contains { $0.entry == entry && $0.message.contains(message) }, "\(list.map(\.description))")
  }

  @Test("a corridor with no usable capacity in any slice warns; one with some does not")
  func usableCapacityWarning() throws {
    let off = try load(Self.model(corridor: "capacity = \"72.5 Mt/yr\"\navailability = [\"0 %\", \"0 %\", \"0 %\", \"0 %\"]"), name: "off")
    #expect(off.warnings.contains { $0.entry == "corridors.link" && $0.message.contains("no usable capacity") })
    let partly = try load(Self.model(corridor: "capacity = \"72.5 Mt/yr\"\navailability = [\"0 %\", \"0 %\", \"100 %\", \"0 %\"]"), name: "partly")
    #expect(!partly.warnings.contains { $0.entry == "corridors.link" })
  }
}

@Suite("docs/model-format.md: per-slice forms")
struct PerSliceDocumentationTests {
  /// The ```toml block of the "Per-slice series and CSV files" section.
  static func block() throws -> [String] {
    let docs = testDirectory + "/../../docs/model-format.md"
    let text = String(decoding: try FileBytes.read(FileBytes.normalize(docs)).get(), as: UTF8.self)
    guard let section = text.range(of: "## Per-slice series and CSV files"),
      let start = text.range(of: "```toml\n", range: section.upperBound..<text.endIndex),
      let end = text.range(of: "\n```", range: start.upperBound..<text.endIndex)
    else { throw UnitError("no toml block in the per-slice section") }
    return text[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
  }

  @Test("every inline form in the per-slice example loads in the entry it belongs to")
  func inlineForms() throws {
    let lines = try Self.block().filter { !$0.hasPrefix("#") && !$0.contains("csv =") }
    #expect(lines.count >= 4, "\(lines)")
    for (i, line) in lines.enumerated() {
      let key = line.split(separator: "=")[0].trimmingCharacters(in: .whitespaces)
      // Put the line where the key belongs: a supply volume, a market price, a corridor value.
      var body = PerSliceCorridorTests.model(corridor: "capacity = \"72.5 Mt/yr\"")
      switch key {
      case "volume":
        body = body.replacingOccurrences(of: "volume = \"10 Mt/yr\"", with: line.replacingOccurrences(of: "MW", with: "kt/yr"))
      case "price":
        body = body.replacingOccurrences(of: "price = \"500 USD/t\"", with: line)
      default:
        body = body.replacingOccurrences(of: "capacity = \"72.5 Mt/yr\"", with: "capacity = \"72.5 Mt/yr\"\n" + line)
      }
      let dir = scratchDirectory("per-slice-docs-\(i)")
      write(body, to: dir + "/model.toml")
      let errors = loadErrors(dir + "/model.toml")
      #expect(errors.isEmpty, "docs line '\(line)': \(errors.map(\.description))")
    }
  }
}
