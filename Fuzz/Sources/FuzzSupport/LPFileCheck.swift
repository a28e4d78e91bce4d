// What the LP-file targets check after GLPK's reader accepted a file.

/// The pieces of a read model a fuzz target looks at, without depending on
/// LinearProgramming here (FuzzSupport stays free of the package under test).
public enum LPFuzzLimits {
  /// Inputs whose model is larger than this are not solved: a fuzzer-made LP with
  /// thousands of columns is a test of GLPK's speed, not of the layer.
  public static let maxSolvedSize = 200
}
