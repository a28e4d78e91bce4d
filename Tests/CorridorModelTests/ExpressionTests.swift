import Testing

@testable import CorridorModel

@Suite("Constraint expressions")
struct ExpressionTests {
  /// A small context: electricity corridors a, b (group west), oil corridor cpc.
  static let context: ExpressionContext = {
    var e = ExpressionContext()
    e.corridors = [
      "black-sea": .init(commodity: "electricity", capacity: 1300),
      "caspian-cable": .init(commodity: "electricity", capacity: 1000),
      "cpc": .init(commodity: "oil", capacity: 72.5),
    ]
    e.groups = ["westbound": ["black-sea", "caspian-cable"], "mixed": ["black-sea", "cpc"]]
    e.countries = ["KZ", "AZ"]
    e.markets = ["RO": "electricity", "TR": "electricity"]
    e.supplies = ["kz-power": ("electricity", .perSlice([100, 200])), "kz-oil": ("oil", .constant(50))]
    e.storages = ["az-battery": "electricity"]
    e.commodities = ["electricity": (.power, "MW"), "oil": (.massFlow, "Mt/yr")]
    e.disabled = ["old-market"]
    e.hours = [10, 30]
    return e
  }()

  func normalize(_ text: String, _ scope: ConstraintScope = .slice) throws(ExpressionError) -> ExpressionNormalizer.Result {
    try ExpressionNormalizer.normalize(text, context: Self.context, scope: scope)
  }

  func error(_ text: String, _ scope: ConstraintScope = .slice) -> ExpressionError? {
    do {
      _ = try normalize(text, scope)
      return nil
    } catch {
      return error
    }
  }

  @Test("the parser builds the expected tree")
  func tree() throws {
    let c = try ExpressionParser.parse("flow[KZ, black-sea] <= 0.6 * capacity[black-sea]")
    #expect(c.sense == .lessEqual)
    let kz = ExpressionArgument(name: "KZ", isGroup: false, column: 6)
    let sea = ExpressionArgument(name: "black-sea", isGroup: false, column: 10)
    let lhs = ExpressionNode.call("flow", [kz, sea], column: 1)
    #expect(c.lhs == lhs)
    let number = ExpressionNode.number(0.6, unit: nil, column: 24, unitColumn: 0)
    let seaCapacity = ExpressionArgument(name: "black-sea", isGroup: false, column: 39)
    let capacity = ExpressionNode.call("capacity", [seaCapacity], column: 30)
    let rhs = ExpressionNode.multiply(number, capacity, column: 28)
    #expect(c.rhs == rhs)
    let g = try ExpressionParser.parse("flow[group:westbound] >= 1 GW")
    let west = ExpressionArgument(name: "westbound", isGroup: true, column: 6)
    let groupFlow = ExpressionNode.call("flow", [west], column: 1)
    #expect(g.lhs == groupFlow)
    let gw = ExpressionNode.number(1, unit: "GW", column: 26, unitColumn: 28)
    #expect(g.rhs == gw)
    #expect(try ExpressionParser.parse("-(flow[x]) ≥ 2").sense == .greaterEqual)
  }

