// Units: parsing "1.3 GW", "72.5 Mt/yr", "103.5 EUR/MWh", "5.5 %" and converting them.

/// The physical kind of a commodity's flow.
///
/// Every commodity moves as a *rate* of one family. An *amount* is a rate times a time:
/// energy (MWh) for power, tonnes for mass flow, and `rate·h` for bandwidth (which has no
/// everyday amount unit).
public enum UnitFamily: String, Sendable, Equatable, Hashable, CaseIterable {
  /// Electric power: W kW MW GW TW; amounts Wh … TWh.
  case power
  /// Data rate: bps kbps Mbps Gbps Tbps Pbps.
  case bandwidth
  /// Mass per time: t/h t/d kt/d t/yr kt/yr Mt/yr (also `/a`, `/month`); amounts t kt Mt.
  case massFlow = "mass-flow"

  /// The unit a commodity of this family uses when its table names none.
  public var defaultUnit: String {
    switch self {
    case .power: "MW"
    case .bandwidth: "Gbps"
    case .massFlow: "Mt/yr"
    }
  }

  /// "power", "bandwidth", "mass flow": for messages.
  public var noun: String {
    switch self {
    case .power: "power"
    case .bandwidth: "bandwidth"
    case .massFlow: "mass flow"
    }
  }

  /// An example value for messages, e.g. `"1.3 GW"`.
  var example: String {
    switch self {
    case .power: "1.3 GW"
    case .bandwidth: "400 Tbps"
    case .massFlow: "72.5 Mt/yr"
    }
  }

  /// An example amount for messages, e.g. `"2400 MWh"`.
  var amountExample: String {
    switch self {
    case .power: "2400 MWh"
    case .bandwidth: "10 Tbps/h"  // not used: bandwidth amounts are written as rate·time
    case .massFlow: "2 Mt"
    }
  }

  /// An example price for messages, e.g. `"103.5 EUR/MWh"`.
  func priceExample(_ currency: String) -> String {
    switch self {
    case .power: "103.5 \(currency)/MWh"
    case .bandwidth: "50 \(currency)/Gbps/month"
    case .massFlow: "500 \(currency)/t"
    }
  }
}

/// A unit-conversion failure, with a message that says how to write the value instead.
public struct UnitError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Unit tables and conversions shared by the loader, the expression parser and reports.
///
/// Internally every value is held in a *base unit* per family: W, bps and t/h for rates;
/// W·h, bps·h and t for amounts; hours for time; money in currency per base amount.
/// Public functions speak in the units a person writes:
///
///     try Units.parse("1.3 GW", family: .power)              // 1300.0 (MW, the default)
///     try Units.parse("72.5 Mt/yr", family: .massFlow, in: "kt/d")
///     try Units.convert(400, from: "Tbps", to: "Gbps")        // 400000.0
///     Units.displayPrice(103.5, unit: "MW")                   // 103.5 (EUR/MWh)
///     Units.priceUnit(for: "Mt/yr")                           // "t"
///
/// Money in a model is stored per *(commodity unit · hour)*: the cost of moving one unit of
/// rate for one hour. For MW that is per MWh; for Mt/yr it is per (1e6/8760) t; for Tbps it
/// is per Tbps·h, so 50 USD/Gbps/month becomes 50 · 1000 / 730.
public enum Units {
  // MARK: Tables

  /// Rate units: symbol → (family, size in the family's base rate).
  static let rates: [String: (family: UnitFamily, factor: Double)] = {
    var table: [String: (family: UnitFamily, factor: Double)] = [
      "W": (.power, 1), "kW": (.power, 1e3), "MW": (.power, 1e6), "GW": (.power, 1e9),
      "TW": (.power, 1e12),
      "bps": (.bandwidth, 1), "kbps": (.bandwidth, 1e3), "Mbps": (.bandwidth, 1e6),
      "Gbps": (.bandwidth, 1e9), "Tbps": (.bandwidth, 1e12), "Pbps": (.bandwidth, 1e15),
    ]
    for (mass, tonnes) in masses {
      for (time, hours) in times {
        table["\(mass)/\(time)"] = (.massFlow, tonnes / hours)
      }
    }
    return table
  }()

