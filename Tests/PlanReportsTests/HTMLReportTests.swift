// The HTML report (issue #12) of hand-built plans: SVG goldens, figures of the map
// derived by hand from the plan, escaping of hostile names, and the embedded outlines.
// Re-record the goldens: RECORD_GOLDENS=1 swift test --filter HTMLReportTests

import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@testable import CorridorPlanning
@testable import LinearProgramming
@testable import PlanReports

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("HTML report of hand-built plans")
struct HTMLReportTests {
  /// The SVG goldens this suite keeps in Goldens/ (ReportGoldenTests.noStrayGoldens counts them).
  static let goldens = ["compounding-losses.map.svg", "compounding-losses.use.svg", "every-section.schematic.svg"]

  /// Teaching model (a)'s nodes, as models/teaching/01-compounding-losses.toml places them.
  static let teachingLayout = MapLayout(places: [
    .init(name: "KZ", kind: "country", latitude: 43.65, longitude: 51.17),
    .init(name: "AZ", kind: "transit", latitude: 40.41, longitude: 49.87),
    .init(name: "RO", kind: "market", latitude: 44.17, longitude: 28.64),
  ])

  static func map(_ plan: Plan, _ layout: MapLayout) -> String {
    SVGMap(doc: ReportDocument(plan: plan), layout: layout).render()
  }

  @Test func svgOfHandBuiltPlansIsItsGolden() throws {
    let doc = ReportDocument(plan: SamplePlans.compoundingLosses)
    assertGolden(Self.map(SamplePlans.compoundingLosses, Self.teachingLayout), Self.goldens[0])
    let html = PlanHTML(doc: doc, layout: Self.teachingLayout, slices: [], sliceFlows: [])
    assertGolden(svgFragments(html.useChart()).first ?? "", Self.goldens[1])
    assertGolden(Self.map(SamplePlans.everySection, MapLayout()), Self.goldens[2])
  }

