import Foundation

/// The plan as JSON: the ``ReportDocument`` encoded with snake-case keys, sorted at every
/// level, schema `corridor-plan/2` (docs/json-schema.md).
struct PlanJSON {
  let document: ReportDocument

  func render() throws -> String { try Self.encode(document) }

  /// Any report document as JSON the way every report writes it: snake-case keys, sorted,
  /// indented, one trailing newline. `nonFiniteAsStrings` writes ±infinity and NaN as
  /// `"inf"`, `"-inf"`, `"nan"` (an LP file's bounds) instead of failing.
  static func encode(_ document: some Encodable, nonFiniteAsStrings: Bool = false) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    e.keyEncodingStrategy = .convertToSnakeCase
    if nonFiniteAsStrings {
      e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    }
    return String(decoding: try e.encode(document), as: UTF8.self) + "\n"
  }

  /// Reads a report document back (the inverse of ``encode(_:nonFiniteAsStrings:)``).
  static func decode<T: Decodable>(_ text: String, as type: T.Type = ReportDocument.self) throws -> T {
    let d = JSONDecoder()
    d.keyDecodingStrategy = .convertFromSnakeCase
    return try d.decode(type, from: Data(text.utf8))
  }
}