  /// Amount units: symbol → (family, size in base amount: W·h, t).
  static let amounts: [String: (family: UnitFamily, factor: Double)] = [
    "Wh": (.power, 1), "kWh": (.power, 1e3), "MWh": (.power, 1e6), "GWh": (.power, 1e9),
    "TWh": (.power, 1e12), "t": (.massFlow, 1), "kt": (.massFlow, 1e3), "Mt": (.massFlow, 1e6),
  ]

  /// Mass units in tonnes.
  static let masses: [String: Double] = ["t": 1, "kt": 1e3, "Mt": 1e6]

  /// Time units in hours. A month is 730 h (8760 / 12), a year 8760 h.
  static let times: [String: Double] = ["h": 1, "d": 24, "month": 730, "yr": 8760, "a": 8760]

  /// Barrel units in barrels (`mb` is a million barrels, as the IEA writes it; `kb` a
  /// thousand). Barrels measure a volume of oil: they convert to tonnes only through a
  /// commodity's `tonnes-per-barrel`.
  static let barrels: [String: Double] = ["bbl": 1, "b": 1, "kb": 1e3, "mb": 1e6]

  /// Barrel rates in barrels per hour: `bbl/d`, `b/d`, `kb/d`, `mb/d`, also per h, month, yr, a.
  static let barrelRates: [String: Double] = {
    var table: [String: Double] = [:]
    for (barrel, count) in barrels {
      for (time, hours) in times { table["\(barrel)/\(time)"] = count / hours }
    }
    return table
  }()

  /// Barrel amounts in barrels (`b` alone is not accepted as an amount).
  static let barrelAmounts: [String: Double] = ["bbl": 1, "kb": 1e3, "mb": 1e6]

  /// Spellings with a Roman `M` (thousand in the oil trade, mega in SI): refused as ambiguous.
  static let ambiguousBarrels: Set<String> = {
    var set: Set<String> = []
    for barrel in ["Mb", "MMb", "Mbbl", "MMbbl", "MMbl", "Mbl"] {
      set.insert(barrel)
      for time in times.keys { set.insert("\(barrel)/\(time)") }
    }
    return set
  }()

  /// Every symbol the parser knows, for did-you-mean.
  static let allSymbols: [String] =
    Array(rates.keys) + Array(amounts.keys) + Array(times.keys) + Array(barrelRates.keys)
    + Array(barrelAmounts.keys) + ["%"]

  // MARK: Public conversions

  /// The family of a rate unit (`"MW"` → `.power`), or nil if it is not a rate unit.
  public static func family(of unit: String) -> UnitFamily? { rates[unit]?.family }

  /// The rate units of a family, smallest first.
  public static func rateUnits(of family: UnitFamily) -> [String] {
    rates.filter { $0.value.family == family }.sorted { $0.value.factor < $1.value.factor }.map(
      \.key)
  }

  /// Parses a rate such as `"1.3 GW"` and returns it in `unit` (default: the family's
  /// default unit).
  ///
  /// - Throws: ``UnitError`` when the text is not a number with a unit, the unit is unknown,
  ///   or it belongs to another family.
  public static func parse(_ text: String, family: UnitFamily, in unit: String? = nil)
    throws(UnitError) -> Double
  {
    let target = unit ?? family.defaultUnit
    guard let targetInfo = rates[target], targetInfo.family == family else {
      throw UnitError("'\(target)' is not a \(family.noun) unit\(unitSuggestion(for: target, among: rateUnits(of: family)).map { "; did you mean '\($0)'?" } ?? "")")
    }
    let q = try parseQuantity(text)
    guard case .rate(let f) = q.dimension else {
      throw UnitError("'\(text)' is \(q.dimension.article), not a \(family.noun); write e.g. \"\(family.example)\"")
    }
    guard f == family else {
      throw UnitError("unit '\(q.unit)' is a \(f.noun), not a \(family.noun); write e.g. \"\(family.example)\"")
    }
    return q.value / targetInfo.factor
  }

