// State shared while one model loads: currency, slices, CSV cache, files read.

/// Model-wide facts the value readers need, and the CSV cache.
final class LoaderContext {
  let reporter: Reporter
  let sources: OverlaySources
  /// Model currency, `EUR` until `[model]` is read.
  var currency = "EUR"
  /// 1 unit of the key currency = value units of the model currency.
  var exchangeRates: [String: Double] = [:]
  var slices: [TimeSlice] = []
  /// The planning years (`[time] years`); with them ``slices`` repeat per year.
  var horizon: Horizon?
  /// Whether `[time] years` was written: when it is wrong there is no ``horizon``, and the
  /// values that need one are not reported again (the years' error is the one to fix).
  var yearsWritten = false
  /// When the slices came from an hourly CSV: its resolved path.
  var hourlyFile: String?
  /// Files read, in order (model files first, then CSVs).
  var files: [String] = []
  private var csvCache: [String: Result<CSVTable, CSVTable.Problem>] = [:]

  init(reporter: Reporter, sources: OverlaySources) {
    self.reporter = reporter
    self.sources = sources
    files = sources.documents.map(\.path)
  }

  func exchangeRate(_ code: String) -> Double? {
    code == currency ? 1 : exchangeRates[code]
  }

  /// Resolves a path named by the value at `path` against the directory of the file that
  /// supplied it.
  func resolve(_ reference: String, namedAt path: EntryPath) -> String {
    FileBytes.resolve(reference, relativeTo: sources.location(of: path).file)
  }

  /// Reads (once) a CSV file.
  func table(_ file: String) -> Result<CSVTable, CSVTable.Problem> {
    if let cached = csvCache[file] { return cached }
    let result = CSVTable.read(path: file)
    csvCache[file] = result
    if case .success = result, !files.contains(file) { files.append(file) }
    return result
  }

  /// Reports a CSV problem: in the CSV when it has a line, else at the referencing key.
  func report(_ problem: CSVTable.Problem, file: String, referencedAt path: EntryPath) {
    if let line = problem.line {
      reporter.add(
        Diagnostic(
          severity: .error, file: file, line: line, column: problem.column, entry: path.dotted,
          message: problem.message))
    } else {
      reporter.error(path, problem.message)
    }
  }

  /// One column of a CSV as a per-slice series, multiplied by `factor`.
  func csvSeries(
    file reference: String, column: String, factor: Double, nonNegative: Bool, referencedAt path: EntryPath,
    what: String
  ) -> Series? {
    let file = resolve(reference, namedAt: path + ["csv"])
    let csv: CSVTable
    switch table(file) {
    case .failure(let problem):
      report(problem, file: file, referencedAt: path + ["csv"])
      return nil
    case .success(let t): csv = t
    }
    let k: Int
    switch csv.columnIndex(column) {
    case .failure(let problem):
      reporter.error(path + ["column"], problem.message)
      return nil
    case .success(let index): k = index
    }
    // A multi-year model reads one year of rows and repeats it for each year.
    let yearSlices = horizon?.yearSlices ?? slices
    let years = horizon?.years.count ?? 1
    let needed = yearSlices.count
    guard needed > 0 else { return nil }
    if csv.rows.count < needed {
      reporter.error(
        path + ["csv"],
        "CSV '\(file)' has \(csv.rows.count) data rows, but the model has \(needed) time slices; it needs one row per slice")
      return nil
    }
    if csv.rows.count > needed, file != hourlyFile {
      reporter.warning(
        path + ["csv"],
        "CSV '\(file)' has \(csv.rows.count) data rows but the model has \(needed) time slices; rows after \(needed) are ignored")
    }
    if file != hourlyFile, let nameColumn = csv.header.firstIndex(of: "slice") {
      let names = csv.strings(column: nameColumn)
      for (i, slice) in yearSlices.enumerated() where names[i] != slice.name {
        reporter.add(
          Diagnostic(
            severity: .error, file: file, line: csv.rows[i].line, entry: path.dotted,
            message: "row \(i + 1) is for slice '\(names[i])', but slice \(i + 1) of the model is '\(slice.name)'; order the rows as the slices"))
        return nil
      }
    }
    switch csv.numbers(column: k, count: needed) {
    case .failure(let problems):
      for p in problems.list { report(p, file: file, referencedAt: path) }
      return nil
    case .success(var values):
      var bad: (row: Int, value: Double, negative: Bool)?
      for i in values.indices {
        let v = values[i] * factor
        values[i] = v
        if bad == nil, !v.isFinite || abs(v) > ValueReader.absurd || (nonNegative && v < 0) {
          bad = (i, values[i], nonNegative && v < 0)
        }
      }
      if let bad {
        let row = csv.rows[bad.row]
        reporter.add(
          Diagnostic(
            severity: .error, file: file, line: row.line, entry: path.dotted,
            message: bad.negative
              ? "\(what) is negative in row \(bad.row + 1) (column '\(column)'); it must be ≥ 0"
              : "\(what) is absurdly large in row \(bad.row + 1) (column '\(column)'); check the unit and scale"))
        return nil
      }
      return .perSlice(Array([[Double]](repeating: values, count: years).joined()))
    }
  }
}
