// libFuzzer target: the LP layer's MPS readers (free and fixed), then writing and solving
// what they accepted.
//
// Input: the bytes of an MPS file. Each run writes them to a scratch file in /dev/shm and
// reads it as free MPS and as fixed MPS with `LinearProgram.read`. A model that reads is
// written back in both MPS dialects and in CPLEX LP (each may throw, never abort), and,
// when small and without integer columns, solved with a short iteration limit.
//
// Property: the layer throws `LPError`s and never lets GLPK abort the process (GLPK calls
// `abort()` on invalid arguments: an abort here is a missing validation in Swift); no
// hang, no leak. The seed corpus (Fuzz/Corpus/mps) holds GLPK's example MPS files and
// models exported by the planner.

import FuzzSupport
import LinearProgramming

private let directory = Scratch.subdirectory("mps")
private let inputPath = directory + "/input.mps"
private let output = directory + "/output"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMPS(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = input else { return 0 }
  Scratch.write(UnsafeBufferPointer(start: data, count: size), to: inputPath)
  for format in [ModelFileFormat.freeMPS, .fixedMPS] {
    guard let lp = try? LinearProgram.read(inputPath, format: format) else { continue }
    exercise(lp)
  }
  return 0
}

/// Writes and solves a model that was read: paths where a name or number GLPK accepted
/// on reading could still reach a GLPK call that aborts.
func exercise(_ lp: LinearProgram) {
  for format in ModelFileFormat.allCases {
    _ = try? lp.write(to: output, format: format)
  }
  // Only LPs are solved: GLPK's MIP preprocessor can loop for good on a tiny model and
  // ignores the time limit (Fuzz/Known/intopt-preprocessor-hang.lp), which would stop
  // the fuzzer on GLPK's problem instead of finding the layer's.
  guard !lp.isMixedInteger, lp.variableCount + lp.constraintCount <= LPFuzzLimits.maxSolvedSize else { return }
  var options = SolverOptions()
  options.iterationLimit = 1000
  options.timeLimit = 1
  _ = try? lp.solve(options)
}

@main
struct FuzzMPSMain {
  static func main() { FuzzEntry.run(fuzzMPS) }
}
