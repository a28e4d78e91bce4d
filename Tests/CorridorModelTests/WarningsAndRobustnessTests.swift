import Testing

@testable import CorridorModel

@Suite("Warnings")
struct WarningTests {
  @Test("unreachable markets, supplies without a route and unmeetable firm rules warn but load")
  func reachability() throws {
    let dir = scratchDirectory("warnings")
    write(
      """
      [model]
      name = "islands"
      [nodes.KZ]
      kind = "country"
      [nodes.AZ]
      kind = "country"
      [nodes.RO]
      kind = "market"
      [nodes.TR]
      kind = "market"
      [supply.kz]
      country = "KZ"
      commodity = "electricity"
      volume = "100 MW"
      [supply.az]
      country = "AZ"
      commodity = "electricity"
      volume = "100 MW"
      [corridors.kz-ro]
      from = "KZ"
      to = "RO"
      commodity = "electricity"
      capacity = "1 GW"
      [corridors.az-tr]
      from = "AZ"
      to = "TR"
      commodity = "electricity"
      capacity = "1 GW"
      enabled = false
      [markets.RO]
      node = "RO"
      commodity = "electricity"
      price = "100 EUR/MWh"
      [markets.TR]
      node = "TR"
      commodity = "electricity"
      price = "70 EUR/MWh"
      [rules.az-firm-tr]
      kind = "firm"
      country = "AZ"
      market = "TR"
      volume = "50 MW"
      """, to: dir + "/islands.toml")
    let m = try ModelLoader.load(path: dir + "/islands.toml")
    let texts = m.warnings.map(\.description)
    #expect(m.warnings.allSatisfy { $0.severity == .warning })
    #expect(texts.contains { $0.contains("markets.TR") && $0.contains("cannot be reached") })
    #expect(texts.contains { $0.contains("supply.az") && $0.contains("no route") })
    #expect(texts.contains { $0.contains("rules.az-firm-tr") && $0.contains("cannot be met") })
    #expect(m.warnings.count == 3, "\(texts)")
    #expect(m.warnings.first { $0.entry == "markets.TR" }?.line == 34)
  }

  @Test("a CSV longer than the slices warns that rows are ignored")
  func longCSV() throws {
    let m = try ModelLoader.load(path: fixture("good/full.toml"))
    #expect(m.warnings.isEmpty)
    let dir = scratchDirectory("long-csv")
    write("KZ\n1\n2\n3\n", to: dir + "/p.csv")
    write(
      """
      [scenario]
      extends = "\(fixture("good/full.toml"))"
      [supply.kz-power]
      volume = { csv = "p.csv", column = "KZ", unit = "MW" }
      """, to: dir + "/s.toml")
    let s = try ModelLoader.load(path: dir + "/s.toml")
    #expect(s.supply(named: "kz-power")?.volume == .perSlice([1, 2]))
    #expect(s.warnings.contains { $0.message.contains("rows after 2 are ignored") })
  }
}

