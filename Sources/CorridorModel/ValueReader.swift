// Typed access to one TOML table, reporting every problem with its key path.

/// What a value is about, for messages: "corridor 'black-sea' carries electricity (power)".
struct Subject {
  /// "corridor 'black-sea'"
  var name: String
  /// The commodity the entry carries, when known.
  var commodity: Commodity?
}

/// Reads the keys of one table (an entry such as `corridors.black-sea`), checking types,
/// units and ranges, and reports unknown keys with a did-you-mean.
///
/// Every accessor returns nil on a problem (after reporting it), so the loader keeps going
/// and reports everything at once.
struct ValueReader {
  let path: EntryPath
  let table: [String: TOMLNode]
  let reporter: Reporter
  let loader: LoaderContext

  /// The largest magnitude accepted for any converted value.
  static let absurd = 1e12

  func has(_ key: String) -> Bool { table[key] != nil }

  /// Reports keys that are not in `known`, suggesting the closest known key.
  func checkKeys(_ known: [String], context: String, elsewhere: [String: String] = [:]) {
    for key in table.keys.sorted() where !known.contains(key) {
      if let owner = elsewhere[key] {
        reporter.error(path + [key], "key '\(key)' does not apply to \(context) (it belongs to \(owner)); remove it")
      } else {
        let hint = DidYouMean.hint(for: key, among: known)
        reporter.error(
          path + [key],
          "unknown key '\(key)' in \(context)\(hint)\(hint.isEmpty ? "; known keys: \(known.joined(separator: ", "))" : "")")
      }
    }
  }

  private func missing(_ key: String, _ example: String) {
    reporter.error(path, "missing required key '\(key)'; add \(key) = \(example)")
  }

  private func wrongType(_ key: String, _ node: TOMLNode, expected: String) {
    reporter.error(path + [key], "expected \(expected), found \(article(node.typeName)) \(node.typeName)")
  }

  private func article(_ word: String) -> String {
    ["a", "e", "i", "o", "u"].contains(word.prefix(1)) ? "an" : "a"
  }

  // MARK: Plain values

  func string(_ key: String, required example: String? = nil) -> String? {
    guard let node = table[key] else {
      if let example { missing(key, example) }
      return nil
    }
    guard case .string(let s) = node else {
      wrongType(key, node, expected: "a string")
      return nil
    }
    if example != nil, s.trimmingWhitespace().isEmpty {
      reporter.error(path + [key], "'\(key)' is empty; write a value such as \(example ?? "")")
      return nil
    }
    return s
  }

  /// A name reference: a non-empty string.
  func name(_ key: String, required example: String?) -> String? { string(key, required: example) }

  func bool(_ key: String, default value: Bool) -> Bool {
    guard let node = table[key] else { return value }
    guard case .boolean(let b) = node else {
      if case .string(let s) = node, s == "true" || s == "false" {
        reporter.error(path + [key], "expected a boolean; write \(key) = \(s) without quotes")
      } else {
        wrongType(key, node, expected: "a boolean (true or false)")
      }
      return value
    }
    return b
  }

  /// A plain number (integer or float), finite.
  func number(_ key: String) -> Double? {
    guard let node = table[key] else { return nil }
    switch node {
    case .integer(let i): return Double(i)
    case .float(let d):
      guard d.isFinite else {
        reporter.error(path + [key], "'\(key)' is \(d.isNaN ? "nan" : "infinite"); write a finite number")
        return nil
      }
      return d
    default:
      wrongType(key, node, expected: "a number")
      return nil
    }
  }

  func stringArray(_ key: String) -> [String]? {
    guard let node = table[key] else { return nil }
    guard case .array(let items) = node else {
      if case .string(let s) = node {
        reporter.error(path + [key], "expected an array of names; write \(key) = [\"\(s)\"]")
      } else {
        wrongType(key, node, expected: "an array of strings")
      }
      return nil
    }
    var out: [String] = []
    for (i, item) in items.enumerated() {
      guard case .string(let s) = item else {
        reporter.error(path + [key, String(i)], "expected a string, found \(article(item.typeName)) \(item.typeName)")
        return nil
      }
      out.append(s)
    }
    return out
  }