  /// Parses an amount such as `"2400 MWh"` or `"2 Mt"` and returns it in `unit·h`, where
  /// `unit` is a rate unit (so `"2400 MWh"` in `"MW"` is 2400, and `"2 Mt"` in `"Mt/yr"`
  /// is 17520).
  public static func parseAmount(_ text: String, family: UnitFamily, in unit: String? = nil)
    throws(UnitError) -> Double
  {
    let target = unit ?? family.defaultUnit
    guard let targetInfo = rates[target], targetInfo.family == family else {
      throw UnitError("'\(target)' is not a \(family.noun) unit")
    }
    let q = try parseQuantity(text)
    guard case .amount(let f) = q.dimension, f == family else {
      throw UnitError("'\(text)' is \(q.dimension.article), not an amount of \(family.noun); write e.g. \"\(family.amountExample)\"")
    }
    return q.value / targetInfo.factor
  }

  /// Converts a rate between two units of the same family.
  public static func convert(_ value: Double, from: String, to: String) throws(UnitError)
    -> Double
  {
    guard let a = rates[from] else { throw unknownUnit(from) }
    guard let b = rates[to] else { throw unknownUnit(to) }
    guard a.family == b.family else {
      throw UnitError("cannot convert \(a.family.noun) '\(from)' to \(b.family.noun) '\(to)'")
    }
    return value * a.factor / b.factor
  }

  /// The unit in which amounts (rate × hours) of a commodity are shown: `MW` → `MWh`,
  /// `Mt/yr` → `Mt`, `Tbps` → `Tbps·h`.
  public static func amountUnit(for unit: String) -> String {
    switch rates[unit]?.family {
    case .power?: unit + "h"
    case .massFlow?: String(unit.prefix { $0 != "/" })
    case .bandwidth?, nil: unit + "·h"
    }
  }

  /// Converts an amount in `unit·h` (an LP flow times hours) to ``amountUnit(for:)``.
  public static func amount(fromUnitHours value: Double, unit: String) -> Double {
    guard let info = rates[unit] else { return value }
    switch info.family {
    case .power, .bandwidth: return value
    case .massFlow:
      let mass = masses[String(unit.prefix { $0 != "/" })] ?? 1
      return value * info.factor / mass
    }
  }

  /// The denominator in which prices of a commodity are shown: `MWh` for power, `t` for mass
  /// flow, `<unit>/month` for bandwidth (`USD/Tbps/month`).
  public static func priceUnit(for unit: String) -> String {
    switch rates[unit]?.family {
    case .power?: "MWh"
    case .massFlow?: "t"
    case .bandwidth?, nil: unit + "/month"
    }
  }

  /// Converts a price per (unit · hour), as stored in a model, to a price per
  /// ``priceUnit(for:)``: 103.5 per MW·h is 103.5 EUR/MWh; 57077.6 per (Mt/yr)·h is 500 USD/t.
  public static func displayPrice(_ perUnitHour: Double, unit: String) -> Double {
    guard let info = rates[unit] else { return perUnitHour }
    switch info.family {
    case .power: return perUnitHour / info.factor * 1e6
    case .massFlow: return perUnitHour / info.factor
    case .bandwidth: return perUnitHour * 730
    }
  }

  /// The inverse of ``displayPrice(_:unit:)``.
  public static func storedPrice(fromDisplay price: Double, unit: String) -> Double {
    guard let info = rates[unit] else { return price }
    switch info.family {
    case .power: return price * info.factor / 1e6
    case .massFlow: return price * info.factor
    case .bandwidth: return price / 730
    }
  }

