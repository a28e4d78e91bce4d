// Issue #8 item 10: barrels with a stated tonnes-per-barrel, did-you-mean that never changes
// a value's magnitude, and fractions that must say '%'.

import Testing

@testable import CorridorModel

/// A one-corridor oil model; `commodity`, `capacity`, `loss` and `price` are spliced in.
private func oilModel(commodity: String, capacity: String, loss: String = "\"1 %\"", price: String = "\"500 USD/t\"")
  -> String
{
  """
  [model]
  name = "oil"
  currency = "USD"
  \(commodity)
  [nodes.KZ]
  kind = "country"
  [nodes.IT]
  kind = "market"
  [supply.kz]
  country = "KZ"
  commodity = "oil"
  volume = "80 Mt/yr"
  [corridors.cpc]
  from = "KZ"
  to = "IT"
  commodity = "oil"
  capacity = \(capacity)
  loss = \(loss)
  [markets.it]
  node = "IT"
  commodity = "oil"
  price = \(price)
  """
}

private func load(_ text: String, _ name: String) throws(ModelLoadError) -> Model {
  let dir = scratchDirectory("barrels")
  let path = dir + "/\(name).toml"
  write(text, to: path)
  return try ModelLoader.load(path: path)
}

private func errors(_ text: String, _ name: String) -> [String] {
  do {
    _ = try load(text, name)
    return []
  } catch {
    return error.errors.map { "\($0.entry): \($0.message)" }
  }
}

@Suite("Barrels, unit suggestions and fractions")
struct BarrelAndFractionTests {
  static let oilWithFactor = "[commodities.oil]\nfamily = \"mass-flow\"\nunit = \"Mt/yr\"\ntonnes-per-barrel = 0.1364"

  @Test("1.4 mb/d with 0.1364 t/bbl is 69.7004 Mt/yr (by hand: 1.4e6 × 0.1364 × 365 / 1e6)")
  func millionBarrelsPerDay() throws {
    let m = try load(oilModel(commodity: Self.oilWithFactor, capacity: "\"1.4 mb/d\""), "mbd")
    let cpc = try #require(m.corridor(named: "cpc"))
    #expect(close(cpc.capacity.value(at: 0), 1.4e6 * 0.1364 * 365 / 1e6))
    #expect(close(cpc.capacity.value(at: 0), 69.7004))
    #expect(m.commodity(named: "oil")?.tonnesPerBarrel == 0.1364)
  }

  @Test("kb/d, bbl/d and b/d scale by 1e3 and 1")
  func smallerBarrels() throws {
    for (text, barrelsPerDay) in [("\"700 kb/d\"", 7e5), ("\"250000 bbl/d\"", 2.5e5), ("\"90000 b/d\"", 9e4)] {
      let m = try load(oilModel(commodity: Self.oilWithFactor, capacity: text), "kbd")
      let expected = barrelsPerDay * 0.1364 * 365 / 1e6  // Mt/yr
      #expect(close(try #require(m.corridor(named: "cpc")).capacity.value(at: 0), expected), "\(text)")
    }
  }

  @Test("a price per barrel is a price per tonne divided by the factor: 70 USD/bbl = 513.196 USD/t")
  func pricePerBarrel() throws {
    let m = try load(oilModel(commodity: Self.oilWithFactor, capacity: "\"70 Mt/yr\"", price: "\"70 USD/bbl\""), "usdbbl")
    let oil = try #require(m.commodity(named: "oil"))
    let price = try #require(m.market(named: "it")).price.value(at: 0)
    #expect(close(oil.displayPrice(price), 70 / 0.1364, tolerance: 1e-12))
  }

  @Test("barrels in a CSV series unit and in a constraint literal use the same factor")
  func barrelsInSeriesAndExpressions() throws {
    let dir = scratchDirectory("barrels")
    write("slice,KZ\nyear,1000\n", to: dir + "/kbd.csv")
    var text = oilModel(commodity: Self.oilWithFactor, capacity: "\"100 Mt/yr\"")
    text = text.replacingOnce("volume = \"80 Mt/yr\"", with: "volume = { csv = \"kbd.csv\", column = \"KZ\", unit = \"kb/d\" }")
    text += "\n[constraints.cap]\nexpr = \"flow[cpc] <= 1 mb/d\"\n"
    let m = try load(text, "series")
    // 1000 kb/d = 1e6 bbl/d; 1 mb/d = 1e6 bbl/d: both 1e6 × 0.1364 × 365 / 1e6 = 49.786 Mt/yr.
    let perYear = 1e6 * 0.1364 * 365 / 1e6
    #expect(close(try #require(m.supply(named: "kz")).volume.value(at: 0), perYear))
    let c = try #require(m.constraints.first)
    #expect(close(c.constant.value(at: 0), perYear), "\(c.constant)")
  }

  @Test("an amount in barrels: 2 mb at 0.1364 t/bbl is 272,800 t")
  func barrelAmount() throws {
    let oil = Commodity(name: "oil", family: .massFlow, unit: "Mt/yr", tonnesPerBarrel: 0.1364)
    let q = try Units.parseQuantity("2 mb").resolvingBarrels(oil)
    #expect(q.dimension == .amount(.massFlow) && close(q.value, 272_800))
  }

