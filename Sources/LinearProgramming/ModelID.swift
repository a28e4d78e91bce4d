import Synchronization

/// A process-unique identity of a ``LinearProgram``, carried by its handles.
public struct ModelID: Hashable, Sendable, CustomStringConvertible {
  let raw: UInt64

  private static let counter = Atomic<UInt64>(0)

  static func next() -> ModelID {
    ModelID(raw: counter.add(1, ordering: .relaxed).newValue)
  }

  public var description: String { "model #\(raw)" }
}
