// corridor-bench: build and solve the "Caspian corridors" benchmark LP through
// the LinearProgramming layer, time it against glpsol, check every objective.
//
//   swift run -c release corridor-bench --T 24,168 --reference
//
// See docs/performance.md for what the numbers mean and scripts/bench.sh for
// the standard set.
import Glibc
import LinearProgramming

/// Writes a line straight to a file descriptor (unbuffered: progress shows up in logs at once).
func emit(_ text: String, fd: Int32 = 1) {
  let line = text + "\n"
  _ = line.withCString { write(fd, $0, strlen($0)) }
}

func fail(_ message: String, code: Int32) -> Never {
  emit("corridor-bench: \(message)", fd: 2)
  exit(code)
}

let options = BenchCommand.parseOrExit().options
let sharedDirectory: String
do {
  sharedDirectory = options.reference ? try options.resolveShared() : ((try? options.resolveShared()) ?? "")
} catch {
  fail("\(error)", code: 2)
}

// 1. The data must be the benchmark's data.
let selfCheckStart = MonotonicClock.now()
do {
  try BenchData.selfCheck()
} catch {
  fail("\(error)", code: 1)
}
emit("self-check: t=0 check values, path factors and T=8760 column sums match the README (\(fmt(MonotonicClock.now() - selfCheckStart, 3)) s)")

// Working directory for generated files.
let workDirectory: String
let removeWorkDirectory: Bool
if let keep = options.keepDirectory {
  mkdir(keep, 0o755)
  workDirectory = keep
  removeWorkDirectory = false
} else {
  var template = Array("/tmp/corridor-bench.XXXXXX".utf8CString)
  guard let d = mkdtemp(&template) else { fail("cannot create a temporary directory", code: 1) }
  workDirectory = String(cString: d)
  removeWorkDirectory = true
}
if let d = options.glpkLogDirectory { mkdir(d, 0o755) }
let factors = PathFactors()
// Warm-up (not reported): the first solve of a process pays for GLPK's environment and page faults.
do {
  let warm = try BenchModel(BenchProfiles(T: 24), factors: factors)
  _ = try warm.lp.solve()
} catch {
  fail("warm-up solve failed: \(error)", code: 1)
}
var results: [HorizonResult] = []
var failures: [String] = []

