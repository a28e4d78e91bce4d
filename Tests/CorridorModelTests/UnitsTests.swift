import Testing

@testable import CorridorModel

@Suite("Units")
struct UnitsTests {
  @Test("power rates convert between prefixes", arguments: [
    ("1.3 GW", "MW", 1300.0), ("1300 MW", "GW", 1.3), ("500 kW", "MW", 0.5), ("2 TW", "GW", 2000),
    ("1e6 W", "MW", 1), ("1_300 MW", "MW", 1300), ("1.3GW", "MW", 1300),
  ] as [(String, String, Double)])
  func power(text: String, unit: String, expected: Double) throws {
    #expect(close(try Units.parse(text, family: .power, in: unit), expected))
  }

  @Test("bandwidth rates", arguments: [
    ("400 Tbps", "Gbps", 400_000.0), ("16 Tbps", "Tbps", 16), ("100 Gbps", "Tbps", 0.1),
    ("1 Pbps", "Tbps", 1000), ("10 Mbps", "kbps", 10_000), ("5 bps", "bps", 5),
  ] as [(String, String, Double)])
  func bandwidth(text: String, unit: String, expected: Double) throws {
    #expect(close(try Units.parse(text, family: .bandwidth, in: unit), expected))
  }

  @Test("mass-flow rates, including /a and /month", arguments: [
    ("72.5 Mt/yr", "Mt/yr", 72.5), ("72.5 Mt/a", "Mt/yr", 72.5), ("1 Mt/yr", "kt/yr", 1000),
    ("24 t/d", "t/h", 1), ("8760 t/yr", "t/h", 1), ("1 kt/d", "t/d", 1000), ("730 t/month", "t/h", 1),
    ("1 Mt/yr", "t/h", 1e6 / 8760),
  ] as [(String, String, Double)])
  func massFlow(text: String, unit: String, expected: Double) throws {
    #expect(close(try Units.parse(text, family: .massFlow, in: unit), expected))
  }

  @Test("the default unit of each family")
  func defaults() throws {
    #expect(try Units.parse("1.3 GW", family: .power) == 1300)
    #expect(try Units.parse("1 Tbps", family: .bandwidth) == 1000)
    #expect(try Units.parse("72.5 Mt/yr", family: .massFlow) == 72.5)
    #expect(UnitFamily.power.defaultUnit == "MW")
  }

  @Test("amounts become unit·h")
  func amounts() throws {
    #expect(try Units.parseAmount("2400 MWh", family: .power, in: "MW") == 2400)
    #expect(try Units.parseAmount("2.4 GWh", family: .power, in: "GW") == 2.4)
    #expect(close(try Units.parseAmount("2 Mt", family: .massFlow, in: "Mt/yr"), 17520))
  }

  @Test("convert and family lookup")
  func convert() throws {
    #expect(try Units.convert(400, from: "Tbps", to: "Gbps") == 400_000)
    #expect(Units.family(of: "Mt/yr") == .massFlow)
    #expect(Units.family(of: "MWh") == nil)
    #expect(throws: UnitError.self) { try Units.convert(1, from: "MW", to: "Gbps") }
    #expect(throws: UnitError.self) { try Units.convert(1, from: "MW", to: "furlong") }
  }

  @Test("prices are stored per unit·h and shown per price unit")
  func prices() throws {
    func stored(_ text: String, unit: String) throws -> Double {
      let q = try Units.parseQuantity(text)
      return q.value * (Units.rates[unit]?.factor ?? .nan)
    }
    #expect(close(try stored("103.5 EUR/MWh", unit: "MW"), 103.5))
    #expect(close(try stored("103.5 EUR/MWh", unit: "GW"), 103_500))
    #expect(close(try stored("50 USD/Gbps/month", unit: "Tbps"), 50 * 1000 / 730))
    #expect(close(try stored("500 USD/t", unit: "Mt/yr"), 500 * 1e6 / 8760))
    #expect(close(try stored("0.5 EUR/kt", unit: "kt/d"), 0.5 / 24))
    #expect(close(try stored("87600 EUR/MW/yr", unit: "MW"), 10))
    #expect(close(try stored("1 EUR/Tbps/h", unit: "Tbps"), 1))
    #expect(close(try stored("24 EUR/t/d/d", unit: "t/d"), 1))
    // Display: back to the conventional unit.
    #expect(close(Units.displayPrice(103.5, unit: "MW"), 103.5))
    #expect(close(Units.displayPrice(103_500, unit: "GW"), 103.5))
    #expect(close(Units.displayPrice(500 * 1e6 / 8760, unit: "Mt/yr"), 500))
    #expect(close(Units.displayPrice(50 * 1000 / 730, unit: "Tbps"), 50_000))  // per Tbps/month
    for unit in ["MW", "GW", "Mt/yr", "t/h", "Tbps", "Gbps"] {
      #expect(close(Units.storedPrice(fromDisplay: Units.displayPrice(7, unit: unit), unit: unit), 7))
    }
    #expect(Units.priceUnit(for: "MW") == "MWh")
    #expect(Units.priceUnit(for: "Mt/yr") == "t")
    #expect(Units.priceUnit(for: "Tbps") == "Tbps/month")
  }

