import Foundation

/// The charts of the HTML reports, drawn as inline SVG by the project (no script, no
/// charting library). Each chart states its unit in its axis title; values come from the
/// report document, so they are the figures of the tables below them.
enum SVGChart {
  /// Series colours (colour-blind-safe order, Okabe–Ito based).
  static let palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000",
                        "#999999", "#882255"]

  static func colour(_ i: Int) -> String { palette[i % palette.count] }

  /// A "nice" step for an axis spanning `span` with about `ticks` ticks (1, 2 or 5 × 10ⁿ).
  static func niceStep(_ span: Double, ticks: Int = 5) -> Double {
    guard span > 0, span.isFinite else { return 1 }
    let raw = span / Double(ticks)
    let p = pow(10, floor(log10(raw)))
    let m = raw / p
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p
  }

  /// Axis ticks covering `lo…hi` (0 always included).
  static func ticks(_ lo: Double, _ hi: Double) -> [Double] {
    let lo = min(0, lo), hi = max(0, hi)
    let step = niceStep(hi - lo)
    var out: [Double] = []
    var t = (lo / step).rounded(.down) * step
    while t <= hi + step * 1e-9 && out.count < 30 { out.append(t); t += step }
    if (out.last ?? 0) < hi - step * 1e-9 { out.append(t) }
    return out
  }

  /// Tick label: grouped, without decimals from 10 up.
  static func tickText(_ v: Double) -> String { Number.grouped(v, digits: abs(v) >= 10 || v == v.rounded() ? 0 : 2) }

  static func open(_ width: Double, _ height: Double, _ label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\" role=\"img\" aria-label=\"\(HTML.escape(label))\" font-size=\"11\">\n"
  }

  /// Horizontal grid lines at `ticks` (y position `at(t)`) from x `left` to `right`, each
  /// with its value to the left; `darkZero` draws the line at 0 darker (an axis).
  static func yGrid(_ ticks: [Double], at y: (Double) -> Double, from left: Double, to right: Double,
                    darkZero: Bool = false) -> String {
    ticks.map { t in
      "<line x1=\"\(svgNumber(left))\" y1=\"\(svgNumber(y(t)))\" x2=\"\(svgNumber(right))\" y2=\"\(svgNumber(y(t)))\" stroke=\"\(darkZero && t == 0 ? "#5b6476" : "#e3e6ec")\"/>"
        + "<text x=\"\(svgNumber(left - 6))\" y=\"\(svgNumber(y(t) + 4))\" text-anchor=\"end\" fill=\"#5b6476\">\(tickText(t))</text>\n"
    }.joined()
  }

  /// The y axis's unit, written upwards along the left edge, centred on `middle`.
  static func yLabel(_ unit: String, middle: Double) -> String {
    "<text x=\"14\" y=\"\(svgNumber(middle))\" transform=\"rotate(-90 14 \(svgNumber(middle)))\" text-anchor=\"middle\">\(HTML.escape(unit))</text>\n"
  }

  static func legend(_ names: [String], x: Double, y: Double) -> String {
    var out = "<g class=\"chart-legend\">"
    var cx = x
    for (i, n) in names.enumerated() {
      out += "<rect x=\"\(svgNumber(cx))\" y=\"\(svgNumber(y - 9))\" width=\"10\" height=\"10\" fill=\"\(colour(i))\"/>"
      out += "<text x=\"\(svgNumber(cx + 14))\" y=\"\(svgNumber(y))\">\(HTML.escape(n))</text>"
      cx += 24 + Double(n.count) * 6.5
    }
    return out + "</g>\n"
  }

  /// Horizontal bars, one group per row label, one bar per series (e.g. before and after),
  /// signed values around a zero line. `unit` titles the value axis.
  static func bars(rows: [String], series: [String], values: [[Double?]], unit: String, width: Double = 900) -> String {
    let barH = 14.0, gap = 10.0
    let groupH = Double(max(1, series.count)) * barH + gap
    let labelW = min(260, 40 + Double(rows.map(\.count).max() ?? 0) * 6.5)
    let top = series.count > 1 ? 30.0 : 12.0
    let height = top + Double(rows.count) * groupH + 40
    let all = values.flatMap { $0.compactMap { $0 } }
    let ticks = Self.ticks(all.min() ?? 0, all.max() ?? 1)
    let lo = ticks.first ?? 0, hi = max(ticks.last ?? 1, lo + 1e-9)
    let plotX = labelW, plotW = width - labelW - 70
    func x(_ v: Double) -> Double { plotX + (v - lo) / (hi - lo) * plotW }
    var out = open(width, height, "bar chart in \(unit)")
    if series.count > 1 { out += legend(series, x: plotX, y: 16) }
    let bottom = top + Double(rows.count) * groupH
    for t in ticks {
      out += "<line x1=\"\(svgNumber(x(t)))\" y1=\"\(svgNumber(top))\" x2=\"\(svgNumber(x(t)))\" y2=\"\(svgNumber(bottom))\" stroke=\"\(t == 0 ? "#5b6476" : "#e3e6ec")\"/>"
      out += "<text x=\"\(svgNumber(x(t)))\" y=\"\(svgNumber(bottom + 14))\" text-anchor=\"middle\" fill=\"#5b6476\">\(tickText(t))</text>\n"
    }
    out += "<text x=\"\(svgNumber(plotX + plotW / 2))\" y=\"\(svgNumber(bottom + 32))\" text-anchor=\"middle\" fill=\"#1d2433\">\(HTML.escape(unit))</text>\n"
    for (r, name) in rows.enumerated() {
      let y0 = top + Double(r) * groupH
      out += "<text x=\"\(svgNumber(plotX - 6))\" y=\"\(svgNumber(y0 + groupH / 2))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTML.escape(name))</text>\n"
      for (s, _) in series.enumerated() {
        guard r < values.count, s < values[r].count, let v = values[r][s] else { continue }
        let a = x(min(0, v)), b = x(max(0, v))
        let y = y0 + Double(s) * barH
        out += "<rect class=\"bar\" x=\"\(svgNumber(a))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(max(0.5, b - a)))\" height=\"\(svgNumber(barH - 2))\" fill=\"\(colour(s))\" data-value=\"\(Number.exact(v))\"><title>\(HTML.escape(name + (series.count > 1 ? ", " + series[s] : "") + ": " + Number.grouped(v, digits: abs(v) >= 100 ? 0 : 2) + " " + unit))</title></rect>"
        out += "<text x=\"\(svgNumber(b + 4))\" y=\"\(svgNumber(y + barH - 4))\" fill=\"#5b6476\">\(Number.grouped(v, digits: abs(v) >= 100 ? 0 : 2))</text>\n"
      }
    }
    return out + "</svg>\n"
  }

  /// One bar per row, split into coloured segments (e.g. a corridor's flow by country),
  /// each as a percentage of the row's `whole` (its capacity), so rows in different units
  /// share one axis. The row label says the absolute figures.
  static func stacked(rows: [(label: String, whole: Double?, parts: [Double])], series: [String], width: Double = 900) -> String {
    let barH = 18.0, gap = 8.0
    let labelW = min(360, 40 + Double(rows.map(\.label.count).max() ?? 0) * 6.2)
    let top = 30.0
    let height = top + Double(rows.count) * (barH + gap) + 40
    let plotX = labelW, plotW = width - labelW - 30
    let maxPct = max(100, rows.map { r in r.whole.map { $0 > 0 ? r.parts.reduce(0, +) / $0 * 100 : 0 } ?? 0 }.max() ?? 100)
    func x(_ pct: Double) -> Double { plotX + pct / maxPct * plotW }
    var out = open(width, height, "stacked bars, percent of capacity")
    out += legend(series, x: plotX, y: 16)
    let bottom = top + Double(rows.count) * (barH + gap)
    for t in stride(from: 0.0, through: maxPct + 1e-9, by: maxPct > 100 ? 50 : 25) {
      out += "<line x1=\"\(svgNumber(x(t)))\" y1=\"\(svgNumber(top))\" x2=\"\(svgNumber(x(t)))\" y2=\"\(svgNumber(bottom))\" stroke=\"#e3e6ec\"/>"
      out += "<text x=\"\(svgNumber(x(t)))\" y=\"\(svgNumber(bottom + 14))\" text-anchor=\"middle\" fill=\"#5b6476\">\(Int(t)) %</text>\n"
    }
    out += "<text x=\"\(svgNumber(plotX + plotW / 2))\" y=\"\(svgNumber(bottom + 32))\" text-anchor=\"middle\">% of capacity × availability</text>\n"
    for (r, row) in rows.enumerated() {
      let y = top + Double(r) * (barH + gap)
      out += "<text x=\"\(svgNumber(plotX - 6))\" y=\"\(svgNumber(y + barH / 2))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTML.escape(row.label))</text>\n"
      out += "<rect x=\"\(svgNumber(x(0)))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(x(100) - x(0)))\" height=\"\(svgNumber(barH))\" fill=\"none\" stroke=\"#9aa0a6\" stroke-dasharray=\"3 2\"/>"
      guard let whole = row.whole, whole > 0 else { out += "\n"; continue }
      var acc = 0.0
      for (s, v) in row.parts.enumerated() where v > 0 {
        let a = x(acc / whole * 100), b = x((acc + v) / whole * 100)
        out += "<rect class=\"segment\" x=\"\(svgNumber(a))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(max(0.5, b - a)))\" height=\"\(svgNumber(barH))\" fill=\"\(colour(s))\" data-value=\"\(Number.exact(v))\"><title>\(HTML.escape((s < series.count ? series[s] : "") + ": " + Number.grouped(v / whole * 100, digits: 1) + " %"))</title></rect>"
        acc += v
      }
      out += "\n"
    }
    return out + "</svg>\n"
  }

  /// Lines over an x axis of `xLabels` (time slices), one per series, in `unit`. Up to
  /// about 60 points each, drawn as steps (a slice's flow is constant within it).
  static func steps(xLabels: [String], series: [(name: String, values: [Double])], unit: String, width: Double = 900) -> String {
    let height = 300.0, left = 70.0, right = 20.0, top = 30.0, bottom = 60.0
    let n = max(1, xLabels.count)
    let all = series.flatMap(\.values)
    let ticks = Self.ticks(0, all.max() ?? 1)
    let hi = max(ticks.last ?? 1, 1e-9)
    let plotW = width - left - right, plotH = height - top - bottom
    func x(_ i: Double) -> Double { left + i / Double(n) * plotW }
    func y(_ v: Double) -> Double { top + plotH - v / hi * plotH }
    var out = open(width, height, "flow per slice in \(unit)")
    out += legend(series.map(\.name), x: left, y: 16)
    out += yGrid(ticks, at: y, from: left, to: width - right)
    let every = max(1, Int((Double(n) / 12).rounded(.up)))
    for (i, name) in xLabels.enumerated() where i % every == 0 {
      out += "<text x=\"\(svgNumber(x(Double(i) + 0.5)))\" y=\"\(svgNumber(top + plotH + 14))\" text-anchor=\"middle\" fill=\"#5b6476\">\(HTML.escape(name))</text>\n"
    }
    out += yLabel(unit, middle: top + plotH / 2)
    for (s, line) in series.enumerated() {
      var d = ""
      for (i, v) in line.values.enumerated() {
        d += (i == 0 ? "M" : "L") + svgNumber(x(Double(i))) + " " + svgNumber(y(v)) + "L" + svgNumber(x(Double(i + 1))) + " " + svgNumber(y(v))
      }
      out += "<path class=\"series\" d=\"\(d)\" fill=\"none\" stroke=\"\(colour(s))\" stroke-width=\"2\"><title>\(HTML.escape(line.name))</title></path>\n"
    }
    return out + "</svg>\n"
  }

  /// Duration curves: each series' values sorted from high to low against the share of
  /// hours (weights: the slices' hours), sampled at `samples` points so 8,760 hours draw
  /// as a light path.
  static func durationCurves(series: [(name: String, values: [Double])], hours: [Double], unit: String,
                             width: Double = 900, samples: Int = 200) -> String {
    let height = 300.0, left = 70.0, right = 20.0, top = 30.0, bottom = 50.0
    let all = series.flatMap(\.values)
    let ticks = Self.ticks(0, all.max() ?? 1)
    let hi = max(ticks.last ?? 1, 1e-9)
    let plotW = width - left - right, plotH = height - top - bottom
    func x(_ f: Double) -> Double { left + f * plotW }
    func y(_ v: Double) -> Double { top + plotH - v / hi * plotH }
    var out = open(width, height, "duration curves in \(unit)")
    out += legend(series.map(\.name), x: left, y: 16)
    out += yGrid(ticks, at: y, from: left, to: width - right)
    for p in stride(from: 0, through: 100, by: 20) {
      out += "<text x=\"\(svgNumber(x(Double(p) / 100)))\" y=\"\(svgNumber(top + plotH + 14))\" text-anchor=\"middle\" fill=\"#5b6476\">\(p) %</text>\n"
    }
    out += "<text x=\"\(svgNumber(left + plotW / 2))\" y=\"\(svgNumber(height - 8))\" text-anchor=\"middle\">share of hours with at least this flow</text>\n"
    out += yLabel(unit, middle: top + plotH / 2)
    let total = max(1e-12, hours.reduce(0, +))
    for (s, line) in series.enumerated() {
      let sorted = zip(line.values, hours).sorted { $0.0 > $1.0 }
      var cumulative: [(f: Double, v: Double)] = []
      var acc = 0.0
      for (v, h) in sorted { cumulative.append((acc / total, v)); acc += h; cumulative.append((acc / total, v)) }
      // Sample the step function at evenly spaced shares of hours.
      var d = "", k = 0
      for i in 0...samples {
        let f = Double(i) / Double(samples)
        while k + 1 < cumulative.count && cumulative[k + 1].f < f { k += 1 }
        let v = cumulative.isEmpty ? 0 : cumulative[min(k, cumulative.count - 1)].v
        d += (i == 0 ? "M" : "L") + svgNumber(x(f)) + " " + svgNumber(y(v))
      }
      out += "<path class=\"series\" d=\"\(d)\" fill=\"none\" stroke=\"\(colour(s))\" stroke-width=\"2\"><title>\(HTML.escape(line.name))</title></path>\n"
    }
    return out + "</svg>\n"
  }

  /// A piecewise-linear curve through `points` (x ascending), with the solved points
  /// `marks` as dots: a corridor's value against its capacity.
  static func curve(points: [(x: Double, y: Double)], marks: [(x: Double, y: Double)], xUnit: String, yUnit: String,
                    width: Double = 900) -> String {
    let height = 300.0, left = 125.0, right = 20.0, top = 20.0, bottom = 50.0
    let all = points + marks
    let xTicks = ticks(all.map(\.x).min() ?? 0, all.map(\.x).max() ?? 1)
    let yTicks = ticks(all.map(\.y).min() ?? 0, all.map(\.y).max() ?? 1)
    let x0 = xTicks.first ?? 0, x1 = max(xTicks.last ?? 1, x0 + 1e-9)
    let y0 = yTicks.first ?? 0, y1 = max(yTicks.last ?? 1, y0 + 1e-9)
    let plotW = width - left - right, plotH = height - top - bottom
    func x(_ v: Double) -> Double { left + (v - x0) / (x1 - x0) * plotW }
    func y(_ v: Double) -> Double { top + plotH - (v - y0) / (y1 - y0) * plotH }
    var out = open(width, height, "value curve in \(yUnit) against capacity in \(xUnit)")
    out += yGrid(yTicks, at: y, from: left, to: width - right, darkZero: true)
    for t in xTicks {
      out += "<text x=\"\(svgNumber(x(t)))\" y=\"\(svgNumber(top + plotH + 14))\" text-anchor=\"middle\" fill=\"#5b6476\">\(tickText(t))</text>\n"
    }
    out += "<text x=\"\(svgNumber(left + plotW / 2))\" y=\"\(svgNumber(height - 8))\" text-anchor=\"middle\">capacity (\(HTML.escape(xUnit)))</text>\n"
    out += yLabel(yUnit, middle: top + plotH / 2)
    let d = points.enumerated().map { i, p in (i == 0 ? "M" : "L") + svgNumber(x(p.x)) + " " + svgNumber(y(p.y)) }.joined()
    if !d.isEmpty { out += "<path class=\"series\" d=\"\(d)\" fill=\"none\" stroke=\"\(colour(0))\" stroke-width=\"2\"/>\n" }
    for m in marks {
      out += "<circle class=\"point\" cx=\"\(svgNumber(x(m.x)))\" cy=\"\(svgNumber(y(m.y)))\" r=\"3.5\" fill=\"\(colour(1))\"><title>\(Number.grouped(m.x, digits: 3)) \(HTML.escape(xUnit)): \(Number.grouped(m.y, digits: 0)) \(HTML.escape(yUnit))</title></circle>\n"
    }
    return out + "</svg>\n"
  }
}
