import CorridorModel

/// One direction of a corridor: the unit the formulation routes flow on.
///
/// A one-way corridor is one arc; a two-way corridor is two arcs that share
/// its capacity (a cable carries power one way at a time).
struct Arc: Sendable {
  /// Index into `Model.corridors`.
  var corridor: Int
  var from: String
  var to: String
  var reverse: Bool
  /// The arc's name in LP names: the corridor's, with `.reverse` for the back direction.
  var label: String
}

/// The network of one commodity, with who can use what.
///
/// Flow is tracked by origin: every country that supplies the commodity has
/// its own copy of the network (its own flow variables and node balances),
/// restricted to the arcs it can use — reachable from its node and leading
/// towards one of its sinks (a market, or a storage it owns).
struct CommodityNetwork {
  var commodity: String
  var arcs: [Arc]
  /// Countries that supply the commodity, in model order.
  var origins: [String]
  /// For each origin: indices into `arcs` it may use, in arc order.
  var usableArcs: [String: [Int]]
  /// For each origin: nodes where it needs a balance row (sorted by first use).
  var balanceNodes: [String: [String]]
  /// For each origin: indices into `Model.markets` it can reach.
  var reachableMarkets: [String: [Int]]

  init(model: Model, commodity: String) {
    self.commodity = commodity
    var arcs: [Arc] = []
    for (c, corridor) in model.corridors.enumerated() where corridor.commodity == commodity {
      arcs.append(Arc(corridor: c, from: corridor.from, to: corridor.to, reverse: false, label: corridor.name))
      if corridor.twoWay {
        arcs.append(Arc(corridor: c, from: corridor.to, to: corridor.from, reverse: true, label: corridor.name + ".reverse"))
      }
    }
    self.arcs = arcs
    var origins: [String] = []
    for s in model.supplies where s.commodity == commodity && !origins.contains(s.country) {
      origins.append(s.country)
    }
    self.origins = origins
    let marketNodes = model.markets.enumerated().filter { $0.element.commodity == commodity }

    var usable: [String: [Int]] = [:]
    var nodes: [String: [String]] = [:]
    var markets: [String: [Int]] = [:]
    for o in origins {
      var sinks = Set(marketNodes.map { $0.element.node })
      for st in model.storages where st.commodity == commodity && st.owner == o { sinks.insert(st.node) }
      let forward = Self.reach(from: [o], arcs: arcs, forward: true)
      let backward = Self.reach(from: sinks, arcs: arcs, forward: false)
      let mine = arcs.indices.filter { forward.contains(arcs[$0].from) && backward.contains(arcs[$0].to) }
      usable[o] = mine
      var order: [String] = [o]
      func add(_ n: String) { if !order.contains(n) { order.append(n) } }
      for a in mine { add(arcs[a].from); add(arcs[a].to) }
      for st in model.storages where st.commodity == commodity && st.owner == o { add(st.node) }
      nodes[o] = order
      markets[o] = marketNodes.filter { forward.contains($0.element.node) }.map(\.offset)
    }
    usableArcs = usable
    balanceNodes = nodes
    reachableMarkets = markets
  }

  /// Nodes reachable from `start` along arcs (or against them).
  static func reach<S: Sequence>(from start: S, arcs: [Arc], forward: Bool) -> Set<String> where S.Element == String {
    var seen = Set(start)
    var stack = Array(seen)
    var adjacency: [String: [String]] = [:]
    for a in arcs {
      if forward { adjacency[a.from, default: []].append(a.to) } else { adjacency[a.to, default: []].append(a.from) }
    }
    while let n = stack.popLast() {
      for m in adjacency[n] ?? [] where seen.insert(m).inserted { stack.append(m) }
    }
    return seen
  }
}
