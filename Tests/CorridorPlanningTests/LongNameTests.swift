// Issue #8 item 11: names longer than GLPK's 255-byte limit must not stop a model that
// `corridor check` accepts from solving.

import CorridorModel
import Foundation
import LinearProgramming
import Testing

@testable import CorridorPlanning

@Suite("Long names")
struct LongNameTests {
  /// Two corridors whose 300-character names differ only in the last character, so the
  /// kept prefix of their shortened LP names is the same and only the hash tells them apart.
  static func model() throws -> Model {
    let stem = String(repeating: "caspian-", count: 37) + "cable"  // 301 characters
    let text = """
      [model]
      name = "long names"
      [time]
      slices = [ { name = "winter", hours = "2190 h" }, { name = "rest", hours = "6570 h" } ]
      [nodes.KZ]
      kind = "country"
      [nodes.RO]
      kind = "market"
      [supply.kz]
      country = "KZ"
      commodity = "electricity"
      volume = "100 MW"
      [corridors.\(stem)A]
      from = "KZ"
      to = "RO"
      commodity = "electricity"
      capacity = "60 MW"
      [corridors.\(stem)B]
      from = "KZ"
      to = "RO"
      commodity = "electricity"
      capacity = "30 MW"
      [markets.ro]
      node = "RO"
      commodity = "electricity"
      price = "100 EUR/MWh"
      """
    return try loadModelText(text)
  }

  @Test("a model with 300-character corridor names loads, builds and solves to the hand value")
  func solves() throws {
    let model = try Self.model()
    #expect(model.corridors.count == 2 && model.corridors.allSatisfy { $0.name.utf8.count > 255 })
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    // By hand: both corridors full, 60 + 30 MW for 8760 h at 100 EUR/MWh, no costs.
    expectClose(plan.objective, 90 * 8760 * 100, "objective (EUR)")
    expectClose(plan.corridors[0].flow, 60, "first corridor (MW)")
    expectClose(plan.corridors[1].flow, 30, "second corridor (MW)")
  }

  @Test("every LP name fits GLPK, names stay unique, and shortening is stable")
  func namesFit() throws {
    let model = try Self.model()
    let lp = try Formulation(model: model).program
    var seen: Set<String> = []
    var long = 0
    for j in 0..<lp.variableCount {
      let name = try #require(try lp.name(of: lp.variable(at: j)))
      #expect(name.utf8.count <= 255)
      #expect(seen.insert(name).inserted, "duplicate \(name)")
      if name.contains("~") { long += 1 }
    }
    for i in 0..<lp.constraintCount {
      let name = try #require(try lp.name(of: lp.constraint(at: i)))
      #expect(name.utf8.count <= 255)
      #expect(seen.insert(name).inserted, "duplicate \(name)")
    }
    #expect(long >= 4, "flow columns of both corridors in both slices are shortened")
    let again = try Formulation(model: model).program
    for j in 0..<lp.variableCount {
      #expect(try lp.name(of: lp.variable(at: j)) == again.name(of: again.variable(at: j)))
    }
  }

  @Test("shortening cuts at a character boundary and keeps short names as they are")
  func shortening() {
    #expect(LPBuilder.shortened("flow[KZ,cpc,h0001]") == "flow[KZ,cpc,h0001]")
    let wide = "flow[" + String(repeating: "ü", count: 200) + "]"  // 406 bytes
    let s = LPBuilder.shortened(wide)
    #expect(s.utf8.count <= 255 && s.hasPrefix("flow[üü") && s.contains("~"))
    #expect(LPBuilder.shortened(wide + "x") != s)
  }

  @Test("a control character in a slice name (GLPK refuses it) is replaced, and the model solves")
  func controlCharacters() throws {
    let a = LPBuilder.shortened("flow[KZ,link,a\u{1}b]")
    let b = LPBuilder.shortened("flow[KZ,link,a\u{2}b]")
    #expect(a.hasPrefix("flow[KZ,link,a?b]~") && b.hasPrefix("flow[KZ,link,a?b]~") && a != b)
    let text = """
      [model]
      name = "control"
      [time]
      slices = [ { name = "a\\u0001b", hours = "10 h" }, { name = "a\\u0002b", hours = "20 h" } ]
      [nodes.KZ]
      kind = "country"
      [nodes.RO]
      kind = "market"
      [supply.kz]
      country = "KZ"
      commodity = "electricity"
      volume = "100 MW"
      [corridors.link]
      from = "KZ"
      to = "RO"
      commodity = "electricity"
      capacity = "60 MW"
      [markets.ro]
      node = "RO"
      commodity = "electricity"
      price = "100 EUR/MWh"
      """
    let model = try loadModelText(text)
    #expect(model.slices.map(\.name) == ["a\u{1}b", "a\u{2}b"])
    let plan = try Planner().plan(model)
    // By hand: 60 MW for 30 h at 100 EUR/MWh.
    expectClose(plan.objective, 60 * 30 * 100, "objective (EUR)")
  }

  @Test("a priority rule with a 280-character name solves (its stage row is shortened too)")
  func longPriorityRule() throws {
    let rule = String(repeating: "priority-", count: 31) + "rule"  // 283 characters
    let text = """
      [model]
      name = "long priority"
      [nodes.KZ]
      kind = "country"
      [nodes.UZ]
      kind = "country"
      [nodes.RO]
      kind = "market"
      [supply.kz]
      country = "KZ"
      commodity = "electricity"
      volume = "100 MW"
      [supply.uz]
      country = "UZ"
      commodity = "electricity"
      volume = "100 MW"
      [corridors.kz-uz]
      from = "KZ"
      to = "UZ"
      commodity = "electricity"
      capacity = "100 MW"
      [corridors.link]
      from = "UZ"
      to = "RO"
      commodity = "electricity"
      capacity = "60 MW"
      [markets.ro]
      node = "RO"
      commodity = "electricity"
      price = "100 EUR/MWh"
      [rules.\(rule)]
      kind = "priority"
      corridors = ["link"]
      order = ["KZ", "UZ"]
      """
    let model = try loadModelText(text)
    let plan = try Planner().plan(model)
    #expect(plan.status == .optimal)
    // By hand: KZ comes first and takes all 60 MW of the link (through UZ); UZ gets nothing.
    let link = try #require(plan.corridor("link"))
    expectClose(link.byCountry.first { $0.country == "KZ" }?.flow, 60, "KZ on link (MW)")
    expectClose(plan.objective, 60 * 8760 * 100, "objective (EUR)")
  }
}
