// Every file in Fixtures/bad/ must fail to load with exactly the errors its header promises.

import Testing

@testable import CorridorModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One `# expect: LOCATION: fragment` line of a bad fixture.
///
/// LOCATION is `LINE`, `LINE:COLUMN`, `FILE:LINE` (a file relative to the fixture's
/// directory, e.g. a CSV), or `-` (a diagnostic without a line).
struct Expectation: CustomStringConvertible {
  var file: String?
  var line: Int?
  var column: Int?
  var fragment: String

  init?(_ header: String) {
    guard header.hasPrefix("# expect: ") else { return nil }
    let rest = header.dropFirst("# expect: ".count)
    guard let sep = rest.range(of: ": ") else { return nil }
    let location = String(rest[..<sep.lowerBound])
    fragment = String(rest[sep.upperBound...])
    if location == "-" { return }
    let parts = location.split(separator: ":").map(String.init)
    if let first = parts.first, Int(first) == nil {
      file = first
      line = parts.count > 1 ? Int(parts[1]) : nil
    } else {
      line = parts.first.flatMap { Int($0) }
      column = parts.count > 1 ? Int(parts[1]) : nil
    }
  }

  func matches(_ d: Diagnostic, fixture: String) -> Bool {
    let expectedFile = file.map { fixture[..<(fixture.lastIndex(of: "/") ?? fixture.startIndex)] + "/" + $0 } ?? fixture
    return d.severity == .error && d.file == FileBytes.normalize(String(expectedFile)) && d.line == line
      && (column == nil || d.column == column) && "\(d.entry): \(d.message)".contains(fragment)
  }

  var description: String {
    "\(file.map { $0 + ":" } ?? "")\(line.map(String.init) ?? "-")\(column.map { ":\($0)" } ?? ""): \(fragment)"
  }
}

/// The fixture names (without extension) under Fixtures/bad/.
let badFixtures: [String] = {
  guard let dir = opendir(fixture("bad")) else { return [] }
  defer { closedir(dir) }
  var names: [String] = []
  while let entry = readdir(dir) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    if name.hasSuffix(".toml") { names.append(String(name.dropLast(5))) }
  }
  return names.sorted()
}()

@Suite("Bad-input corpus")
struct BadCorpusTests {
  @Test("the corpus is large enough")
  func size() {
    #expect(badFixtures.count >= 30)
  }

  @Test("each broken file reports exactly its expected errors", arguments: badFixtures)
  func corpus(name: String) throws {
    let path = FileBytes.normalize(fixture("bad/\(name).toml"))
    let bytes = try FileBytes.read(path).get()
    let headerLines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").prefix { $0.hasPrefix("# expect:") }
    let expectations = headerLines.compactMap { Expectation(String($0)) }
    try #require(!expectations.isEmpty, "\(name) has no '# expect:' header")

    var errors: [Diagnostic]
    do {
      _ = try ModelLoader.load(path: path)
      Issue.record("\(name) loaded without errors")
      return
    } catch {
      errors = error.errors
      #expect(!error.description.isEmpty)
    }
    let all = errors.map(\.description).joined(separator: "\n")
    for e in expectations {
      if let k = errors.firstIndex(where: { e.matches($0, fixture: path) }) {
        errors.remove(at: k)
      } else {
        Issue.record("\(name): expected \(e)\nbut got:\n\(all)")
      }
    }
    #expect(errors.isEmpty, "\(name): unexpected extra errors:\n\(errors.map(\.description).joined(separator: "\n"))")
  }
}
