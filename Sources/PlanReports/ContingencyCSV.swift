/// The contingency analysis as tidy CSV: one row per figure of the ``ContingencyDocument``,
/// so the CSV holds everything the JSON holds, in the same units.
///
/// Columns: `section,name,detail,quantity,value,unit`.
/// - `section`: `run`, `base`, `outage`, `country` (what a country loses in an outage),
///   `flow` (a corridor's flow change in an outage), `commitment`, `ranking`.
/// - `name`: the outage (`cpc`, `cpc + btc` with `--pairs`); `detail`: the country, the
///   corridor, the commitment rule, or the position of a list entry.
/// - `value`: a number (shortest exact form), text, or `1`/`0` for yes/no; empty: missing.
struct ContingencyCSV {
  let document: ContingencyDocument

  typealias Writer = TidyCSVWriter

  func render() -> String {
    let p = document, r = p.run
    var w = Writer()
    w.text("run", "", "", "schema", p.schema)
    w.text("run", "", "", "model_file", r.model)
    for (i, s) in r.scenarios.enumerated() { w.text("run", "", String(i + 1), "scenario_file", s) }
    w.text("run", "", "", "mode", r.mode)
    w.figure("run", "", "", "derate", r.derate)
    if let x = r.slices {
      w.number("run", "", "", "slices.first", Double(x.first))
      w.number("run", "", "", "slices.last", Double(x.last))
      w.text("run", "", "", "slices.first_name", x.firstName)
      w.text("run", "", "", "slices.last_name", x.lastName)
      w.number("run", "", "", "slices.hours", x.hours, "h")
    }
    for (i, c) in r.corridors.enumerated() { w.text("run", "", String(i + 1), "corridor", c) }
    w.number("run", "", "", "workers", Double(r.workers))
    w.text("run", "", "", "start", r.start)
    w.number("run", "", "", "base_iterations", Double(r.baseIterations))
    w.number("run", "", "", "solves", Double(r.solves))
    w.number("run", "", "", "iterations", Double(r.iterations))
    w.number("run", "", "", "cold_equivalent_iterations", Double(r.coldEquivalentIterations))
    w.number("run", "", "", "warm_to_cold", r.warmToCold)
    w.text("base", "", "", "status", p.base.status)
    w.figure("base", "", "", "objective", p.base.objective)
    w.text("base", "", "", "objective_kind", p.objectiveKind)
    w.number("base", "", "", "horizon_hours", p.horizonHours, "h")
    for o in p.outages {
      let n = o.name
      w.number("outage", n, "", "rank", Double(o.rank))
      for (i, c) in o.corridors.enumerated() { w.text("outage", n, String(i + 1), "corridor", c) }
      for (i, e) in o.edits.enumerated() { w.text("outage", n, String(i + 1), "edit", e) }
      w.text("outage", n, "", "status", o.status)
      w.figure("outage", n, "", "objective", o.objective)
      w.figure("outage", n, "", "lost", o.lost)
      w.figure("outage", n, "", "lost_share", o.lostShare)
      w.number("outage", n, "", "solves", Double(o.solves))
      w.number("outage", n, "", "iterations", Double(o.iterations))
      w.flag("outage", n, "", "warm", o.warm)
      for c in o.countries {
        w.figure("country", n, c.country, "net_value.before", c.before)
        w.figure("country", n, c.country, "net_value.after", c.after)
        w.figure("country", n, c.country, "net_value.lost", c.lost)
      }
      for f in o.flows {
        w.flag("flow", n, f.corridor, "out", f.out)
        w.figure("flow", n, f.corridor, "before", f.before)
        w.figure("flow", n, f.corridor, "after", f.after)
        w.figure("flow", n, f.corridor, "change", f.change)
      }
      for c in o.commitments { w.text("commitment", n, c, "cannot_be_met", o.commitmentsJointly ? "jointly" : "alone") }
    }
    for (i, name) in p.ranking.enumerated() { w.text("ranking", name, "", "rank", String(i + 1)) }
    return w.out
  }
}
