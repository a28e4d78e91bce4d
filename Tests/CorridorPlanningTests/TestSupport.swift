// Helpers shared by the CorridorPlanning tests: locating the package, comparing
// numbers with a stated tolerance, and building small models in code.

import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@testable import CorridorPlanning

/// The package root (see CorridorTestSupport).
let packageRoot = CorridorTestSupport.packageRoot

/// Absolute path of a file given relative to the package root (`models/teaching/01-….toml`).
func packagePath(_ relative: String) -> String { packageRoot + "/" + relative }

/// Loads a shipped model by its package-relative path.
func loadShipped(_ relative: String) throws -> Model {
  try ModelLoader.load(path: packagePath(relative))
}

/// Loads a model written in the test: `text` as `model.toml` in a fresh temporary folder,
/// beside `files` (name → contents, e.g. a CSV the model reads); the folder is removed
/// before this returns (a loaded model holds no file open).
func loadModelText(_ text: String, files: [String: String] = [:]) throws -> Model {
  let dir = NSTemporaryDirectory() + "corridor-test-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: dir) }
  for (name, contents) in files { try contents.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
  try text.write(toFile: dir + "/model.toml", atomically: true, encoding: .utf8)
  return try ModelLoader.load(path: dir + "/model.toml")
}

/// `|actual − expected| ≤ relative · max(1, |expected|)`.
///
/// The `max(1, …)` floor makes a zero expectation an absolute test at the
/// same tolerance, so `0` shadow prices are compared as `|x| ≤ 1e-9`.
func isClose(_ actual: Double?, _ expected: Double, relative: Double = 1e-9) -> Bool {
  guard let actual, actual.isFinite else { return false }
  return abs(actual - expected) <= relative * max(1, abs(expected))
}

/// Records an issue naming the quantity unless `actual` is within `relative` of `expected`.
func expectClose(
  _ actual: Double?, _ expected: Double, relative: Double = 1e-9, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    isClose(actual, expected, relative: relative),
    "\(what): expected \(expected), got \(actual.map { "\($0)" } ?? "nil")",
    sourceLocation: sourceLocation)
}

extension Plan {
  func corridor(_ name: String) -> CorridorResult? { corridors.first { $0.name == name } }
  func country(_ name: String) -> CountryResult? { countries.first { $0.name == name } }
  func market(_ name: String) -> MarketResult? { markets.first { $0.name == name } }
  func rule(_ name: String) -> RuleResult? { rules.first { $0.name == name } }
  func constraint(_ name: String) -> ConstraintResult? { constraints.first { $0.name == name } }
}

extension CorridorResult {
  /// The average flow of one origin country (0 if it has no flow variables here).
  func flow(of country: String) -> Double { byCountry.first { $0.country == country }?.flow ?? 0 }
}

extension MarketResult {
  /// The average delivery of one origin country (0 if it cannot reach the market).
  func delivered(by country: String) -> Double { byCountry.first { $0.country == country }?.flow ?? 0 }
}

/// Builds a small electricity model in code (no file, no loader checks).
///
/// Every node named by a supply's country is a country node; every other node
/// used by a corridor or market is a transit or market node as given.
func electricityModel(
  name: String = "test", objective: ObjectiveKind = .maxValue,
  slices: [TimeSlice] = [TimeSlice(name: "block", hours: 100)],
  countries: [String], transit: [String] = [], marketNodes: [String],
  supplies: [Supply], corridors: [Corridor], markets: [Market],
  storages: [Storage] = [], rules: [Rule] = [], constraints: [CustomConstraint] = []
) -> Model {
  let nodes = countries.map { Node(name: $0, kind: .country) }
    + transit.map { Node(name: $0, kind: .transit) }
    + marketNodes.map { Node(name: $0, kind: .market) }
  return Model(
    name: name, currency: "EUR", objective: objective, slices: slices,
    commodities: [Commodity(name: "electricity", family: .power, unit: "MW")],
    nodes: nodes, supplies: supplies, corridors: corridors, markets: markets,
    storages: storages, rules: rules, constraints: constraints)
}

/// A supply of electricity with a constant volume (MW) and cost (EUR/MWh).
func supply(_ country: String, _ volume: Double, cost: Double = 0) -> Supply {
  Supply(name: country.lowercased(), country: country, commodity: "electricity",
         volume: .constant(volume), cost: cost)
}

/// An electricity corridor.
func line(
  _ name: String, _ from: String, _ to: String, capacity: Double, loss: Double = 0,
  tariff: Double = 0, availability: Double = 1, twoWay: Bool = false, enabled: Bool = true
) -> Corridor {
  Corridor(name: name, from: from, to: to, commodity: "electricity", capacity: .constant(capacity),
           loss: loss, tariff: .constant(tariff), availability: .constant(availability), twoWay: twoWay, enabled: enabled)
}

/// An electricity market at `node` with a constant price (EUR/MWh).
func market(_ name: String, at node: String, price: Double, volume: Double? = nil) -> Market {
  Market(name: name, node: node, commodity: "electricity", price: .constant(price),
         volume: volume.map { .constant($0) })
}

enum FileManagerList {
  /// The `.toml` files of a folder, sorted.
  static func toml(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".toml") }.sorted()
  }
}