for T in options.horizons {
  emit("\n== T = \(T): \(BenchModel.columns(T)) columns, \(BenchModel.rows(T)) rows, \(BenchModel.nonZeros(T)) non-zeros")
  var r = HorizonResult(T: T)

  // 2. Data and build.
  var t0 = MonotonicClock.now()
  let profiles = BenchProfiles(T: T)
  r.dataSeconds = MonotonicClock.now() - t0
  var builds: [Double] = [], buildCPU: [Double] = []
  var model: BenchModel!
  for _ in 0..<options.repeatCount {
    model = nil  // release the previous model before timing the next build
    t0 = MonotonicClock.now()
    let c0 = cpuNow()
    do { model = try BenchModel(profiles, factors: factors) } catch { fail("T=\(T): building the LP failed: \(error)", code: 1) }
    builds.append(MonotonicClock.now() - t0)
    buildCPU.append(cpuNow() - c0)
  }
  do { try model.verifySizes() } catch { fail("\(error)", code: 1) }
  r.buildSeconds = builds
  r.buildCPUSeconds = buildCPU
  emit("data \(fmt(r.dataSeconds, 4)) s; build median \(fmt(median(builds), 4)) s wall, \(fmt(median(buildCPU), 4)) s CPU over \(builds.count) (wall min \(fmt(builds.min()!, 4)), max \(fmt(builds.max()!, 4))); sizes verified")

  // 3. Synchronisation with GLPK (the layer pushes the model into GLPK lazily, at the first
  //    solve, write or basis call). Measured on the last built model through
  //    setStartingBasis: the first call pushes the model and sets the statuses, the
  //    second only sets the statuses.
  do {
    let slack = Basis(variables: Array(repeating: .atLower, count: model.lp.variableCount),
                      constraints: Array(repeating: .basic, count: model.lp.constraintCount))
    t0 = MonotonicClock.now()
    var c0 = cpuNow()
    try model.lp.setStartingBasis(slack)
    let first = MonotonicClock.now() - t0, firstCPU = cpuNow() - c0
    t0 = MonotonicClock.now()
    c0 = cpuNow()
    try model.lp.setStartingBasis(slack)
    r.syncSeconds = max(0, first - (MonotonicClock.now() - t0))
    r.syncCPUSeconds = max(0, firstCPU - (cpuNow() - c0))
  } catch {
    fail("T=\(T): pushing the model into GLPK failed: \(error)", code: 1)
  }
  // The free MPS file for glpsol (written from a fresh model: the file is the cold LP).
  let mps = "\(workDirectory)/caspian_T\(T).mps"
  if options.reference {
    do {
      model = try BenchModel(profiles, factors: factors)
      t0 = MonotonicClock.now()
      try model.lp.write(to: mps, format: .freeMPS)
      r.writeSeconds = MonotonicClock.now() - t0
    } catch {
      fail("T=\(T): writing the MPS file failed: \(error)", code: 1)
    }
  }
  model = nil
  r.memoryAfterBuild = processMemoryMiB()
  emit("sync to GLPK \(fmt(r.syncSeconds, 4)) s wall, \(fmt(r.syncCPUSeconds, 4)) s CPU\(options.reference ? "; sync + free MPS write \(fmt(r.writeSeconds, 3)) s" : ""); VmHWM \(fmt(r.memoryAfterBuild.peak, 1)) MiB")

  // 4. Solves.
  if !options.skipSolve {
    for alg in options.algorithms {
      for presolve in (alg == .interior ? [false] : options.presolve) {
        let s = runSolve(T: T, profiles: profiles, factors: factors, algorithm: alg, presolve: presolve, options: options)
        r.solves.append(s)
        emit(s.progressLine)
      }
    }
  }

  if !options.skipSolve, let hours = options.blockCrashHours {
    let s = runCrash(T: T, profiles: profiles, factors: factors, blockHours: hours, options: options)
    r.solves.append(s)
    emit(s.progressLine)
  }

  if !options.skipSolve, options.reference, options.sameFile {
    let s = runSameFile(T: T, mps: mps, options: options)
    r.solves.append(s)
    emit(s.progressLine)
  }

  // 5. glpsol on the same LP.
  if options.reference {
    let dat = "\(workDirectory)/caspian_T\(T).dat"
    let gen = Child.run(["python3", sharedDirectory + "/gen_dat.py", String(T), dat], logPath: "\(workDirectory)/gen_dat_T\(T).log")
    guard gen.exitStatus == 0 else { fail("gen_dat.py failed for T=\(T): \(gen.output)", code: 1) }
    r.genDatSeconds = gen.wallSeconds
    for v in options.referenceVariants {
      let argv = v.arguments(model: sharedDirectory + "/caspian.mod", data: dat, mps: mps, timeLimit: options.timeLimit)
      let log = "\(workDirectory)/glpsol_T\(T)_\(v.rawValue).log"
      var run = GlpsolRun(label: v.rawValue, command: argv, run: Child.run(argv, logPath: log))
      // glp_interior logs the objective of the minimization it solves internally: for a
      // maximization (--max) that is the negated objective.
      if v == .mpsInterior { run.objective = run.objective.map { -$0 } }
      if run.run.exitStatus != 0 {
        failures.append("T=\(T): glpsol \(v.rawValue) exited with \(run.run.exitStatus) (log \(log))")
      }
      r.glpsol[v] = run
      emit(glpsolLine(run))
    }
  }
  r.memoryAfterSolves = processMemoryMiB()
  failures += r.objectiveFailures()
  results.append(r)
  emit("VmHWM \(fmt(r.memoryAfterSolves.peak, 1)) MiB (process peak so far)")
}

