// libFuzzer target: the LP layer's CPLEX LP reader, then writing and solving what it
// accepted.
//
// Input: the bytes of a CPLEX LP file, written to a scratch file in /dev/shm and read with
// `LinearProgram.read(_:format: .cplexLP)`. A model that reads is written back in every
// format (each may throw, never abort) and, when small and continuous, solved with an
// iteration limit.
//
// Property: `LPError`s only; GLPK never aborts the process; no hang, no leak. The seed
// corpus (Fuzz/Corpus/cplex-lp) holds GLPK's example LP files and models exported by the
// planner.

import FuzzSupport
import LinearProgramming

private let directory = Scratch.subdirectory("lp")
private let inputPath = directory + "/input.lp"
private let output = directory + "/output"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCPLEXLP(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = input else { return 0 }
  Scratch.write(UnsafeBufferPointer(start: data, count: size), to: inputPath)
  guard let lp = try? LinearProgram.read(inputPath, format: .cplexLP) else { return 0 }
  for format in ModelFileFormat.allCases {
    _ = try? lp.write(to: output, format: format)
  }
  // Only LPs are solved (see FuzzMPS: GLPK's MIP preprocessor can hang).
  guard !lp.isMixedInteger, lp.variableCount + lp.constraintCount <= LPFuzzLimits.maxSolvedSize else { return 0 }
  var options = SolverOptions()
  options.iterationLimit = 1000
  options.timeLimit = 1
  _ = try? lp.solve(options)
  return 0
}

@main
struct FuzzCPLEXLPMain {
  static func main() { FuzzEntry.run(fuzzCPLEXLP) }
}
