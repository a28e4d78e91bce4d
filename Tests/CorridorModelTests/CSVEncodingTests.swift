// Issue #8 item 15: CSV files saved the wrong way get a message that says how to re-save them.

import Testing

@testable import CorridorModel

@Suite("CSV encodings and separators")
struct CSVEncodingTests {
  func problem(_ bytes: [UInt8]) -> CSVTable.Problem? {
    if case .failure(let p) = CSVTable.parse(bytes, path: "data/p.csv") { return p }
    return nil
  }

  @Test("UTF-16 with either byte-order mark, or without one (NUL bytes), is refused by name")
  func utf16() {
    let text = "slice,KZ\na,10\n"
    let units: [UInt8] = Array(text.utf8)
    let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { c -> [UInt8] in [c, 0] }
    let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { c -> [UInt8] in [0, c] }
    let bare: [UInt8] = units.flatMap { c -> [UInt8] in [c, 0] }
    for bytes in [le, be, bare] {
      let p = problem(bytes)
      #expect(p?.message.contains("CSV 'data/p.csv' is UTF-16 ('Unicode text' from Excel)") == true, "\(String(describing: p))")
      #expect(p?.message.contains("CSV UTF-8") == true)
    }
  }

  @Test("a UTF-8 byte-order mark is accepted")
  func utf8BOM() throws {
    let t = try CSVTable.parse([0xEF, 0xBB, 0xBF] + Array("slice,KZ\na,10\n".utf8), path: "p.csv").get()
    #expect(t.header == ["slice", "KZ"])
  }

  @Test("semicolons and tabs as separators are named, with the fix")
  func separators() {
    let semi = problem(Array("slice;KZ;AZ\na;1,5;2\n".utf8))
    #expect(semi?.message.contains("separates its columns with ';'") == true)
    #expect(semi?.message.contains("replace the separators by commas") == true)
    #expect(semi?.line == 1)
    let tab = problem(Array("slice\tKZ\na\t1\n".utf8))
    #expect(tab?.message.contains("with tabs") == true)
  }

  @Test("a column named twice is an error naming both positions")
  func duplicateHeader() {
    let p = problem(Array("slice,KZ,AZ,KZ\na,1,2,3\n".utf8))
    #expect(p?.message == "CSV 'data/p.csv' has the column 'KZ' twice (columns 2 and 4); rename one so that column = \"KZ\" names one column")
    #expect(p?.line == 1)
  }

  @Test("a one-column file is still fine")
  func oneColumn() throws {
    let t = try CSVTable.parse(Array("hour\nh1\nh2\n".utf8), path: "p.csv").get()
    #expect(t.header == ["hour"] && t.rows.count == 2)
  }
}
