import Testing

@testable import CorridorModel

@Suite("Key locator")
struct LocatorTests {
  func positions(_ text: String) -> [String: SourcePosition] {
    var l = KeyLocator(text)
    l.run()
    return l.positions
  }

  func line(_ p: [String: SourcePosition], _ path: String) -> Int? {
    p[path.split(separator: ".").map(String.init).storageKey]?.line
  }

  @Test("headers, keys, dotted keys, inline tables and arrays")
  func lines() {
    let text = """
      # comment
      [model]
      name = "x" # trailing
      currency = 'EUR'

      [corridors.black-sea]
      from = "GE"
      capacity = "1.3 GW"
      loss.value = 3

      [time]
      slices = [
        { name = "w", hours = 10 },   # first
        # a comment inside
        { name = "s",
          hours = 20 },
      ]
      [[extra.list]]
      a = 1
      [[extra.list]]
      a = 2
      """
    let p = positions(text)
    #expect(line(p, "model") == 2)
    #expect(line(p, "model.name") == 3)
    #expect(line(p, "model.currency") == 4)
    #expect(line(p, "corridors") == 6)
    #expect(line(p, "corridors.black-sea") == 6)
    #expect(line(p, "corridors.black-sea.capacity") == 8)
    #expect(line(p, "corridors.black-sea.loss.value") == 9)
    #expect(line(p, "time.slices") == 12)
    #expect(line(p, "time.slices.0") == 13)
    #expect(line(p, "time.slices.0.hours") == 13)
    #expect(line(p, "time.slices.1") == 15)
    #expect(line(p, "time.slices.1.hours") == 16)
    #expect(line(p, "extra.list.0.a") == 19)
    #expect(line(p, "extra.list.1.a") == 21)
  }

  @Test("quoted keys and strings with brackets, quotes and hashes")
  func strings() {
    let text = """
      [nodes."a.b"]
      label = "has [brackets] and # and \\" quote"
      'lit' = 'it''s'
      multi = \"\"\"
      [not.a.header]
      x = 1
      \"\"\"
      after = 1
      """
    let p = positions(text)
    #expect(p[["nodes", "a.b"].storageKey]?.line == 1)
    #expect(p[["nodes", "a.b", "label"].storageKey]?.line == 2)
    #expect(p[["nodes", "a.b", "after"].storageKey]?.line == 8)
    #expect(p[["not", "a", "header"].storageKey] == nil)
  }

  @Test("value columns are recorded for column arithmetic")
  func valueColumns() {
    let p = positions("[c.k]\nexpr = \"flow[x] <= 5\"\n")
    let pos = p[["c", "k", "expr"].storageKey]
    #expect(pos?.column == 1)
    #expect(pos?.valueColumn == 8)
    if let pos {
      #expect(Reporter.fileColumn(text: "[c.k]\nexpr = \"flow[x] <= 5\"\n", position: pos, offset: 1) == 9)
      #expect(Reporter.fileColumn(text: "[c.k]\nexpr = \"flow[x] <= 5\"\n", position: pos, offset: 9) == 17)
    }
  }

  @Test("never hangs or crashes on malformed text", arguments: [
    "[", "[[", "a = ", "= 1", "a = [1, 2", "a = { b = ", "\"unterminated", "'''", "a.b.c", "[a.\"b", "x = \"\"\"\n",
    "\u{0}\u{1}", "[]]]]", "a = [[[[[", "#",
  ])
  func malformed(text: String) {
    var l = KeyLocator(text)
    l.run()
    expectPositionsInside(l, text)
  }

  /// Every position the locator records, and its fatal-syntax place, lies inside the text.
  func expectPositionsInside(_ l: KeyLocator, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for (key, p) in l.positions {
      #expect(isInside(line: p.line, column: p.column, of: text) && isInside(line: p.valueLine, column: p.valueColumn, of: text),
              "\(key) at \(p) lies outside \(text.debugDescription)", sourceLocation: sourceLocation)
    }
    if let f = l.fatalSyntax {
      #expect(isInside(line: f.line, column: f.column, of: text), "fatal syntax at \(f.line):\(f.column) outside \(text.debugDescription)",
              sourceLocation: sourceLocation)
    }
  }

  /// Seeded token soup: never a hang or crash, every recorded key and fatal
  /// syntax inside the text, and the soups both find keys and trip the guard.
  @Test("token soup: positions inside the text", arguments: 0..<4)
  func soup(seed: UInt64) {
    let tokens = [
      "[", "]", "[[", "]]", "{", "}", "=", ",", ".", "\"", "'", "\"\"\"", "'''", "#", "\n", " ", "\t", "a", "b-c", "1",
      "é", "\u{2028}", "\u{85}", "\r\n", "\\",
    ]
    var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    var withKeys = 0, fatal = 0
    for _ in 0..<400 {
      let text = (0..<next(24)).map { _ in tokens[next(tokens.count)] }.joined()
      var l = KeyLocator(text)
      l.run()
      expectPositionsInside(l, text)
      if !l.positions.isEmpty { withKeys += 1 }
      if l.fatalSyntax != nil { fatal += 1 }
    }
    #expect(withKeys > 0 && fatal > 0, "texts with keys \(withKeys), with fatal syntax \(fatal)")
  }

  @Test("ancestor lookup finds the enclosing table")
  func ancestors() {
    let doc = ModelDocument(
      path: "m.toml", canonicalPath: "/m.toml", text: "", root: [:],
      positions: positions("[corridors.x]\nfrom = \"A\"\n"))
    #expect(doc.position(of: ["corridors", "x", "capacity"])?.line == 1)
    #expect(doc.position(of: ["corridors", "x", "from"])?.line == 2)
    #expect(doc.position(of: ["markets"]) == nil)
  }
}

@Suite("Syntax that would abort TOMLKit")
struct MalformedHeaderTests {
  @Test(
    "caught before TOMLKit sees them",
    arguments: [
      "[,]", "[.x]", "[=]", "[#]", "[\n", "[[#]]", "[[ .x]]", "x = 1\n[ ,a]", "[a]\n[\t=]", "[é]", "[[[a]]]",
      "x = [}]", "x = [1, }]", "x = [\n# c\n}]", "x = [\u{2028}]", "x = [\u{85}]", "x = [ \u{2029}", "a = { b = [}] }",
    ])
  func caught(text: String) {
    var l = KeyLocator(text)
    l.run()
    #expect(l.fatalSyntax != nil)
  }

  @Test(
    "valid and harmlessly invalid headers pass through",
    arguments: [
      "[a]", "[ a ]", "[\"a b\"]", "['a']", "[[a]]", "[]", "x = [\n[1, 2],\n[.5, 1]\n]", "s = \"\"\"\n[,]\n\"\"\"", "[ [a]]",
      "x = { a = 1 }", "x = [ { a = 1 }, ]", "s = '}'\nx = [\"}\"]",
    ])
  func passed(text: String) {
    var l = KeyLocator(text)
    l.run()
    #expect(l.fatalSyntax == nil)
  }
}

@Suite("Locator limits")
struct LocatorLimitTests {
  @Test("deeply nested arrays neither overflow the stack nor crash the loader")
  func deep() {
    let text = "x = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
    var l = KeyLocator(text)
    l.run()
    let dir = scratchDirectory("deep")
    write("[model]\nname = \"deep\"\n" + text, to: dir + "/deep.toml")
    let errors = loadErrors(dir + "/deep.toml")
    #expect(errors.contains { $0.message.contains("TOML syntax error") })
  }
}