// 6. Report.
let report = Report(options: options, shared: sharedDirectory, results: results, failures: failures)
emit("\n" + report.markdown())
if let path = options.reportPath {
  if !writeText(report.markdown(), to: path) { emit("corridor-bench: cannot write \(path)", fd: 2) }
}
if removeWorkDirectory {
  for T in options.horizons {
    for name in ["caspian_T\(T).mps", "caspian_T\(T).dat", "gen_dat_T\(T).log"] + ReferenceVariant.allCases.map({ "glpsol_T\(T)_\($0.rawValue).log" }) {
      unlink("\(workDirectory)/\(name)")
    }
  }
  rmdir(workDirectory)
}
if !failures.isEmpty {
  emit("corridor-bench: FAILED:\n  " + failures.joined(separator: "\n  "), fd: 2)
  exit(1)
}

// MARK: - One solve

/// Builds a fresh model, solves it `k` times (fresh each time), and measures the layer's overhead.
func runSolve(T: Int, profiles: BenchProfiles, factors: PathFactors, algorithm: SolverOptions.Algorithm, presolve: Bool, options: BenchOptions) -> SolveResult {
  let repeats = T <= 2000 ? options.repeatCount : 1
  var s = SolveResult(algorithm: algorithm, presolve: presolve)
  let solverOptions = SolverOptions(algorithm: algorithm, presolve: presolve, timeLimit: options.timeLimit,
                                    captureLog: options.glpkLogDirectory != nil)
  for k in 0..<repeats {
    let model: BenchModel
    do { model = try BenchModel(profiles, factors: factors) } catch { fail("T=\(T): build failed: \(error)", code: 1) }
    let t0 = MonotonicClock.now(), c0 = cpuNow()
    let sol: Solution
    do { sol = try model.lp.solve(solverOptions) } catch { fail("T=\(T): solve failed: \(error)", code: 1) }
    let wall = MonotonicClock.now() - t0
    s.cpu.append(cpuNow() - c0)
    s.wall.append(wall)
    s.glpk.append(sol.solveTime)
    if k == 0 {
      s.ran = sol.algorithm
      s.termination = sol.termination
      s.optimal = sol.isOptimal
      s.rawStatus = sol.rawStatus
      s.iterations = sol.iterations
      s.objective = sol.objectiveValue
      s.certificate = sol.certificate
      if let d = options.glpkLogDirectory {
        _ = writeText(sol.log, to: "\(d)/T\(T)_\(algorithm.rawValue)_presolve-\(presolve ? "on" : "off").log")
      }
    }
    // Upper bound of the time the layer spends reading the result: a warm re-solve from the
    // final basis (0 iterations: GLPK recomputes the basic solution, the layer reads it).
    // After a presolved solve GLPK has no factorization: the first re-solve rebuilds it, the
    // second one is measured.
    if sol.algorithm != .interior, let basis = sol.basis, sol.isOptimal {
      do {
        try model.lp.setStartingBasis(basis)
        var again = try model.lp.solve(SolverOptions(algorithm: .primal, presolve: false))
        again = try model.lp.solve(SolverOptions(algorithm: .primal, presolve: false))
        s.resolve.append(again.solveTime)
        s.resolveIterations = again.iterations
      } catch {
        fail("T=\(T): warm re-solve failed: \(error)", code: 1)
      }
    }
  }
  if let obj = s.objective, let want = Bench.expectedObjective[T] {
    s.relativeError = abs(obj - want) / abs(want)
  }
  return s
}