  @Test("normalised form moves variables left and constants right")
  func normalForm() throws {
    // capacity[…] stays a term (on the corridor's fixed capacity column), so one more unit
    // of capacity loosens this row too (issue #8 item 1).
    let r = try normalize("flow[KZ, caspian-cable] <= 0.6 * capacity[caspian-cable]")
    #expect(r.terms == [.init(coefficient: 1, quantity: .flow(country: "KZ", corridors: ["caspian-cable"])),
                        .init(coefficient: -0.6, quantity: .capacity("caspian-cable"))])
    #expect(r.sense == .lessEqual)
    #expect(r.constant == .constant(0))
    #expect(r.commodity == "electricity")

    let s = try normalize("2 * (flow[black-sea] - flow[KZ, group:westbound]) + 100 MW >= 0.5 GW + delivered[RO]")
    let expected: [CustomConstraint.Term] = [
      .init(coefficient: 2, quantity: .flow(country: nil, corridors: ["black-sea"])),
      .init(coefficient: -2, quantity: .flow(country: "KZ", corridors: ["black-sea", "caspian-cable"])),
      .init(coefficient: -1, quantity: .delivered(country: nil, market: "RO")),
    ]
    #expect(s.terms == expected)
    #expect(s.constant == .constant(400))
    #expect(s.sense == .greaterEqual)
  }

  @Test("like terms are merged; percentages and division by numbers are fine")
  func merging() throws {
    let r = try normalize("flow[KZ, black-sea] >= 25 % * flow[black-sea] + flow[KZ, black-sea] / 2")
    let expected: [CustomConstraint.Term] = [
      .init(coefficient: 0.5, quantity: .flow(country: "KZ", corridors: ["black-sea"])),
      .init(coefficient: -0.25, quantity: .flow(country: nil, corridors: ["black-sea"])),
    ]
    #expect(r.terms == expected)
    #expect(r.constant == .constant(0))
  }

  @Test("every quantity kind")
  func quantities() throws {
    let r = try normalize(
      "supply[kz-power] + charge[az-battery] - discharge[az-battery] + delivered[KZ, TR] <= available[kz-power]")
    let kinds: [ConstraintQuantity] = [
      .supply("kz-power"), .charge("az-battery"), .discharge("az-battery"), .delivered(country: "KZ", market: "TR"),
      .available("kz-power"),
    ]
    #expect(r.terms.map(\.quantity) == kinds)
    #expect(r.terms.last?.coefficient == -1)
    #expect(r.constant == .constant(0))
    let l = try normalize("level[az-battery] <= 2 GWh")
    #expect(l.terms == [.init(coefficient: 1, quantity: .level("az-battery"))])
    #expect(l.constant == .constant(2000))
  }

  @Test("horizon constraints compare amounts")
  func horizon() throws {
    // Parameters stay terms; the formulation weights them by slice hours like variables.
    let r = try normalize("flow[KZ, black-sea] <= 0.5 * capacity[black-sea] + 1 GWh", .horizon)
    #expect(r.terms.last == .init(coefficient: -0.5, quantity: .capacity("black-sea")))
    #expect(r.constant == .constant(1000))
    let a = try normalize("supply[kz-power] >= 50 % * available[kz-power]", .horizon)
    #expect(a.terms.last == .init(coefficient: -0.5, quantity: .available("kz-power")))
    #expect(a.constant == .constant(0))
    // Folded where it is not linear in the parameter: divided by, or times a per-slice value.
    let folded = try normalize("flow[KZ, black-sea] / capacity[black-sea] <= 0.5", .horizon)
    #expect(folded.terms.count == 1)
    #expect(close(folded.terms[0].coefficient, 1 / (1300 * 40)))
    #expect(close(folded.constant.value(at: 0), 0.5))
    let oil = try normalize("flow[cpc] <= 2 Mt", .horizon)
    #expect(close(oil.constant.value(at: 0), 2e6 / (1e6 / 8760)))
  }

  @Test("errors point at the offending token", arguments: [
    ("flo[KZ, black-sea] <= 5 MW", 1, "unknown function 'flo' (did you mean 'flow'?)"),
    ("flow[KZ, black-sea] * flow[black-sea] <= 5 MW", 21, "nonlinear"),
    ("flow[black-sea] / flow[caspian-cable] <= 5", 17, "division by a variable"),
    ("flow[KZ, black-sea] 5 MW", 21, "unexpected '5'"),
    ("flow[KZ, black-sea]", 20, "missing comparison"),
    ("(flow[black-sea] <= 5 MW", 1, "unbalanced '('"),
    ("flow[black-sea]) <= 5 MW", 16, "unbalanced ')'"),
    ("flow[black-sea <= 5 MW", 5, "unbalanced '['"),
    ("flow[black-sea] <= 5 Mt/yr", 22, "unit 'Mt/yr' is a mass flow"),
    ("flow[black-sea] <= 5 TWh", 20, "cannot compare a rate and an amount"),
    ("flow[black-sea] <= 500", 20, "give the number a unit"),
    ("flow[KZ, blacksea] <= 5 MW", 10, "unknown corridor 'blacksea'; did you mean 'black-sea'?"),
    ("flow[XX, black-sea] <= 5 MW", 6, "unknown country 'XX'"),
    ("flow[group:west] <= 5 MW", 6, "unknown corridor group 'west'"),
    ("flow[westbound] <= 5 MW", 6, "write group:westbound"),
    ("flow[black-sea] + flow[cpc] <= 5 MW", 24, "mixes commodities"),
    ("flow[group:mixed] <= 5 MW", 6, "mixes commodities"),
    ("delivered[old-market] <= 5 MW", 11, "disabled"),
    ("flow[black-sea] < 5 MW", 17, "strict '<'"),
    ("flow[black-sea] = 5 MW", 17, "write '=='"),
    ("flow[black-sea] <= 5 MW <= 6 MW", 25, "exactly one comparison"),
    ("5 MW <= 6 MW", 1, "no variables"),
    ("flow[black-sea] - flow[black-sea] <= 6 MW", 1, "cancel out"),
    ("capacity <= 5", 1, "needs its arguments in brackets"),
    ("foo <= 5", 1, "unknown name 'foo'"),
    ("2 flow[black-sea] <= 5 MW", 3, "missing '*'"),
    ("flow[black-sea] <= 5 EUR/MWh", 22, "a price"),
    ("flow[black-sea] <= 5 MW / 0", 25, "division by zero"),
    ("flow[black-sea] * 2 MW <= 5 MW", 17, "cannot multiply a rate by a rate"),
    ("flow[black-sea] <= ", 20, "missing right-hand side"),
    ("", 1, "empty expression"),
    ("flow[a, b, c] <= 1 MW", 1, "flow takes"),
    ("level[az-battery] <= 1 GWh", 1, "stock"),
  ] as [(String, Int, String)])
  func errors(text: String, column: Int, fragment: String) {
    let scope: ConstraintScope = fragment == "stock" ? .horizon : .slice
    guard let e = error(text, scope) else {
      Issue.record("'\(text)' was accepted")
      return
    }
    #expect(e.message.contains(fragment), "\(e.message)")
    #expect(e.column == column, "\(e.message)")
  }

  @Test("rate literals are refused in horizon constraints")
  func horizonRates() {
    let e = error("flow[black-sea] <= 5 MW", .horizon)
    #expect(e?.message.contains("per = \"horizon\" compares amounts") == true)
    #expect(e?.column == 22)
  }
}

