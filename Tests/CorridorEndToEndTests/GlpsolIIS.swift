// Checking an IIS file written by `corridor explain --write` in glpsol, independently
// of the program that wrote it: the file is infeasible as written, and feasible once
// any one of its row sides or bounds is removed (one glpsol run per removal).
//
// The file is read as GLPK's CPLEX LP writer lays it out (the only writer of these
// files): rows `name: terms op rhs` over one or more lines, bounds `x free`,
// `x >= l`, `-Inf <= x <= u`, `l <= x <= u`, `x = v`, and the format's default
// bounds `0 <= x < +inf` for columns not listed. Each variant is written back in
// plain CPLEX LP with every bound explicit.

import Foundation
import Testing

enum GlpsolIIS {
  struct Row {
    var name: String
    var lhs: String
    var op: String
    var rhs: Double
  }

  struct Model {
    var rows: [Row] = []
    var columns: [String] = []
    var lower: [String: Double] = [:]
    var upper: [String: Double] = [:]

    /// The model as a CPLEX LP file with every bound written out.
    func text() -> String {
      var out = "Minimize\n obj: 0 \(columns.first ?? "x")\nSubject To\n"
      for r in rows { out += " \(r.name): \(r.lhs) \(r.op) \(fmt(r.rhs))\n" }
      // A CPLEX LP file needs a row: with the last one dropped, one on a new free column that always holds.
      if rows.isEmpty { out += " always_holds: keep_free >= 0\n" }
      out += "Bounds\n"
      for c in columns {
        let lo = lower[c] ?? 0, up = upper[c] ?? .infinity
        out += " \(lo.isFinite ? fmt(lo) : "-inf") <= \(c) <= \(up.isFinite ? fmt(up) : "+inf")\n"
      }
      if rows.isEmpty { out += " keep_free free\n" }
      return out + "End\n"
    }

    private func fmt(_ v: Double) -> String { String(format: "%.17g", v) }

    /// One model per finite side with that side removed, labelled.
    func drops() -> [(label: String, model: Model)] {
      var out: [(String, Model)] = []
      for (k, r) in rows.enumerated() {
        if r.op == "=" {
          for op in [">=", "<="] {  // an equality is two sides: remove one, keep the other
            var m = self
            m.rows[k].op = op == ">=" ? "<=" : ">="
            out.append(("row \(r.name) \(op) side", m))
          }
        } else {
          var m = self
          m.rows.remove(at: k)
          out.append(("row \(r.name)", m))
        }
      }
      for c in columns {
        if (lower[c] ?? 0).isFinite {
          var m = self
          m.lower[c] = -.infinity
          out.append(("lower bound of \(c)", m))
        }
        if (upper[c] ?? .infinity).isFinite {
          var m = self
          m.upper[c] = .infinity
          out.append(("upper bound of \(c)", m))
        }
      }
      return out
    }
  }

  enum ParseError: Error, CustomStringConvertible {
    case unexpected(String)
    var description: String { if case .unexpected(let s) = self { return s }; return "" }
  }

  static func number(_ s: String) -> Double? {
    switch s.lowercased() {
    case "-inf", "-infinity": return -.infinity
    case "+inf", "inf", "+infinity", "infinity": return .infinity
    default: return Double(s)
    }
  }

  /// Reads a file as GLPK's LP writer writes it.
  static func parse(_ text: String) throws -> Model {
    var m = Model()
    var section = ""
    var current: (name: String, tokens: [String])? = nil
    var seen = Set<String>()
    func column(_ name: String) {
      if seen.insert(name).inserted { m.columns.append(name) }
    }
    func closeRow() throws {
      guard let (name, tokens) = current else { return }
      current = nil
      guard let k = tokens.firstIndex(where: { [">=", "<=", "="].contains($0) }), k + 1 < tokens.count,
            let rhs = number(tokens[k + 1]) else { throw ParseError.unexpected("row \(name): \(tokens)") }
      let lhs = Array(tokens[..<k])
      for t in lhs where t != "+" && t != "-" && Double(t) == nil { column(t) }
      m.rows.append(Row(name: name, lhs: lhs.joined(separator: " "), op: tokens[k], rhs: rhs))
    }
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("\\") { continue }
      switch line.lowercased() {
      case "minimize", "maximize", "subject to", "bounds", "end", "generals", "binaries":
        try closeRow()
        section = line.lowercased()
        continue
      default: break
      }
      let tokens = line.split(separator: " ").map(String.init)
      switch section {
      case "subject to":
        if let first = tokens.first, first.hasSuffix(":") {
          try closeRow()
          current = (String(first.dropLast()), Array(tokens.dropFirst()))
        } else {
          current?.tokens += tokens
        }
      case "bounds":
        if tokens.count == 2, tokens[1] == "free" {
          column(tokens[0]); m.lower[tokens[0]] = -.infinity; m.upper[tokens[0]] = .infinity
        } else if tokens.count == 3, let v = number(tokens[2]) {
          column(tokens[0])
          switch tokens[1] {
          case ">=": m.lower[tokens[0]] = v
          case "<=": m.upper[tokens[0]] = v
          case "=": m.lower[tokens[0]] = v; m.upper[tokens[0]] = v
          default: throw ParseError.unexpected("bound: \(line)")
          }
        } else if tokens.count == 5, tokens[1] == "<=", tokens[3] == "<=", let l = number(tokens[0]), let u = number(tokens[4]) {
          column(tokens[2]); m.lower[tokens[2]] = l; m.upper[tokens[2]] = u
        } else {
          throw ParseError.unexpected("bound: \(line)")
        }
      case "generals", "binaries":
        throw ParseError.unexpected("an IIS file of an LP relaxation has no integer section: \(line)")
      default:
        continue  // the objective
      }
    }
    try closeRow()
    return m
  }

  /// glpsol's verdict on an LP file: true feasible, false infeasible, nil other.
  static func feasible(_ path: String) throws -> Bool? {
    guard let glpsol = glpsolPath else { return nil }
    let r = try run(glpsol, ["--lp", path])
    // "PROBLEM HAS NO PRIMAL FEASIBLE SOLUTION" (simplex), "PROBLEM HAS NO FEASIBLE SOLUTION"
    // (its preprocessor on an empty row), "LP HAS NO PRIMAL FEASIBLE SOLUTION" (presolver).
    if r.stdout.contains("NO PRIMAL FEASIBLE SOLUTION") || r.stdout.contains("HAS NO FEASIBLE SOLUTION") { return false }
    if r.stdout.contains("OPTIMAL") && r.status == 0 { return true }
    return nil
  }

  /// Checks an IIS file: infeasible as written and as re-written, feasible with each
  /// side removed. Returns the number of sides (members) and what failed.
  static func check(_ path: String) throws -> (members: Int, problems: [String]) {
    var problems: [String] = []
    if try feasible(path) != false { problems.append("\(path) is not infeasible in glpsol") }
    let model = try parse(try String(contentsOfFile: path, encoding: .utf8))
    let dir = path + ".variants"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let whole = try writeFile(dir, "whole.lp", model.text())
    if try feasible(whole) != false { problems.append("\(path) re-written is not infeasible (the parser misread it)") }
    let drops = model.drops()
    for (k, d) in drops.enumerated() {
      let p = try writeFile(dir, "drop\(k).lp", d.model.text())
      if try feasible(p) != true { problems.append("\(path) without its \(d.label) is not feasible: not irreducible") }
    }
    return (drops.count, problems)
  }
}
