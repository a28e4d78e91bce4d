// `corridor explain MODEL.toml`: the corridor-model path of issue #10.
// A placeholder until the coordinator's version of this file replaces it.

extension CorridorCommand.Explain {
  /// Explains an infeasible corridor model in its own entries (not yet available).
  func runCorridorModel() throws -> ExitStatus {
    throw CLIFailure(
      status: .usage,
      message: "explain for corridor models (.toml) is not yet available; export the model with 'corridor export \(file) --lp model.lp' and run 'corridor explain model.lp'")
  }
}