  /// Each corridor's marks, read back from the SVG, against figures derived from the
  /// plan by hand: caspian 400 MW of 400 (full, binding, 74,400 EUR/MW), black-sea 384 MW
  /// of 1,000 (38.4 %), the widest line 2 + 12 = 14 px, the other 2 + 12 · 384/400 = 13.52.
  @Test func mapMarksFollowFromThePlan() throws {
    let svg = Self.map(SamplePlans.compoundingLosses, Self.teachingLayout)
    let elements = try #require(XMLElementCollector.collect(svg), "\(xmlWellFormednessError(svg) ?? "")")
    func within(_ corridor: String, _ name: String, class cls: String? = nil) -> [XMLElementCollector.Element] {
      elements.filter { e in
        e.name == name && (cls == nil || e.attributes["class"] == cls)
          && e.ancestors.contains { $0["data-corridor"] == corridor }
      }
    }
    #expect(within("caspian", "path", class: "line").first?.attributes["stroke-width"] == "14.0")
    #expect(within("black-sea", "path", class: "line").first?.attributes["stroke-width"] == "13.5")
    #expect(within("caspian", "path", class: "line").first?.attributes["stroke"] == "#d73027", "100 % use is red")
    #expect(within("caspian", "path", class: "halo").count == 1, "caspian binds")
    #expect(within("black-sea", "path", class: "halo").isEmpty, "black-sea does not bind")
    #expect(within("caspian", "text", class: "flow-label").first?.text == "400.0 / 400.0 MW")
    #expect(within("black-sea", "text", class: "flow-label").first?.text == "384.0 / 1,000.0 MW")
    #expect(within("caspian", "text", class: "price-label").first?.text == "shadow price 74,400 EUR/MW")
    #expect(within("black-sea", "text", class: "price-label").first?.text == "shadow price 0.00 EUR/MW")
    // Black-sea at 38.4 % use: 76.8 % of the way from the 0 % green (26, 152, 80) to the
    // 50 % yellow (230, 190, 40) of the documented scale: (182.7, 181.2, 49.3).
    let colour = try #require(within("black-sea", "path", class: "line").first?.attributes["stroke"])
    let rgb = stride(from: 1, to: 7, by: 2).map { Double(Int(colour.dropFirst($0).prefix(2), radix: 16) ?? -1) }
    for (got, want) in zip(rgb, [182.7, 181.2, 49.3]) { #expect(abs(got - want) <= 1, "\(colour)") }

    // Projection: px per degree of longitude over px per degree of latitude is cos φ₀,
    // φ₀ the middle of the nodes' latitudes, (40.41 + 44.17)/2 = 42.29°.
    var at: [String: (Double, Double)] = [:]
    for e in elements where e.name == "circle" {
      guard let node = e.ancestors.first?["data-node"], let x = Double(e.attributes["cx"] ?? ""),
            let y = Double(e.attributes["cy"] ?? "") else { continue }
      at[node] = (x, y)
    }
    let kz = try #require(at["KZ"]), az = try #require(at["AZ"]), ro = try #require(at["RO"])
    let perLon = (kz.0 - ro.0) / (51.17 - 28.64)
    let perLat = (az.1 - kz.1) / (43.65 - 40.41)
    #expect(abs(perLon / perLat - cos(42.29 * .pi / 180)) < 5e-3, "ratio \(perLon / perLat)")
    #expect(kz.1 < az.1 && ro.0 < az.0, "north is up, east is right")

    // The arrow of caspian (KZ → AZ) points at AZ: its tip is the vertex nearest AZ.
    let points = try #require(within("caspian", "polygon", class: "arrow").first?.attributes["points"])
    let vertices = points.split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
    let distances = vertices.map { (($0[0] - az.0) * ($0[0] - az.0) + ($0[1] - az.1) * ($0[1] - az.1)).squareRoot() }
    #expect(distances[0] == distances.min(), "tip \(vertices[0]) is not the vertex nearest AZ")
  }

  /// A model without coordinates gets the circle layout, with every node drawn.
  @Test func noCoordinatesGivesASchematicMap() throws {
    let svg = Self.map(SamplePlans.everySection, MapLayout())
    let elements = try #require(XMLElementCollector.collect(svg))
    #expect(svg.contains("Schematic layout"))
    #expect(!svg.contains("class=\"land\""), "no outlines without coordinates")
    let nodes = Set(elements.filter { $0.name == "g" && $0.attributes["class"] == "node" }.compactMap { $0.attributes["data-node"] })
    #expect(nodes == ["KZ", "RO", "AZ"])
  }

  /// Names with markup, quotes, ampersands and right-to-left letters: the page parses
  /// cleanly, no markup gets through, and the names read back exactly.
  @Test func hostileNamesRenderEscapedAndIntact() throws {
    let corridor = "<script>alert(\"x\")</script> & 'co'"
    let country = "כבל & ماء"
    var plan = SamplePlans.compoundingLosses
    plan.modelName = "Model <b>bold</b> & \"quoted\""
    plan.corridors[0].name = corridor
    plan.corridors[0].byCountry[0].country = country
    plan.corridors[1].byCountry[0].country = country
    plan.countries[0].name = country
    plan.countries[0].byCorridor[0].corridor = corridor
    let html = try PlanReport(plan: plan, layout: Self.teachingLayout).render(.html)
    #expect(!html.contains("<script"), "markup must not get through")
    #expect(!html.contains("<b>bold"))
    for svg in svgFragments(html) {
      #expect(xmlWellFormednessError(svg) == nil, "\(xmlWellFormednessError(svg) ?? "")")
    }
    let map = try #require(svgFragments(html).first)
    let elements = try #require(XMLElementCollector.collect(map))
    let labels = elements.filter { $0.name == "text" && $0.attributes["font-weight"] == "600" }.map(\.text)
    #expect(labels.contains(corridor + " — binding"), "\(labels)")
    #expect(elements.contains { $0.attributes["data-corridor"] == corridor })
    #expect(html.contains("<bdi>" + HTML.escape(country) + "</bdi>"), "country names are isolated for bidi text")
    if let python = html5libPython {
      let errors = try html5ParseErrors(html, python: python)
      #expect(errors == nil, "\(errors ?? "")")
    } else if runningUnderCI {
      Issue.record(Comment(rawValue: missingToolMessage("python3-html5lib")))
    }
  }

  /// Every hand-built plan's page is valid HTML5 and its SVG well-formed XML.
  @Test(arguments: 0..<3)
  func pagesParse(plan p: Int) throws {
    let plan = ReportGoldenTests.plans[p].1
    let html = try PlanReport(plan: plan, layout: Self.teachingLayout).render(.html)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    let fragments = svgFragments(html)
    #expect(!fragments.isEmpty)
    for svg in fragments { #expect(xmlWellFormednessError(svg) == nil, "\(xmlWellFormednessError(svg) ?? "")") }
    if let python = html5libPython {
      let errors = try html5ParseErrors(html, python: python)
      #expect(errors == nil, "\(errors ?? "")")
    } else if runningUnderCI {
      Issue.record(Comment(rawValue: missingToolMessage("python3-html5lib")))
    }
  }

  /// The outlines compiled into PlanReports are the committed GeoJSON, and decode.
  @Test func embeddedOutlinesAreTheCommittedGeoJSON() throws {
    let file = try String(contentsOfFile: packageRoot + "/data/natural-earth/caspian-region.geojson", encoding: .utf8)
    #expect(RegionOutlines.geoJSON + "\n" == file, "run data/natural-earth/extract.py to regenerate both")
    let outlines = try #require(RegionOutlines.shipped)
    let names = Set(outlines.countries.map(\.name))
    for n in ["Kazakhstan", "Azerbaijan", "Georgia", "Turkey", "Romania", "Uzbekistan", "Turkmenistan", "Iran", "Russia"] {
      #expect(names.contains(n), "\(n) missing")
    }
    // Every shipped model's nodes lie inside the data's box.
    #expect(outlines.bounds.west <= 19.04 && outlines.bounds.east >= 82.57)
    #expect(outlines.bounds.south <= 36.87 && outlines.bounds.north >= 59.68)
  }

  /// Duration curve: values 30 (1 h), 20 (2 h), 10 (1 h) sorted high to low over 4 h: the
  /// curve is 30 up to 25 % of the hours, 20 up to 75 %, then 10.
  @Test func durationCurveSortsByHours() throws {
    let svg = SVGChart.durationCurves(series: [(name: "c", values: [10, 30, 20])], hours: [1, 1, 2], unit: "MW", samples: 4)
    let elements = try #require(XMLElementCollector.collect(svg))
    let d = try #require(elements.first { $0.attributes["class"] == "series" }?.attributes["d"])
    let ys = d.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { Double($0.split(separator: " ")[1]) }
    // Samples at 0, 25, 50, 75, 100 % of hours; y grows downwards, so higher flow = smaller y.
    #expect(ys.count == 5)
    #expect(ys[0] == ys[1] && ys[1] < ys[2] && ys[2] == ys[3] && ys[3] < ys[4], "\(ys)")
  }

  /// A value curve through (0, 0), (100, 1000), (200, 1000): three vertices, rising then
  /// flat, and one dot per solved point.
  @Test func valueCurveFollowsItsPieces() throws {
    let svg = SVGChart.curve(points: [(0, 0), (100, 1000), (200, 1000)], marks: [(0, 0), (200, 1000)], xUnit: "MW", yUnit: "EUR")
    let elements = try #require(XMLElementCollector.collect(svg))
    let d = try #require(elements.first { $0.attributes["class"] == "series" }?.attributes["d"])
    let xy = d.split(whereSeparator: { $0 == "M" || $0 == "L" }).map { $0.split(separator: " ").compactMap { Double($0) } }
    #expect(xy.count == 3)
    #expect(xy[0][1] > xy[1][1] && xy[1][1] == xy[2][1], "rises, then flat: \(xy)")
    #expect(abs((xy[1][0] - xy[0][0]) - (xy[2][0] - xy[1][0])) < 0.11, "equal capacity steps are equal widths")
    #expect(elements.filter { $0.attributes["class"] == "point" }.count == 2)
  }
}
