import Foundation
import CorridorModel
import CorridorPlanning
import LinearProgramming

/// The typed report of `corridor value`: what each corridor is worth (TOOT and PINT, split
/// by country, with the tariffs it collects and its congestion rent) and its value curves,
/// built once and rendered as a table, Markdown, JSON (schema `corridor-value/1`) and CSV.
///
/// Units, as in ``ReportDocument``: money in the model's currency over the horizon;
/// capacities in the corridor's commodity unit; slopes and shadow prices in currency per
/// unit of capacity held in every slice over the horizon (`EUR/MW`). "Value" is the
/// objective as a gain: net export value (`max-value`, `max-min-fair`), or cost saved
/// (`min-cost`). A figure that does not exist (a run without an optimum) is nil / `null`.
public struct ValueDocument: Codable, Sendable, Equatable {
  public var schema = ValueDocument.schemaID
  public var model: String
  public var scenarios: [String]
  public var currency: String
  public var objectiveKind: String
  public var horizonHours: Double
  public var run: RunReport
  /// The model as given: its status and value.
  public var baseStatus: String
  public var baseValue: Figure
  public var corridors: [CorridorValueReport]
  public var curves: [CurveReport]
  /// What the reader must know to read the figures (curves skipped, runs without an optimum).
  public var notes: [String]

  public static let schemaID = "corridor-value/1"

  /// What was run: the files, the corridors studied, the edits each run made, solves and
  /// simplex iterations (warm re-solves against the cold solve of the base).
  public struct RunReport: Codable, Sendable, Equatable {
    public var base: String
    public var scenario: String?
    /// The corridors studied (TOOT and PINT); the PINT base disables all of them.
    public var corridors: [String]
    /// The edits of the runs, in words: TOOT disables one corridor, PINT enables one on the
    /// PINT base, a curve sets one capacity.
    public var edits: [String]
    public var solves: Int
    /// Simplex iterations of every solve, the base included.
    public var iterations: Int
    /// Simplex iterations of the base's cold solve (the first solve).
    public var coldBaseIterations: Int
    /// Iterations per warm re-solve, on average (nil without re-solves).
    @Nullable public var warmIterationsPerSolve: Double?
  }

  public struct CorridorValueReport: Codable, Sendable, Equatable {
    public var name: String
    public var toot: ComparisonReport
    public var pint: ComparisonReport
    /// Runs of this corridor without an optimum, in words (nil: every run optimal).
    @Nullable public var note: String?
  }

  /// A run with the corridor against a run without it.
  public struct ComparisonReport: Codable, Sendable, Equatable {
    public var statusWith: String
    public var statusWithout: String
    public var valueWith: Figure
    public var valueWithout: Figure
    /// valueWith − valueWithout.
    public var value: Figure
    /// Tariffs the corridor collects in the run with it (paid by the countries, out of their net value).
    public var tariffs: Figure
    /// Σ over slices of the capacity row's shadow price × usable capacity, in the run with it.
    public var congestionRent: Figure
    public var countries: [CountryChangeReport]
  }

  public struct CountryChangeReport: Codable, Sendable, Equatable {
    public var country: String
    public var netValueWith: Figure
    public var netValueWithout: Figure
    public var change: Figure
  }

  public struct CurveReport: Codable, Sendable, Equatable {
    public var corridor: String
    public var unit: String
    public var from: Figure
    public var to: Figure
    public var solves: Int
    /// Capacities inside the range where the slope changes.
    public var breakpoints: [Figure]
    public var pieces: [PieceReport]
    /// Every solved capacity with its value and shadow price.
    public var points: [PointReport]
    /// Evenly spaced capacities (`--steps`), read off the pieces, not solved.
    public var samples: [PointReport]
    /// The first capacity without an optimum, when one was met (the curve then stops).
    @Nullable public var failure: String?
  }

  public struct PieceReport: Codable, Sendable, Equatable {
    public var from: Figure
    public var to: Figure
    public var valueFrom: Figure
    public var valueTo: Figure
    public var slope: Figure
  }

  public struct PointReport: Codable, Sendable, Equatable {
    public var capacity: Figure
    public var value: Figure
    /// The dual read at a solved point (nil for a sample).
    public var shadowPrice: Figure
  }
}

