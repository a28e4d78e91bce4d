// Checks of an infeasibility analysis's input, before anything reaches GLPK.

extension LinearProgram {
  /// Rejects groups and options the analysis cannot use, naming the group.
  ///
  /// - Throws: ``LPError/invalidArgument(_:)`` for a side out of range, a side
  ///   listed twice (in one group or two), an infinite side (it has nothing to
  ///   relax), a scale or weight that is not a positive finite number, or a bad
  ///   time limit; the solver options' own errors.
  func validateInfeasibilityInput(_ groups: [RelaxableGroup], _ options: InfeasibilityOptions) throws(LPError) {
    if let t = options.timeLimit, !(t.isFinite && t >= 0) {
      throw .invalidArgument("infeasibility analysis: the time limit must be a finite number of seconds ≥ 0, not \(t)")
    }
    try options.solver.validate()
    var owner: [RelaxableGroup.Side: Int] = [:]
    for (g, group) in groups.enumerated() {
      let what = "infeasibility analysis: group #\(g)"
      guard group.weight.isFinite, group.weight > 0 else {
        throw .invalidArgument("\(what) has weight \(group.weight); a weight must be a positive finite number (cost per unit of relaxation)")
      }
      for (k, member) in group.members.enumerated() {
        do {
          try checkSide(member.side)
        } catch {
          throw .invalidArgument("\(what), member \(k): \(describe(member.side)) is out of range (the model has \(constraintCount) rows and \(variableCount) columns)")
        }
        guard member.scale.isFinite, member.scale > 0 else {
          throw .invalidArgument("\(what), member \(k) (\(describe(member.side))): scale \(member.scale) must be a positive finite number")
        }
        let value: Double
        switch member.side {
        case .rowLower(let i): value = rowLower[i]
        case .rowUpper(let i): value = rowUpper[i]
        case .columnLower(let j): value = colLower[j]
        case .columnUpper(let j): value = colUpper[j]
        }
        guard value.isFinite else {
          throw .invalidArgument("\(what), member \(k): \(describe(member.side)) is \(value), so there is nothing to relax; leave it out of the group")
        }
        if let first = owner.updateValue(g, forKey: member.side) {
          let place = first == g ? "twice in this group" : "also in group #\(first)"
          throw .invalidArgument("\(what), member \(k): \(describe(member.side)) is listed \(place); each side may belong to one group once")
        }
      }
    }
  }

  /// "the lower side of constraint 'c1'", "the upper bound of variable #3".
  func describe(_ side: RelaxableGroup.Side) -> String {
    switch side {
    case .rowLower(let i): return "the lower side of \(rowText(i))"
    case .rowUpper(let i): return "the upper side of \(rowText(i))"
    case .columnLower(let j): return "the lower bound of \(columnText(j))"
    case .columnUpper(let j): return "the upper bound of \(columnText(j))"
    }
  }

  private func rowText(_ i: Int) -> String {
    i >= 0 && i < constraintCount ? describe(Constraint(modelID: id, index: i)) : "row #\(i)"
  }

  private func columnText(_ j: Int) -> String {
    j >= 0 && j < variableCount ? describe(Variable(modelID: id, index: j)) : "column #\(j)"
  }
}
