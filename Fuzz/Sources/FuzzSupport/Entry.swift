// The `main` of every fuzz target.

import FuzzDriver
import Glibc

/// Hands the process to libFuzzer with `testOneInput` as the function under test.
///
/// Each target declares `@main struct … { static func main() { FuzzEntry.run(f) } }`; the
/// same `f` is also exported as `LLVMFuzzerTestOneInput` so that the object file works with
/// libFuzzer's own `main` too.
public enum FuzzEntry {
  public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    exit(corridor_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, testOneInput))
  }
}
