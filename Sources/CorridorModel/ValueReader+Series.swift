// Per-slice lists and fraction series: the forms of a value that varies by time slice.

extension ValueReader {
  /// A per-slice list, `key = ["500 MW", "0 MW", "500 MW", "500 MW"]`: one element per time
  /// slice, in slice order, each read and checked like the constant form of the value.
  ///
  /// Each element is read by `element` from a one-key reader whose key is the element's
  /// index, so a problem is reported at `corridors.cpc.availability.2`.
  /// - Returns: `.perSlice` with one value per slice, or nil after reporting a problem (a
  ///   list of the wrong length, or a bad element; every bad element is reported).
  /// - Parameter numbersNeedUnits: Elements are quantities with units (rates, prices): a bare
  ///   number is reported with the unit of `example` added.
  func perSliceList(
    _ key: String, _ items: [TOMLNode], what: String, example: String, numbersNeedUnits: Bool = false,
    element: (ValueReader, String) -> Double?
  ) -> Series? {
    // In a multi-year model a list gives the slices of one year, repeated for each year.
    let slices = loader.horizon?.yearSlices ?? loader.slices
    let years = loader.horizon?.years.count ?? 1
    guard items.count == slices.count else {
      let names = slices.prefix(6).map(\.name).joined(separator: ", ") + (slices.count > 6 ? ", …" : "")
      reporter.error(
        path + [key],
        "\(what) lists \(items.count) value\(items.count == 1 ? "" : "s"), but the model has \(slices.count) time slice\(slices.count == 1 ? "" : "s") (\(names)); give one value per slice in slice order, e.g. \(key) = [\(Array(repeating: example, count: min(slices.count, 4)).joined(separator: ", "))\(slices.count > 4 ? ", …" : "")], or a CSV column")
      return nil
    }
    var values: [Double] = []
    var failed = false
    let unit = example.filter { $0 != "\"" }.split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
    for (i, item) in items.enumerated() {
      if numbersNeedUnits {
        let bare: String?
        switch item {
        case .integer(let v): bare = String(v)
        case .float(let v) where v.isFinite: bare = Units.format(v)
        default: bare = nil
        }
        if let bare {
          reporter.error(
            path + [key, String(i)],
            "missing unit in element \(i + 1) of the list: write \"\(bare) \(unit)\" (units are part of the string)")
          failed = true
          continue
        }
      }
      let r = ValueReader(path: path + [key], table: [String(i): item], reporter: reporter, loader: loader)
      if let v = element(r, String(i)) { values.append(v) } else { failed = true }
    }
    return failed ? nil : .perSlice(Array([[Double]](repeating: values, count: years).joined()))
  }

  /// A value per planning year, `key = { 2030 = "500 MW", 2035 = "800 MW" }`: each year's value
  /// read by `element` (its constant form), a year left out keeping the value of the year
  /// before it; the first year of the horizon must be given. The series repeats each year's
  /// value over that year's slices. Without planning years it is an error (unless `[time]
  /// years` was written but wrong: that error is the one to fix).
  func perYearTable(_ key: String, _ spec: [String: TOMLNode], what: String, element: (ValueReader, String) -> Double?) -> Series? {
    guard let horizon = loader.horizon else {
      if !loader.yearsWritten {
        reporter.error(path + [key], "\(what) is given per year, but the model has no planning years; add years = […] to [time]")
      }
      return nil
    }
    var given: [Int: Double] = [:]
    var failed = false
    for (k, node) in spec {
      guard let y = Int(k), horizon.index(of: y) != nil else {
        let list = horizon.years.map { String($0.year) }.joined(separator: ", ")
        reporter.error(path + [key, k], "\(what) is given for \(k), which is not a planning year (\(list)); use those years")
        failed = true
        continue
      }
      if case .array = node {
        reporter.error(path + [key, k], "a value per year is one value (\"500 MW\"); per-slice lists and CSV columns cover one year and repeat")
        failed = true
        continue
      }
      let r = ValueReader(path: path + [key], table: [k: node], reporter: reporter, loader: loader)
      if let v = element(r, k) { given[y] = v } else { failed = true }
    }
    guard !failed else { return nil }
    guard given[horizon.years[0].year] != nil else {
      reporter.error(path + [key], "\(what) per year must give the first year, \(horizon.years[0].year) (later years left out keep the value before them)")
      return nil
    }
    var values: [Double] = []
    var current = 0.0
    for y in horizon.years {
      if let v = given[y.year] { current = v }
      values += [Double](repeating: current, count: horizon.slicesPerYear)
    }
    return .perSlice(values)
  }

  /// Whether a table value is a per-year table (its keys are years) rather than a CSV reference.
  static func isPerYearTable(_ spec: [String: TOMLNode]) -> Bool {
    !spec.isEmpty && spec.keys.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
  }

  /// A fraction that may vary by slice: a constant (`"95 %"`), a per-slice list
  /// (`["100 %", "65 %", "100 %", "100 %"]`) or a CSV column of percentages
  /// (`{ csv = "…", column = "cpc", unit = "%" }`). Values must lie in [0, 100 %].
  /// - Returns: the series (`.constant(default)` when the key is absent), or nil after
  ///   reporting a problem.
  func fractionSeries(_ key: String, _ subject: Subject, default value: Double) -> Series? {
    guard let node = table[key] else { return .constant(value) }
    switch node {
    case .array(let items):
      return perSliceList(key, items, what: "\(subject.name) \(key)", example: "\"100 %\"") { r, k in
        r.fraction(k, default: nil)
      }
    case .table(let spec) where Self.isPerYearTable(spec):
      return perYearTable(key, spec, what: "\(subject.name) \(key)") { r, k in r.fraction(k, default: nil) }
    case .table(let spec):
      let reader = ValueReader(path: path + [key], table: spec, reporter: reporter, loader: loader)
      reader.checkKeys(["csv", "column", "unit", "scale"], context: "a CSV series")
      let file = reader.string("csv", required: "\"../data/profiles.csv\"")
      let column = reader.string("column", required: "\"availability\"")
      let unitText = reader.string("unit", required: "\"%\"")
      let scale = reader.number("scale") ?? 1
      guard let file, let column, let unitText else { return nil }
      guard unitText.trimmingWhitespace() == "%" else {
        reporter.error(
          path + [key, "unit"],
          "the cells of a fraction column are percentages: write unit = \"%\" (for cells that are fractions in [0, 1], add scale = 100)")
        return nil
      }
      guard let series = loader.csvSeries(
        file: file, column: column, factor: scale / 100, nonNegative: true, referencedAt: path + [key],
        what: "\(subject.name) \(key)")
      else { return nil }
      if case .perSlice(let values) = series, let s = values.firstIndex(where: { $0 > 1 + 1e-12 }) {
        reporter.error(
          path + [key],
          "\(subject.name) \(key) is \(Units.format(values[s] * 100)) % in slice \(s + 1) ('\(loader.slices[s].name)'); a fraction must lie within 0–100 %")
        return nil
      }
      return series
    default:
      return fraction(key, default: value).map(Series.constant)
    }
  }
}
