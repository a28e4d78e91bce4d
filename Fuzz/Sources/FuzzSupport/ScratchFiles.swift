// Scratch files for fuzz targets whose code under test reads files, not bytes.

import Glibc

/// A private directory in RAM (`/dev/shm`, else `/tmp`) for the current fuzzing process.
///
/// The readers under test (GLPK's MPS/LP/MathProg readers, the model loader) take a path,
/// so each execution writes its input to a file here first. The directory is per process,
/// so parallel fuzzers (`-jobs`) do not overwrite each other's inputs.
public enum Scratch {
  /// The directory, created on first use.
  public static let directory: String = {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    let dir = "\(base)/corridor-fuzz-\(getpid())"
    mkdir(dir, 0o700)
    // libFuzzer's fork mode starts hundreds of processes: each removes its own directory.
    atexit { removeTree(Scratch.directory) }
    return dir
  }()

  /// Creates `directory/sub` (and returns it); a failure is fatal, since every run needs it.
  public static func subdirectory(_ sub: String) -> String {
    let dir = "\(directory)/\(sub)"
    if mkdir(dir, 0o700) != 0 && errno != EEXIST {
      fatalError("fuzz scratch: cannot create \(dir)")
    }
    return dir
  }

  /// Writes `bytes` to `path`, replacing it. A failure is fatal: the run would test nothing.
  public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { fatalError("fuzz scratch: cannot open \(path)") }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      guard n > 0 else { fatalError("fuzz scratch: cannot write \(path)") }
      offset += n
    }
  }

  /// Writes `bytes` to `path`, replacing it.
  public static func write(_ bytes: [UInt8], to path: String) {
    bytes.withUnsafeBufferPointer { write($0, to: path) }
  }
}

/// Removes `path` and what it holds (the scratch tree is two levels deep, files only).
private func removeTree(_ path: String) {
  if let d = opendir(path) {
    while let entry = readdir(d) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
      if name == "." || name == ".." { continue }
      let child = path + "/" + name
      if unlink(child) != 0 { removeTree(child) }
    }
    closedir(d)
  }
  rmdir(path)
}
