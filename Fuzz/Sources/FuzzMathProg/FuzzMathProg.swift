// libFuzzer target: the LP layer's MathProg (GMPL) translator wrapper.
//
// Input: a MathProg model, optionally followed by a line `#=== data` and a data section
// for a separate data file. Both are written to scratch files in /dev/shm and translated
// with `MathProgModel(model:data:)`. A model that translates, when small, is solved with
// an iteration limit and postsolved (its `printf`/`display` after `solve;`), then
// postsolved again (which must throw, not abort).
//
// Property: `LPError`s only; GLPK never aborts the process (a step after a failed one
// aborts in GLPK: the wrapper must refuse it); no leak. GLPK's translator can run for a
// long time on some models (a loop over a huge set): run this target with `-timeout`.
// The seed corpus (Fuzz/Corpus/mathprog) holds small GLPK example models.

import FuzzSupport
import LinearProgramming

private let directory = Scratch.subdirectory("mathprog")
private let modelPath = directory + "/model.mod"
private let dataPath = directory + "/data.dat"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMathProg(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = input else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let marker = Array("\n#=== data\n".utf8)
  var split: Int? = nil
  if bytes.count >= marker.count {
    for i in 0...(bytes.count - marker.count) where bytes[i] == 0x0A {
      if bytes[i..<(i + marker.count)].elementsEqual(marker) {
        split = i
        break
      }
    }
  }
  var dataFiles: [String] = []
  if let split {
    Scratch.write(Array(bytes[0..<(split + 1)]), to: modelPath)
    Scratch.write(Array(bytes[(split + marker.count)...]), to: dataPath)
    dataFiles = [dataPath]
  } else {
    Scratch.write(bytes, to: modelPath)
  }
  guard let gmpl = try? MathProgModel(model: modelPath, data: dataFiles) else { return 0 }
  let lp = gmpl.program
  guard lp.variableCount + lp.constraintCount <= LPFuzzLimits.maxSolvedSize else { return 0 }
  var options = SolverOptions()
  options.iterationLimit = 1000
  options.timeLimit = 1
  guard (try? lp.solve(options)) != nil else { return 0 }
  _ = try? gmpl.postsolve()
  _ = try? gmpl.postsolve()
  return 0
}

@main
struct FuzzMathProgMain {
  static func main() { FuzzEntry.run(fuzzMathProg) }
}
