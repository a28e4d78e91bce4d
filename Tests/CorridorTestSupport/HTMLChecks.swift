// Checks of the HTML reports (issue #12) shared by PlanReportsTests and the end-to-end
// tests: an HTML5 parser in strict mode (Debian's python3-html5lib), XML
// well-formedness of every inline SVG (Foundation's XMLParser), headless Chromium
// and pixel statistics of a PNG screenshot. scripts/install-deps.sh installs
// python3-html5lib and chromium; without them a test skips with a message saying so,
// except under CI, where they must be there.
//
// Every helper returns a failure message (nil: passed) or a value, so this target
// needs no test framework.

import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What a finished tool run left behind.
public struct ToolRun: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
  public var timedOut: Bool
}

/// Runs `executable` with `arguments`, killing it after `timeout` seconds.
public func runTool(_ executable: String, _ arguments: [String], timeout: Double = 60) throws -> ToolRun {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: executable)
  p.arguments = arguments
  let out = Pipe(), err = Pipe()
  p.standardOutput = out
  p.standardError = err
  p.standardInput = FileHandle.nullDevice
  try p.run()
  // Read both pipes while the tool runs so a full pipe cannot block it.
  nonisolated(unsafe) var outData = Data(), errData = Data()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
  group.enter()
  DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
  let deadline = Date().addingTimeInterval(timeout)
  var timedOut = false
  while p.isRunning {
    if Date() > deadline { p.terminate(); timedOut = true; break }
    usleep(20_000)
  }
  p.waitUntilExit()
  group.wait()
  return ToolRun(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                 stderr: String(decoding: errData, as: UTF8.self), timedOut: timedOut)
}

/// The first executable named `name` on the PATH (or one of `extra` absolute paths first).
public func findExecutable(_ names: [String], extra: [String] = []) -> String? {
  let fm = FileManager.default
  for p in extra where fm.isExecutableFile(atPath: p) { return p }
  let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
  for name in names {
    for dir in dirs where fm.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
  }
  return nil
}

/// A Python 3 that can import html5lib: Debian's (/usr/bin/python3, where apt installs
/// python3-html5lib) before whatever `python3` comes first on the PATH.
public let html5libPython: String? = {
  var candidates = ["/usr/bin/python3", "/bin/python3"]
  if let p = findExecutable(["python3"]) { candidates.append(p) }
  for c in candidates where FileManager.default.isExecutableFile(atPath: c) {
    if let r = try? runTool(c, ["-c", "import html5lib"], timeout: 30), r.status == 0 { return c }
  }
  return nil
}()

/// Why a check cannot run here: the message of a skip (nil under CI, where it is a failure).
public func missingToolMessage(_ what: String) -> String {
  "\(what) is not installed: run scripts/install-deps.sh --test (Debian: apt-get install python3-html5lib chromium)"
}

/// Parses `html` with html5lib in strict mode (every parse error is an error, as an
/// HTML5 validator's parser sees it). Returns nil when it parses cleanly, else the
/// parser's messages with line and column. Precondition: ``html5libPython`` is not nil.
public func html5ParseErrors(_ html: String, python: String) throws -> String? {
  let file = FileManager.default.temporaryDirectory.appendingPathComponent("html5-\(UUID().uuidString).html")
  try Data(html.utf8).write(to: file)
  defer { try? FileManager.default.removeItem(at: file) }
  let script = """
    import sys, html5lib
    p = html5lib.HTMLParser(strict=False)
    p.parse(open(sys.argv[1], 'rb').read())
    for pos, code, data in p.errors:
        print(f"line {pos[0]}, column {pos[1]}: {code} {data}")
    sys.exit(1 if p.errors else 0)
    """
  let r = try runTool(python, ["-c", script, file.path], timeout: 120)
  if r.status == 0 { return nil }
  return "html5lib: " + (r.stdout + r.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Every `<svg …>…</svg>` element of a page (they do not nest in the reports).
public func svgFragments(_ html: String) -> [String] {
  var out: [String] = []
  var rest = html[...]
  while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
    out.append(String(rest[start.lowerBound..<end.upperBound]))
    rest = rest[end.upperBound...]
  }
  return out
}

/// Parses `xml` with Foundation's XMLParser; nil when well-formed, else the error and line.
public func xmlWellFormednessError(_ xml: String) -> String? {
  let parser = XMLParser(data: Data(xml.utf8))
  if parser.parse() { return nil }
  return "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber): "
    + (parser.parserError.map { "\($0)" } ?? "unknown error")
}

/// Collects, per element name, the attributes and text of every element of an XML text.
public final class XMLElementCollector: NSObject, XMLParserDelegate {
  public struct Element: Sendable {
    public var name: String
    public var attributes: [String: String]
    public var text: String
    /// Attributes of the enclosing elements, innermost first.
    public var ancestors: [[String: String]]
  }

  public private(set) var elements: [Element] = []
  private var stack: [Element] = []

  /// Parses `xml`; nil when it is not well-formed.
  public static func collect(_ xml: String) -> [Element]? {
    let c = XMLElementCollector()
    let p = XMLParser(data: Data(xml.utf8))
    p.delegate = c
    return p.parse() ? c.elements : nil
  }

  public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                     attributes: [String: String] = [:]) {
    stack.append(Element(name: name, attributes: attributes, text: "", ancestors: stack.reversed().map(\.attributes)))
  }

  public func parser(_ parser: XMLParser, foundCharacters string: String) {
    if !stack.isEmpty { stack[stack.count - 1].text += string }
  }

  public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if let e = stack.popLast() { elements.append(e) }
  }
}

/// Headless Chromium (Debian's `chromium`), if installed.
public let chromiumPath: String? = findExecutable(["chromium", "chromium-browser", "google-chrome"])

/// Pixel statistics of a PNG (8-bit RGB or RGBA, non-interlaced, as Chromium writes
/// screenshots), decoded by a few lines of Python with zlib only.
public struct PNGStatistics: Sendable {
  public var width: Int
  public var height: Int
  /// Distinct colours among the pixels.
  public var distinctColours: Int
  /// Share of pixels that are not pure white.
  public var nonWhiteShare: Double
}

public func pngStatistics(_ path: String, python: String) throws -> PNGStatistics? {
  let script = """
    import sys, zlib, struct
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
    pos, idat, w = 8, b'', None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, 'unsupported PNG'
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours, nonwhite, i = set(), 0, 0
    for y in range(h):
        f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            px = bytes(line[x:x + 3])
            colours.add(px)
            if px != b'\\xff\\xff\\xff': nonwhite += 1
        prev = line
    print(w, h, len(colours), nonwhite / (w * h))
    """
  let r = try runTool(python, ["-c", script, path], timeout: 300)
  let f = r.stdout.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
  guard r.status == 0, f.count == 4, let w = Int(f[0]), let h = Int(f[1]), let n = Int(f[2]), let s = Double(f[3]) else { return nil }
  return PNGStatistics(width: w, height: h, distinctColours: n, nonWhiteShare: s)
}
