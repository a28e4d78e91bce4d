/// `corridor explain FILE` as text tables or Markdown: the summary, the conflict
/// (one line per row side or bound, as a constraint), the least relaxation (one
/// line per side that moves) and how the analysis ran.
struct LPExplainText {
  let document: LPExplainDocument

  func render(markdown: Bool) -> String {
    let d = document
    var summary: [(String, String)] = [("file", d.file), ("status", d.message)]
    if !d.fixed.isEmpty { summary.append(("fixed", d.fixed.joined(separator: ", "))) }
    var out = TextTable.summary("Infeasibility explained", summary, markdown: markdown)
    if !d.conflict.isEmpty {
      var t = TextTable("Conflict", headers: ["type", "name", "side", "constraint"])
      for s in d.conflict { t.add([s.type, s.name, s.side, s.constraint]) }
      out += "\n" + (markdown ? t.markdown() : t.text())
      out += (markdown ? "\n" : "") + (d.irreducible
        ? "Dropping any one of these makes the rest feasible (checked by a solve each).\n"
        : "Not proven irreducible: the time limit stopped the search.\n")
    }
    if let moves = d.relaxation, d.status == "infeasible" {
      let title = "Least relaxation (each side costs 1 per unit moved; total \(LPNumber.text(d.relaxationCost ?? 0)))"
      out += "\n" + (markdown ? "### " + title + "\n\n" : title + "\n")
      for m in moves {
        let what = m.type == "row" ? "row \(m.name): \(m.side) side" : "bound \(m.name): \(m.side) bound"
        let direction = m.side == "lower" ? "down" : "up"
        out += (markdown ? "- " : "  ") + "\(what) \(LPNumber.text(m.from)) → \(LPNumber.text(m.to)) (\(direction) by \(LPNumber.text(m.by)))\n"
      }
      if moves.isEmpty { out += (markdown ? "- " : "  ") + "none found\n" }
    }
    let r = d.run
    let run = "\(r.solves) solve\(r.solves == 1 ? "" : "s"), \(r.iterations) simplex iteration\(r.iterations == 1 ? "" : "s"), "
      + "\(Number.grouped(r.seconds, digits: 2)) s" + (r.method.isEmpty ? "" : "; " + r.method.joined(separator: ", "))
      + (r.timedOut ? "; stopped by the time limit" : "")
    out += "\n" + (markdown ? "Run: " + run + "\n" : "run: " + run + "\n")
    return out
  }
}
