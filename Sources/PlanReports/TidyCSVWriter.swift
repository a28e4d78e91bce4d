/// Writes the tidy CSV every report but the diff uses: one row per quantity,
/// `section,name,detail,quantity,value,unit` (docs/json-schema.md). A missing value is an
/// empty field; yes/no is `1`/`0`; numbers in their shortest exact form.
struct TidyCSVWriter {
  var out = CSV.line(["section", "name", "detail", "quantity", "value", "unit"])

  mutating func text(_ s: String, _ n: String, _ d: String, _ q: String, _ v: String?) {
    out += CSV.line([s, n, d, q, v ?? "", ""])
  }

  mutating func number(_ s: String, _ n: String, _ d: String, _ q: String, _ v: Double?, _ unit: String = "") {
    out += CSV.line([s, n, d, q, v.map(Number.exact) ?? "", unit])
  }

  mutating func figure(_ s: String, _ n: String, _ d: String, _ q: String, _ f: Figure) {
    number(s, n, d, q, f.value, f.unit)
  }

  mutating func flag(_ s: String, _ n: String, _ d: String, _ q: String, _ v: Bool?) {
    text(s, n, d, q, v.map { $0 ? "1" : "0" })
  }
}
