import Testing

@testable import CorridorModel

@Suite("CSV series")
struct CSVTests {
  func table(_ text: String) -> CSVTable? {
    try? CSVTable.parse(Array(text.utf8), path: "t.csv").get()
  }

  @Test("header, rows, quotes, CRLF, comments and blank lines")
  func parsing() throws {
    let t = try #require(table("\u{FEFF}slice, \"A,B\" ,c\r\n# comment\r\n\r\nw,1.5,\"2\"\r\ns, -3e2 ,4\n"))
    #expect(t.header == ["slice", "A,B", "c"])
    #expect(t.rows.count == 2)
    #expect(t.rows.map(\.line) == [4, 5])
    #expect(try t.numbers(column: 1, count: 2).get() == [1.5, -300])
    #expect(try t.numbers(column: 2, count: 2).get() == [2, 4])
    #expect(t.strings(column: 0) == ["w", "s"])
    #expect(try t.columnIndex("c").get() == 2)
  }

  @Test("the number scanner matches the standard library", arguments: [
    "0", "1", "-1", "+2.5", "3.14159265358979", "1e3", "1E-3", "123456789012345678901234", "0.1", ".5", "5.",
    "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308", "9007199254740993", "0.000001234",
  ])
  func numbers(text: String) {
    let bytes = Array(text.utf8)
    let parsed = CSVTable.parseNumber(bytes, 0..<bytes.count)
    #expect(parsed == Double(text), "\(text)")
  }

  @Test("non-numbers are rejected", arguments: ["", "abc", "1,5", "1e", "--1", "1.2.3", "0x10", "1 2"])
  func nonNumbers(text: String) {
    let bytes = Array(text.utf8)
    #expect(CSVTable.parseNumber(bytes, 0..<bytes.count) == nil)
  }

  @Test("bad cells are reported with line and column")
  func badCells() throws {
    let t = try #require(table("h,KZ\na,1\nb,x\nc,\nd,nan\n"))
    let problems = t.numbers(column: 1, count: 4)
    guard case .failure(let p) = problems else {
      Issue.record("accepted")
      return
    }
    #expect(p.list.map(\.line) == [3, 4, 5])
    #expect(p.list[0].column == 3)
    #expect(p.list[0].message.contains("'x'"))
    #expect(p.list[1].message.contains("empty cell"))
    #expect(p.list[2].message.contains("not a finite number"))
  }

  @Test("short rows, missing columns and empty files")
  func shapes() throws {
    let t = try #require(table("h,KZ,AZ\na,1\n"))
    guard case .failure(let p) = t.numbers(column: 2, count: 1) else {
      Issue.record("accepted")
      return
    }
    #expect(p.list[0].message.contains("has 2 cells"))
    guard case .failure(let missing) = t.columnIndex("UZ") else {
      Issue.record("found")
      return
    }
    #expect(missing.message.contains("no column 'UZ'"))
    #expect(table("") == nil)
    #expect(table("\n# only comments\n") == nil)
    #expect(try #require(table("a,b\n")).rows.isEmpty)
  }

  @Test("unterminated quotes are an error")
  func quotes() {
    guard case .failure(let p) = CSVTable.parse(Array("a,b\n1,\"2\n".utf8), path: "q.csv") else {
      Issue.record("accepted")
      return
    }
    #expect(p.message.contains("unterminated"))
  }

  /// A quoted newline carries a row over two lines: problems point at the line
  /// and column where they are, not past the end of the row's first line.
  @Test("places inside multi-line rows")
  func multiLinePlaces() throws {
    // The quote opens on line 3, column 3; the file ends inside it (line 5).
    guard case .failure(let open) = CSVTable.parse(Array("h,v\nr,1\ns,\"x\ny\nz".utf8), path: "q.csv") else {
      Issue.record("accepted")
      return
    }
    #expect(open.line == 3 && open.column == 3, "\(open)")
    // Row 2 spans lines 2-3; its bad cell 'bad' starts on line 3, column 4.
    let t = try #require(table("h,a,b\nr,\"x\ny\",bad\ns,\"q\",7\n"))
    #expect(t.rows.map(\.line) == [2, 4], "a row's line is the line it starts on")
    guard case .failure(let p) = t.numbers(column: 2, count: 2) else {
      Issue.record("accepted")
      return
    }
    #expect(p.list.count == 1 && p.list[0].line == 3 && p.list[0].column == 4, "\(p.list)")
  }

  @Test("an 8760-row, 10-column CSV parses quickly")
  func performance() throws {
    var text = "hour," + (0..<10).map { "c\($0)" }.joined(separator: ",") + "\n"
    for h in 0..<8760 {
      text += "h\(h)," + (0..<10).map { c in String(Double(h * 10 + c) * 0.125) }.joined(separator: ",") + "\n"
    }
    let bytes = Array(text.utf8)
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
      let t = try CSVTable.parse(bytes, path: "big.csv").get()
      for c in 1...10 { _ = try t.numbers(column: c, count: 8760).get() }
    }
    // Only a guard against quadratic behaviour (8,760² cell visits would take
    // minutes): generous for a debug build on a shared 2-core machine, where
    // this takes about 0.1 s alone and a few seconds under load.
    #expect(elapsed < .seconds(30), "\(elapsed)")
  }
}
