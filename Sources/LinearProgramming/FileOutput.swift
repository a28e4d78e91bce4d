import Glibc

/// Writes output files the way a user of a command-line tool expects.
///
/// - A **symbolic link** is followed: its target is written and the link stays.
/// - A **regular file** (or a path that does not exist yet) is written to a
///   temporary file in the same folder and renamed into place, so the file
///   appears complete or not at all; an existing file keeps its permissions.
/// - A **FIFO or device** (a named pipe, `/dev/full`), or any path reached
///   through `/dev` or `/proc` (`/dev/stdout`), cannot be replaced: the bytes
///   are written to it directly and every write is checked, so a full device
///   is an error, not a silent loss.
///
/// Every failure is an ``LPError/writeFailed(path:message:)`` naming the path
/// the caller gave and the system's reason ("No space left on device").
public enum FileOutput {
  /// What a path names once symbolic links are followed.
  public enum Kind: Sendable, Equatable {
    /// Nothing there yet: the file will be created.
    case absent
    /// A regular file: it will be replaced atomically.
    case regular
    /// A folder: cannot be written.
    case directory
    /// A FIFO, character or block device, or socket: written directly.
    case special
  }

  /// The path `path` really writes to: symbolic links in its last component
  /// are followed, also when the final target does not exist yet (a dangling
  /// link creates its target). Links in folder components are left to the
  /// kernel, which follows them anyway.
  public static func resolvingSymlinks(_ path: String) -> String {
    resolvingSymlinks(path, steps: 40)  // more is a loop: opening it fails with ELOOP
  }

  static func resolvingSymlinks(_ path: String, steps: Int) -> String {
    var current = path
    for _ in 0..<steps {
      var st = stat()
      guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
      var buffer = [UInt8](repeating: 0, count: 4097)
      let n = buffer.withUnsafeMutableBufferPointer { b in
        b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { readlink(current, $0, b.count - 1) }
      }
      guard n > 0 else { return current }
      let target = String(decoding: buffer[0..<n], as: UTF8.self)
      current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
    }
    return current
  }

