import Foundation

/// The pieces every HTML report shares: escaping, the page skeleton with its inline CSS
/// (screen and print), the summary block and tables built from ``FigureTable``.
///
/// A report page is one self-contained file: no script, no external style sheet, font or
/// image; the map and charts are inline SVG. Every text that comes from a model (names,
/// labels, expressions) goes through ``HTML/escape(_:)``, and names are isolated with
/// `<bdi>` in HTML and `unicode-bidi: isolate` in SVG, so a name with `<`, `&`, quotes or
/// right-to-left letters shows as written and cannot reorder the text around it.
enum HTML {
  /// Escapes text for HTML and XML content and for attribute values in double quotes:
  /// `&`, `<`, `>`, `"` and `'` become character references. Control characters other
  /// than tab and newline (not allowed in XML 1.0) become U+FFFD.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// A name in running HTML text, isolated for bidirectional text.
  static func name(_ text: String) -> String { "<bdi>" + escape(text) + "</bdi>" }

  /// The whole page: `title` in the head and as the first heading, then `body`.
  static func page(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="corridor (Caspian corridor planner)">
    <title>\(escape(title))</title>
    <style>
    \(css)
    </style>
    </head>
    <body>
    <main>
    \(body)
    </main>
    </body>
    </html>

    """
  }

  /// Inline style: system fonts only (no download), tables that scroll sideways on a
  /// narrow screen, and a print layout (A4 landscape, no page break inside a figure or a
  /// table row, links and hover help dropped).
  static let css = """
    :root { color-scheme: light; --ink: #1d2433; --muted: #5b6476; --rule: #d5dae3; --band: #f4f6f9; }
    body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
    main { max-width: 1180px; margin: 0 auto; padding: 16px 24px 48px; }
    h1 { font-size: 22px; margin: 8px 0 4px; }
    h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
    h3 { font-size: 15px; margin: 20px 0 6px; }
    p.note { color: var(--muted); margin: 4px 0 10px; }
    dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 16px; }
    dl.summary dt { color: var(--muted); }
    dl.summary dd { margin: 0; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; margin: 4px 0 16px; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; caption-side: top; }
    th, td { padding: 3px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    th { background: var(--band); font-weight: 600; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    figure { margin: 8px 0 20px; }
    figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
    svg { max-width: 100%; height: auto; font-family: system-ui, "DejaVu Sans", sans-serif; }
    svg text { unicode-bidi: isolate; }
    ul.warnings { color: #8a4b00; }
    @media print {
      @page { size: A4 landscape; margin: 12mm; }
      body { font-size: 10pt; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      figure, tr, dl.summary { break-inside: avoid; }
      .scroll { overflow: visible; }
    }
    """

  /// The summary block: a `<dl>` of `key → value` rows.
  static func summary(_ rows: [(String, String)]) -> String {
    "<dl class=\"summary\">\n" + rows.map { "<dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd>" }.joined(separator: "\n")
      + "\n</dl>\n"
  }

  /// A section heading and its content.
  static func section(_ title: String, id: String, _ content: String) -> String {
    "<section id=\"\(id)\">\n<h2>\(escape(title))</h2>\n\(content)</section>\n"
  }

  /// A figure (an SVG map or chart) with its caption.
  static func figure(_ svg: String, caption: String) -> String {
    "<figure>\n\(svg)<figcaption>\(escape(caption))</figcaption>\n</figure>\n"
  }
}

extension FigureTable {
  /// The table as HTML: the same headers (with their units), cells and numbers as the text
  /// and Markdown tables (``FigureTable/table``), so a figure reads the same in every
  /// format. Each figure cell also carries the figure's exact value and unit in
  /// `data-value` and `data-unit` (fractions as fractions, as in the JSON), so a reader or a
  /// test can take the number behind the rounded text.
  func html() -> String {
    let shown = table
    var out = "<div class=\"scroll\"><table>\n"
    if let title { out += "<caption>\(HTML.escape(title))</caption>\n" }
    out += "<thead><tr>" + shown.headers.enumerated().map { i, h in
      "<th scope=\"col\"\(shown.numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>"
    }.joined() + "</tr></thead>\n<tbody>\n"
    for (r, row) in rows.enumerated() {
      out += "<tr>"
      for (i, cell) in row.enumerated() {
        let text = r < shown.rows.count && i < shown.rows[r].count ? shown.rows[r][i] : ""
        switch cell {
        case .text:
          out += "<td>\(text.isEmpty ? "" : HTML.name(text))</td>"
        case let .figure(f, _):
          out += "<td class=\"num\"\(Self.dataAttributes(f))>\(HTML.escape(text))</td>"
        case let .change(f, g, _):
          let values = [f.value, g.value].map { $0.map(Number.exact) ?? "" }.joined(separator: " ")
          out += "<td class=\"num\" data-values=\"\(values)\" data-unit=\"\(HTML.escape(f.unit))\">\(HTML.escape(text))</td>"
        }
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table></div>\n"
  }

  static func dataAttributes(_ f: Figure) -> String {
    " data-value=\"\(f.value.map(Number.exact) ?? "")\" data-unit=\"\(HTML.escape(f.unit))\""
  }
}

extension TextTable {
  /// A report summary (``TextTable/summary(_:_:markdown:)``) as a page title and a `<dl>`.
  static func htmlSummary(_ title: String, _ rows: [(String, String)]) -> String {
    "<h1>\(HTML.escape(title))</h1>\n" + HTML.summary(rows)
  }
}