  /// One of a fixed set of words, e.g. `kind = "country"`.
  func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool, default value: T? = nil) -> T?
  where T.RawValue == String {
    let all = T.allCases.map(\.rawValue)
    guard let s = string(key, required: required ? "\"\(all[0])\"" : nil) else {
      if table[key] == nil, required { return nil }
      return table[key] == nil ? value : nil
    }
    guard let v = T(rawValue: s) else {
      reporter.error(
        path + [key],
        "unknown \(key) '\(s)'\(DidYouMean.aside(for: s, among: all)); use one of: \(all.joined(separator: ", "))")
      return nil
    }
    return v
  }

  // MARK: Values with units

  /// Reports a missing unit for a bare number.
  private func bareNumber(_ key: String, _ node: TOMLNode, example: String) -> Bool {
    let value: String
    switch node {
    case .integer(let i): value = String(i)
    case .float(let d):
      guard d.isFinite else {
        reporter.error(path + [key], "'\(key)' is \(d.isNaN ? "nan" : "infinite"); write a finite value with a unit, e.g. \"\(example)\"")
        return true
      }
      value = "\(d)"
    default: return false
    }
    let unit = example.split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
    reporter.error(path + [key], "missing unit: write \(key) = \"\(value) \(unit)\" (units are part of the string)")
    return true
  }

  /// Parses a string with a unit; reports syntax problems.
  private func quantity(_ key: String, example: String, required: Bool) -> Units.Quantity? {
    guard let node = table[key] else {
      if required { missing(key, "\"\(example)\"") }
      return nil
    }
    guard case .string(let text) = node else {
      if !bareNumber(key, node, example: example) {
        wrongType(key, node, expected: "a string with a unit such as \"\(example)\"")
      }
      return nil
    }
    do {
      return try Units.parseQuantity(text)
    } catch {
      reporter.error(path + [key], error.message)
      return nil
    }
  }

  /// Checks magnitude and sign of a converted value.
  func checked(_ key: String, _ value: Double, nonNegative: Bool = true, shown: String? = nil) -> Double? {
    guard value.isFinite else {
      reporter.error(path + [key], "'\(key)' is not a finite number")
      return nil
    }
    if nonNegative, value < 0 {
      reporter.error(path + [key], "'\(key)' is negative (\(shown ?? Units.format(value))); it must be ≥ 0")
      return nil
    }
    if abs(value) > Self.absurd {
      reporter.error(
        path + [key],
        "'\(key)' is absurdly large (\(shown ?? Units.format(value))); check the unit and the magnitude")
      return nil
    }
    return value
  }

  /// A rate such as `"1.3 GW"`, converted to the subject's commodity unit.
  func rate(_ key: String, _ subject: Subject, required: Bool) -> Double? {
    let example = subject.commodity.map { "1 \($0.unit)" } ?? "1.3 GW"
    guard let written = quantity(key, example: example, required: required) else { return nil }
    guard let commodity = subject.commodity else { return nil }  // reported elsewhere
    guard let q = inTonnes(key, written, commodity) else { return nil }
    guard case .rate(let f) = q.dimension, f == commodity.family else {
      reporter.error(path + [key], mismatch(q, expected: "a \(commodity.family.noun)", subject, example: example))
      return nil
    }
    let value = q.value / (Units.rates[commodity.unit]?.factor ?? 1)
    return checked(key, value, shown: stringValue(key))
  }

  /// An amount such as `"2400 MWh"`, converted to unit·h of the subject's commodity.
  func amount(_ key: String, _ subject: Subject, required: Bool) -> Double? {
    let family = subject.commodity?.family ?? .power
    let example = family.amountExample
    guard let written = quantity(key, example: example, required: required) else { return nil }
    guard let commodity = subject.commodity else { return nil }
    guard let q = inTonnes(key, written, commodity) else { return nil }
    guard case .amount(let f) = q.dimension, f == commodity.family else {
      reporter.error(path + [key], mismatch(q, expected: "an amount of \(commodity.family.noun)", subject, example: example))
      return nil
    }
    let value = q.value / (Units.rates[commodity.unit]?.factor ?? 1)
    return checked(key, value, shown: stringValue(key))
  }

  /// A price such as `"103.5 EUR/MWh"`, converted to model currency per unit·h.
  func price(_ key: String, _ subject: Subject, required: Bool, nonNegative: Bool) -> Double? {
    let currency = loader.currency
    let example = subject.commodity?.family.priceExample(currency) ?? "103.5 \(currency)/MWh"
    guard let q = quantity(key, example: example, required: required) else { return nil }
    guard let commodity = subject.commodity else { return nil }
    guard let factor = priceFactor(key, q, commodity, subject, example: example) else { return nil }
    return checked(key, q.value * factor, nonNegative: nonNegative, shown: stringValue(key))
  }

  /// Converts a value written in barrels to tonnes with the commodity's tonnes-per-barrel
  /// (other values pass unchanged), or reports why it cannot.
  func inTonnes(_ key: String, _ q: Units.Quantity, _ commodity: Commodity) -> Units.Quantity? {
    do {
      return try Units.resolvingBarrels(q, commodity: commodity)
    } catch {
      reporter.error(path + [key], error.message)
      return nil
    }
  }

  /// The factor that turns a parsed price (currency per base amount, or per barrel) into
  /// model currency per unit·h, or nil after reporting why it cannot: the stored price is
  /// `written.value * factor`.
  func priceFactor(_ key: String, _ written: Units.Quantity, _ commodity: Commodity, _ subject: Subject, example: String) -> Double? {
    // Barrels: the factor includes 1 / tonnes-per-barrel (the conversion of one unit as written).
    let one = Units.Quantity(value: 1, dimension: written.dimension, unit: written.unit)
    guard let q = inTonnes(key, one, commodity) else { return nil }
    guard case .price(let currency, let f) = q.dimension else {
      reporter.error(path + [key], mismatch(q, expected: "a price", subject, example: example))
      return nil
    }
    guard f == commodity.family else {
      reporter.error(
        path + [key],
        "price unit '\(q.unit)' is per \(f.noun), but \(subject.name) carries \(commodity.name) (\(commodity.family.noun)); write a price such as \"\(example)\"")
      return nil
    }
    guard let rate = loader.exchangeRate(currency) else {
      reporter.error(
        path + [key],
        "price is in \(currency), but the model currency is \(loader.currency); write it in \(loader.currency) or add exchange-rates = { \(currency) = … } to [model] (1 \(currency) in \(loader.currency))")
      return nil
    }
    return q.value * rate * (Units.rates[commodity.unit]?.factor ?? 1)  // q.value: 1, or 1 / t per bbl
  }

  /// "unit 'Mt/yr' is a mass flow, but corridor 'black-sea' carries electricity (power); write …"
  func mismatch(_ q: Units.Quantity, expected: String, _ subject: Subject, example: String) -> String {
    let what: String
    switch q.dimension {
    case .plain: return "missing unit; write e.g. \"\(example)\""
    case .rate(let f): what = "unit '\(q.unit)' is a \(f.noun)"
    case .amount(let f): what = "unit '\(q.unit)' is an amount of \(f.noun)"
    case .time: what = "unit '\(q.unit)' is a time"
    case .fraction: what = "'%' makes a percentage"
    case .price, .barrelPrice: what = "unit '\(q.unit)' is a price"
    case .barrelRate: what = "unit '\(q.unit)' is a rate in barrels"
    case .barrelAmount: what = "unit '\(q.unit)' is an amount in barrels"
    }
    let carries = subject.commodity.map { " carries \($0.name) (\($0.family.noun)) and" } ?? ""
    return "\(what), but \(subject.name)\(carries) needs \(expected) here; write e.g. \"\(example)\""
  }

  /// A fraction, written as a percentage: `"5.5 %"`.
  ///
  /// A bare number is refused: `loss = 0.5` could mean 50 % or 0.5 %, and a reader of the
  /// file cannot tell which was meant. The message offers both readings, so nothing is
  /// ever guessed 100× off.
  func fraction(_ key: String, default value: Double?, exclusiveUpper: Bool = false, positive: Bool = false) -> Double? {
    guard let node = table[key] else { return value }
    var f: Double
    switch node {
    case .integer, .float:
      guard let v = number(key) else { return nil }
      reporter.error(path + [key], Self.barePercentage(key, v, quoted: false))
      return nil
    case .string(let text):
      do {
        let q = try Units.parseQuantity(text)
        switch q.dimension {
        case .fraction: f = q.value
        case .plain:
          reporter.error(path + [key], Self.barePercentage(key, q.value, quoted: true))
          return nil
        default:
          reporter.error(path + [key], "'\(text)' is \(q.dimension.article); '\(key)' is a percentage: write e.g. \(key) = \"5.5 %\"")
          return nil
        }
      } catch {
        reporter.error(path + [key], error.message)
        return nil
      }
    default:
      wrongType(key, node, expected: "a percentage such as \"5.5 %\"")
      return nil
    }
    if f < 0 || f > 1 {
      reporter.error(path + [key], "'\(key)' is \(Units.format(f * 100)) %, outside 0–100 %")
      return nil
    }
    if exclusiveUpper, f == 1 {
      reporter.error(path + [key], "'\(key)' is 100 %: nothing would arrive; use a value below 100 %, or enabled = false to switch the corridor off")
      return nil
    }
    if positive, f == 0 {
      reporter.error(path + [key], "'\(key)' is 0 %: nothing could be stored; use a value above 0 %")
      return nil
    }
    return f
  }

  /// The message for a fraction written without `%`: both readings, never a guess.
  static func barePercentage(_ key: String, _ v: Double, quoted: Bool) -> String {
    let written = quoted ? "\"\(Units.format(v))\"" : Units.format(v)
    let asPercent = "\(key) = \"\(Units.format(v)) %\""
    guard v > 0, v <= 1 else {
      return "\(key) = \(written) needs '%': write \(asPercent) (fractions are percentages; a bare number is ambiguous)"
    }
    let times100 = Units.format((v * 100 * 1e9).rounded() / 1e9)
    return "\(key) = \(written) is ambiguous: write \(key) = \"\(times100) %\" for the fraction \(Units.format(v)), or \(asPercent) for \(Units.format(v)) percent"
  }

  /// Hours: `"2190 h"`, `"91.25 d"` or a plain number of hours.
  func hours(_ key: String, required: Bool) -> Double? {
    guard let node = table[key] else {
      if required { missing(key, "\"2190 h\"") }
      return nil
    }
    let h: Double
    switch node {
    case .integer, .float:
      guard let v = number(key) else { return nil }
      h = v
    case .string(let text):
      do {
        let q = try Units.parseQuantity(text)
        switch q.dimension {
        case .time, .plain: h = q.value
        default:
          reporter.error(path + [key], "'\(text)' is \(q.dimension.article); write a time such as \"2190 h\"")
          return nil
        }
      } catch {
        reporter.error(path + [key], error.message)
        return nil
      }
    default:
      wrongType(key, node, expected: "a time such as \"2190 h\"")
      return nil
    }
    guard h > 0 else {
      reporter.error(path + [key], "'\(key)' must be positive, found \(Units.format(h)) h")
      return nil
    }
    guard h <= 1e6 else {
      reporter.error(path + [key], "'\(key)' is absurdly long (\(Units.format(h)) h)")
      return nil
    }
    return h
  }

  /// The raw string of a key, for messages.
  func stringValue(_ key: String) -> String? {
    if case .string(let s)? = table[key] { return s }
    return nil
  }

  // MARK: Series

  /// What a series holds.
  enum SeriesKind {
    case rate
    case price(nonNegative: Bool)
  }

  /// A constant (`"500 MW"`), a per-slice list (`["500 MW", "0 MW"]`, see
  /// ``perSliceList(_:_:what:example:element:)``) or a CSV column
  /// (`{ csv = …, column = …, unit = …, scale = … }`).
  func series(_ key: String, _ subject: Subject, kind: SeriesKind, required: Bool) -> Series? {
    guard let node = table[key] else {
      if required {
        switch kind {
        case .rate: _ = rate(key, subject, required: true)
        case .price: _ = price(key, subject, required: true, nonNegative: false)
        }
      }
      return nil
    }
    if case .array(let items) = node {
      switch kind {
      case .rate:
        return perSliceList(key, items, what: "\(subject.name) \(key)", example: "\"\(subject.commodity.map { "1 \($0.unit)" } ?? "1 MW")\"", numbersNeedUnits: true) { r, k in
          r.rate(k, subject, required: true)
        }
      case .price(let nonNegative):
        return perSliceList(key, items, what: "\(subject.name) \(key)", example: "\"\(subject.commodity?.family.priceExample(loader.currency) ?? "50 EUR/MWh")\"", numbersNeedUnits: true) { r, k in
          r.price(k, subject, required: true, nonNegative: nonNegative)
        }
      }
    }
    guard case .table(let spec) = node else {
      switch kind {
      case .rate: return rate(key, subject, required: required).map(Series.constant)
      case .price(let nonNegative):
        return price(key, subject, required: required, nonNegative: nonNegative).map(Series.constant)
      }
    }
    if Self.isPerYearTable(spec) {
      return perYearTable(key, spec, what: "\(subject.name) \(key)") { r, k in
        switch kind {
        case .rate: r.rate(k, subject, required: true)
        case .price(let nonNegative): r.price(k, subject, required: true, nonNegative: nonNegative)
        }
      }
    }
    let reader = ValueReader(path: path + [key], table: spec, reporter: reporter, loader: loader)
    reader.checkKeys(["csv", "column", "unit", "scale"], context: "a CSV series")
    let file = reader.string("csv", required: "\"../data/profiles.csv\"")
    let column = reader.string("column", required: "\"KZ\"")
    let exampleUnit: String
    switch kind {
    case .rate: exampleUnit = subject.commodity?.unit ?? "MW"
    case .price: exampleUnit = subject.commodity.map { "\(loader.currency)/\($0.priceUnit)" } ?? "EUR/MWh"
    }
    let unitText = reader.string("unit", required: "\"\(exampleUnit)\"")
    let scale = reader.number("scale") ?? 1
    guard let file, let column, let unitText, let commodity = subject.commodity else { return nil }
    // The factor from one cell to the stored unit.
    let factor: Double
    let q: Units.Quantity
    do {
      q = try Units.quantity(1, unit: unitText)
    } catch {
      reporter.error(path + [key, "unit"], error.message)
      return nil
    }
    switch kind {
    case .rate:
      guard let q = reader.inTonnes("unit", q, commodity) else { return nil }
      guard case .rate(let f) = q.dimension, f == commodity.family else {
        reporter.error(
          path + [key, "unit"],
          reader.mismatch(q, expected: "a \(commodity.family.noun)", subject, example: exampleUnit))
        return nil
      }
      factor = q.value / (Units.rates[commodity.unit]?.factor ?? 1)
    case .price:
      guard let k = reader.priceFactor("unit", q, commodity, subject, example: exampleUnit) else { return nil }
      factor = q.value * k
    }
    let nonNegative: Bool
    switch kind {
    case .rate: nonNegative = true
    case .price(let n): nonNegative = n
    }
    return loader.csvSeries(
      file: file, column: column, factor: factor * scale, nonNegative: nonNegative,
      referencedAt: path + [key], what: "\(subject.name) \(key)")
  }
}
