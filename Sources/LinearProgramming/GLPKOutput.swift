internal import CGLPK
import Glibc

/// Collects GLPK's terminal output while a block runs on this thread.
///
/// GLPK prints everything (solver progress, reader errors, MathProg messages)
/// to stdout through one per-thread hook; the layer installs a hook around each
/// call so nothing reaches the terminal unless the caller asks for the log. If
/// GLPK is about to abort (a bug of this layer: every argument is validated
/// first), the error hook writes what was captured to stderr so the cause is
/// not lost with the process.
final class OutputCapture {
  var text = ""
}

/// Runs `body` with GLPK's output captured; returns the body's result and the text.
func withGLPKOutput<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (T, String) {
  let box = OutputCapture()
  let context = Unmanaged.passRetained(box).toOpaque()
  glp_term_hook({ info, s in
    guard let info, let s else { return 1 }
    let chunk = String(cString: s)
    Unmanaged<OutputCapture>.fromOpaque(info).takeUnretainedValue().text += chunk
    SolverProgress.note(chunk)
    return 1
  }, context)
  glp_error_hook({ info in
    guard let info else { return }
    let text = "corridor: GLPK is aborting the process (a bug in the LP layer; please report it):\n"
      + Unmanaged<OutputCapture>.fromOpaque(info).takeUnretainedValue().text + "\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
  }, context)
  defer {
    glp_term_hook(nil, nil)
    glp_error_hook(nil, nil)
    Unmanaged<OutputCapture>.fromOpaque(context).release()
  }
  let result = try body()
  return (result, box.text)
}

/// Writes a line into GLPK's output (captured like the solver's own log).
/// `glp_printf` is variadic and unavailable in Swift; `glp_puts` adds no newline.
func glpkLog(_ text: String) {
  text.withCString { glp_puts($0) }
}
