import CorridorModel

/// The HTML report of a plan (`corridor solve --format html`): the summary, the corridor
/// map with its legend table, the charts, then every table of the table report with the
/// same headers, units and numbers (each figure cell also carries its exact value, as in
/// the JSON). One self-contained file: inline CSS and SVG, no script, nothing fetched.
struct PlanHTML {
  let doc: ReportDocument
  let layout: MapLayout
  /// The model's time slices (names and hours) and each corridor's flow per slice, in the
  /// order of `doc.corridors`; empty without a feasible point.
  let slices: [TimeSlice]
  let sliceFlows: [[Double]]

  /// Up to this many slices, flow over the slices is drawn slice by slice; above it (the
  /// hourly model) as duration curves.
  static let stepChartLimit = 60

  func render() -> String {
    let text = PlanText(doc: doc, markdown: false)
    let (title, rows) = text.summaryParts()
    var body = TextTable.htmlSummary(title, rows)
    if !doc.corridors.isEmpty {
      let map = SVGMap(doc: doc, layout: layout)
      let caption = map.modeDescription
      body += HTML.section("Corridor map", id: "map",
                           HTML.figure(map.render(), caption: caption) + text.corridors().html() + text.corridorsByCountry().html())
      body += HTML.section("Corridor use by country", id: "use", useChart())
      if let flows = flowChart() { body += HTML.section("Flow over the time slices", id: "slices", flows) }
    }
    if !doc.countries.isEmpty {
      body += HTML.section("Value per country", id: "countries", valueChart() + text.countries().html() + text.supply().html())
    }
    var more = ""
    if !doc.markets.isEmpty { more += text.markets().html() + text.deliveries().html() }
    if !doc.storages.isEmpty { more += text.storages().html() }
    if !doc.rules.isEmpty { more += text.rules().html() }
    if !doc.constraints.isEmpty { more += text.constraints().html() }
    if let inv = doc.investment { more += InvestmentText(doc: inv, currency: doc.currency).tables().map { $0.html() }.joined() }
    if !more.isEmpty { body += HTML.section("Markets, storage, rules and constraints", id: "tables", more) }
    if let why = doc.infeasibility { body += ExplainHTML.section(why) }
    if !doc.warnings.isEmpty {
      body += HTML.section("Warnings", id: "warnings",
                           "<ul class=\"warnings\">\n" + doc.warnings.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n")
    }
    return HTML.page(title: title, body: body)
  }

  /// Each corridor's flow split by country of origin, as a share of its capacity.
  func useChart() -> String {
    let countries = doc.corridors.flatMap { $0.byCountry.map(\.country) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    let rows = doc.corridors.map { c in
      (label: "\(c.name) (\(SVGMap.flowText(c)))", whole: c.capacity.value,
       parts: countries.map { n in c.byCountry.first { $0.country == n }?.flow.value ?? 0 })
    }
    return HTML.figure(SVGChart.stacked(rows: rows, series: countries),
                       caption: "Average flow of each corridor by country of origin, as a share of its usable capacity (capacity × availability); the label gives flow / capacity as in the table.")
  }

  /// Net value per country with its parts, in the model's currency over the horizon.
  func valueChart() -> String {
    let series = ["revenue", "tariffs", "supply cost", "net value"]
    let values: [[Double?]] = doc.countries.map { [$0.revenue.value, $0.tariffs.value, $0.supplyCost.value, $0.netValue.value] }
    return HTML.figure(SVGChart.bars(rows: doc.countries.map(\.name), series: series, values: values,
                                     unit: "\(doc.currency) over \(Number.grouped(doc.horizonHours, digits: 0)) h"),
                       caption: "Revenue, tariffs, supply cost and net value of each country (money over the horizon), as in the Countries table.")
  }

  /// Flow per corridor over the slices (one chart per commodity unit): steps for a few
  /// slices, duration curves for many. Nil for a single slice or without flows.
  func flowChart() -> String? {
    guard slices.count > 1, sliceFlows.count == doc.corridors.count, sliceFlows.allSatisfy({ $0.count == slices.count }) else { return nil }
    var units: [String] = []
    for c in doc.corridors where !units.contains(c.flow.unit) { units.append(c.flow.unit) }
    var out = ""
    for unit in units {
      let series = doc.corridors.indices.filter { doc.corridors[$0].flow.unit == unit && doc.corridors[$0].enabled }
        .map { (name: doc.corridors[$0].name, values: sliceFlows[$0]) }
      guard !series.isEmpty else { continue }
      if slices.count <= Self.stepChartLimit {
        out += HTML.figure(SVGChart.steps(xLabels: slices.map(\.name), series: series, unit: unit),
                           caption: "Flow entering each corridor in each time slice, in \(unit).")
      } else {
        out += HTML.figure(SVGChart.durationCurves(series: series, hours: slices.map(\.hours), unit: unit),
                           caption: "Duration curves: for each corridor, the share of the \(Number.grouped(doc.horizonHours, digits: 0)) hours in which its flow is at least the value on the left, in \(unit) (\(Number.counted(slices.count, "slice")) sorted from high to low).")
      }
    }
    return out.isEmpty ? nil : out
  }
}

extension SVGMap {
  /// The map's caption: how nodes are placed and what the marks mean.
  var modeDescription: String {
    switch mode {
    case .geographic:
      return "Corridors at their nodes' coordinates (equirectangular projection scaled by the cosine of the middle latitude; outlines: Natural Earth 1:110m, public domain). Width: average flow; colour: use of capacity × availability; arrow: direction of flow; dark halo: binding. Hover a corridor for its split by country (also in the table below)."
    case .schematic:
      return "Schematic layout (not every node has lat/lon): nodes on a circle in model order. Width: average flow; colour: use of capacity × availability; arrow: direction of flow; dark halo: binding."
    }
  }
}
