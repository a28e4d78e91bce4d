import Foundation

/// The plan as JSON: the ``ReportDocument`` encoded with snake-case keys, sorted at every
/// level, schema `corridor-plan/2` (docs/json-schema.md).
struct PlanJSON {
  let document: ReportDocument

  func render() throws -> String { try Self.encode(document) }

  /// Any report document as JSON the way every report writes it: snake-case keys, sorted,
  /// indented, one trailing newline.
  static func encode(_ document: some Encodable) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    e.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try e.encode(document), as: UTF8.self) + "\n"
  }

  /// Reads a document back (the inverse of ``render()``).
  static func decode(_ text: String) throws -> ReportDocument {
    let d = JSONDecoder()
    d.keyDecodingStrategy = .convertFromSnakeCase
    return try d.decode(ReportDocument.self, from: Data(text.utf8))
  }
}