/// The block crash (BlockCrash.swift) then primal simplex on the full LP; the solve time
/// reported is crash + full solve, end to end after the build.
func runCrash(T: Int, profiles: BenchProfiles, factors: PathFactors, blockHours: Int, options: BenchOptions) -> SolveResult {
  let repeats = T <= 2000 ? options.repeatCount : 1
  var s = SolveResult(algorithm: .primal, presolve: false)
  s.variant = "crash\(blockHours)h+primal"
  for k in 0..<repeats {
    do {
      let model = try BenchModel(profiles, factors: factors)
      let t0 = MonotonicClock.now(), c0 = cpuNow()
      let (basis, crash) = try BlockCrash.basis(profiles, factors, blockHours: blockHours)
      try model.lp.setStartingBasis(basis)
      let sol = try model.lp.solve(SolverOptions(algorithm: .primal, presolve: false, timeLimit: options.timeLimit,
                                                 captureLog: options.glpkLogDirectory != nil))
      s.wall.append(MonotonicClock.now() - t0)
      s.cpu.append(cpuNow() - c0)
      s.glpk.append(sol.solveTime)
      if k == 0 {
        s.ran = sol.algorithm
        s.termination = sol.termination
        s.optimal = sol.isOptimal
        s.rawStatus = sol.rawStatus
        s.iterations = sol.iterations
        s.objective = sol.objectiveValue
        s.certificate = sol.certificate
        s.note = "\(crash.blocks) blocks, \(crash.passes) pass(es), fair prices \(crash.prices.map { fmt($0, 0) }.joined(separator: "/")) $/MWh, "
          + "\(crash.blockIterations) block iterations, crash \(fmt(crash.crashWall, 2)) s wall / \(fmt(crash.crashCPU, 2)) s CPU, "
          + "then \(sol.iterations) iterations in \(fmt(sol.solveTime, 2)) s (GLPK)"
        if let d = options.glpkLogDirectory {
          _ = writeText(sol.log, to: "\(d)/T\(T)_crash\(blockHours)h.log")
        }
      }
    } catch {
      fail("T=\(T): block crash failed: \(error)", code: 1)
    }
  }
  if let obj = s.objective, let want = Bench.expectedObjective[T] {
    s.relativeError = abs(obj - want) / abs(want)
  }
  return s
}

/// Auto, presolve off, on the layer's MPS read back (SameFile.swift): GLPK gets exactly
/// glpsol's numbers, so the comparison with `glpsol --nopresol` is the layer's overhead alone.
func runSameFile(T: Int, mps: String, options: BenchOptions) -> SolveResult {
  let repeats = T <= 2000 ? options.repeatCount : 1
  var s = SolveResult(algorithm: .auto, presolve: false)
  s.variant = "auto/off, MPS read back"
  for k in 0..<repeats {
    do {
      let lp = try SameFile.model(mps: mps)
      let t0 = MonotonicClock.now(), c0 = cpuNow()
      let sol = try lp.solve(SolverOptions(algorithm: .auto, presolve: false, timeLimit: options.timeLimit))
      s.wall.append(MonotonicClock.now() - t0)
      s.cpu.append(cpuNow() - c0)
      s.glpk.append(sol.solveTime)
      if k == 0 {
        s.ran = sol.algorithm
        s.termination = sol.termination
        s.optimal = sol.isOptimal
        s.rawStatus = sol.rawStatus
        s.iterations = sol.iterations
        s.objective = sol.objectiveValue
        s.certificate = sol.certificate
      }
    } catch {
      fail("T=\(T): solving the MPS read back failed: \(error)", code: 1)
    }
  }
  if let obj = s.objective, let want = Bench.expectedObjective[T] { s.relativeError = abs(obj - want) / abs(want) }
  return s
}

func glpsolLine(_ g: GlpsolRun) -> String {
  var line = "glpsol \(g.label): wall \(fmt(g.run.wallSeconds, 3)) s, CPU \(fmt(g.run.cpuSeconds, 3)) s"
  if let t = g.solverSeconds { line += ", Time used \(fmt(t, 1)) s" }
  if let it = g.iterations { line += ", \(it) it" }
  if let o = g.objective { line += ", objective \(fmt(o, 6))" }
  if let mb = g.memoryMB { line += ", GLPK memory used \(fmt(mb, 1)) MB" }
  if g.run.exitStatus != 0 { line += " [exit \(g.run.exitStatus)]" }
  return line
}