@Suite("Robustness")
struct RobustnessTests {
  /// A small deterministic generator (SplitMix64), so failures repeat.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let replacements = [
    "\"", "'", "[", "]", "{", "}", "=", "\n", "#", ",", ".", "-", "nan", "inf", "-1e400", "1e308", "0", "\"\"",
    "\"9e999 GW\"", "\"-0 %\"", "\"1 EUR/t/d/yr\"", "group:", "flow[", "((((", "\u{0}", "é", "\\u0000", "[[x]]",
    "9223372036854775807", "-9223372036854775808", "0x7fffffffffffffff",
  ]

  @Test("mutated models never crash the loader", arguments: 0..<6)
  func mutations(seed: Int) throws {
    let base = String(decoding: try FileBytes.read(fixture("good/full.toml")).get(), as: UTF8.self)
    let scalars = Array(base.unicodeScalars)
    var rng = SplitMix(state: UInt64(seed) &* 1_000_003)
    let dir = scratchDirectory("mutations-\(seed)")
    write("slice,AZ,RO-price\nwinter,1,2\nsummer,3,4\n", to: dir + "/profiles.csv")
    var loaded = 0, failed = 0
    for round in 0..<40 {
      var s = scalars
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let at = Int.random(in: 0..<s.count, using: &rng)
        let length = Int.random(in: 0...12, using: &rng)
        let end = min(s.count, at + length)
        let replacement = Self.replacements.randomElement(using: &rng) ?? ""
        s.replaceSubrange(at..<end, with: Array(replacement.unicodeScalars))
      }
      let path = dir + "/m\(round).toml"
      let text = String(String.UnicodeScalarView(s))
      write(text, to: path)
      let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
      do {
        _ = try ModelLoader.load(path: path)
        loaded += 1
      } catch {
        #expect(!error.diagnostics.isEmpty)
        #expect(error.diagnostics.contains { $0.severity == .error })
        // A diagnostic about the mutated file points at one of its lines.
        for d in error.diagnostics where d.file.hasSuffix("/m\(round).toml") {
          if let line = d.line { #expect(line >= 1 && line <= lineCount, "\(d) (the file has \(lineCount) lines)") }
        }
        failed += 1
      }
    }
    // No trap is the first point; most mutations break the file (a few are harmless).
    #expect(failed > 0 && loaded + failed == 40, "loaded \(loaded), failed \(failed)")
  }

  @Test("a NUL byte written by the test helper reaches the loader and is an error with its place")
  func nulByte() throws {
    let dir = scratchDirectory("nul")
    let text = "[model]\nname = \"a\u{0}b\"\n"
    write(text, to: dir + "/nul.toml")
    let bytes = try FileBytes.read(dir + "/nul.toml").get()
    #expect(bytes == Array(text.utf8), "the file holds every byte, the NUL and what follows it")
    let errors = loadErrors(dir + "/nul.toml")
    #expect(!errors.isEmpty, "a NUL inside a TOML string is not allowed")
    #expect(errors.allSatisfy { $0.line == nil || $0.line == 2 }, "\(errors)")
  }

  @Test("expressions: random token soup never crashes the parser; results are finite, errors point into the text",
        arguments: 0..<4)
  func expressionSoup(seed: Int) {
    let tokens = [
      "flow", "[", "]", "(", ")", ",", "KZ", "black-sea", "group:westbound", "*", "/", "+", "-", "<=", ">=", "==", "<",
      "=", "1.5", "GW", "%", "TWh", "capacity", "available", "level", " ", "1e999", "\"", "≤", "0",
    ]
    var rng = SplitMix(state: UInt64(seed) &+ 77)
    var context = ExpressionContext()
    context.corridors = ["black-sea": .init(commodity: "electricity", capacity: 1)]
    context.groups = ["westbound": ["black-sea"]]
    context.countries = ["KZ"]
    context.commodities = ["electricity": (.power, "MW")]
    // Half the texts are token soup, half are built from well-formed pieces
    // (some with huge, zero or missing numbers), so both outcomes are exercised.
    let pieces = [
      "flow[black-sea]", "flow[KZ, black-sea]", "flow[group:westbound]", "capacity[black-sea]", "available[black-sea]",
      "0.5 * capacity[black-sea]", "2 * flow[black-sea]", "1e999 * flow[black-sea]", "1e308 * 1e308 * flow[black-sea]",
      "(flow[black-sea] + 1 GW)", "flow[black-sea] / 2", "flow[black-sea] / 0", "flow[black-sea] / 1e-320", "1.5 GW",
      "60 % * capacity[black-sea]", "0", "1e999 GW", "-flow[black-sea]", "3 TWh", "1e308 GW + 1e308 GW",
    ]
    let relations = ["<=", ">=", "==", " <= ", "<"]
    var accepted = 0, rejected = 0
    for round in 0..<500 {
      let text: String
      if round % 2 == 0 {
        text = (0..<Int.random(in: 0...14, using: &rng)).map { _ in tokens.randomElement(using: &rng) ?? "" }.joined()
      } else {
        func side() -> String {
          (0..<Int.random(in: 1...3, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }
            .joined(separator: Bool.random(using: &rng) ? " + " : " - ")
        }
        text = side() + " " + (relations.randomElement(using: &rng) ?? "<=") + " " + side()
      }
      for scope in [ConstraintScope.slice, .horizon] {
        do {
          let r = try ExpressionNormalizer.normalize(text, context: context, scope: scope)
          accepted += 1
          let constants: [Double]
          switch r.constant {
          case .constant(let v): constants = [v]
          case .perSlice(let a): constants = a
          }
          let numbers = r.terms.map(\.coefficient) + constants
          #expect(!numbers.contains { !$0.isFinite }, "'\(text)' (\(scope)) loaded a non-finite number: \(r)")
        } catch {
          rejected += 1
          let columns = text.unicodeScalars.count
          #expect(error.column >= 1 && error.column <= max(1, columns + 1),
                  "'\(text)' (\(scope)): column \(error.column) outside 1…\(columns + 1): \(error.message)")
          #expect(!error.message.isEmpty)
        }
      }
    }
    // Both outcomes must occur, or the soup tests only one path.
    #expect(accepted > 0 && rejected > 0, "accepted \(accepted), rejected \(rejected)")
  }

  @Test("CSV bytes soup never crashes the scanner; numbers are finite, problems point into the text",
        arguments: 0..<4)
  func csvSoup(seed: Int) {
    var rng = SplitMix(state: UInt64(seed) &+ 5)
    let alphabet = Array("0123456789.,-+eE\"\n\r #abc\u{FEFF}".utf8)
    var tables = 0, goodColumns = 0, badColumns = 0
    for _ in 0..<300 {
      let bytes = (0..<Int.random(in: 0...80, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? 0 }
      let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
      func inside(_ p: CSVTable.Problem) -> Bool {
        guard let line = p.line else { return p.column == nil }
        guard line >= 1, line <= lines.count else { return false }
        return p.column.map { $0 >= 1 && $0 <= lines[line - 1].count + 1 } ?? true
      }
      switch CSVTable.parse(bytes, path: "soup.csv") {
      case .failure(let p):
        #expect(inside(p), "problem outside the text: \(p) in \(String(decoding: bytes, as: UTF8.self).debugDescription)")
      case .success(let t):
        tables += 1
        for k in 0...(t.header.count + 1) {
          switch t.numbers(column: k, count: t.rows.count) {
          case .success(let values):
            goodColumns += 1
            #expect(values.count == t.rows.count)
            #expect(!values.contains { !$0.isFinite }, "non-finite number loaded: \(values) from \(bytes)")
          case .failure(let problems):
            badColumns += 1
            #expect(!problems.list.isEmpty)
            for p in problems.list {
              #expect(p.line != nil && inside(p), "problem outside the text: \(p) in \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
          }
        }
      }
    }
    #expect(tables > 0 && goodColumns > 0 && badColumns > 0, "tables \(tables), good \(goodColumns), bad \(badColumns)")
  }
}
