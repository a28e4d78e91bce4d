import CorridorModel
import Foundation

/// Where the map puts things: each node's place and which corridors run both ways. The
/// report document has neither (they are model facts, not results), so the CLI passes
/// them in from the ``CorridorModel/Model``.
public struct MapLayout: Sendable {
  public struct Place: Sendable {
    public var name: String
    public var label: String?
    public var kind: String
    public var latitude: Double?
    public var longitude: Double?
    public init(name: String, label: String? = nil, kind: String = "country", latitude: Double? = nil, longitude: Double? = nil) {
      self.name = name
      self.label = label
      self.kind = kind
      self.latitude = latitude
      self.longitude = longitude
    }
  }

  public var places: [Place]
  /// Names of the corridors that carry flow both ways (their arrows point both ways).
  public var twoWay: Set<String>

  public init(places: [Place] = [], twoWay: Set<String> = []) {
    self.places = places
    self.twoWay = twoWay
  }

  /// The layout of a loaded model: its nodes with their `lat`/`lon`, and its two-way corridors.
  public init(model: Model) {
    places = model.nodes.map {
      Place(name: $0.name, label: $0.label, kind: $0.kind.rawValue, latitude: $0.latitude, longitude: $0.longitude)
    }
    twoWay = Set(model.corridors.filter(\.twoWay).map(\.name))
  }
}

/// Number text for SVG coordinates: one decimal, never `-0.0`, stable across runs.
func svgNumber(_ v: Double) -> String {
  let r = (v * 10).rounded() / 10
  return String(format: "%.1f", r == 0 ? 0 : r)
}

/// The corridor map of a plan, as an inline SVG.
///
/// **Projection.** Nodes with `lat`/`lon` are placed by an equirectangular projection
/// whose standard parallel is the middle latitude of the mapped box φ₀:
/// `x = (λ − λ₀)·cos φ₀`, `y = −φ` (degrees, then scaled to pixels). Over the region's
/// 20–25° of latitude (the shipped models run from 36° N to 48° N, the oil model to 60° N)
/// it keeps east–west and north–south distances within about 15 % of each other at the
/// edges, keeps meridians vertical and parallels straight (easy to read), and is exact
/// and cheap to invert — a conformal conic would bend the parallels for little gain at
/// this size. The box is the nodes' extent plus a margin, so the map zooms to the model.
///
/// **Schematic layout.** When a node a corridor touches has no coordinates, no outline
/// is drawn and every node sits on a circle in model order: readable, never an error.
///
/// **Corridors.** A line (a gentle arc when several corridors join the same two nodes)
/// whose width grows with the average flow (relative to the largest flow of the same
/// unit), whose colour is the utilization (green 0 % → yellow 50 % → red 100 %, grey:
/// no flow figure), with an arrowhead in the direction of flow (both ways for a two-way
/// corridor). A binding corridor gets a dark halo and "binding" in its label. The label
/// gives name, flow / capacity with the unit, and the shadow price, as the table
/// report writes them; hovering shows the split by country (the table under the map
/// lists it too).
struct SVGMap {
  let doc: ReportDocument
  let layout: MapLayout
  var width = 960.0

  /// A point on the drawing, in pixels.
  struct Point { var x: Double; var y: Double }

  /// How the map places nodes.
  enum Mode { case geographic(west: Double, south: Double, east: Double, north: Double), schematic }

  /// The nodes the corridors touch, in model order (nodes of the layout first).
  var nodeNames: [String] {
    var names = layout.places.map(\.name)
    for c in doc.corridors {
      for n in [c.from, c.to] where !names.contains(n) { names.append(n) }
    }
    return names
  }

