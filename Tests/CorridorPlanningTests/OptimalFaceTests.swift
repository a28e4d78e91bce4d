// Which figures of a shipped model's plan are unique? The end-to-end goldens
// (Tests/CorridorEndToEndTests/Goldens) pin per-corridor flows, flows by
// country and net values per country; a golden may only pin a figure that
// every optimal solution shares, or a different (equally optimal) vertex from
// another GLPK version or start would fail it. This test measures it.
//
// Method: solve the model as the planner does (lexicographic stages kept as
// rows), add the row "objective within 1e-12 relative of the optimum" (rounding only), then
// maximise and minimise each pinned quantity over that optimal face. The
// whole face must lie within the goldens' flow tolerance of the recorded
// value, |x − v| ≤ 1e-6 · max(|x|, |v|) + 1e-6. Figures a golden does not pin
// are only listed, on request (CORRIDOR_FACE_REPORT=1).

import CorridorModel
import Foundation
import LinearProgramming
import Testing

@testable import CorridorPlanning

/// The optimal face of a solved formulation and ranges of linear quantities over it.
struct OptimalFace {
  let f: Formulation
  let plan: Plan
  /// How far below the optimum (relative) the face reaches: room for rounding only.
  /// (At 1e-9 the oil models' BTC flow already moves 1.5e-5 Mt/yr: 33.9 USD of a
  /// 3.39e10 objective at 2.5e6 USD per Mt/yr of netback difference.)
  static let objectiveSlack = 1e-12

  init(model: Model) throws {
    f = try Formulation(model: model)
    plan = try Planner().solve(f)
    let lp = f.program
    let c = lp.objectiveCoefficients
    let z = try #require(plan.objective)
    let slack = OptimalFace.objectiveSlack * max(1, abs(z))
    var cols: [Int32] = [], vals: [Double] = []
    for (j, v) in c.enumerated() where v != 0 { cols.append(Int32(j)); vals.append(v) }
    let maximize = lp.sense == .maximize
    try lp.addConstraints(rowStarts: [0, cols.count], columns: cols, coefficients: vals,
                          lower: [maximize ? z - slack : -.infinity], upper: [maximize ? .infinity : z + slack])
  }

  /// (min, max) of `Σ coefficients[j] · x[j]` over the optimal face.
  func range(_ coefficients: [Double]) throws -> (min: Double, max: Double) {
    let lp = f.program
    try lp.setObjective(coefficients: coefficients, sense: .maximize)
    let hi = try lp.solve()
    try lp.setObjective(coefficients: coefficients, sense: .minimize)
    let lo = try lp.solve()
    guard hi.isOptimal, lo.isOptimal, let a = lo.objectiveValue, let b = hi.objectiveValue else {
      throw FaceError.notSolved("\(hi.termination) / \(lo.termination)")
    }
    return (a, b)
  }

  enum FaceError: Error { case notSolved(String) }

  var zero: [Double] { [Double](repeating: 0, count: f.program.variableCount) }

  /// Hours-weighted average flow on corridor `name`, of `origin` (nil: all).
  func flowCoefficients(corridor name: String, origin: String?) -> [Double] {
    var c = zero
    guard let k = f.model.corridors.firstIndex(where: { $0.name == name }) else { return c }
    for b in f.flowBlocks(corridor: k, origin: origin) {
      for s in 0..<f.sliceCount { c[b.columns[s]] += f.hours[s] / f.totalHours }
    }
    return c
  }

  /// A country's net value: its columns' share of the value objective
  /// (revenue − supply cost − tariffs − storage wear, as `CountryResult.netValue`).
  func netValueCoefficients(country o: String) -> [Double] {
    var c = zero
    var columns: [LPColumn] = []
    for b in f.index.flows where b.origin == o { columns += b.columns.columns }
    for d in f.index.deliveries where d.origin == o { columns += d.columns.columns }
    for (k, s) in f.model.supplies.enumerated() where s.country == o {
      columns += f.index.supplies[k].columns
    }
    for (k, st) in f.model.storages.enumerated() where st.owner == o {
      columns += f.index.storages[k].discharge.columns
    }
    for j in columns { c[j] = f.objectives.value[j] }
    return c
  }
}

/// A figure whose spread over the optimal face is measured.
struct FaceSpread: CustomStringConvertible {
  var label: String
  var value: Double
  var min: Double
  var max: Double
  var spread: Double { max - min }
  /// Every point of the face is within the golden flow tolerance of `value`.
  var withinGoldenTolerance: Bool {
    func ok(_ x: Double) -> Bool { abs(x - value) <= 1e-6 * Swift.max(abs(x), abs(value)) + 1e-6 }
    return ok(min) && ok(max)
  }
  var description: String { "\(label) = \(value): optimal face \(min) … \(max) (spread \(spread))" }
}

/// The figures one golden file pins, with their recorded values
/// (read from Tests/CorridorEndToEndTests/Goldens; format in GoldenSolutionTests.swift).
struct GoldenPins {
  var model: String
  var corridorFlows: [(corridor: String, value: Double)] = []
  var corridorCountryFlows: [(corridor: String, country: String, value: Double)] = []
  var countryNetValues: [(country: String, value: Double)] = []