  @Test("amount units for display")
  func amountUnits() {
    #expect(Units.amountUnit(for: "MW") == "MWh")
    #expect(Units.amountUnit(for: "GW") == "GWh")
    #expect(Units.amountUnit(for: "Mt/yr") == "Mt")
    #expect(Units.amountUnit(for: "Tbps") == "Tbps·h")
    #expect(close(Units.amount(fromUnitHours: 8760, unit: "Mt/yr"), 1))  // a year at 1 Mt/yr
    #expect(Units.amount(fromUnitHours: 24, unit: "MW") == 24)
    let c = Commodity(name: "oil", family: .massFlow, unit: "Mt/yr")
    #expect(c.amountUnit == "Mt" && c.priceUnit == "t")
    #expect(close(c.displayPrice(500 * 1e6 / 8760), 500))
  }

  @Test("percentages and plain numbers")
  func fractions() throws {
    #expect(try Units.parseQuantity("5.5 %") == .init(value: 0.055, dimension: .fraction, unit: "%"))
    #expect(try Units.parseQuantity("5.5%").value == 0.055)
    #expect(try Units.parseQuantity("42").dimension == .plain)
    #expect(try Units.parseQuantity("2190 h").dimension == .time)
    #expect(try Units.parseQuantity("1 month").value == 730)
    #expect(try Units.parseQuantity("1 d").value == 24)
  }

  @Test("rejections say what to write", arguments: [
    ("", "not a number"), ("GW", "not a number"), ("nan MW", "finite"), ("inf GW", "finite"),
    ("1e999 MW", "finite"), ("1.3 GWW", "unknown unit 'GWW'"), ("1.3 gw", "did you mean 'GW'"),
    ("3 furlongs", "unknown unit"), ("5 €/MWh", "unknown unit"), ("5 EUR/MW", "add the period"),
    ("5 EUR/parsec", "unknown price unit"), ("5 eur/MWh", "unknown unit"),
  ])
  func rejections(text: String, fragment: String) {
    do {
      _ = try Units.parseQuantity(text)
      Issue.record("'\(text)' parsed")
    } catch {
      #expect(error.message.contains(fragment), "\(error.message)")
    }
  }

  @Test("a unit of another family is refused")
  func wrongFamily() {
    #expect(throws: UnitError.self) { try Units.parse("72.5 Mt/yr", family: .power) }
    #expect(throws: UnitError.self) { try Units.parse("2400 MWh", family: .power) }
    #expect(throws: UnitError.self) { try Units.parse("1 GW", family: .power, in: "Gbps") }
    #expect(throws: UnitError.self) { try Units.parseAmount("1 GW", family: .power) }
    do {
      _ = try Units.parse("72.5 Mt/yr", family: .power)
    } catch {
      #expect(error.message.contains("mass flow"))
    }
  }

  @Test("format prints integers without a decimal point")
  func format() {
    #expect(Units.format(1300) == "1300")
    #expect(Units.format(0.055) == "0.055")
    #expect(Units.format(.infinity) == "inf")
  }

  @Test("did-you-mean picks a close candidate or none")
  func didYouMean() {
    #expect(DidYouMean.suggestion(for: "capacty", among: ["capacity", "loss"]) == "capacity")
    #expect(DidYouMean.suggestion(for: "xyz", among: ["capacity", "loss"]) == nil)
    #expect(DidYouMean.suggestion(for: "kz", among: ["KZ", "AZ"]) == "KZ")
    #expect(DidYouMean.suggestion(for: "", among: ["a"]) == nil)
  }
}
