/// The value report as tidy CSV: one row per figure of the ``ValueDocument``, so the CSV
/// holds what the JSON holds, in the same units.
///
/// Columns: `section,name,detail,quantity,value,unit`.
/// - `section`: `run`, `base`, `toot`, `pint`, `curve`, `piece`, `point`, `sample`;
/// - `name`: the corridor; `detail`: the country of a net value change, the index of a
///   piece or point; `value`: a number (shortest exact form) or text, empty when missing.
struct ValueCSV {
  let document: ValueDocument

  typealias Writer = TidyCSVWriter

  func render() -> String {
    let p = document
    var w = Writer()
    let r = p.run
    w.text("run", "", "", "schema", p.schema)
    w.text("run", "", "", "base_file", r.base)
    w.text("run", "", "", "scenario_file", r.scenario)
    for (i, c) in r.corridors.enumerated() { w.text("run", c, String(i + 1), "corridor", c) }
    for (i, e) in r.edits.enumerated() { w.text("run", "", String(i + 1), "edits", e) }
    w.text("run", "", "", "solves", String(r.solves))
    w.text("run", "", "", "iterations", String(r.iterations))
    w.text("run", "", "", "cold_base_iterations", String(r.coldBaseIterations))
    w.text("run", "", "", "warm_iterations_per_solve", r.warmIterationsPerSolve.map(Number.exact))
    for (i, n) in p.notes.enumerated() { w.text("run", "", String(i + 1), "note", n) }
    w.text("base", p.model, "", "status", p.baseStatus)
    w.text("base", p.model, "", "objective_kind", p.objectiveKind)
    w.figure("base", p.model, "", "value", p.baseValue)
    w.figure("base", p.model, "", "horizon", Figure(p.horizonHours, "h"))
    for c in p.corridors {
      if let n = c.note { w.text("toot", c.name, "", "note", n) }
      for (section, k) in [("toot", c.toot), ("pint", c.pint)] {
        w.text(section, c.name, "", "status_with", k.statusWith)
        w.text(section, c.name, "", "status_without", k.statusWithout)
        w.figure(section, c.name, "", "value_with", k.valueWith)
        w.figure(section, c.name, "", "value_without", k.valueWithout)
        w.figure(section, c.name, "", "value", k.value)
        w.figure(section, c.name, "", "tariffs", k.tariffs)
        w.figure(section, c.name, "", "congestion_rent", k.congestionRent)
        for x in k.countries {
          w.figure(section, c.name, x.country, "net_value_with", x.netValueWith)
          w.figure(section, c.name, x.country, "net_value_without", x.netValueWithout)
          w.figure(section, c.name, x.country, "net_value_change", x.change)
        }
      }
    }
    for c in p.curves {
      w.figure("curve", c.corridor, "", "from", c.from)
      w.figure("curve", c.corridor, "", "to", c.to)
      w.text("curve", c.corridor, "", "solves", String(c.solves))
      w.text("curve", c.corridor, "", "failure", c.failure)
      for (i, b) in c.breakpoints.enumerated() { w.figure("curve", c.corridor, String(i + 1), "breakpoint", b) }
      for (i, x) in c.pieces.enumerated() {
        let d = String(i + 1)
        w.figure("piece", c.corridor, d, "from", x.from)
        w.figure("piece", c.corridor, d, "to", x.to)
        w.figure("piece", c.corridor, d, "value_from", x.valueFrom)
        w.figure("piece", c.corridor, d, "value_to", x.valueTo)
        w.figure("piece", c.corridor, d, "slope", x.slope)
      }
      for (section, list) in [("point", c.points), ("sample", c.samples)] {
        for (i, x) in list.enumerated() {
          let d = String(i + 1)
          w.figure(section, c.corridor, d, "capacity", x.capacity)
          w.figure(section, c.corridor, d, "value", x.value)
          w.figure(section, c.corridor, d, "shadow_price", x.shadowPrice)
        }
      }
    }
    return w.out
  }
}
