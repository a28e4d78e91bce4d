// Helpers shared by the end-to-end tests: the package root, the built
// `corridor` binary, a subprocess runner with a timeout, numeric comparison
// with stated tolerances, and golden files with a readable diff.

import CorridorTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

// MARK: Locations

/// The package root (see CorridorTestSupport).
let packageRoot = CorridorTestSupport.packageRoot

/// The folder of this test target's sources (goldens live in `Goldens/`).
let testSourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

/// The built `corridor` executable.
///
/// `swift test` builds it because this target depends on it; it sits next to the
/// running test bundle (`<scratch>/debug/corridorPackageTests.xctest`). Set
/// `CORRIDOR_BINARY` to test another build.
let corridorBinary: String? = {
  let fm = FileManager.default
  var candidates: [String] = []
  if let p = ProcessInfo.processInfo.environment["CORRIDOR_BINARY"] { candidates.append(p) }
  let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  candidates.append(me.deletingLastPathComponent().appendingPathComponent("corridor").path)
  // macOS: …/debug/corridorPackageTests.xctest/Contents/MacOS/corridorPackageTests
  candidates.append(me.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corridor").path)
  candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("corridor").path)
  candidates.append(packageRoot + "/.build/debug/corridor")
  return candidates.first { fm.isExecutableFile(atPath: $0) }
}()

/// `glpsol` on the PATH, if installed.
let glpsolPath: String? = {
  for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
    let p = "\(dir)/glpsol"
    if FileManager.default.isExecutableFile(atPath: p) { return p }
  }
  return nil
}()

/// GLPK's example files (Debian package glpk-utils).
let glpkExamples = "/usr/share/doc/glpk-utils/examples"

// MARK: Shipped models

/// Every shipped model and scenario, package-relative, sorted: models/*.toml,
/// models/scenarios/*.toml, models/teaching/*.toml.
let allShippedModels: [String] = {
  var out: [String] = []
  for folder in ["models", "models/scenarios", "models/teaching"] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/" + folder)) ?? []
    out += files.filter { $0.hasSuffix(".toml") }.sorted().map { folder + "/" + $0 }
  }
  return out
}()

/// The hourly model: 8,760 slices, too slow for the default suite.
let heavyModels: Set<String> = ["models/electricity-hourly-8760.toml"]

/// Whether `CORRIDOR_HEAVY_TESTS=1` asks for the slow models too.
let heavyTestsEnabled = ProcessInfo.processInfo.environment["CORRIDOR_HEAVY_TESTS"] == "1"

/// The shipped models every default run checks (all but the hourly one).
let shippedModels: [String] = allShippedModels.filter { !heavyModels.contains($0) }

// MARK: Running the binary

/// What a finished subprocess left behind.
struct RunResult: Sendable, CustomStringConvertible {
  var status: Int32
  /// Killed by a signal (a crash, or the timeout).
  var signaled: Bool
  var timedOut: Bool
  var stdout: String
  var stderr: String
  var seconds: Double

  var description: String {
    "exit \(status)\(signaled ? " (signal)" : "")\(timedOut ? " (timed out)" : ""), \(String(format: "%.2f", seconds)) s\n"
      + "--- stdout (\(stdout.count) chars) ---\n\(stdout.prefix(2000))\n--- stderr ---\n\(stderr.prefix(2000))"
  }
}

enum RunError: Error, CustomStringConvertible {
  case noBinary
  case launch(String)
  var description: String {
    switch self {
    case .noBinary: return "the corridor binary was not found (build it, or set CORRIDOR_BINARY)"
    case .launch(let m): return m
    }
  }
}

