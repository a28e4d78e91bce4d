// Running glpsol (the reference) and other child processes, with wall time and peak memory.
import Glibc
import LinearProgramming

/// One finished child process.
struct ChildRun {
  var exitStatus: Int32
  var wallSeconds: Double
  /// CPU seconds of the child (user + system).
  var cpuSeconds: Double = 0
  /// ru_maxrss of the child, MiB. Not the child's own peak: Linux carries the spawning
  /// process's high-water mark over exec, so this is at least this process's peak.
  /// Use glpsol's own "Memory used" instead.
  var peakMiB: Double
  var output: String
}

enum Child {
  /// Runs `argv` with stdout and stderr sent to `logPath`; waits for it.
  static func run(_ argv: [String], logPath: String) -> ChildRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let full = argv
    var cargs: [UnsafeMutablePointer<CChar>?] = full.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    var pid = pid_t()
    let start = MonotonicClock.now()
    let rc = posix_spawnp(&pid, full[0], &actions, nil, &cargs, environ)
    guard rc == 0 else {
      return ChildRun(exitStatus: -1, wallSeconds: 0, peakMiB: 0, output: "cannot start \(full[0]): \(String(cString: strerror(rc)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let wall = MonotonicClock.now() - start
    let exited = (status & 0x7f) == 0
    let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
      + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
    return ChildRun(exitStatus: code, wallSeconds: wall, cpuSeconds: cpu, peakMiB: Double(usage.ru_maxrss) / 1024,
                    output: readText(logPath) ?? "")
  }
}

/// What glpsol reported.
struct GlpsolRun {
  var label: String
  var command: String
  var run: ChildRun
  /// "OBJECTIVE <value>" printed by caspian.mod, else the last `obj =` of the solver log.
  var objective: Double?
  /// glpsol's own "Time used" (the solver call only, 0.1 s resolution).
  var solverSeconds: Double?
  /// glpsol's own "Memory used" (MB).
  var memoryMB: Double?
  var iterations: Int?
  var optimal: Bool

  init(label: String, command: [String], run: ChildRun) {
    self.label = label
    self.command = command.joined(separator: " ")
    self.run = run
    var objective: Double?, lastObj: Double?, time: Double?, mem: Double?, it: Int?
    var optimal = false
    for line in run.output.split(separator: "\n") {
      let words = line.split(separator: " ", omittingEmptySubsequences: true)
      if words.first == "OBJECTIVE", words.count >= 2 { objective = Double(words[1]) }
      if let k = words.firstIndex(of: "obj"), k + 2 < words.count, words[k + 1] == "=" {
        lastObj = Double(words[k + 2].trimmingSuffix(";"))
        // Simplex lines: "* 12345: obj = …"; interior lines: "  12: obj = …".
        if let c = words.firstIndex(where: { $0.hasSuffix(":") }), c < k {
          it = Int(words[c].dropLast()) ?? it
        }
      }
      if line.hasPrefix("Time used:"), words.count >= 3 { time = Double(words[2]) }
      if line.hasPrefix("Memory used:"), words.count >= 3 { mem = Double(words[2]) }
      if line.contains("OPTIMAL LP SOLUTION FOUND") || line.contains("OPTIMAL SOLUTION FOUND") { optimal = true }
    }
    self.objective = objective ?? lastObj
    self.solverSeconds = time
    self.memoryMB = mem
    self.iterations = it
    self.optimal = optimal
  }
}

extension Substring {
  func trimmingSuffix(_ s: String) -> Substring { hasSuffix(s) ? dropLast(s.count) : self }
}

/// The glpsol runs `--reference` knows, by label.
enum ReferenceVariant: String, CaseIterable {
  /// `glpsol --math caspian.mod -d X.dat`: translate + solve (default: presolve, primal, adv basis).
  case math
  /// `glpsol --math … --check`: translate only.
  case check
  /// glpsol's default on the layer's MPS (presolve on, primal, advanced basis).
  case mpsDefault = "mps-default"
  /// Primal simplex without presolve on the layer's MPS: the same GLPK path as the layer's `primal`, presolve off.
  case mpsNopresol = "mps-nopresol"
  case mpsDual = "mps-dual"
  case mpsDualNopresol = "mps-dual-nopresol"
  case mpsInterior = "mps-interior"
  case mpsBib = "mps-bib"
  case mpsStd = "mps-std"

  var usesMPS: Bool { self != .math && self != .check }

  func arguments(model: String, data: String, mps: String, timeLimit: Double?) -> [String] {
    var a: [String]
    switch self {
    case .math: a = ["glpsol", "--math", model, "-d", data]
    case .check: a = ["glpsol", "--math", model, "-d", data, "--check"]
    case .mpsDefault: a = ["glpsol", "--freemps", mps, "--max"]
    case .mpsNopresol: a = ["glpsol", "--freemps", mps, "--max", "--nopresol"]
    case .mpsDual: a = ["glpsol", "--freemps", mps, "--max", "--dual"]
    case .mpsDualNopresol: a = ["glpsol", "--freemps", mps, "--max", "--dual", "--nopresol"]
    case .mpsInterior: a = ["glpsol", "--freemps", mps, "--max", "--interior"]
    case .mpsBib: a = ["glpsol", "--freemps", mps, "--max", "--nopresol", "--bib"]
    case .mpsStd: a = ["glpsol", "--freemps", mps, "--max", "--nopresol", "--std"]
    }
    if let t = timeLimit, self != .check { a += ["--tmlim", String(Int(t.rounded(.up)))] }
    return a
  }
}

// MARK: - Small helpers

/// CPU seconds used by this process so far (user + system; GLPK and the layer run on one thread).
func cpuNow() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func readText(_ path: String) -> String? {
  guard let f = fopen(path, "r") else { return nil }
  defer { fclose(f) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let n = fread(&buffer, 1, buffer.count, f)
    if n <= 0 { break }
    bytes.append(contentsOf: buffer[0..<n])
  }
  return String(decoding: bytes, as: UTF8.self)
}

func writeText(_ text: String, to path: String) -> Bool {
  guard let f = fopen(path, "w") else { return false }
  defer { fclose(f) }
  return text.utf8CString.withUnsafeBufferPointer { p in fwrite(p.baseAddress, 1, p.count - 1, f) == p.count - 1 }
}

func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

func realPath(_ path: String) -> String? {
  guard let r = realpath(path, nil) else { return nil }
  defer { free(r) }
  return String(cString: r)
}

func parentDirectory(_ path: String) -> String {
  guard let k = path.lastIndex(of: "/") else { return "." }
  return k == path.startIndex ? "/" : String(path[..<k])
}

/// Peak and current resident memory of this process (VmHWM, VmRSS), MiB.
func processMemoryMiB() -> (peak: Double, current: Double) {
  var peak = 0.0, current = 0.0
  for line in (readText("/proc/self/status") ?? "").split(separator: "\n") {
    let w = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard w.count >= 2, let kb = Double(w[1]) else { continue }
    if w[0] == "VmHWM:" { peak = kb / 1024 }
    if w[0] == "VmRSS:" { current = kb / 1024 }
  }
  return (peak, current)
}
