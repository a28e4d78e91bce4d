// libFuzzer target: the CSV scanner and its number parser.
//
// Input: the bytes of a CSV file. The columns of a successfully split table (the first 16,
// the last, and one past the end) are read as numbers, with the row count as the length.
//
// Property: numbers read are finite; a problem's line and column, when given, are
// positive; nothing traps or hangs. The seed corpus (Fuzz/Corpus/csv) holds the shipped
// data files (except the 8,760-row one, which makes every run slow) and the fixtures'.

@testable import CorridorModel
import FuzzSupport

private func checkPlace(_ p: CSVTable.Problem) {
  if let line = p.line, line < 1 { fatalError("problem line \(line) < 1: \(p.message)") }
  if let column = p.column, column < 1 { fatalError("problem column \(column) < 1: \(p.message)") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = input else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  switch CSVTable.parse(bytes, path: "fuzz.csv") {
  case .failure(let p): checkPlace(p)
  case .success(let table):
    // The first columns, the last one and one past the end: reading every column of a
    // 4 KiB file with two thousand columns costs time in the harness, not new paths.
    let count = table.header.count
    for k in Set(Array(0..<min(count, 16)) + [max(count - 1, 0), count]).sorted() {
      switch table.numbers(column: k, count: table.rows.count) {
      case .success(let values): requireFinite(values, path: "column \(k)")
      case .failure(let problems): problems.list.forEach(checkPlace)
      }
      _ = table.strings(column: k)
      _ = table.columnIndex(k < table.header.count ? table.header[k] : "missing")
    }
  }
  return 0
}

@main
struct FuzzCSVMain {
  static func main() { FuzzEntry.run(fuzzCSV) }
}
