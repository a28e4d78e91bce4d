// libFuzzer target: the constraint expression parser and normalizer.
//
// Input: the text of a constraint (`flow[black-sea] <= 0.5 * capacity[black-sea]`), as
// UTF-8 (invalid bytes become U+FFFD, as when the loader reads a TOML string). It is
// normalized per slice and per horizon against a small fixed model with two commodities,
// a corridor group, countries, markets, supplies (one per slice) and a storage.
//
// Property: the result has only finite coefficients and constants; an error's column lies
// inside the text (1 … length + 1); nothing traps or hangs. The seed corpus
// (Fuzz/Corpus/expression) holds every `expr` of the shipped models and fixtures.

@testable import CorridorModel
import FuzzSupport

private let context: ExpressionContext = {
  var e = ExpressionContext()
  e.corridors = [
    "black-sea": .init(commodity: "electricity", capacity: 1300),
    "caspian": .init(commodity: "electricity", capacity: 1000),
    "cpc": .init(commodity: "oil", capacity: 72.5),
    "btc": .init(commodity: "oil", capacity: 0),
  ]
  e.groups = ["westbound": ["black-sea", "caspian"], "mixed": ["black-sea", "cpc"], "empty": []]
  e.countries = ["KZ", "AZ", "UZ"]
  e.markets = ["RO": "electricity", "TR": "electricity", "EU": "oil"]
  e.supplies = ["kz-power": ("electricity", .perSlice([100, 200])), "kz-oil": ("oil", .constant(50))]
  e.storages = ["az-battery": "electricity"]
  e.commodities = ["electricity": (.power, "MW"), "oil": (.massFlow, "Mt/yr")]
  e.disabled = ["old-line"]
  e.broken = ["broken-line"]
  e.hours = [4380, 4380]
  return e
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = input else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let length = text.unicodeScalars.count
  for scope in [ConstraintScope.slice, .horizon] {
    do {
      let result = try ExpressionNormalizer.normalize(text, context: context, scope: scope)
      requireFinite(result, path: "constraint")
    } catch {
      if error.column < 1 || error.column > length + 1 {
        fatalError("error column \(error.column) outside the text (1…\(length + 1)): \(error.message)")
      }
    }
  }
  return 0
}

@main
struct FuzzExpressionMain {
  static func main() { FuzzEntry.run(fuzzExpression) }
}