  /// What `path` is, following symbolic links.
  public static func kind(of path: String) -> Kind {
    var st = stat()
    guard stat(path, &st) == 0 else { return .absent }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .directory
    default: return .special
    }
  }

  /// Whether `a` and `b` name the same existing file (same device and inode,
  /// after following links): also true for two hard links or `./x` and `x`.
  public static func isSameFile(_ a: String, _ b: String) -> Bool {
    var sa = stat(), sb = stat()
    guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
  }

  /// Checks, before any long computation, that `path` can be written.
  /// - Throws: ``LPError/writeFailed(path:message:)`` for a folder, a missing
  ///   or read-only parent folder, or a target without write permission.
  public static func checkWritable(_ path: String) throws(LPError) {
    let d = destination(of: path)
    switch d.kind {
    case .directory:
      throw .writeFailed(path: path, message: "it is a folder; give a file name")
    case _ where d.direct:
      guard access(d.target, W_OK) == 0 else { throw .writeFailed(path: path, message: lastError()) }
    default:
      let dir = folder(of: d.target)
      guard kind(of: dir) == .directory else {
        throw .writeFailed(path: path, message: "folder '\(dir)' does not exist; create it first")
      }
      guard access(dir, W_OK) == 0 else {
        throw .writeFailed(path: path, message: "folder '\(dir)' is not writable")
      }
      if d.kind == .regular, access(d.target, W_OK) != 0 {
        throw .writeFailed(path: path, message: "the file is read-only; make it writable or choose another path")
      }
    }
  }

  /// Writes `text` to `path` (see ``FileOutput`` for links, FIFOs and devices).
  public static func write(_ text: String, to path: String) throws(LPError) {
    try write(to: path) { (temporary: String) -> String? in
      let fd = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
      guard fd >= 0 else { return lastError() }
      var bytes = Array(text.utf8)
      if let failure = writeAll(fd, &bytes) { close(fd); return failure }
      return close(fd) == 0 ? nil : lastError()
    }
  }

  /// Has `produce` fill a temporary file (it returns an error message or nil),
  /// then moves it to `path`: renamed over a regular file, copied into a FIFO
  /// or device with checked writes. The temporary file never survives.
  static func write(to path: String, produce: (String) -> String?) throws(LPError) {
    let d = destination(of: path)
    if d.kind == .directory {
      throw .writeFailed(path: path, message: "it is a folder; give a file name")
    }
    // Replaced files: a sibling, so the rename cannot cross file systems.
    let dir = d.direct ? temporaryFolder() : folder(of: d.target)
    guard let temporary = createTemporary(in: dir, like: d.target, copyMode: d.kind == .regular) else {
      throw .writeFailed(path: path, message: lastError())
    }
    defer { unlink(temporary) }
    if let failure = produce(temporary) {
      throw .writeFailed(path: path, message: failure)
    }
    if d.direct {
      if let failure = copy(temporary, into: d.target, append: d.kind == .regular) {
        throw .writeFailed(path: path, message: failure)
      }
    } else if rename(temporary, d.target) != 0 {
      throw .writeFailed(path: path, message: lastError())
    }
  }

  /// Where writing `path` goes and how.
  ///
  /// - `direct`: open and write (no temporary file and rename) for FIFOs and
  ///   devices, and for any path that reaches its file through `/dev` or
  ///   `/proc` (`/dev/stdout`, `/dev/fd/3`): such names are the kernel's
  ///   handles on an open file, and replacing what they resolve to would cut
  ///   the caller's file out from under its descriptor. A regular file reached
  ///   that way is appended to, so `--output /dev/stdout >> log` keeps the log.
  /// - otherwise `target` is the path with its symbolic links followed, to be
  ///   replaced by rename (or created).
  static func destination(of path: String) -> (target: String, kind: Kind, direct: Bool) {
    var chain = [path]
    var current = path
    for _ in 0..<40 {
      var st = stat()
      guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { break }
      current = resolvingSymlinks(current, steps: 1)
      chain.append(current)
    }
    let throughKernel = chain.contains { $0.hasPrefix("/dev/") || $0.hasPrefix("/proc/") }
    switch kind(of: path) {
    case .special: return (path, .special, true)
    case .directory: return (path, .directory, false)
    case .regular: return throughKernel ? (path, .regular, true) : (current, .regular, false)
    case .absent: return (current, .absent, false)
    }
  }

  /// Writes all of `bytes` to `fd`, retrying short writes and interrupts.
  /// Returns the system's reason on failure, nil on success.
  public static func writeAll(_ fd: Int32, _ bytes: inout [UInt8]) -> String? {
    var offset = 0
    let count = bytes.count
    let failure: String? = bytes.withUnsafeBytes { buffer in
      while offset < count {
        let n = Glibc.write(fd, buffer.baseAddress! + offset, count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return lastError()
        }
        offset += n
      }
      return nil
    }
    return failure
  }

  // MARK: Helpers

  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func temporaryFolder() -> String {
    if let t = getenv("TMPDIR"), case let s = String(cString: t), !s.isEmpty { return s }
    return "/tmp"
  }

  /// Creates an empty, uniquely named temporary file in `dir`; with `copyMode`,
  /// it takes the permissions of `like` (so a replaced file keeps them).
  private static func createTemporary(in dir: String, like target: String, copyMode: Bool) -> String? {
    let base = String(target.split(separator: "/").last ?? "out")
    var mode: mode_t = 0o666
    if copyMode {
      var st = stat()
      if stat(target, &st) == 0 { mode = st.st_mode & 0o7777 }
    }
    for attempt in 0..<100 {
      let name = "\(dir)/.\(base).\(getpid()).\(attempt).tmp"
      let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
      if fd >= 0 {
        // The umask may have narrowed an existing file's mode: restore it exactly.
        if copyMode { fchmod(fd, mode) }
        close(fd)
        return name
      }
      if errno != EEXIST { return nil }
    }
    return nil
  }

  /// Copies the file at `source` into the existing FIFO, device or (with
  /// `append`) regular file `target`.
  private static func copy(_ source: String, into target: String, append: Bool) -> String? {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { return lastError() }
    defer { close(input) }
    let output = open(target, O_WRONLY | O_CLOEXEC | (append ? O_APPEND : 0))
    guard output >= 0 else { return lastError() }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        let reason = lastError()
        close(output)
        return reason
      }
      if n == 0 { break }
      var part = Array(chunk[0..<n])
      if let failure = writeAll(output, &part) { close(output); return failure }
    }
    return close(output) == 0 ? nil : lastError()
  }

  static func lastError() -> String { String(cString: strerror(errno)) }
}
