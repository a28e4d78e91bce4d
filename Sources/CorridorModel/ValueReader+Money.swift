// Investment money: "3.5 GEUR", "2.7 MEUR/MW", "30 kEUR/MW/yr", "250 kEUR/MWh" (storage).

/// A sum of money as a build option writes it, in the model currency.
enum MoneyValue: Equatable {
  /// A total (`"3.5 GEUR"`).
  case total(Double)
  /// Per unit of the commodity's rate (`"2.7 MEUR/MW"`), converted to the commodity unit.
  case perUnit(Double)
  /// Per unit of rate per year (`"30 kEUR/MW/yr"`).
  case perUnitYear(Double)
}

extension ValueReader {
  /// Currency prefixes: `kEUR` is a thousand euros, `MEUR` a million, `GEUR` (or `bnEUR`) a billion.
  static let moneyPrefixes: [String: Double] = ["": 1, "k": 1e3, "M": 1e6, "G": 1e9, "bn": 1e9]

  /// Reads money at `key`: a total, per unit of the subject's commodity rate, or per unit and
  /// year. In the model currency (another currency through `[model] exchange-rates`).
  /// For storage (`duration` given) a price per amount (`"250 kEUR/MWh"`) is per unit of
  /// energy and becomes per unit of power × `duration`. Reports and returns nil when wrong.
  func money(_ key: String, _ subject: Subject, perUnitOf what: String, duration: Double?) -> MoneyValue? {
    guard let node = table[key] else { return nil }
    let currency = loader.currency
    let unit = subject.commodity?.unit ?? "MW"
    let example = "\"2.7 M\(currency)/\(unit)\" or \"3.5 G\(currency)\""
    guard case .string(let text) = node else {
      reporter.error(path + [key], "write money with its currency, e.g. \(example)")
      return nil
    }
    let trimmed = text.trimmingWhitespace()
    let scalars = Array(trimmed.unicodeScalars)
    let end = Units.scanNumber(scalars, from: 0)
    guard end > 0, let value = Double(String(String.UnicodeScalarView(scalars[0..<end])).filter { $0 != "_" }), value.isFinite else {
      reporter.error(path + [key], "'\(trimmed)' is not an amount of money; write e.g. \(example)")
      return nil
    }
    let written = String(String.UnicodeScalarView(scalars[end...])).trimmingWhitespace()
    var parts = written.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    let head = parts.removeFirst()
    guard head.count >= 3, Units.isCurrencyCode(String(head.suffix(3))),
          let prefix = Self.moneyPrefixes[String(head.dropLast(3))] else {
      reporter.error(path + [key], "'\(written)' is not a currency: write a three-letter code with an optional k, M or G before it (\(currency), k\(currency), M\(currency), G\(currency)), e.g. \(example)")
      return nil
    }
    let code = String(head.suffix(3))
    guard let rate = loader.exchangeRate(code) else {
      reporter.error(path + [key], "'\(trimmed)' is in \(code) but the model's currency is \(currency); write it in \(currency), or give the rate in [model] exchange-rates = { \(code) = … }")
      return nil
    }
    var amount = value * prefix * rate
    var perYear = false
    if let last = parts.last, last == "yr" || last == "a" {
      perYear = true
      parts.removeLast()
    }
    guard value >= 0 else {
      reporter.error(path + [key], "'\(key)' is negative (\(trimmed)); it must be ≥ 0")
      return nil
    }
    if parts.isEmpty {
      guard !perYear else {
        reporter.error(path + [key], "'\(written)' is a yearly total; give it per unit of \(what), e.g. \"30 k\(currency)/\(unit)/yr\"")
        return nil
      }
      return checked(key, amount, shown: trimmed).map(MoneyValue.total)
    }
    let denominator = parts.joined(separator: "/")
    guard let commodity = subject.commodity, let target = Units.rates[commodity.unit] else { return nil }
    if let r = Units.rates[denominator], r.family == commodity.family {
      amount *= target.factor / r.factor
    } else if let a = Units.amounts[denominator], a.family == commodity.family, let duration {
      // Per amount of energy: one unit of power stores `duration` hours of it.
      amount *= target.factor / a.factor * duration
    } else {
      let rates = Units.rateUnits(of: commodity.family).prefix(4).map { "\(currency)/\($0)" }.joined(separator: ", ")
      reporter.error(path + [key], "'\(written)' is not money per unit of \(what) of \(subject.name) (\(commodity.family.noun)); write it per \(commodity.unit), e.g. \"2.7 M\(currency)/\(commodity.unit)\" (units: \(rates)\(duration != nil ? ", or per amount such as \(currency)/\(commodity.amountUnit)" : ""))")
      return nil
    }
    guard let v = checked(key, amount, shown: trimmed) else { return nil }
    return perYear ? .perUnitYear(v) : .perUnit(v)
  }
}
