// `corridor … --format html` end to end (issue #12): every shipped model's page is valid
// HTML5 with well-formed SVG, its numbers are the JSON report's, the output file is whole
// or absent, and the default model's page renders in headless Chromium with every
// corridor and its flow label, no console error and a screenshot that is not blank.
//
// The default model's page and screenshot are kept as test artifacts in
// .build/html-report/ (the test prints the path).

import CorridorTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Where the browser test keeps the default model's page and screenshot.
let htmlArtifactFolder = packageRoot + "/.build/html-report"

/// Records the absence of a tool: a failure under CI (.ci/run installs it), else a note.
func requireTool(_ present: Bool, _ what: String) -> Bool {
  if present { return true }
  if runningUnderCI { Issue.record(Comment(rawValue: missingToolMessage(what))) } else { print("skipped: " + missingToolMessage(what)) }
  return false
}

/// The corridor flows and country net values of a JSON plan report.
func jsonFigures(_ json: String) throws -> (flows: [String: Double], net: [String: Double]) {
  let object = try #require(jsonObject(json))
  var flows: [String: Double] = [:], net: [String: Double] = [:]
  for c in object["corridors"] as? [[String: Any]] ?? [] {
    if let n = c["name"] as? String, let v = number((c["flow"] as? [String: Any])?["value"]) { flows[n] = v }
  }
  for c in object["countries"] as? [[String: Any]] ?? [] {
    if let n = c["name"] as? String, let v = number((c["net_value"] as? [String: Any])?["value"]) { net[n] = v }
  }
  return (flows, net)
}

/// `1234.56` → `1,234.6`: the table report's style, written here independently of it
/// (printf rounding, then a comma every three digits).
func groupedOneDecimal(_ v: Double) -> String {
  let text = String(format: "%.1f", v)
  let negative = text.hasPrefix("-")
  let parts = text.drop { $0 == "-" }.split(separator: ".")
  var digits = Array(parts[0]), grouped = ""
  while digits.count > 3 { grouped = "," + String(digits.suffix(3)) + grouped; digits.removeLast(3) }
  return (negative ? "-" : "") + String(digits) + grouped + "." + parts[1]
}

@Suite("corridor --format html", .serialized, .enabled(if: corridorBinary != nil, "the corridor binary was not found"))
struct HTMLReportCLITests {
  /// Every shipped model, the investment models included (the hourly one under
  /// CORRIDOR_HEAVY_TESTS=1): a page that parses with no HTML5 error, with well-formed SVG,
  /// a map and a corridor group per corridor.
  @Test(arguments: shippedModels + investmentModels + (heavyTestsEnabled ? Array(heavyModels) : []))
  func shippedModelsPageIsValid(model: String) throws {
    let r = try corridor(["solve", model, "--format", "html"], timeout: 600)
    #expect([0, 10].contains(r.status), "\(r)")  // 10: the infeasible teaching model
    let html = r.stdout
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("<script"), "no script, nothing fetched")
    for fetch in [" src=", "<link", "@import"] { #expect(!html.contains(fetch), "\(model): '\(fetch)': nothing is fetched") }
    #expect(html.components(separatedBy: "url(").count == html.components(separatedBy: "url(#").count, "only in-page url(#…) references")
    let fragments = svgFragments(html)
    #expect(!fragments.isEmpty)
    for svg in fragments { #expect(xmlWellFormednessError(svg) == nil, "\(model): \(xmlWellFormednessError(svg) ?? "")") }
    if requireTool(html5libPython != nil, "python3-html5lib"), let python = html5libPython {
      let errors = try html5ParseErrors(html, python: python)
      #expect(errors == nil, "\(model): \(errors ?? "")")
    }
    if model == heavyModels.first {
      #expect(html.utf8.count < 2_000_000, "the hourly report is \(html.utf8.count) bytes; the issue asks under 2 MB")
    }
  }

  /// The figures on the page are those of the JSON report of the same model: each
  /// corridor's flow on the map and each country's net value in its table, to 1e-9.
  @Test func numbersEqualTheJSONReport() throws {
    let json = try corridor(["solve", defaultModel, "--format", "json"])
    let html = try corridor(["solve", defaultModel, "--format", "html"])
    #expect(json.status == 0 && html.status == 0, "\(json)\n\(html)")
    let expected = try jsonFigures(json.stdout)
    #expect(expected.flows.count == 8 && expected.net.count == 3, "\(expected)")

    let map = try #require(svgFragments(html.stdout).first)
    let elements = try #require(XMLElementCollector.collect(map))
    var mapped: [String: Double] = [:]
    for e in elements where e.name == "g" && e.attributes["class"] == "corridor" {
      if let n = e.attributes["data-corridor"], let v = Double(e.attributes["data-flow"] ?? "") { mapped[n] = v }
    }
    #expect(Set(mapped.keys) == Set(expected.flows.keys))
    for (n, v) in expected.flows {
      let got = try #require(mapped[n])
      #expect(abs(got - v) <= 1e-9 * max(1, abs(v)), "\(n): map \(got), JSON \(v)")
    }
    // Countries table: the row's last figure is the net value.
    let countries = try #require(html.stdout.components(separatedBy: "<caption>Countries (").dropFirst().first?
      .components(separatedBy: "</table>").first)
    for (n, v) in expected.net {
      let row = try #require(countries.components(separatedBy: "<tr><td><bdi>\(n)</bdi></td>").dropFirst().first?
        .components(separatedBy: "</tr>").first, "no row for \(n)")
      let values = row.components(separatedBy: "data-value=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
      let got = try #require(values.last)
      #expect(abs(got - v) <= 1e-9 * max(1, abs(v)), "\(n): page \(got), JSON \(v)")
    }
  }