  var mode: Mode {
    let byName = Dictionary(layout.places.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var used = Set(doc.corridors.flatMap { [$0.from, $0.to] })
    if used.isEmpty { used = Set(layout.places.map(\.name)) }
    var lons: [Double] = [], lats: [Double] = []
    for n in used {
      guard let p = byName[n], let lat = p.latitude, let lon = p.longitude else { return .schematic }
      lons.append(lon)
      lats.append(lat)
    }
    guard let w = lons.min(), let e = lons.max(), let s = lats.min(), let n = lats.max(), lons.count >= 2,
          e - w > 1e-6 || n - s > 1e-6 else { return .schematic }
    let padX = max(2.5, 0.12 * (e - w)), padY = max(2.0, 0.15 * (n - s))
    var box = (west: w - padX, south: s - padY, east: e + padX, north: n + padY)
    // Widen the shorter side so the drawing is between 1.35 and 1.8 times as wide as high:
    // more of the region around, room for labels.
    let k = cos((box.south + box.north) / 2 * .pi / 180)
    let aspect = (box.east - box.west) * k / (box.north - box.south)
    if aspect > 1.8 {
      let grow = ((box.east - box.west) * k / 1.8 - (box.north - box.south)) / 2
      box.south -= grow
      box.north += grow
    } else if aspect < 1.35 {
      let grow = ((box.north - box.south) * 1.35 / k - (box.east - box.west)) / 2
      box.west -= grow
      box.east += grow
    }
    return .geographic(west: box.west, south: box.south, east: box.east, north: box.north)
  }

  /// Height of the drawing for `mode` (the map keeps its aspect ratio, within limits).
  func height(_ mode: Mode) -> Double {
    switch mode {
    case .schematic: return 560
    case let .geographic(w, s, e, n):
      let k = cos((s + n) / 2 * .pi / 180)
      return min(720, max(420, width * (n - s) / ((e - w) * k)))
    }
  }

  /// Projects `lon`, `lat` into the drawing of `mode` (see the type's comment).
  func project(lon: Double, lat: Double, _ mode: Mode) -> Point {
    guard case let .geographic(w, s, e, n) = mode else { return Point(x: 0, y: 0) }
    let h = height(mode)
    let k = cos((s + n) / 2 * .pi / 180)
    let scale = min(width / ((e - w) * k), h / (n - s))
    let cx = (w + e) / 2, cy = (s + n) / 2
    return Point(x: width / 2 + (lon - cx) * k * scale, y: h / 2 - (lat - cy) * scale)
  }

  /// Each node's place on the drawing.
  func positions(_ mode: Mode) -> [String: Point] {
    let names = nodeNames
    var out: [String: Point] = [:]
    switch mode {
    case .geographic:
      for p in layout.places {
        if let lat = p.latitude, let lon = p.longitude { out[p.name] = project(lon: lon, lat: lat, mode) }
      }
    case .schematic:
      let h = height(mode), r = min(width, h) / 2 - 90
      for (i, n) in names.enumerated() {
        let a = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(max(1, names.count))
        out[n] = Point(x: width / 2 + r * cos(a), y: h / 2 + r * sin(a))
      }
    }
    return out
  }

  /// Colour of a utilization (fraction): green → yellow → red; grey when unknown.
  static func colour(_ use: Double?) -> String {
    guard let u = use.map({ min(1, max(0, $0)) }) else { return "#9aa0a6" }
    let stops: [(Double, (Double, Double, Double))] = [(0, (26, 152, 80)), (0.5, (230, 190, 40)), (1, (215, 48, 39))]
    let (a, b) = u <= 0.5 ? (stops[0], stops[1]) : (stops[1], stops[2])
    let t = (u - a.0) / (b.0 - a.0)
    func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * t).rounded()) }
    return String(format: "#%02x%02x%02x", mix(a.1.0, b.1.0), mix(a.1.1, b.1.1), mix(a.1.2, b.1.2))
  }

  /// The flow label of a corridor as the table report writes its figures: `flow / capacity unit`.
  static func flowText(_ c: CorridorReport) -> String {
    let flow = FigureTable.number(c.flow, digits: 1) ?? "–"
    let cap = FigureTable.number(c.nominalCapacity, digits: 1) ?? "–"
    return "\(flow) / \(cap) \(FigureTable.displayUnit(c.flow.unit))"
  }

  static func priceText(_ c: CorridorReport) -> String? {
    guard let p = FigureTable.number(c.shadowPrice, digits: nil) else { return nil }
    return "shadow price \(p) \(c.shadowPrice.unit)"
  }

  func render() -> String {
    let mode = self.mode
    let h = height(mode)
    let at = positions(mode)
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(h))\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(h))\" role=\"img\" aria-label=\"Corridor map\">\n"
    svg += "<defs><clipPath id=\"map-clip\"><rect x=\"0\" y=\"0\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(h))\"/></clipPath></defs>\n"
    switch mode {
    case .geographic:
      svg += "<rect class=\"sea\" x=\"0\" y=\"0\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(h))\" fill=\"#dcebf5\"/>\n"
      svg += outlines(mode)
    case .schematic:
      svg += "<rect x=\"0\" y=\"0\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(h))\" fill=\"#fafbfc\" stroke=\"#d5dae3\"/>\n"
      svg += "<text x=\"12\" y=\"22\" font-size=\"12\" fill=\"#5b6476\">Schematic layout: not every node has lat/lon, so nodes sit on a circle</text>\n"
    }
    svg += corridors(at)
    svg += nodes(at)
    svg += legend(h)
    return svg + "</svg>\n"
  }

  /// Land polygons over the sea background, clipped to the drawing; sea names.
  func outlines(_ mode: Mode) -> String {
    guard case let .geographic(w, s, e, n) = mode, let data = RegionOutlines.shipped else { return "" }
    var out = "<g class=\"land\" clip-path=\"url(#map-clip)\" fill=\"#f4f1e8\" stroke=\"#b5ad99\" stroke-width=\"0.7\" fill-rule=\"evenodd\">\n"
    for country in data.countries {
      var d = ""
      for polygon in country.polygons {
        let all = polygon.flatMap { $0 }
        guard let minLon = all.map(\.lon).min(), let maxLon = all.map(\.lon).max(),
              let minLat = all.map(\.lat).min(), let maxLat = all.map(\.lat).max(),
              maxLon >= w - 1, minLon <= e + 1, maxLat >= s - 1, minLat <= n + 1 else { continue }
        for ring in polygon where ring.count >= 3 {
          d += ring.enumerated().map { i, p in
            let q = project(lon: p.lon, lat: p.lat, mode)
            return (i == 0 ? "M" : "L") + svgNumber(q.x) + " " + svgNumber(q.y)
          }.joined() + "Z"
        }
      }
      if !d.isEmpty { out += "<path d=\"\(d)\"><title>\(HTML.escape(country.name))</title></path>\n" }
    }
    out += "</g>\n"
    for (name, lon, lat) in [("Caspian Sea", 50.6, 42.0), ("Black Sea", 34.0, 43.3)] where lon > w && lon < e && lat > s && lat < n {
      let p = project(lon: lon, lat: lat, mode)
      out += "<text class=\"sea-name\" x=\"\(svgNumber(p.x))\" y=\"\(svgNumber(p.y))\" font-size=\"12\" font-style=\"italic\" fill=\"#4a7ea8\" text-anchor=\"middle\">\(name)</text>\n"
    }
    return out
  }

  /// Every corridor: halo when binding, the line, arrowheads, and its label.
  func corridors(_ at: [String: Point]) -> String {
    var maxFlow: [String: Double] = [:]
    for c in doc.corridors { maxFlow[c.flow.unit] = max(maxFlow[c.flow.unit] ?? 0, c.flow.value ?? 0) }
    // Corridors joining the same two nodes are spread into arcs.
    var pairs: [String: [Int]] = [:]
    for (i, c) in doc.corridors.enumerated() { pairs[[c.from, c.to].sorted().joined(separator: "\u{0}"), default: []].append(i) }
    var lines = "", labels = ""
    var anchors: [(Int, Point, Point)] = []
    var lineBoxes: [Box] = []
    for (i, c) in doc.corridors.enumerated() {
      guard let a = at[c.from], let b = at[c.to] else { continue }
      let group = pairs[[c.from, c.to].sorted().joined(separator: "\u{0}")] ?? [i]
      let k = Double(group.firstIndex(of: i) ?? 0) - Double(group.count - 1) / 2
      let dx = b.x - a.x, dy = b.y - a.y, len = max(1e-9, (dx * dx + dy * dy).squareRoot())
      // Normal pointing the same way for both directions of a pair, so arcs do not cross.
      let sign: Double = c.from <= c.to ? 1 : -1
      let nx = -dy / len * sign, ny = dx / len * sign
      let offset = 26 * k
      let mid = Point(x: (a.x + b.x) / 2 + nx * offset, y: (a.y + b.y) / 2 + ny * offset)
      let control = Point(x: (a.x + b.x) / 2 + 2 * nx * offset, y: (a.y + b.y) / 2 + 2 * ny * offset)
      let flow = c.flow.value ?? 0
      let top = maxFlow[c.flow.unit] ?? 0
      let strokeWidth = c.enabled ? 2 + 12 * (top > 0 ? max(0, flow) / top : 0) : 1.5
      let colour = c.enabled ? Self.colour(c.utilization.value) : "#9aa0a6"
      let path = "M\(svgNumber(a.x)) \(svgNumber(a.y))Q\(svgNumber(control.x)) \(svgNumber(control.y)) \(svgNumber(b.x)) \(svgNumber(b.y))"
      let binding = c.binding == true
      var g = "<g class=\"corridor\" id=\"corridor-\(i)\" data-corridor=\"\(HTML.escape(c.name))\" data-flow=\"\(c.flow.value.map(Number.exact) ?? "")\" data-unit=\"\(HTML.escape(c.flow.unit))\"\(binding ? " data-binding=\"true\"" : "")>\n"
      g += "<title>\(HTML.escape(tooltip(c)))</title>\n"
      if binding {
        g += "<path class=\"halo\" d=\"\(path)\" fill=\"none\" stroke=\"#1d2433\" stroke-width=\"\(svgNumber(strokeWidth + 4))\" stroke-linecap=\"round\"/>\n"
      }
      g += "<path class=\"line\" d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(svgNumber(strokeWidth))\" stroke-linecap=\"round\"\(c.enabled ? "" : " stroke-dasharray=\"6 4\"")/>\n"
      // Arrowheads on the curve: at the middle, pointing along the chord (the tangent of a
      // symmetric quadratic curve at its middle); a two-way corridor gets one each way.
      let size = 7 + strokeWidth * 0.6
      let heads: [(Double, Double)] = layout.twoWay.contains(c.name) ? [(0.38, -1), (0.62, 1)] : [(0.5, 1)]
      for (t, dir) in heads {
        let p = Point(x: (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * control.x + t * t * b.x,
                      y: (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * control.y + t * t * b.y)
        let tx = 2 * (1 - t) * (control.x - a.x) + 2 * t * (b.x - control.x)
        let ty = 2 * (1 - t) * (control.y - a.y) + 2 * t * (b.y - control.y)
        let tl = max(1e-9, (tx * tx + ty * ty).squareRoot())
        let ux = tx / tl * dir, uy = ty / tl * dir
        let tip = Point(x: p.x + ux * size, y: p.y + uy * size)
        let l = Point(x: p.x - ux * size * 0.6 - uy * size * 0.7, y: p.y - uy * size * 0.6 + ux * size * 0.7)
        let r = Point(x: p.x - ux * size * 0.6 + uy * size * 0.7, y: p.y - uy * size * 0.6 - ux * size * 0.7)
        g += "<polygon class=\"arrow\" points=\"\(svgNumber(tip.x)),\(svgNumber(tip.y)) \(svgNumber(l.x)),\(svgNumber(l.y)) \(svgNumber(r.x)),\(svgNumber(r.y))\" fill=\"#1d2433\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n"
      }
      lines += g + "</g>\n"
      // The line itself is an obstacle for labels: boxes along the curve.
      for j in 1..<12 {
        let t = Double(j) / 12
        let q = Point(x: (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * control.x + t * t * b.x,
                      y: (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * control.y + t * t * b.y)
        let r = strokeWidth / 2 + 2
        lineBoxes.append(Box(x0: q.x - r, y0: q.y - r, x1: q.x + r, y1: q.y + r))
      }
      // Labels go on top of every line, beside the middle of the curve, placed later.
      let side = k < 0 ? -1.0 : 1.0
      anchors.append((i, mid, Point(x: mid.x + nx * (strokeWidth / 2 + 10) * side, y: mid.y + ny * (strokeWidth / 2 + 10) * side)))
    }
    var taken = nodeBoxes(at) + lineBoxes + [Box(x0: 8, y0: height(mode) - 74, x1: 308, y1: height(mode) - 8)]
    for (i, mid, anchor) in anchors {
      let c = doc.corridors[i]
      let binding = c.binding == true
      let lines = ["\(c.name)\(binding ? " — binding" : "")\(c.enabled ? "" : " — off")", Self.flowText(c)] + (Self.priceText(c).map { [$0] } ?? [])
      let p = place(lines, near: anchor, avoiding: &taken)
      var label = "<g class=\"corridor-label\" data-corridor=\"\(HTML.escape(c.name))\" font-size=\"11\" fill=\"#1d2433\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\">\n"
      if abs(p.x - anchor.x) + abs(p.y - anchor.y) > 12 {
        // Moved away from its line: a thin leader back to the middle of the corridor.
        let ex = min(max(mid.x, p.x), p.x + Self.labelWidth(lines)), ey = min(max(mid.y, p.y - 10), p.y + 13 * Double(lines.count - 1))
        label += "<line class=\"leader\" x1=\"\(svgNumber(mid.x))\" y1=\"\(svgNumber(mid.y))\" x2=\"\(svgNumber(ex))\" y2=\"\(svgNumber(ey))\" stroke=\"#5b6476\" stroke-width=\"0.8\"/>\n"
      }
      label += "<text x=\"\(svgNumber(p.x))\" y=\"\(svgNumber(p.y))\" font-weight=\"600\">\(HTML.escape(lines[0]))</text>\n"
      label += "<text class=\"flow-label\" x=\"\(svgNumber(p.x))\" y=\"\(svgNumber(p.y + 13))\">\(HTML.escape(lines[1]))</text>\n"
      if lines.count > 2 {
        label += "<text class=\"price-label\" x=\"\(svgNumber(p.x))\" y=\"\(svgNumber(p.y + 26))\">\(HTML.escape(lines[2]))</text>\n"
      }
      labels += label + "</g>\n"
    }
    return "<g class=\"corridors\">\n" + lines + "</g>\n<g class=\"labels\">\n" + labels + "</g>\n"
  }

  /// A rectangle on the drawing that a label must not cover.
  struct Box {
    var x0, y0, x1, y1: Double
    func overlaps(_ b: Box) -> Bool { x0 < b.x1 && b.x0 < x1 && y0 < b.y1 && b.y0 < y1 }
  }

  /// Approximate width of label lines at 11 px (about 6.1 px a character).
  static func labelWidth(_ lines: [String]) -> Double { Double(lines.map(\.count).max() ?? 0) * 6.1 }

  /// The boxes of the nodes' dots and names.
  func nodeBoxes(_ at: [String: Point]) -> [Box] {
    nodeNames.compactMap { n in
      at[n].map { p in Box(x0: p.x - 7, y0: p.y - 20, x1: p.x + 10 + Double(n.count) * 7, y1: p.y + 7) }
    }
  }

  /// Where label `lines` go: at `anchor` if free, else the nearest free spot tried in
  /// steps of 14 px up and down and 70 px sideways, inside the drawing (the first tried
  /// when none is free). The chosen box is added to `taken`.
  func place(_ lines: [String], near anchor: Point, avoiding taken: inout [Box]) -> Point {
    let w = Self.labelWidth(lines), h = 13 * Double(lines.count)
    func box(_ p: Point) -> Box { Box(x0: p.x - 2, y0: p.y - 11, x1: p.x + w + 2, y1: p.y - 11 + h + 2) }
    let limit = Box(x0: 0, y0: 0, x1: width, y1: height(mode))
    func inside(_ b: Box) -> Bool { b.x0 >= limit.x0 && b.y0 >= limit.y0 && b.x1 <= limit.x1 && b.y1 <= limit.y1 }
    var first: Point? = nil
    for step in 0..<16 {
      for dx in [0.0, -70, 70, -140] {
        for dy in step == 0 ? [0.0] : [Double(step) * 14, -Double(step) * 14] {
          let p = Point(x: min(max(anchor.x + dx, 2), width - w - 2), y: anchor.y + dy)
          let b = box(p)
          guard inside(b) else { continue }
          if first == nil { first = p }
          if !taken.contains(where: { $0.overlaps(b) }) {
            taken.append(b)
            return p
          }
        }
      }
    }
    let p = first ?? anchor
    taken.append(box(p))
    return p
  }

  /// The hover text of a corridor: route, figures and the split by country.
  func tooltip(_ c: CorridorReport) -> String {
    var lines = ["\(c.name): \(c.from) → \(c.to)", "flow / capacity: " + Self.flowText(c),
                 "use: " + Number.percent(c.utilization.value)]
    if let p = Self.priceText(c) { lines.append(p) }
    for s in c.byCountry where abs(s.flow.value ?? 0) > 1e-9 {
      lines.append("\(s.country): \(FigureTable.number(s.flow, digits: 1) ?? "–") \(FigureTable.displayUnit(s.flow.unit)) (\(Number.percent(s.share.value)))")
    }
    return lines.joined(separator: "\n")
  }

  func nodes(_ at: [String: Point]) -> String {
    let byName = Dictionary(layout.places.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var out = "<g class=\"nodes\" font-size=\"12\">\n"
    for n in nodeNames {
      guard let p = at[n] else { continue }
      let place = byName[n]
      let kind = place?.kind ?? "country"
      let fill = kind == "market" ? "#ffffff" : kind == "transit" ? "#c9ced8" : "#1d2433"
      let text = place?.label.map { "\($0) (\(n))" } ?? n
      out += "<g class=\"node\" data-node=\"\(HTML.escape(n))\"><title>\(HTML.escape(text + ", " + kind))</title>"
      out += "<circle cx=\"\(svgNumber(p.x))\" cy=\"\(svgNumber(p.y))\" r=\"5.5\" fill=\"\(fill)\" stroke=\"#1d2433\" stroke-width=\"1.5\"/>"
      out += "<text x=\"\(svgNumber(p.x + 8))\" y=\"\(svgNumber(p.y - 7))\" fill=\"#1d2433\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(HTML.escape(n))</text></g>\n"
    }
    return out + "</g>\n"
  }

  /// Colour scale of utilization, the width rule and the binding mark, bottom left.
  func legend(_ h: Double) -> String {
    let y = h - 74
    var out = "<g class=\"legend\" font-size=\"11\" fill=\"#1d2433\">\n"
    out += "<rect x=\"8\" y=\"\(svgNumber(y))\" width=\"300\" height=\"66\" fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#d5dae3\"/>\n"
    out += "<text x=\"16\" y=\"\(svgNumber(y + 15))\">colour: use of capacity × availability</text>\n"
    for (i, u) in [0.0, 0.25, 0.5, 0.75, 1.0].enumerated() {
      let x = 16 + Double(i) * 36
      out += "<rect x=\"\(svgNumber(x))\" y=\"\(svgNumber(y + 21))\" width=\"36\" height=\"9\" fill=\"\(Self.colour(u))\"/>"
      out += "<text x=\"\(svgNumber(x))\" y=\"\(svgNumber(y + 42))\">\(Int(u * 100)) %</text>\n"
    }
    out += "<text x=\"210\" y=\"\(svgNumber(y + 30))\">width: flow</text>\n"
    out += "<line x1=\"16\" y1=\"\(svgNumber(y + 55))\" x2=\"46\" y2=\"\(svgNumber(y + 55))\" stroke=\"#1d2433\" stroke-width=\"8\"/>"
    out += "<line x1=\"16\" y1=\"\(svgNumber(y + 55))\" x2=\"46\" y2=\"\(svgNumber(y + 55))\" stroke=\"\(Self.colour(1))\" stroke-width=\"4\"/>"
    out += "<text x=\"52\" y=\"\(svgNumber(y + 59))\">binding (at capacity in some slice); arrow: direction</text>\n"
    return out + "</g>\n"
  }
}