  /// Formats a value for messages: integers without a decimal point, others as Swift
  /// prints them (every digit: a message quotes the value exactly as it was read).
  public static func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    let s = "\(value)"
    return s
  }

  // MARK: Internal parsing

  /// The dimension of a parsed value.
  enum Dimension: Equatable {
    case plain
    case fraction
    case rate(UnitFamily)
    case amount(UnitFamily)
    case time
    /// Money in `currency` per base amount of `family`.
    case price(currency: String, family: UnitFamily)
    /// Barrels per hour: a mass flow once a commodity's tonnes-per-barrel is known
    /// (see ``Units/resolvingBarrels(_:tonnesPerBarrel:commodity:)``).
    case barrelRate
    /// Barrels.
    case barrelAmount
    /// Money in `currency` per barrel.
    case barrelPrice(currency: String)

    /// "a power", "a price", … for messages.
    var article: String {
      switch self {
      case .plain: "a plain number"
      case .fraction: "a percentage"
      case .rate(let f): "a \(f.noun)"
      case .amount(let f): "an amount of \(f.noun)"
      case .time: "a time"
      case .price: "a price"
      case .barrelRate: "a rate in barrels"
      case .barrelAmount: "an amount in barrels"
      case .barrelPrice: "a price per barrel"
      }
    }
  }

  /// A parsed number with unit, in base units.
  struct Quantity: Equatable {
    var value: Double
    var dimension: Dimension
    /// The unit as written (`"GW"`), empty for plain numbers.
    var unit: String

    /// This quantity with barrels converted to tonnes; see ``Units/resolvingBarrels(_:commodity:)``.
    func resolvingBarrels(_ commodity: Commodity) throws(UnitError) -> Quantity {
      try Units.resolvingBarrels(self, commodity: commodity)
    }
  }

  static func unknownUnit(_ unit: String) -> UnitError {
    if ambiguousBarrels.contains(unit) {
      return UnitError(
        "unit '\(unit)' is ambiguous: 'M' is a thousand in the oil trade but a million in SI; write kb/d (thousand barrels a day) or mb/d (million barrels a day)")
    }
    if let s = unitSuggestion(for: unit, among: allSymbols) {
      return UnitError("unknown unit '\(unit)'; did you mean '\(s)'?")
    }
    if let family = family(ofWritten: unit) {
      return UnitError(
        "unknown unit '\(unit)' (units are case-sensitive); \(family.noun) units are \(rateUnitList(family))")
    }
    return UnitError(
      "unknown unit '\(unit)' (units are case-sensitive); write e.g. \"1.3 GW\", \"72.5 Mt/yr\", \"1.4 mb/d\", \"400 Gbps\", \"5.5 %\"")
  }

  /// The rate units of a family for messages, smallest first (barrel rates for mass flow
  /// listed after the tonne rates).
  static func rateUnitList(_ family: UnitFamily) -> String {
    let tonnes = rateUnits(of: family).filter { !$0.hasSuffix("/a") }
    let extra = family == .massFlow ? ["bbl/d", "kb/d", "mb/d"] : []
    return (tonnes + extra).joined(separator: ", ")
  }

  // MARK: Did-you-mean without changing magnitude

  /// Known bases after a prefix, by their lowercase spelling.
  static let unitBases: [String: String] = [
    "w": "W", "wh": "Wh", "bps": "bps", "t": "t", "b": "bbl", "bbl": "bbl", "bl": "bbl",
  ]

  /// Time words people write, mapped to the symbol they mean.
  static let timeAliases: [String: String] = [
    "h": "h", "hr": "h", "hour": "h", "d": "d", "day": "d", "month": "month", "mo": "month",
    "yr": "yr", "y": "yr", "year": "yr", "a": "yr", "annum": "yr",
  ]

  /// The magnitude a unit's spelling carries: for each `/`-separated part its prefix and
  /// base (`Mt/d` → `M t`, `time d`; `mb/d` → `m bbl`, `time d`; `gw` → `G W`).
  ///
  /// Prefix letters are read case-insensitively (`gw` is clearly meant as giga), except `m`
  /// and `M`: milli against mega (`mW`, `MW`), and `mb` is a million barrels. A typo fix may
  /// change the letters of an unrecognised base, but never a prefix, a time or a recognised
  /// base, so it cannot scale the value: `mb/d` is never "corrected" to `Mt/d` (7× off).
  static func magnitudeSignature(_ unit: String) -> [String] {
    let parts = unit.split(separator: "/", omittingEmptySubsequences: false)
    return parts.indices.map { index in
      let text = String(parts[index])
      if text.isEmpty { return " none" }
      if text == "%" { return "percent" }
      if index > 0, let time = timeAliases[text.lowercased()] { return "time " + time }
      if index == 0, parts.count > 1, isCurrencyCode(text) { return "currency" }
      if let base = exactBases[text] ?? (text.lowercased().hasPrefix("w") ? unitBases[text.lowercased()] : nil) {
        return " " + base
      }
      var prefix = ""
      var rest = Substring(text)
      if let first = text.first {
        switch first {
        case "m", "M":
          prefix = String(first)
          rest = rest.dropFirst()
          if first == "M", rest.first == "M" {  // MMbbl
            prefix = "MM"
            rest = rest.dropFirst()
          }
        case "k", "K": prefix = "k"; rest = rest.dropFirst()
        case "g", "G": prefix = "G"; rest = rest.dropFirst()
        case "T": prefix = "T"; rest = rest.dropFirst()
        case "p", "P": prefix = "P"; rest = rest.dropFirst()
        default: break
        }
      }
      if rest.isEmpty { return prefix + " none" }
      return prefix + " " + (unitBases[rest.lowercased()] ?? "?")
    }
  }

  /// Bases recognised as a whole part, case-sensitively (`T` is tera, not tonnes).
  static let exactBases: [String: String] = ["W": "W", "Wh": "Wh", "bps": "bps", "t": "t", "b": "bbl", "bbl": "bbl"]

  /// Whether two signatures agree: same length, same prefixes and times, and the same base
  /// wherever both bases are recognised.
  static func sameMagnitude(_ a: [String], _ b: [String]) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) where x != y {
      let xs = x.split(separator: " ", omittingEmptySubsequences: false)
      let ys = y.split(separator: " ", omittingEmptySubsequences: false)
      guard xs.count == 2, ys.count == 2, xs[0] == ys[0], xs[0] != "time" else { return false }
      if xs[1] != "?" && ys[1] != "?" { return false }
    }
    return true
  }

  /// A did-you-mean for a unit that keeps the magnitude of what was written, or nil.
  ///
  /// When several candidates are equally close and differ in size (`Gh`: `GW` or `GWh`?),
  /// there is no suggestion: the typo does not tell which size was meant.
  static func unitSuggestion<S: Sequence<String>>(for unit: String, among candidates: S) -> String? {
    let signature = magnitudeSignature(unit)
    let safe = candidates.filter { sameMagnitude(signature, magnitudeSignature($0)) }
    guard let best = DidYouMean.suggestion(for: unit, among: safe) else { return nil }
    let lowered = Array(unit.lowercased().unicodeScalars)
    let d = DidYouMean.distance(lowered, Array(best.lowercased().unicodeScalars))
    let size = try? quantity(1, unit: best)
    for other in safe where other != best && other != unit {
      guard DidYouMean.distance(lowered, Array(other.lowercased().unicodeScalars)) == d else { continue }
      let q = try? quantity(1, unit: other)
      guard let q, let size, q.dimension == size.dimension, abs(q.value - size.value) <= 1e-12 * abs(size.value) else {
        return nil
      }
    }
    return best
  }

  /// The family a misspelt unit belongs to when its base is recognisable (`mt/d` → mass flow).
  static func family(ofWritten unit: String) -> UnitFamily? {
    guard let first = magnitudeSignature(unit).first else { return nil }
    switch first.split(separator: " ", omittingEmptySubsequences: false).last {
    case "W"?, "Wh"?: return .power
    case "bps"?: return .bandwidth
    case "t"?, "bbl"?: return .massFlow
    default: return nil
    }
  }

  /// Converts a quantity written in barrels to tonnes, with the commodity's tonnes per barrel.
  /// Other quantities are returned unchanged.
  ///
  /// - Throws: ``UnitError`` when the commodity is not a mass flow or has no
  ///   `tonnes-per-barrel`.
  static func resolvingBarrels(_ q: Quantity, commodity: Commodity) throws(UnitError) -> Quantity {
    switch q.dimension {
    case .barrelRate, .barrelAmount, .barrelPrice: break
    default: return q
    }
    guard commodity.family == .massFlow else {
      throw UnitError(
        "unit '\(q.unit)' counts barrels of oil, but \(commodity.name) is \(commodity.family.noun); write e.g. \"\(commodity.family.example)\"")
    }
    guard let perBarrel = commodity.tonnesPerBarrel else {
      throw UnitError(
        "unit '\(q.unit)' counts barrels, and commodity '\(commodity.name)' has no tonnes-per-barrel; add tonnes-per-barrel = 0.1364 (the figure for your crude) to [commodities.\(commodity.name)], or write tonnes such as \"72.5 Mt/yr\"")
    }
    var out = q
    switch q.dimension {
    case .barrelRate:
      out.value = q.value * perBarrel
      out.dimension = .rate(.massFlow)
    case .barrelAmount:
      out.value = q.value * perBarrel
      out.dimension = .amount(.massFlow)
    case .barrelPrice(let currency):
      out.value = q.value / perBarrel
      out.dimension = .price(currency: currency, family: .massFlow)
    default: break
    }
    return out
  }

  /// Splits `"1.3 GW"` into the number and the unit text and converts to base units.
  static func parseQuantity(_ text: String) throws(UnitError) -> Quantity {
    let trimmed = text.trimmingWhitespace()
    let scalars = Array(trimmed.unicodeScalars)
    let numberEnd = scanNumber(scalars, from: 0)
    guard numberEnd > 0 else {
      let lower = trimmed.lowercased()
      if lower.hasPrefix("nan") || lower.hasPrefix("inf") || lower.hasPrefix("+inf")
        || lower.hasPrefix("-inf")
      {
        throw UnitError("'\(trimmed)' is not a finite number")
      }
      throw UnitError(
        "'\(trimmed)' is not a number with a unit; write e.g. \"1.3 GW\", \"72.5 Mt/yr\", \"5.5 %\"")
    }
    let numberText = String(String.UnicodeScalarView(scalars[0..<numberEnd]))
    guard let value = Double(numberText.filter { $0 != "_" }) else {
      throw UnitError("'\(numberText)' is not a number")
    }
    guard value.isFinite else { throw UnitError("'\(trimmed)' is not a finite number") }
    let unit = String(String.UnicodeScalarView(scalars[numberEnd...])).trimmingWhitespace()
    return try quantity(value, unit: unit)
  }

  /// Converts `value` written in `unit` to base units and tells its dimension.
  static func quantity(_ value: Double, unit: String) throws(UnitError) -> Quantity {
    if unit.isEmpty { return Quantity(value: value, dimension: .plain, unit: "") }
    if unit == "%" { return Quantity(value: value / 100, dimension: .fraction, unit: unit) }
    if let r = rates[unit] {
      return Quantity(value: value * r.factor, dimension: .rate(r.family), unit: unit)
    }
    if let a = amounts[unit] {
      return Quantity(value: value * a.factor, dimension: .amount(a.family), unit: unit)
    }
    if let h = times[unit] { return Quantity(value: value * h, dimension: .time, unit: unit) }
    if let b = barrelRates[unit] { return Quantity(value: value * b, dimension: .barrelRate, unit: unit) }
    if let b = barrelAmounts[unit] { return Quantity(value: value * b, dimension: .barrelAmount, unit: unit) }
    let parts = unit.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if parts.count >= 2, isCurrencyCode(parts[0]) {
      return try price(value, currency: parts[0], per: Array(parts.dropFirst()), unit: unit)
    }
    if let first = parts.first, first.count == 3, first.uppercased() == first, parts.count >= 2,
      !first.isEmpty
    {
      throw UnitError("'\(first)' is not a currency code; write a three-letter code such as EUR or USD")
    }
    throw unknownUnit(unit)
  }

  /// `CUR/amount` or `CUR/rate/time` (a mass-flow rate contains its own slash:
  /// `CUR/t/d/month` is per (t/d)·month).
  static func price(_ value: Double, currency: String, per parts: [String], unit: String)
    throws(UnitError) -> Quantity
  {
    if parts.count == 1, let b = barrelAmounts[parts[0]] {
      return Quantity(value: value / b, dimension: .barrelPrice(currency: currency), unit: unit)
    }
    if parts.count == 1, let a = amounts[parts[0]] {
      return Quantity(
        value: value / a.factor, dimension: .price(currency: currency, family: a.family),
        unit: unit)
    }
    if parts.count >= 2, let time = parts.last, let hours = times[time] {
      let rateSymbol = parts.dropLast().joined(separator: "/")
      if let r = rates[rateSymbol] {
        // per (rate · time): one rate unit for `time` is r.factor · hours base amounts.
        return Quantity(
          value: value / (r.factor * hours), dimension: .price(currency: currency, family: r.family),
          unit: unit)
      }
    }
    if parts.count == 1, let r = rates[parts[0]] {
      throw UnitError(
        "'\(unit)' is a price per \(r.family.noun) rate; add the period, e.g. \(currency)/\(parts[0])/month, or price an amount such as \(r.family.priceExample(currency).split(separator: " ").last ?? "")")
    }
    let denominator = parts.joined(separator: "/")
    let candidates =
      (Array(amounts.keys) + Array(barrelAmounts.keys)).map { "\(currency)/\($0)" }
      + ["MW", "Mbps", "Gbps", "Tbps"].flatMap { r in ["month", "yr", "h"].map { "\(currency)/\(r)/\($0)" } }
    let hint = unitSuggestion(for: unit, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    throw UnitError(
      "unknown price unit '\(unit)': '\(denominator)' is not an amount (MWh, t, bbl, …) or a rate per time (Gbps/month)\(hint)")
  }

  static func isCurrencyCode(_ s: String) -> Bool {
    s.unicodeScalars.count == 3 && s.unicodeScalars.allSatisfy { $0 >= "A" && $0 <= "Z" }
  }

  /// Returns the end index of a decimal number (`-1.5e3`) starting at `start`, or `start`
  /// if there is none. Rejects hex, `nan`, `inf` and lone signs or dots.
  static func scanNumber(_ s: [Unicode.Scalar], from start: Int) -> Int {
    var i = start
    if i < s.count, s[i] == "+" || s[i] == "-" { i += 1 }
    var digits = 0
    while i < s.count, isDigit(s[i]) || s[i] == "_" {
      if s[i] != "_" { digits += 1 }
      i += 1
    }
    if i < s.count, s[i] == "." {
      i += 1
      while i < s.count, isDigit(s[i]) {
        digits += 1
        i += 1
      }
    }
    guard digits > 0 else { return start }
    if i < s.count, s[i] == "e" || s[i] == "E" {
      var j = i + 1
      if j < s.count, s[j] == "+" || s[j] == "-" { j += 1 }
      var expDigits = 0
      while j < s.count, isDigit(s[j]) {
        expDigits += 1
        j += 1
      }
      if expDigits > 0 { i = j }
    }
    return i
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines.
  func trimmingWhitespace() -> String {
    let s = unicodeScalars
    guard let first = s.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = s.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
    return String(s[first...last])
  }
}