extension ValueDocument {
  /// The report of `valuation`'s base, `worth` (TOOT and PINT) and `curves`, with `steps`
  /// evenly spaced samples per curve.
  public init(valuation v: CorridorValuation, modelPath: String, scenario: String?,
              studied: [String], worth: [CorridorWorth], curves: [ValueCurve], steps: Int = 0, notes: [String] = []) {
    self.notes = notes
    let plan = v.basePlan
    let cur = plan.currency
    let units = ReportUnits(currency: cur)
    model = plan.modelName
    scenarios = plan.scenarios
    currency = cur
    objectiveKind = plan.objectiveKind.rawValue
    horizonHours = plan.totalHours
    baseStatus = plan.status.rawValue
    baseValue = Figure(plan.provenOptimal ? plan.objective.map { plan.objectiveKind == .minCost ? -$0 : $0 } : nil, cur)
    let solves = v.session.solves
    let warm = solves.dropFirst()
    var edits: [String] = []
    if !worth.isEmpty {
      edits.append("TOOT: the model as given, then each corridor disabled in turn (\(Number.counted(worth.count, "run")))")
      edits.append(worth.count == 1
        ? "PINT: the same two runs (one corridor studied: the PINT base is the model without it)"
        : "PINT: the model with \(studied.joined(separator: ", ")) disabled, then each enabled in turn (\(Number.counted(worth.count + 1, "run")))")
    }
    for c in curves { edits.append("curve of \(c.corridor): capacity set to each of \(c.solves) values in \(Number.exact(c.from))…\(Number.exact(c.to))") }
    run = RunReport(base: modelPath, scenario: scenario, corridors: studied, edits: edits, solves: solves.count,
                    iterations: solves.reduce(0) { $0 + $1.iterations }, coldBaseIterations: solves.first?.iterations ?? 0,
                    warmIterationsPerSolve: warm.isEmpty ? nil : Double(warm.reduce(0) { $0 + $1.iterations }) / Double(warm.count))
    func comparison(_ c: Comparison) -> ComparisonReport {
      ComparisonReport(
        statusWith: c.statusWith.rawValue, statusWithout: c.statusWithout.rawValue,
        valueWith: Figure(c.with, cur), valueWithout: Figure(c.without, cur), value: Figure(c.value, cur),
        tariffs: Figure(c.tariffs, cur), congestionRent: Figure(c.congestionRent, cur),
        countries: c.countries.map {
          CountryChangeReport(country: $0.country, netValueWith: Figure($0.with, cur),
                              netValueWithout: Figure($0.without, cur), change: Figure($0.change, cur))
        })
    }
    func note(_ w: CorridorWorth) -> String? {
      var parts: [String] = []
      func add(_ label: String, _ t: TerminationStatus) { if t != .optimal { parts.append("\(label): \(t.rawValue)") } }
      add("TOOT without it", w.toot.statusWithout)
      add("PINT base", w.pint.statusWithout)
      add("PINT with it", w.pint.statusWith)
      return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
    corridors = worth.map { CorridorValueReport(name: $0.corridor, toot: comparison($0.toot), pint: comparison($0.pint), note: note($0)) }
    self.curves = curves.map { k in
      let unit = v.session.base.corridors.first { $0.name == k.corridor }.flatMap { c in v.session.base.commodity(named: c.commodity)?.unit } ?? ""
      let per = units.perRate(unit)
      var samples: [PointReport] = []
      if steps > 0, k.failure == nil {
        for i in 0...steps {
          let x = k.from + (k.to - k.from) * Double(i) / Double(steps)
          samples.append(PointReport(capacity: Figure(x, unit), value: Figure(k.value(at: x), cur), shadowPrice: Figure(nil, per)))
        }
      }
      return CurveReport(
        corridor: k.corridor, unit: unit, from: Figure(k.from, unit), to: Figure(k.to, unit), solves: k.solves,
        breakpoints: k.breakpoints.map { Figure($0, unit) },
        pieces: k.pieces.map { PieceReport(from: Figure($0.from, unit), to: Figure($0.to, unit), valueFrom: Figure($0.valueFrom, cur),
                                           valueTo: Figure($0.valueTo, cur), slope: Figure($0.slope, per)) },
        points: k.points.map { PointReport(capacity: Figure($0.capacity, unit), value: Figure($0.value, cur), shadowPrice: Figure($0.shadowPrice, per)) },
        samples: samples,
        failure: k.failure.map { "no optimum at capacity \(Number.exact($0.capacity)) \(unit) (\($0.status.rawValue)); the curve is not drawn" })
    }
  }
}

/// Renders `corridor value` in the four formats, each from one ``ValueDocument``.
public struct ValueReport {
  public var document: ValueDocument
  public init(document: ValueDocument) { self.document = document }

  public func render(_ format: ReportFormat) throws -> String {
    switch format {
    case .table: return ValueText(doc: document, markdown: false).render()
    case .markdown: return ValueText(doc: document, markdown: true).render()
    case .json: return try PlanJSON.encode(document)
    case .csv: return ValueCSV(document: document).render()
    case .html: return ValueHTML.render(document)
    }
  }
}
