// Stage 1 of the infeasibility analysis: conflicts the column bounds prove
// without a solve.

/// What the bound check found: a row side that the column bounds cannot meet.
struct BoundConflict {
  /// The row side and the column bounds that make up the proof.
  var sides: [RelaxableGroup.Side]
  /// The non-fixed groups among them (empty: the hard sides alone conflict).
  var groups: [Int]
}

extension LinearProgram {
  /// A row whose activity range, from the column bounds alone, misses one of
  /// its sides: `Σ a·x ≥ lo` while `max Σ a·x < lo` (or the mirror case).
  ///
  /// The maximum activity uses each column's upper bound where `a > 0` and its
  /// lower bound where `a < 0`; those bounds and the row's side conflict. A
  /// violation must exceed `1e-6 · max(1, |side|, Σ|a·bound|)`, well above
  /// GLPK's feasibility tolerance, so the solver agrees. Of all such rows, the
  /// one involving the fewest non-fixed groups is returned.
  /// (A column with lower bound above its upper bound cannot occur: the model
  /// rejects it when it is set.)
  func boundConflict(groupOf: [RelaxableGroup.Side: Int], groups: [RelaxableGroup]) -> BoundConflict? {
    var best: BoundConflict? = nil
    for i in 0..<constraintCount {
      var minAct = 0.0, maxAct = 0.0, magnitude = 0.0
      for k in rowStart[i]..<rowStart[i + 1] {
        let j = Int(matIndex[k]), a = matValue[k]
        let (lo, up) = (colLower[j], colUpper[j])
        minAct += a > 0 ? a * lo : a * up
        maxAct += a > 0 ? a * up : a * lo
        if lo.isFinite { magnitude += abs(a * lo) }
        if up.isFinite { magnitude += abs(a * up) }
      }
      for lowerSide in [true, false] {
        let side = lowerSide ? rowLower[i] : rowUpper[i]
        guard side.isFinite else { continue }
        let tolerance = 1e-6 * Swift.max(1, abs(side), magnitude)
        let missed = lowerSide ? maxAct < side - tolerance : minAct > side + tolerance
        guard missed else { continue }
        var sides: [RelaxableGroup.Side] = [lowerSide ? .rowLower(i) : .rowUpper(i)]
        for k in rowStart[i]..<rowStart[i + 1] {
          let j = Int(matIndex[k])
          // The bound that limits the activity in the missing direction.
          let upperBound = (matValue[k] > 0) == lowerSide
          sides.append(upperBound ? .columnUpper(j) : .columnLower(j))
        }
        var found = Set<Int>()
        for s in sides { if let g = groupOf[s], !groups[g].fixed { found.insert(g) } }
        let candidate = BoundConflict(sides: sides, groups: found.sorted())
        if best.map({ candidate.groups.count < $0.groups.count }) ?? true { best = candidate }
        if candidate.groups.isEmpty { return candidate }
      }
    }
    return best
  }
}
