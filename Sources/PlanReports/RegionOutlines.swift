import Foundation

/// Country outlines of the Caspian–Black Sea region (Natural Earth 1:110m, public domain),
/// read from the GeoJSON that `data/natural-earth/extract.py` writes and that is compiled
/// into this module (``geoJSON``), so the map needs no file at run time.
struct RegionOutlines: Sendable {
  /// One country: its name and its polygons, each a list of rings (the first the outer
  /// boundary, the others holes), each ring a list of (longitude, latitude) in degrees.
  struct Country: Sendable {
    var name: String
    var polygons: [[[(lon: Double, lat: Double)]]]
  }

  var countries: [Country]
  /// The box the data covers: west, south, east, north in degrees.
  var bounds: (west: Double, south: Double, east: Double, north: Double)

  /// The outlines compiled into the module, decoded once. Nil only if the embedded text
  /// were not valid GeoJSON (a test guards it); the map then draws no countries.
  static let shipped: RegionOutlines? = try? RegionOutlines(geoJSON: Data(geoJSON.utf8))

  /// Decodes a FeatureCollection of Polygon and MultiPolygon features (other geometry
  /// types are skipped).
  init(geoJSON: Data) throws {
    let collection = try JSONDecoder().decode(FeatureCollection.self, from: geoJSON)
    countries = collection.features.compactMap { f in
      let polygons: [[[[Double]]]]
      switch f.geometry {
      case let .polygon(p): polygons = [p]
      case let .multiPolygon(m): polygons = m
      case .other: return nil
      }
      return Country(
        name: f.properties.name ?? "",
        polygons: polygons.map { rings in rings.map { ring in ring.compactMap { $0.count >= 2 ? ($0[0], $0[1]) : nil } } })
    }
    let b = collection.bbox ?? [-180, -90, 180, 90]
    bounds = b.count == 4 ? (b[0], b[1], b[2], b[3]) : (-180, -90, 180, 90)
  }

  private struct FeatureCollection: Decodable {
    var bbox: [Double]?
    var features: [Feature]
  }

  private struct Feature: Decodable {
    struct Properties: Decodable { var name: String? }
    var properties: Properties
    var geometry: Geometry
  }

  private enum Geometry: Decodable {
    case polygon([[[Double]]])
    case multiPolygon([[[[Double]]]])
    case other

    enum CodingKeys: String, CodingKey { case type, coordinates }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      switch try c.decode(String.self, forKey: .type) {
      case "Polygon": self = .polygon(try c.decode([[[Double]]].self, forKey: .coordinates))
      case "MultiPolygon": self = .multiPolygon(try c.decode([[[[Double]]]].self, forKey: .coordinates))
      default: self = .other
      }
    }
  }
}
