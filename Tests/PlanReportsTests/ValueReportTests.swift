// The `corridor value` report (issue #9 items 3, 4): JSON reads back to the same typed
// document, and the CSV holds every figure the JSON holds, with the same unit: the
// multiset of (value, unit) pairs of the JSON's figure objects equals that of the CSV's
// figure rows (1e-12 relative; a missing figure is null in JSON, an empty value in CSV).
// The table shows the hand-derived figures of teaching model 07.

import CorridorModel
import Foundation
import Testing

@testable import CorridorPlanning
@testable import PlanReports

@Suite("corridor value report: JSON, CSV and table agree")
struct ValueReportTests {
  static func document(_ path: String, corridors: [String], range: ClosedRange<Double>?) throws -> ValueDocument {
    let v = try CorridorValuation(session: PlanningSession(model: try ModelLoader.load(path: packageRoot + "/" + path)))
    let worth = try v.worth(of: corridors)
    let curves = try range.map { r in try corridors.map { try v.curve(of: $0, from: r.lowerBound, to: r.upperBound) } } ?? []
    return ValueDocument(valuation: v, modelPath: path, scenario: nil, studied: corridors, worth: worth, curves: curves, steps: 4)
  }

  /// Every `{"value": …, "unit": …}` object in a JSON tree.
  static func figures(_ any: Any, into out: inout [(Double?, String)]) {
    if let d = any as? [String: Any] {
      if d.count == 2, let unit = d["unit"] as? String, let v = d["value"] {
        out.append((v as? Double ?? (v as? Int).map(Double.init), unit))
        return
      }
      for x in d.values { figures(x, into: &out) }
    } else if let a = any as? [Any] {
      for x in a { figures(x, into: &out) }
    }
  }

  static func sameMultiset(_ a: [(Double?, String)], _ b: [(Double?, String)]) -> Bool {
    guard a.count == b.count else { return false }
    func key(_ p: (Double?, String)) -> (String, Double) { (p.1, p.0 ?? .infinity) }
    let x = a.map(key).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    let y = b.map(key).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    return zip(x, y).allSatisfy { p, q in
      p.0 == q.0 && (p.1 == q.1 || abs(p.1 - q.1) <= 1e-12 * max(1, abs(p.1), abs(q.1)))
    }
  }

  @Test(arguments: [("models/teaching/07-value-curve.toml", ["cable", "land"], 0.0...800.0),
                    ("models/electricity-2030.toml", ["caspian", "black-sea"], 0.0...2000.0),
                    ("models/oil-2030.toml", ["cpc", "btc"], 0.0...100.0)])
  func jsonAndCSVHoldTheSameFigures(_ path: String, _ corridors: [String], _ range: ClosedRange<Double>) throws {
    let doc = try Self.document(path, corridors: corridors, range: range)
    let json = try ValueReport(document: doc).render(.json)
    #expect(try PlanJSON.decode(json, as: ValueDocument.self) == doc, "JSON reads back to the same document")
    var fromJSON: [(Double?, String)] = []
    Self.figures(try JSONSerialization.jsonObject(with: Data(json.utf8)), into: &fromJSON)
    let csv = try ValueReport(document: doc).render(.csv)
    var fromCSV: [(Double?, String)] = []
    for line in csv.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      guard f.count == 6, !f[5].isEmpty else { continue }  // text rows have no unit
      fromCSV.append((f[4].isEmpty ? nil : Double(f[4]), String(f[5])))
    }
    // The JSON's horizon is a plain number; the CSV writes it as a figure in h.
    fromJSON.append((doc.horizonHours, "h"))
    let same = Self.sameMultiset(fromJSON, fromCSV)
    #expect(same, "\(path): \(fromJSON.count) JSON figures, \(fromCSV.count) CSV figures")
    #expect(fromJSON.count > 20)
  }

  @Test func tableShowsTheHandFigures() throws {
    let doc = try Self.document("models/teaching/07-value-curve.toml", corridors: ["cable", "land"], range: 0...800)
    let table = try ValueReport(document: doc).render(.table)
    let md = try ValueReport(document: doc).render(.markdown)
    for text in [table, md] {
      #expect(text.contains("25,200,000"), "TOOT of the cable")
      #expect(text.contains("84,000.00"), "first slope")
      #expect(text.contains("breakpoints at 400.000, 600.000 MW"))
    }
    #expect(md.hasPrefix("## Corridor value: "))
  }
}