  /// `--output` gets the whole page or nothing: the same bytes as stdout, and no file
  /// when the folder does not exist.
  @Test func outputFileIsWholeOrAbsent() throws {
    let folder = try scratchFolder("html-output")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/report.html"
    let toFile = try corridor(["solve", "models/teaching/01-compounding-losses.toml", "--format", "html", "--output", path])
    let toStdout = try corridor(["solve", "models/teaching/01-compounding-losses.toml", "--format", "html"])
    #expect(toFile.status == 0 && toFile.stdout.isEmpty, "\(toFile)")
    #expect((try? String(contentsOfFile: path, encoding: .utf8)) == toStdout.stdout)
    let missing = folder + "/no-such-folder/report.html"
    let failed = try corridor(["solve", "models/teaching/01-compounding-losses.toml", "--format", "html", "--output", missing])
    #expect(failed.status != 0 && !failed.stderr.isEmpty, "\(failed)")
    #expect(!fileExists(missing))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.html"], "no temporary file left")
  }

  /// The analyses write pages too, each valid.
  @Test(arguments: [
    ["diff", defaultModel, "--scenario", "models/scenarios/black-sea-absent.toml"],
    ["contingency", "models/teaching/01-compounding-losses.toml"],
    ["value", "models/teaching/01-compounding-losses.toml"],
    ["explain", "models/infeasible/caspian-spring-outage.toml"],
    ["solve", "models/infeasible/caspian-spring-outage.toml"],
  ])
  func analysesWritePages(arguments: [String]) throws {
    let r = try corridor(arguments + ["--format", "html"], timeout: 300)
    #expect([0, 10].contains(r.status), "\(r)")
    #expect(r.stdout.hasPrefix("<!DOCTYPE html>"), "\(r)")
    if arguments[0] == "solve" {
      #expect(r.stdout.contains("Why it is infeasible") && r.stdout.contains("The entries that cannot hold together"),
              "an infeasible plan's page explains why")
    }
    for svg in svgFragments(r.stdout) { #expect(xmlWellFormednessError(svg) == nil, "\(xmlWellFormednessError(svg) ?? "")") }
    if requireTool(html5libPython != nil, "python3-html5lib"), let python = html5libPython {
      let errors = try html5ParseErrors(r.stdout, python: python)
      #expect(errors == nil, "\(arguments[0]): \(errors ?? "")")
    }
  }

