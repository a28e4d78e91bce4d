// libFuzzer target: the corridor model loader (TOML, scenario overlay, CSV columns).
//
// Input: TOML text, optionally followed by sections that start with a marker line:
//
//     ...base model...
//     #=== scenario
//     ...a scenario applied on top (`ModelLoader.load(path:scenario:)`)...
//     #=== csv
//     ...the contents of `in.csv`, next to the model...
//
// The markers are TOML comments, so a plain model file is a valid input too. The seed
// corpus (Fuzz/Corpus/model-loader) holds the shipped models and the bad-input fixtures
// with their CSV references rewritten to `in.csv`.
//
// Property: the loader returns a model whose every number is finite, or throws a
// `ModelLoadError` with at least one error; it never traps, hangs or leaks.

import CorridorModel
import FuzzSupport

private let directory = Scratch.subdirectory("model")
private let basePath = directory + "/base.toml"
private let scenarioPath = directory + "/scenario.toml"
private let csvPath = directory + "/in.csv"

/// Splits `bytes` at lines that are exactly `marker` (without the line end).
private func sections(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: ArraySlice<UInt8>] {
  var out: [String: ArraySlice<UInt8>] = [:]
  let all = Array(bytes)
  var name = "base"
  var start = 0
  var i = 0
  while i <= all.count {
    let lineEnd = all[i...].firstIndex(of: 0x0A) ?? all.count
    let line = all[i..<lineEnd]
    if line.starts(with: Array("#=== ".utf8)) {
      out[name] = all[start..<i]
      name = String(decoding: line.dropFirst(5), as: UTF8.self)
      start = min(lineEnd + 1, all.count)
    }
    i = lineEnd + 1
  }
  out[name] = all[start..<all.count]
  return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelLoader(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = input else { return 0 }
  let parts = sections(UnsafeBufferPointer(start: data, count: size))
  Scratch.write(Array(parts["base"] ?? []), to: basePath)
  let scenario = parts["scenario"].map { Array($0) }
  if let scenario { Scratch.write(scenario, to: scenarioPath) }
  Scratch.write(Array(parts["csv"] ?? []), to: csvPath)
  do {
    let model = try ModelLoader.load(path: basePath, scenario: scenario == nil ? nil : scenarioPath)
    requireFinite(model)
  } catch {
    if !error.diagnostics.contains(where: { $0.severity == .error }) {
      fatalError("load failed without an error diagnostic: \(error.diagnostics)")
    }
  }
  return 0
}

@main
struct FuzzModelLoaderMain {
  static func main() { FuzzEntry.run(fuzzModelLoader) }
}
