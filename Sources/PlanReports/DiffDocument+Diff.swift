import CorridorPlanning
import LinearProgramming

extension DiffDocument {
  /// Builds the report of `diff`: the one place where a diff's figure gets its unit.
  ///
  /// - Parameter run: the files compared; its solve and iteration counts are filled in
  ///   from the two sides' stages.
  public init(diff: PlanDiff, run: RunReport) {
    let units = ReportUnits(currency: diff.other.currency)
    let money = diff.other.currency
    func fc(_ c: Change, _ unit: String) -> FigureChange {
      FigureChange(before: c.before, after: c.after, unit: unit, changed: c.changed)
    }
    func flag(_ f: FlagChange) -> FlagChangeReport {
      FlagChangeReport(before: f.before, after: f.after, transition: f.transition)
    }
    func keyed(_ list: [KeyedChange]) -> [KeyedFigureChange] {
      list.map { KeyedFigureChange(key: $0.key, value: fc($0.change, $0.unit)) }
    }
    func side(_ s: PlanDiff.Side) -> SideReport {
      SideReport(
        model: s.modelName, scenarios: s.scenarios, status: s.status.rawValue, statusMessage: s.status.message,
        objectiveKind: s.objectiveKind.rawValue, objective: Figure(s.objective, s.currency),
        certificate: s.certificate.map { CertificateReport($0, provenOptimal: s.provenOptimal, gap: s.gap) },
        solves: s.solves, iterations: s.iterations)
    }
    var run = run
    run.solves = diff.base.solves + diff.other.solves
    run.iterations = diff.base.iterations + diff.other.iterations

    self.init(
      run: run, tolerance: diff.tolerance, listsAll: diff.listsAll, empty: diff.isEmpty, currency: money,
      horizonHours: diff.other.totalHours, base: side(diff.base), other: side(diff.other),
      objective: fc(diff.objective, money),
      corridors: diff.corridors.map { c in
        CorridorChangeReport(
          name: c.name, presence: c.presence.rawValue, commodity: c.commodity, from: c.from, to: c.to,
          enabled: flag(c.enabled), capacity: fc(c.capacity, c.unit), flow: fc(c.flow, c.unit),
          utilization: fc(c.utilization, ReportUnits.fraction), shadowPrice: fc(c.shadowPrice, units.perRate(c.unit)),
          binding: flag(c.binding), byCountry: keyed(c.byCountry))
      },
      countries: diff.countries.map { c in
        CountryChangeReport(
          name: c.name, presence: c.presence.rawValue, volume: keyed(c.volume), revenue: fc(c.revenue, money),
          netValue: fc(c.netValue, money), shares: keyed(c.shares))
      },
      markets: diff.markets.map { m in
        MarketChangeReport(
          name: m.name, presence: m.presence.rawValue, commodity: m.commodity, delivered: fc(m.delivered, m.unit),
          revenue: fc(m.revenue, money), averagePrice: fc(m.averagePrice, units.perPriceUnit(m.priceUnit)),
          shadowPrice: fc(m.shadowPrice, units.perRate(m.unit)))
      },
      rules: diff.rules.map { r in
        RuleChangeReport(
          name: r.name, presence: r.presence.rawValue, kind: r.kind, target: fc(r.target, r.unit),
          achieved: fc(r.achieved, r.unit), binding: flag(r.binding), dual: fc(r.dual, units.perRate(r.rowUnit)))
      },
      constraints: diff.constraints.map { c in
        ConstraintChangeReport(
          name: c.name, presence: c.presence.rawValue, per: c.per, activity: fc(c.activity, c.unit),
          rhs: fc(c.rhs, c.unit), binding: flag(c.binding), dual: fc(c.dual, units.perRate(c.unit)))
      })
  }
}

/// Renders a ``PlanDiff`` in any ``ReportFormat``, from one ``DiffDocument``.
public struct DiffReport {
  public var document: DiffDocument

  public init(diff: PlanDiff, run: RunReport) {
    document = DiffDocument(diff: diff, run: run)
  }

  public func render(_ format: ReportFormat) throws -> String {
    switch format {
    case .table: return DiffText(doc: document, markdown: false).render()
    case .markdown: return DiffText(doc: document, markdown: true).render()
    case .json: return try PlanJSON.encode(document)
    case .csv: return DiffCSV(document: document).render()
    case .html: return DiffHTML.render(document)
    }
  }
}
