import CorridorModel
import CorridorPlanning
import GRDB

/// A sweep's results in SQLite: one row per finished case and tidy tables per quantity.
///
/// Tables (docs/sweeps.md):
/// - `sweep_meta(key, value)`: `sweep_name`, `sweep_hash`, `case_count`, `shard` (`I/N` or
///   `all`), and one `file:PATH` row per model file with its hash;
/// - `cases(case_id, label, status, proven, objective, objective_unit, certificate_holds,
///   iterations, warm, solve_seconds)`;
/// - `case_parameters(case_id, parameter, value)`: the case's values as written;
/// - `corridor_results(case_id, corridor, unit, capacity, flow, utilization, shadow_price,
///   shadow_price_unit)`, `country_results(case_id, country, currency, revenue, net_value)`,
///   `slice_flows(case_id, corridor, slice, flow)` (when recorded).
///
/// A case is written in one transaction, its `cases` row with its results, so a killed
/// sweep never leaves half a case: a case is finished exactly when its `cases` row exists.
/// The journal is WAL, synchronous FULL: a committed case survives a power loss.
public final class SweepDatabase: Sendable {
  let queue: DatabaseQueue
  public let path: String

  /// Opens (creating if needed) the database at `path`.
  /// - Throws: ``SweepError`` when the file exists but is not a SQLite database.
  public convenience init(path: String) throws {
    do {
      try self.init(opening: path)
    } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB || e.resultCode == .SQLITE_CORRUPT {
      throw SweepError("'\(path)' is not a SQLite database (\(e.message ?? "not a database")); give a new file name for --db, or the database a sweep wrote")
    }
  }

  private init(opening path: String) throws {
    var config = Configuration()
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    self.path = path
    queue = try DatabaseQueue(path: path, configuration: config)
    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
    try queue.write { db in
      try db.execute(sql: """
        CREATE TABLE IF NOT EXISTS sweep_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cases (
          case_id INTEGER PRIMARY KEY, label TEXT NOT NULL, status TEXT NOT NULL, proven INTEGER NOT NULL,
          objective REAL, objective_unit TEXT NOT NULL, certificate_holds INTEGER, iterations INTEGER NOT NULL,
          warm INTEGER NOT NULL, solve_seconds REAL NOT NULL);
        CREATE TABLE IF NOT EXISTS case_parameters (
          case_id INTEGER NOT NULL, parameter TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (case_id, parameter));
        CREATE TABLE IF NOT EXISTS corridor_results (
          case_id INTEGER NOT NULL, corridor TEXT NOT NULL, unit TEXT NOT NULL, capacity REAL, flow REAL,
          utilization REAL, shadow_price REAL, shadow_price_unit TEXT NOT NULL, PRIMARY KEY (case_id, corridor));
        CREATE TABLE IF NOT EXISTS country_results (
          case_id INTEGER NOT NULL, country TEXT NOT NULL, currency TEXT NOT NULL, revenue REAL, net_value REAL,
          PRIMARY KEY (case_id, country));
        CREATE TABLE IF NOT EXISTS slice_flows (
          case_id INTEGER NOT NULL, corridor TEXT NOT NULL, slice TEXT NOT NULL, flow REAL,
          PRIMARY KEY (case_id, corridor, slice));
        """)
    }
  }

  /// The metadata a database of `sweep` must carry (shard: `I/N` or `all`).
  public static func identity(of sweep: SweepDefinition, shard: String, files: [String]) -> [String: String] {
    var meta = ["sweep_name": sweep.name, "sweep_hash": sweep.hash, "case_count": String(sweep.cases.count), "shard": shard]
    for f in files { meta["file:" + f] = SweepDefinition.fileHash(f) ?? "unreadable" }
    return meta
  }

  /// Records `meta` in a new database, or checks that an existing one was written by the
  /// same sweep (same sweep file, same model files, same shard). Throws a message naming
  /// what differs.
  public func claim(_ meta: [String: String]) throws {
    try queue.write { db in
      let existing = try Self.readMeta(db)
      if existing.isEmpty {
        for (k, v) in meta { try db.execute(sql: "INSERT INTO sweep_meta (key, value) VALUES (?, ?)", arguments: [k, v]) }
        return
      }
      if existing["sweep_hash"] != meta["sweep_hash"] || existing["sweep_name"] != meta["sweep_name"] {
        throw SweepError("'\(path)' holds the results of another sweep ('\(existing["sweep_name"] ?? "?")'); give a new --db file, or delete this one to start over")
      }
      if existing["shard"] != meta["shard"] {
        throw SweepError("'\(path)' holds shard \(existing["shard"] ?? "?") of this sweep, not \(meta["shard"] ?? "?"); give each shard its own --db file")
      }
      for (k, v) in meta where k.hasPrefix("file:") && existing[k] != nil && existing[k] != v {
        throw SweepError("\(k.dropFirst(5)) changed since '\(path)' was started (its finished cases were solved with the old file); give a new --db file to sweep the changed model")
      }
    }
  }

