import Foundation

/// Writes a finished report to stdout or, atomically, to a file.
///
/// A file is written to a temporary sibling and renamed into place, so a
/// failure never leaves a partial output file behind.
enum Output {
  static func emit(_ text: String, to path: String?) throws(CLIFailure) {
    guard let path else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent()
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
      throw CLIFailure(status: .cannotWrite, message: "cannot write '\(path)': folder '\(dir.path)' does not exist")
    }
    let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(text.utf8).write(to: tmp)
    } catch {
      try? FileManager.default.removeItem(at: tmp)
      throw CLIFailure(status: .cannotWrite, message: "cannot write '\(path)': \(error.localizedDescription)")
    }
    if rename(tmp.path, url.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: tmp)
      throw CLIFailure(status: .cannotWrite, message: "cannot write '\(path)': \(reason)")
    }
  }

  static func error(_ message: String) {
    FileHandle.standardError.write(Data(("corridor: error: " + message + "\n").utf8))
  }

  static func plain(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }

  static func warning(_ message: String) {
    FileHandle.standardError.write(Data(("corridor: warning: " + message + "\n").utf8))
  }

  /// Fails early when the output cannot be written, before any solving.
  static func checkWritable(_ path: String?) throws(CLIFailure) {
    guard let path else { return }
    let url = URL(fileURLWithPath: path)
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
      throw CLIFailure(status: .cannotWrite, message: "cannot write '\(path)': it is a folder")
    }
    let dir = url.deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
      throw CLIFailure(status: .cannotWrite, message: "cannot write '\(path)': folder '\(dir)' does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: dir) else {
      throw CLIFailure(status: .cannotWrite, message: "cannot write '\(path)': folder '\(dir)' is not writable")
    }
  }
}