/// A scratch folder unique to this process and `label`, created empty.
func scratchFolder(_ label: String) throws -> String {
  let path = NSTemporaryDirectory() + "corridor-e2e-\(getpid())/\(label)-\(UUID().uuidString.prefix(8))"
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// Runs `executable` with `arguments` in `directory` (default: the package root), capturing
/// stdout and stderr in files (no pipe can fill up), killing it after `timeout` seconds.
func run(
  _ executable: String, _ arguments: [String], in directory: String = packageRoot, timeout: Double = 60
) throws -> RunResult {
  let scratch = try scratchFolder("run")
  defer { try? FileManager.default.removeItem(atPath: scratch) }
  let outPath = scratch + "/stdout", errPath = scratch + "/stderr"
  FileManager.default.createFile(atPath: outPath, contents: nil)
  FileManager.default.createFile(atPath: errPath, contents: nil)
  let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
  let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
  let p = Process()
  p.executableURL = URL(fileURLWithPath: executable)
  p.arguments = arguments
  p.currentDirectoryURL = URL(fileURLWithPath: directory)
  p.standardInput = FileHandle.nullDevice
  p.standardOutput = out
  p.standardError = err
  let finished = DispatchSemaphore(value: 0)
  p.terminationHandler = { _ in finished.signal() }
  let start = Date()
  do { try p.run() } catch { throw RunError.launch("cannot start \(executable): \(error)") }
  var timedOut = false
  if finished.wait(timeout: .now() + timeout) == .timedOut {
    timedOut = true
    p.terminate()
    if finished.wait(timeout: .now() + 5) == .timedOut {
      kill(p.processIdentifier, SIGKILL)
      finished.wait()
    }
  }
  p.waitUntilExit()
  try? out.close()
  try? err.close()
  let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
  let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
  return RunResult(status: p.terminationStatus, signaled: p.terminationReason == .uncaughtSignal,
                   timedOut: timedOut, stdout: stdout, stderr: stderr,
                   seconds: Date().timeIntervalSince(start))
}

/// Runs the built `corridor` with `arguments`.
func corridor(_ arguments: String..., in directory: String = packageRoot, timeout: Double = 60) throws -> RunResult {
  try corridor(arguments, in: directory, timeout: timeout)
}

func corridor(_ arguments: [String], in directory: String = packageRoot, timeout: Double = 60) throws -> RunResult {
  guard let binary = corridorBinary else { throw RunError.noBinary }
  return try run(binary, arguments, in: directory, timeout: timeout)
}

/// Writes `text` to `folder/name` and returns the path.
@discardableResult
func writeFile(_ folder: String, _ name: String, _ text: String) throws -> String {
  let path = folder + "/" + name
  try text.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

// MARK: JSON

/// Parses a JSON object; records an issue and returns nil if it is not one.
func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any]? {
  guard let data = text.data(using: .utf8),
        let any = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
        let object = any as? [String: Any]
  else {
    Issue.record("not a JSON object: \(text.prefix(500))", sourceLocation: sourceLocation)
    return nil
  }
  return object
}

/// A JSON number as a Double (nil for null, booleans and non-numbers).
///
/// Not `any is Bool`: on Linux an NSNumber 0 or 1 casts to Bool, which would
/// turn every zero flow into "no number".
func number(_ any: Any?) -> Double? {
  guard let any, type(of: any) != Bool.self else { return nil }
  switch any {
  case let d as Double: return d
  case let i as Int: return Double(i)
  case let n as NSNumber: return n.doubleValue
  default: return nil
  }
}

/// `{"value": …, "unit": …}` → (value, unit).
func quantity(_ any: Any?) -> (value: Double?, unit: String)? {
  guard let o = any as? [String: Any], let unit = o["unit"] as? String, o.keys.contains("value") else { return nil }
  return (number(o["value"]), unit)
}

// MARK: Tolerances

/// Objective comparisons: `|a − b| ≤ 1e-7 · max(1, |b|)`.
let objectiveTolerance = 1e-7
/// Flows and money per country: `|a − b| ≤ 1e-6 · max(|a|, |b|) + 1e-6`.
let flowRelativeTolerance = 1e-6
let flowAbsoluteTolerance = 1e-6

func objectiveMatches(_ a: Double, _ b: Double) -> Bool {
  abs(a - b) <= objectiveTolerance * max(1, abs(b))
}

func flowMatches(_ a: Double, _ b: Double) -> Bool {
  abs(a - b) <= flowRelativeTolerance * max(abs(a), abs(b)) + flowAbsoluteTolerance
}

// MARK: Goldens
// Recording, refusal under CI and the line diff live in CorridorTestSupport
// (Goldens.swift); GoldenSolutionTests compares its JSON digests with tolerances.