@Suite("Expression limits")
struct ExpressionLimitTests {
  static var context: ExpressionContext {
    var e = ExpressionContext()
    e.corridors = ["x": .init(commodity: "electricity", capacity: 1)]
    e.commodities = ["electricity": (.power, "MW")]
    return e
  }

  @Test("the longest accepted expression normalises without exhausting the stack")
  func longest() throws {
    let tail = "flow[x] <= 5 MW"
    let count = (ExpressionParser.maxLength - tail.count) / 2
    let text = String(repeating: "1+", count: count) + tail
    #expect(text.count <= ExpressionParser.maxLength)
    _ = try? ExpressionNormalizer.normalize(text, context: Self.context, scope: .slice)
    let products = String(repeating: "1*", count: count) + tail
    let r = try ExpressionNormalizer.normalize(products, context: Self.context, scope: .slice)
    #expect(r.terms.count == 1)
  }

  @Test("too long and too deep are errors, not crashes")
  func limits() {
    let long = String(repeating: "1+", count: 5000) + "flow[x] <= 5 MW"
    #expect(throws: ExpressionError.self) { try ExpressionParser.parse(long) }
    let deep = String(repeating: "(", count: 500) + "flow[x]" + String(repeating: ")", count: 500) + " <= 1 MW"
    #expect(throws: ExpressionError.self) { try ExpressionParser.parse(deep) }
    let signs = String(repeating: "-", count: 900) + "flow[x] <= 1 MW"
    #expect(throws: ExpressionError.self) { try ExpressionParser.parse(signs) }
    let fine = String(repeating: "(", count: 40) + "flow[x]" + String(repeating: ")", count: 40) + " <= 1 MW"
    #expect(throws: Never.self) { try ExpressionParser.parse(fine) }
  }
}
