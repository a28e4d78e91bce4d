// "Did you mean …?" suggestions for misspelt keys, names and units.

public enum DidYouMean {
  /// The candidate closest to `word`, if it is close enough to be a plausible typo.
  ///
  /// Closeness is the Levenshtein distance ignoring case; a candidate is accepted when the
  /// distance is at most a third of the word's length (at least 1, at most 3), or when the
  /// words differ only in case.
  public static func suggestion<S: Sequence<String>>(for word: String, among candidates: S) -> String? {
    let lowered = Array(word.lowercased().unicodeScalars)
    guard !lowered.isEmpty else { return nil }
    let limit = min(3, max(1, lowered.count / 3))
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let d = distance(lowered, Array(candidate.lowercased().unicodeScalars), limit: limit)
      guard d <= limit else { continue }
      if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.name) {
        best = (candidate, d)
      }
    }
    return best?.name
  }

  /// ` (did you mean 'x'?)` or an empty string, for a hint in the middle of a message.
  static func aside<S: Sequence<String>>(for word: String, among candidates: S) -> String {
    guard let s = suggestion(for: word, among: candidates) else { return "" }
    return " (did you mean '\(s)'?)"
  }

  /// `; did you mean 'x'?` or an empty string, ready to end a message.
  public static func hint<S: Sequence<String>>(for word: String, among candidates: S) -> String {
    guard let s = suggestion(for: word, among: candidates) else { return "" }
    return "; did you mean '\(s)'?"
  }

  /// Edit distance counting insertions, deletions, substitutions and swaps of two adjacent
  /// characters (`lnik` → `link` is 1), giving up (returning `limit + 1`) once every cell
  /// of a row exceeds `limit`.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    if abs(a.count - b.count) > limit { return limit &+ 1 }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
        rowMin = min(rowMin, current[j])
      }
      if rowMin > limit { return limit &+ 1 }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}