  /// The default model's page in headless Chromium: no console message, every corridor on
  /// the map with its flow label (text derived from the JSON report's flow and capacity),
  /// and a screenshot with real content. The page and the PNG stay in .build/html-report/.
  @Test func defaultModelRendersInChromium() throws {
    guard requireTool(chromiumPath != nil, "chromium"), let chromium = chromiumPath else { return }
    try FileManager.default.createDirectory(atPath: htmlArtifactFolder, withIntermediateDirectories: true)
    let page = htmlArtifactFolder + "/electricity-2030.html", png = htmlArtifactFolder + "/electricity-2030.png"
    try? FileManager.default.removeItem(atPath: png)
    let r = try corridor(["solve", defaultModel, "--format", "html", "--output", page])
    #expect(r.status == 0, "\(r)")
    let json = try corridor(["solve", defaultModel, "--format", "json"])
    let object = try #require(jsonObject(json.stdout))
    let corridors = object["corridors"] as? [[String: Any]] ?? []
    #expect(corridors.count == 8)

    let flags = ["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--no-first-run",
                 "--user-data-dir=" + htmlArtifactFolder + "/chromium-profile", "--enable-logging=stderr", "--v=0"]
    // The console check must be able to fail: a page that logs an error shows up.
    let canary = htmlArtifactFolder + "/console-canary.html"
    try "<!DOCTYPE html><title>c</title><script>console.error('canary-error')</script>".write(toFile: canary, atomically: true, encoding: .utf8)
    let c = try run(chromium, flags + ["--dump-dom", "file://" + canary], timeout: 120)
    #expect(c.stderr.contains("CONSOLE") && c.stderr.contains("canary-error"), "the console check sees nothing: \(c)")

    let dom = try run(chromium, flags + ["--dump-dom", "file://" + page], timeout: 120)
    #expect(dom.status == 0, "\(dom)")
    let consoleLines = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
    #expect(consoleLines.isEmpty, "console messages: \(consoleLines)")
    // The DOM as the browser built it: each corridor's label group holds its flow label.
    for c in corridors {
      let name = try #require(c["name"] as? String)
      let flow = try #require(number((c["flow"] as? [String: Any])?["value"]))
      let cap = try #require(number((c["nominal_capacity"] as? [String: Any])?["value"]))
      let label = "\(groupedOneDecimal(flow)) / \(groupedOneDecimal(cap)) MW"
      let group = dom.stdout.components(separatedBy: "class=\"corridor-label\" data-corridor=\"\(name)\"").dropFirst().first?
        .components(separatedBy: "</g>").first ?? ""
      #expect(group.contains("class=\"flow-label\"") && group.contains(">\(label)</text>"),
              "corridor \(name): no flow label '\(label)' on the map")
      #expect(dom.stdout.contains("class=\"corridor\" id=\"corridor-") && dom.stdout.contains("data-corridor=\"\(name)\" data-flow="))
    }

    let shot = try run(chromium, flags + ["--screenshot=" + png, "--window-size=1100,900", "file://" + page], timeout: 120)
    #expect(shot.status == 0 && fileExists(png), "\(shot)")
    print("HTML report artifacts: \(page) and \(png)")
    guard let python = findExecutable(["python3"], extra: ["/usr/bin/python3"]) else { return }
    let stats = try #require(try pngStatistics(png, python: python), "cannot decode \(png)")
    #expect(stats.width == 1100 && stats.height == 900, "\(stats)")
    // A blank page has 1 colour; the map alone has land, sea, eight corridor colours and text.
    #expect(stats.distinctColours >= 200, "\(stats.distinctColours) colours: the screenshot looks blank")
    #expect(stats.nonWhiteShare > 0.25, "only \(stats.nonWhiteShare) of the pixels are not white")
  }

  /// The hourly model's page (8,760 slices) renders within 2 s more than an empty page.
  @Test(.enabled(if: heavyTestsEnabled, "CORRIDOR_HEAVY_TESTS=1: solves the 8,760-hour model"))
  func hourlyPageRendersQuickly() throws {
    guard requireTool(chromiumPath != nil, "chromium"), let chromium = chromiumPath else { return }
    try FileManager.default.createDirectory(atPath: htmlArtifactFolder, withIntermediateDirectories: true)
    let page = htmlArtifactFolder + "/electricity-hourly-8760.html", empty = htmlArtifactFolder + "/empty.html"
    let r = try corridor(["solve", "models/electricity-hourly-8760.toml", "--format", "html", "--output", page], timeout: 900)
    #expect(r.status == 0, "\(r)")
    try "<!DOCTYPE html><title>e</title>".write(toFile: empty, atomically: true, encoding: .utf8)
    let flags = ["--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=" + htmlArtifactFolder + "/chromium-profile"]
    let base = try run(chromium, flags + ["--dump-dom", "file://" + empty], timeout: 120)
    let full = try run(chromium, flags + ["--dump-dom", "file://" + page], timeout: 120)
    #expect(full.status == 0 && full.stdout.contains("Duration curves"), "\(full)")
    #expect(full.seconds - base.seconds < 2, "hourly page: \(full.seconds) s against \(base.seconds) s for an empty page")
  }
}
