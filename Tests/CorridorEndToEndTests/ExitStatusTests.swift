// The exit status of a solve whose certificate fails (issue #8 item 5): no
// model is known on which GLPK's simplex reports an optimum that fails the
// certificate at 1e-7, so the decision is tested on certificates built here.

import Testing
@testable import LinearProgramming
@testable import corridor

@Suite struct ExitStatusTests {
  /// electricity-2030 under GLPK's bare interior point: primal 2.9e-5.
  let violated = Certificate(maxBoundViolation: 0, maxRowViolation: 2.9e-5, maxDualInfeasibility: 0,
                             maxComplementarityViolation: 4.0e-10, relativeGap: 3.5e-9,
                             maxIntegralityViolation: nil, dualObjective: 1.3e9)
  let holding = Certificate(maxBoundViolation: 0, maxRowViolation: 2.9e-12, maxDualInfeasibility: 3e-15,
                            maxComplementarityViolation: 1e-16, relativeGap: 9e-16,
                            maxIntegralityViolation: nil, dualObjective: 1.3e9)

  @Test func aFailingCertificateIsExit12WithAWarning() {
    let (status, warning) = ExitStatus.judge(.optimal, termination: .optimal, certificate: violated)
    #expect(status == .certificateFailed && status.rawValue == 12)
    let text = warning ?? ""
    #expect(text.contains("primal violation 2.9e-05") && text.contains("certificate fails"), "\(text)")
    #expect(!text.contains("complementarity") && !text.contains("duality gap"), "names only the failing measures: \(text)")
  }

  @Test func aHoldingCertificateIsExit0WithoutAWarning() {
    let (status, warning) = ExitStatus.judge(.optimal, termination: .optimal, certificate: holding)
    #expect(status == .optimal && warning == nil)
  }

  /// A time-limited point has a gap by nature: its exit status stays 13.
  @Test func onlyAnOptimumIsJudged() {
    let (status, warning) = ExitStatus.judge(.limitReached, termination: .timeLimit, certificate: violated)
    #expect(status == .limitReached && warning == nil)
    let (none, noWarning) = ExitStatus.judge(.optimal, termination: .optimal, certificate: nil)
    #expect(none == .optimal && noWarning == nil)
  }
}