  static func read(_ path: String) throws -> GoldenPins {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let o = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var pins = GoldenPins(model: try #require(o["model"] as? String))
    func num(_ any: Any?) throws -> Double { try #require((any as? NSNumber)?.doubleValue) }
    let corridors = o["corridors"] as? [String: Any] ?? [:]
    for name in corridors.keys.sorted() {
      let c = corridors[name] as? [String: Any] ?? [:]
      if let v = c["flow"] { pins.corridorFlows.append((name, try num(v))) }
      let split = c["by_country"] as? [String: Any] ?? [:]
      for country in split.keys.sorted() {
        pins.corridorCountryFlows.append((name, country, try num(split[country])))
      }
    }
    let countries = o["countries"] as? [String: Any] ?? [:]
    for name in countries.keys.sorted() {
      pins.countryNetValues.append((name, try num((countries[name] as? [String: Any])?["net_value"])))
    }
    return pins
  }
}

@Suite("Optimal faces of the shipped models (what goldens may pin)")
struct OptimalFaceTests {
  static let goldenFolder = packagePath("Tests/CorridorEndToEndTests/Goldens")

  static var goldens: [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: goldenFolder)) ?? []
    return files.filter { $0.hasSuffix(".json") }.sorted()
      .filter { $0 != "models-electricity-hourly-8760.json" }  // 8,760 slices: too slow here
  }

  /// The argument list above is read with `try?`: an empty or shrunken list
  /// would pass silently, so count it (17 goldens besides the hourly model's).
  @Test func everyGoldenIsChecked() {
    #expect(Self.goldens.count >= 17, "only \(Self.goldens.count) goldens found in \(Self.goldenFolder)")
  }

  @Test(arguments: goldens)
  func goldenPinsOnlyUniqueFigures(golden: String) throws {
    let pins = try GoldenPins.read(Self.goldenFolder + "/" + golden)
    let face = try OptimalFace(model: loadShipped(pins.model))
    var spreads: [FaceSpread] = []
    for (corridor, value) in pins.corridorFlows {
      let r = try face.range(face.flowCoefficients(corridor: corridor, origin: nil))
      spreads.append(FaceSpread(label: "corridor \(corridor) flow", value: value, min: r.min, max: r.max))
    }
    for (corridor, country, value) in pins.corridorCountryFlows {
      let r = try face.range(face.flowCoefficients(corridor: corridor, origin: country))
      spreads.append(FaceSpread(label: "corridor \(corridor) flow of \(country)", value: value, min: r.min, max: r.max))
    }
    for (country, value) in pins.countryNetValues {
      let r = try face.range(face.netValueCoefficients(country: country))
      spreads.append(FaceSpread(label: "country \(country) net value", value: value, min: r.min, max: r.max))
    }
    for s in spreads where !s.withinGoldenTolerance {
      Issue.record("\(pins.model) (\(golden)) pins a figure with alternative optima — \(s)")
    }
  }

  /// Not a check: lists every figure of every shipped model that is not unique,
  /// to decide what a golden pins. Run with CORRIDOR_FACE_REPORT=1.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["CORRIDOR_FACE_REPORT"] == "1"),
        arguments: [
          "models/electricity-2030.toml", "models/fiber-2030.toml", "models/oil-2030.toml",
          "models/scenarios/black-sea-absent.toml", "models/scenarios/caspian-cable-2gw.toml",
          "models/scenarios/cpc-minus-24.toml", "models/scenarios/cpc-minus-50-caspian-stretch.toml",
          "models/scenarios/cpc-minus-50.toml", "models/scenarios/cpc-outage-3-months.toml",
          "models/scenarios/fiber-design-400.toml", "models/scenarios/fiber-fair-split.toml",
          "models/teaching/01-compounding-losses.toml", "models/teaching/02-min-share.toml",
          "models/teaching/03-custom-constraint.toml", "models/teaching/04-storage-shift.toml",
          "models/teaching/05-max-min-fair.toml", "models/teaching/06-firm-delivery.toml",
        ])
  func reportNonUniqueFigures(model: String) throws {
    let face = try OptimalFace(model: loadShipped(model))
    var lines: [String] = []
    for c in face.plan.corridors {
      let r = try face.range(face.flowCoefficients(corridor: c.name, origin: nil))
      let s = FaceSpread(label: "corridor \(c.name) flow", value: c.flow, min: r.min, max: r.max)
      if !s.withinGoldenTolerance { lines.append(s.description) }
      for o in c.byCountry {
        let r = try face.range(face.flowCoefficients(corridor: c.name, origin: o.country))
        let s = FaceSpread(label: "corridor \(c.name) flow of \(o.country)", value: o.flow, min: r.min, max: r.max)
        if !s.withinGoldenTolerance { lines.append(s.description) }
      }
    }
    for c in face.plan.countries {
      let r = try face.range(face.netValueCoefficients(country: c.name))
      let s = FaceSpread(label: "country \(c.name) net value", value: c.netValue, min: r.min, max: r.max)
      if !s.withinGoldenTolerance { lines.append(s.description) }
    }
    print("FACE \(model): " + (lines.isEmpty ? "every figure unique" : "\n  " + lines.joined(separator: "\n  ")))
  }
}
