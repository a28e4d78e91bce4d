import CorridorModel
import Foundation
import LinearProgramming

/// What a contingency analysis (`corridor contingency`) takes out, and how.
///
/// An *outage* is one corridor (N-1) or a pair (N-2, ``pairs``) losing ``derate`` of its
/// capacity: `1` (the default) takes it out, `0.5` halves it. With ``slices`` the loss is
/// confined to a window of slices (a three-month cable repair in an hourly model); the
/// other slices keep the corridor as given.
///
///     var o = ContingencyOptions()
///     o.corridors = ["cpc"]             // only CPC (default: every enabled corridor)
///     o.derate = 0.5                    // CPC at half capacity
///     o.slices = 0..<3                  // in the first three slices only
///
/// How each outage becomes edits of a ``PlanningSession`` (``edits(for:in:)``):
/// - whole horizon, derate 1: the corridor is disabled (`enabled = false`);
/// - whole horizon, derate f < 1: its capacity × (1 − f) (a bound: dual simplex);
/// - a slice window: its availability × (1 − f) in the window's slices (a coefficient of
///   the capacity rows), unchanged elsewhere.
public struct ContingencyOptions: Sendable, Equatable {
  /// The corridors to take out, by name; nil: every corridor enabled in the model.
  public var corridors: [String]?
  /// The fraction of capacity lost, 0…1 (1: the corridor is out).
  public var derate: Double = 1
  /// The slices the outage covers, 0-based and half-open; nil: the whole horizon.
  public var slices: Range<Int>?
  /// Every pair of the corridors out at once (N-2) instead of each alone.
  public var pairs = false
  /// Worker threads, ≥ 1; each keeps its own session.
  public var jobs = 1
  /// Solve each outage from scratch (the planner's default path) instead of from the base
  /// basis: the reference the warm figures are measured against.
  public var cold = false

  public init(corridors: [String]? = nil, derate: Double = 1, slices: Range<Int>? = nil, pairs: Bool = false, jobs: Int = 1,
              cold: Bool = false) {
    self.cold = cold
    self.corridors = corridors
    self.derate = derate
    self.slices = slices
    self.pairs = pairs
    self.jobs = jobs
  }
}

/// Why a contingency analysis cannot run: the option, its value, and what is allowed.
public struct ContingencyError: Error, CustomStringConvertible, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// One outage: the corridors it takes out (one, or two with `--pairs`).
public struct Outage: Sendable, Equatable, Hashable {
  public var corridors: [String]
  public init(_ corridors: [String]) { self.corridors = corridors }
  /// `cpc`, `cpc + btc`.
  public var name: String { corridors.joined(separator: " + ") }
}

extension ContingencyOptions {
  /// Checks the options against `model` and returns the outages to run, in order: each
  /// corridor in model order (or in the order named), or every pair of them.
  public func outages(of model: Model) throws -> [Outage] {
    guard derate.isFinite, (0...1).contains(derate) else {
      throw ContingencyError("--derate \(derate) is not allowed: give the fraction of capacity lost, from 0 to 1 (1 takes the corridor out, 0.5 halves it)")
    }
    guard jobs >= 1 else {
      throw ContingencyError("--jobs \(jobs) is not allowed: give 1 or more worker threads (default: every core, \(defaultJobs))")
    }
    let S = model.slices.count
    if let w = slices, w.isEmpty || w.lowerBound < 0 || w.upperBound > S {
      throw ContingencyError("the slice window \(w.lowerBound + 1)..\(w.upperBound) is outside the horizon: the model has \(S) slices, numbered 1..\(S)")
    }
    var names: [String] = []
    if let given = corridors {
      let known = model.corridors.map(\.name)
      for name in given {
        guard known.contains(name) else {
          throw ContingencyError("--corridor '\(name)' is not a corridor of the model; its corridors are \(known.joined(separator: ", "))")
        }
        if !names.contains(name) { names.append(name) }
      }
    } else {
      names = model.corridors.filter(\.enabled).map(\.name)
    }
    guard pairs else { return names.map { Outage([$0]) } }
    guard names.count >= 2 else {
      throw ContingencyError("--pairs needs at least two corridors; \(names.count == 1 ? "only '\(names[0])' is" : "none is") given")
    }
    var out: [Outage] = []
    for i in names.indices { for j in names.indices where j > i { out.append(Outage([names[i], names[j]])) } }
    return out
  }

  /// The session edits that make `outage` in `model` (see the type's description).
  public func edits(for outage: Outage, in model: Model) -> [PlanningEdit] {
    let keep = 1 - derate
    return outage.corridors.compactMap { name -> PlanningEdit? in
      guard let c = model.corridors.first(where: { $0.name == name }) else { return nil }
      if let w = slices {
        let values = (0..<model.slices.count).map { s in
          w.contains(s) ? c.availability.value(at: s) * keep : c.availability.value(at: s)
        }
        return .availability(corridor: name, .perSlice(values))
      }
      if derate == 1 { return .enabled(corridor: name, false) }
      switch c.capacity {
      case let .constant(v): return .capacity(corridor: name, .constant(v * keep))
      case let .perSlice(v): return .capacity(corridor: name, .perSlice(v.map { $0 * keep }))
      }
    }
  }

  /// Every core of the machine.
  public static var defaultJobs: Int { LinearProgramming.System.activeProcessorCount }
  var defaultJobs: Int { Self.defaultJobs }
}

/// Reads a slice window as the user writes it: `A..B` (both ends included) or one slice
/// `A`, where each end is a slice's name or its 1-based position. Names win over numbers
/// (a slice named `3` is that slice, wherever it is).
///
///     SliceWindow.parse("2..4", slices: model.slices)          // 1..<4 (slices 2, 3, 4)
///     SliceWindow.parse("winter..spring", slices: model.slices)
public enum SliceWindow {
  public static func parse(_ text: String, slices: [TimeSlice]) throws -> Range<Int> {
    let S = slices.count
    let parts = text.components(separatedBy: "..")
    guard parts.count == 1 || parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else {
      throw ContingencyError("--slices '\(text)' is not a slice window: write A..B (both included) or A, where A and B are slice names or positions 1..\(S)")
    }
    func position(_ p: String) throws -> Int {
      if let k = slices.firstIndex(where: { $0.name == p }) { return k }
      if let n = Int(p) {
        guard (1...max(1, S)).contains(n), S > 0 else {
          throw ContingencyError("--slices '\(text)': slice \(n) is outside the horizon; the model has \(S) slices, numbered 1..\(S)")
        }
        return n - 1
      }
      let names = slices.prefix(6).map(\.name).joined(separator: ", ") + (S > 6 ? ", …" : "")
      throw ContingencyError("--slices '\(text)': '\(p)' is neither a slice name nor a position 1..\(S); the slices are \(names)")
    }
    let a = try position(parts[0]), b = try position(parts[parts.count - 1])
    guard a <= b else {
      throw ContingencyError("--slices '\(text)': the window ends (slice \(b + 1)) before it starts (slice \(a + 1)); write the earlier slice first")
    }
    return a..<(b + 1)
  }
}