  @Test("barrels without tonnes-per-barrel are an error that says what to add, never a tonne unit")
  func barrelsNeedAFactor() {
    let e = errors(oilModel(commodity: "", capacity: "\"1.4 mb/d\""), "nofactor")
    #expect(e.count == 1)
    #expect(e.first?.contains("tonnes-per-barrel = 0.1364") == true, "\(e)")
    #expect(e.first?.contains("[commodities.oil]") == true, "\(e)")
    #expect(e.first?.contains("Mt/d") == false, "\(e)")
  }

  @Test("tonnes-per-barrel only on mass-flow commodities and within crude's range")
  func factorChecks() {
    let power = errors(
      oilModel(commodity: "[commodities.oil]\nfamily = \"power\"\ntonnes-per-barrel = 0.1364", capacity: "\"1 GW\""),
      "powerfactor")
    #expect(power.contains { $0.contains("tonnes-per-barrel applies to mass-flow") }, "\(power)")
    let huge = errors(
      oilModel(commodity: "[commodities.oil]\nfamily = \"mass-flow\"\ntonnes-per-barrel = 7.33", capacity: "\"1 Mt/yr\""),
      "barrelspertonne")
    #expect(huge.contains { $0.contains("implausible") && $0.contains("0.1364") }, "\(huge)")
  }

  @Test("'Mb/d' (thousand or million?) is refused as ambiguous")
  func romanM() {
    for unit in ["Mb/d", "MMbbl/d", "Mbbl/d"] {
      do {
        _ = try Units.parseQuantity("1.4 \(unit)")
        Issue.record("\(unit) parsed")
      } catch {
        #expect(error.message.contains("ambiguous") && error.message.contains("kb/d") && error.message.contains("mb/d"))
      }
    }
  }

  /// Typos whose intended unit is clear, and the suggestion expected (nil: none is safe).
  @Test(
    "did-you-mean keeps the magnitude: no prefix, time or base is ever changed",
    arguments: [
      ("gw", "GW"), ("GWW", nil), ("Gbs", "Gbps"), ("kbsp", "kbps"), ("MWH", "MWh"), ("kt/yr/", nil),
      // Would change the scale: milli vs mega, tonnes vs barrels, days vs hours.
      ("mw", nil), ("mt/d", nil), ("mb/dd", nil), ("Mb/h", nil), ("t/dy", nil), ("kb/yer", nil), ("kt/yrr", nil),
    ] as [(String, String?)])
  func magnitudeSafe(written: String, expected: String?) {
    #expect(Units.unitSuggestion(for: written, among: Units.allSymbols) == expected)
    do {
      _ = try Units.quantity(1, unit: written)
      Issue.record("\(written) parsed")
    } catch {
      if let expected {
        #expect(error.message.contains("did you mean '\(expected)'"), "\(error.message)")
      } else {
        #expect(!error.message.contains("did you mean"), "\(error.message)")
      }
    }
  }

  /// Property: over every known unit and every typo that drops, doubles or re-cases one
  /// letter after the prefix, a suggestion (if any) has the same size as the unit the typo
  /// came from.
  @Test("no suggestion for a typo of a known unit has another size")
  func suggestionsKeepSize() throws {
    var checked = 0
    for unit in Units.allSymbols where unit.count >= 2 && unit != "%" {
      let chars = Array(unit)
      let start = Units.magnitudeSignature(unit).first?.hasPrefix(" ") == true ? 0 : 1
      for i in start..<chars.count where chars[i] != "/" {
        var typos: [[Character]] = []
        var dropped = chars
        dropped.remove(at: i)
        typos.append(dropped)
        var doubled = chars
        doubled.insert(chars[i], at: i)
        typos.append(doubled)
        for typo in typos.map({ String($0) }) where Units.allSymbols.contains(typo) == false {
          guard let s = Units.unitSuggestion(for: typo, among: Units.allSymbols) else { continue }
          let a = try Units.quantity(1, unit: unit)
          let b = try Units.quantity(1, unit: s)
          #expect(a.dimension == b.dimension && close(a.value, b.value), "\(typo) (from \(unit)) → \(s)")
          checked += 1
        }
      }
    }
    #expect(checked > 50)
  }

  @Test("a fraction without '%' is an error offering both readings, never one guess")
  func bareFractions() {
    let bare = errors(oilModel(commodity: "", capacity: "\"70 Mt/yr\"", loss: "0.5"), "bare")
    #expect(bare.count == 1)
    #expect(bare.first?.contains("loss = \"50 %\" for the fraction 0.5") == true, "\(bare)")
    #expect(bare.first?.contains("loss = \"0.5 %\" for 0.5 percent") == true, "\(bare)")
    let quoted = errors(oilModel(commodity: "", capacity: "\"70 Mt/yr\"", loss: "\"0.05\""), "quoted")
    #expect(quoted.first?.contains("\"5 %\" for the fraction 0.05") == true, "\(quoted)")
    let whole = errors(oilModel(commodity: "", capacity: "\"70 Mt/yr\"", loss: "5"), "whole")
    #expect(whole.first?.contains("needs '%': write loss = \"5 %\"") == true, "\(whole)")
    let zero = errors(oilModel(commodity: "", capacity: "\"70 Mt/yr\"", loss: "0"), "zero")
    #expect(zero.count == 1, "a bare 0 is refused too: \(zero)")
  }
}

extension String {
  /// The string with the first occurrence of `old` replaced by `new`.
  func replacingOnce(_ old: String, with new: String) -> String {
    guard let r = range(of: old) else { return self }
    return String(self[..<r.lowerBound]) + new + String(self[r.upperBound...])
  }
}
