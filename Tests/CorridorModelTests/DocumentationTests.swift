// The worked example in docs/model-format.md must load and mean what the text says.

import Testing

@testable import CorridorModel

@Suite("docs/model-format.md")
struct DocumentationTests {
  /// The first ```toml block of the format reference.
  static func workedExample() throws -> String {
    let docs = testDirectory + "/../../docs/model-format.md"
    let text = String(decoding: try FileBytes.read(FileBytes.normalize(docs)).get(), as: UTF8.self)
    guard let start = text.range(of: "```toml\n"),
      let end = text.range(of: "\n```", range: start.upperBound..<text.endIndex)
    else { throw UnitError("no toml block in the docs") }
    return String(text[start.upperBound..<end.lowerBound])
  }

  @Test("the worked example loads with the values the text states")
  func workedExample() throws {
    let dir = scratchDirectory("docs-example")
    write(try Self.workedExample(), to: dir + "/example.toml")
    // The example names ../data/profiles.csv: put the CSV where it points.
    _ = scratchDirectory("data")
    write("slice,KZ\nwinter,300\nrest,500\n", to: dir + "/../data/profiles.csv")
    let m = try ModelLoader.load(path: dir + "/example.toml")
    let sea = try #require(m.corridor(named: "black-sea"))
    #expect(sea.capacity == 1300 && sea.loss == 0.055 && sea.tariff == 14 && sea.availability == 0.95)
    #expect(m.storage(named: "az-battery")?.energy == 2400)
    #expect(m.constraints.first?.terms == [.init(coefficient: 1, quantity: .flow(country: "KZ", corridors: ["caspian-cable"])),
                                           .init(coefficient: -0.6, quantity: .capacity("caspian-cable"))])
    #expect(m.constraints.first?.constant == .constant(0))
    #expect(m.supply(named: "kz-power")?.volume == .perSlice([300, 500]))
    #expect(m.rules.first?.kind == .minShare(country: "KZ", corridors: ["black-sea"], share: 0.25))
    #expect(m.warnings.isEmpty, "\(m.warnings)")
  }
}
