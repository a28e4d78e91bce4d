// A property every successful load must have: no NaN or infinity anywhere in the result.

/// Walks `value` with reflection and traps (a crash libFuzzer records) on the first
/// non-finite `Double`, naming where it sits. Reflection keeps the check independent of
/// the model's exact shape, which changes as the format grows.
public func requireFinite(_ value: Any, path: String = "model", depth: Int = 0) {
  if let d = value as? Double {
    if !d.isFinite { fatalError("loaded a non-finite number \(d) at \(path)") }
    return
  }
  if let f = value as? Float {
    if !f.isFinite { fatalError("loaded a non-finite number \(f) at \(path)") }
    return
  }
  // Strings and numbers other than floating point hold no floating point inside.
  if value is String || value is Substring || value is Int || value is Bool { return }
  guard depth < 40 else { return }
  let mirror = Mirror(reflecting: value)
  for (k, child) in mirror.children.enumerated() {
    let label = child.label ?? "[\(k)]"
    requireFinite(child.value, path: path + "." + label, depth: depth + 1)
  }
}