  /// The ids of the finished cases.
  public func finishedCases() throws -> Set<Int> {
    try queue.read { db in Set(try Int.fetchAll(db, sql: "SELECT case_id FROM cases")) }
  }

  /// SQLite's `PRAGMA integrity_check`: `ok`, or what is wrong.
  public func integrityCheck() throws -> String {
    try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
  }

  /// The stored metadata.
  public func meta() throws -> [String: String] {
    try queue.read { db in try Self.readMeta(db) }
  }

  /// The `sweep_meta` table of `schema` (`main`, or an attached shard) as a dictionary.
  static func readMeta(_ db: Database, schema: String = "main") throws -> [String: String] {
    Dictionary(try Row.fetchAll(db, sql: "SELECT key, value FROM \(schema).sweep_meta").map { ($0["key"] as String, $0["value"] as String) },
               uniquingKeysWith: { a, _ in a })
  }

  /// Writes one finished case and its results in one transaction.
  public func record(_ c: SweepCase, of sweep: SweepDefinition, plan: Plan, warm: Bool, iterations: Int, seconds: Double) throws {
    try queue.write { db in
      for (p, v) in zip(sweep.parameters, c.values) {
        try db.execute(sql: "INSERT INTO case_parameters (case_id, parameter, value) VALUES (?, ?, ?)", arguments: [c.id, p.name, SweepCase.display(v)])
      }
      if let k = c.scenarioIndex {
        try db.execute(sql: "INSERT INTO case_parameters (case_id, parameter, value) VALUES (?, 'scenario', ?)", arguments: [c.id, sweep.scenarioLabels[k]])
      }
      if sweep.record.contains(.corridors) {
        for r in plan.corridors {
          try db.execute(sql: """
            INSERT INTO corridor_results (case_id, corridor, unit, capacity, flow, utilization, shadow_price, shadow_price_unit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [c.id, r.name, r.unit, r.capacity, plan.hasPoint ? r.flow : nil, plan.hasPoint ? r.utilization : nil,
                             plan.hasDuals ? r.shadowPrice : nil, "\(plan.currency)/\(r.unit)"])
        }
      }
      if sweep.record.contains(.countries), plan.hasPoint {
        for r in plan.countries {
          try db.execute(sql: "INSERT INTO country_results (case_id, country, currency, revenue, net_value) VALUES (?, ?, ?, ?, ?)",
                         arguments: [c.id, r.name, plan.currency, r.revenue, r.netValue])
        }
      }
      if sweep.record.contains(.slices), plan.hasPoint {
        for r in plan.corridors {
          for (s, flow) in zip(plan.slices, r.sliceFlows) {
            try db.execute(sql: "INSERT INTO slice_flows (case_id, corridor, slice, flow) VALUES (?, ?, ?, ?)", arguments: [c.id, r.name, s.name, flow])
          }
        }
      }
      // Last: the row that marks the case finished.
      try db.execute(sql: """
        INSERT INTO cases (case_id, label, status, proven, objective, objective_unit, certificate_holds, iterations, warm, solve_seconds)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, arguments: [c.id, c.label(sweep), plan.status.rawValue, plan.provenOptimal, plan.hasPoint ? plan.objective : nil,
                         plan.currency, plan.certificate.map { $0.holds() }, iterations, warm, seconds])
    }
  }

  /// Copies every case of `shards` into this database (new, or holding earlier shards of
  /// the same sweep): refuses a shard of another sweep (sweep or model file hash) and a case
  /// already present; each shard is copied in one transaction, all or nothing. A shard is
  /// read through `ATTACH` on this connection, never opened (or changed) on its own.
  /// - Returns: how many cases were copied.
  public func merge(_ shards: [String]) throws -> Int {
    var copied = 0
    for shard in shards {
      try queue.writeWithoutTransaction { db in
        do {
          try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [shard])
        } catch let e as DatabaseError {
          throw SweepError("'\(shard)' is not a SQLite database (\(e.message ?? "cannot attach it")); give the --db files the shards wrote")
        }
        defer { try? db.execute(sql: "DETACH DATABASE shard") }
        let m: [String: String]
        do { m = try Self.readMeta(db, schema: "shard") } catch let e as DatabaseError {
          throw SweepError("'\(shard)' is not a sweep database (\(e.message ?? "no sweep_meta")); give the --db files the shards wrote")
        }
        guard let hash = m["sweep_hash"] else {
          throw SweepError("'\(shard)' is not a sweep database (its sweep_meta is empty); give the --db files the shards wrote")
        }
        let existing = try Self.readMeta(db)
        if let h = existing["sweep_hash"], h != hash {
          throw SweepError("'\(shard)' is a shard of another sweep ('\(m["sweep_name"] ?? "?")') than '\(path)' ('\(existing["sweep_name"] ?? "?")'); merge shards of one sweep")
        }
        for (k, v) in m where k.hasPrefix("file:") {
          if let mine = existing[k], mine != v {
            throw SweepError("'\(shard)' was solved with another version of \(k.dropFirst(5)) than '\(path)' holds; re-run that shard")
          }
        }
        try db.inTransaction {
          if let dup = try Int.fetchOne(db, sql: "SELECT s.case_id FROM shard.cases s JOIN main.cases m ON s.case_id = m.case_id LIMIT 1") {
            throw SweepError("case \(dup) of '\(shard)' is already in '\(path)' (a shard given twice, or overlapping shards); nothing of '\(shard)' was merged")
          }
          if existing.isEmpty {
            for (k, v) in m { try db.execute(sql: "INSERT INTO main.sweep_meta (key, value) VALUES (?, ?)", arguments: [k, k == "shard" ? "all" : v]) }
          }
          for table in ["case_parameters", "corridor_results", "country_results", "slice_flows", "cases"] {
            try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM shard.\(table)")
          }
          copied += try Int.fetchOne(db, sql: "SELECT count(*) FROM shard.cases") ?? 0
          return .commit
        }
      }
    }
    return copied
  }

  /// One finished case, as stored.
  public struct CaseRow: Sendable, Equatable {
    public var id: Int
    public var label: String
    public var status: String
    public var proven: Bool
    public var objective: Double?
    public var unit: String
    public var iterations: Int
    public var warm: Bool
  }

  /// Every finished case, by id.
  public func cases() throws -> [CaseRow] {
    try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM cases ORDER BY case_id").map { r in
        CaseRow(id: r["case_id"], label: r["label"], status: r["status"], proven: r["proven"], objective: r["objective"],
                unit: r["objective_unit"], iterations: r["iterations"], warm: r["warm"])
      }
    }
  }

  /// A case's parameter values (`corridors.cpc.capacity` → `"54 Mt/yr"`).
  public func parameters() throws -> [Int: [String: String]] {
    try queue.read { db in
      var out: [Int: [String: String]] = [:]
      for r in try Row.fetchAll(db, sql: "SELECT * FROM case_parameters") { out[r["case_id"], default: [:]][r["parameter"]] = r["value"] }
      return out
    }
  }

  /// Per case and corridor: (flow, shadow price, unit).
  public func corridorResults() throws -> [Int: [String: (flow: Double?, shadowPrice: Double?, unit: String)]] {
    try queue.read { db in
      var out: [Int: [String: (flow: Double?, shadowPrice: Double?, unit: String)]] = [:]
      for r in try Row.fetchAll(db, sql: "SELECT * FROM corridor_results") {
        out[r["case_id"], default: [:]][r["corridor"]] = (r["flow"], r["shadow_price"], r["unit"])
      }
      return out
    }
  }

  /// Per case and country: net value.
  public func countryValues() throws -> [Int: [String: Double]] {
    try queue.read { db in
      var out: [Int: [String: Double]] = [:]
      for r in try Row.fetchAll(db, sql: "SELECT case_id, country, net_value FROM country_results WHERE net_value IS NOT NULL") {
        out[r["case_id"], default: [:]][r["country"]] = r["net_value"]
      }
      return out
    }
  }
}

/// A problem with a sweep that the user can fix (a database of another sweep, a bad shard).
public struct SweepError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
