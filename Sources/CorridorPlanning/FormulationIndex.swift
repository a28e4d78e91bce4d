import CorridorModel

/// A column of a formulation's LP: a typed position, so a column is never confused with a
/// row, a slice or a model entry's position.
public struct LPColumn: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let index: Int
  public init(_ index: Int) { self.index = index }
  public static func < (a: LPColumn, b: LPColumn) -> Bool { a.index < b.index }
  public var description: String { "column #\(index)" }
}

/// A row of a formulation's LP (see ``LPColumn``).
public struct LPRow: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let index: Int
  public init(_ index: Int) { self.index = index }
  public static func < (a: LPRow, b: LPRow) -> Bool { a.index < b.index }
  public var description: String { "row #\(index)" }
}

/// Consecutive columns of one entry, one per time slice: slice `s` is `self[s]`.
public struct ColumnSpan: Hashable, Sendable {
  public let first: Int
  public let count: Int
  public subscript(slice: Int) -> LPColumn { LPColumn(first + slice) }
  public var columns: [LPColumn] { (first..<(first + count)).map(LPColumn.init) }
  func contains(_ c: LPColumn) -> Bool { c.index >= first && c.index < first + count }
}

/// Consecutive rows of one entry (one per slice, or one per country of a fair-share rule).
public struct RowSpan: Hashable, Sendable {
  public let first: Int
  public let count: Int
  public subscript(k: Int) -> LPRow { LPRow(first + k) }
  public var rows: [LPRow] { (first..<(first + count)).map(LPRow.init) }
  func contains(_ r: LPRow) -> Bool { r.index >= first && r.index < first + count }
}

/// An entry of a corridor model, named as in its file, that owns LP columns or rows.
public enum ModelEntry: Hashable, Sendable, CustomStringConvertible {
  case corridor(String)
  case supply(String)
  case market(String)
  case storage(String)
  case rule(String)
  case constraint(String)
  /// A country's balance of a commodity at a node (origin-tracked flow).
  case balance(origin: String, node: String, commodity: String)
  /// The max–min fairness level shared by the fair-share rules.
  case fairness
  /// The row that holds a lexicographic stage at its optimum.
  case stage(String)

  public var description: String {
    switch self {
    case let .corridor(n): "corridor \(n)"
    case let .supply(n): "supply \(n)"
    case let .market(n): "market \(n)"
    case let .storage(n): "storage \(n)"
    case let .rule(n): "rule \(n)"
    case let .constraint(n): "constraint \(n)"
    case let .balance(o, n, c): "balance of \(o) at \(n) (\(c))"
    case .fairness: "fairness level"
    case let .stage(n): "stage \(n)"
    }
  }
}

extension ModelEntry {
  /// The entry's name as its file writes it; nil for the fairness level and a balance.
  public var name: String? {
    switch self {
    case let .corridor(n), let .supply(n), let .market(n), let .storage(n), let .rule(n), let .constraint(n), let .stage(n): n
    case .balance, .fairness: nil
    }
  }

  /// The kind of entry in one word, as ``description`` starts: `corridor`, `supply`,
  /// `market`, `storage`, `rule`, `constraint`, `balance`, `fairness`, `stage`.
  public var kind: String {
    switch self {
    case .corridor: "corridor"
    case .supply: "supply"
    case .market: "market"
    case .storage: "storage"
    case .rule: "rule"
    case .constraint: "constraint"
    case .balance: "balance"
    case .fairness: "fairness"
    case .stage: "stage"
    }
  }

  /// The model file's section that defines the entry (`corridors`, `supply`, `markets`,
  /// `storage`, `rules`, `constraints`); nil for what the formulation adds.
  public var section: String? {
    switch self {
    case .corridor: "corridors"
    case .supply: "supply"
    case .market: "markets"
    case .storage: "storage"
    case .rule: "rules"
    case .constraint: "constraints"
    case .balance, .fairness, .stage: nil
    }
  }
}

/// What an LP column or row stands for: its entry, its part of that entry and its slice.
///
///     index.owner(of: LPColumn(42))
///     // IndexEntry(entry: .corridor("black-sea"), part: .flow(origin: "KZ", reverse: false), slice: 2)
public struct IndexEntry: Hashable, Sendable {
  public enum Part: Hashable, Sendable {
    // Columns.
    case flow(origin: String, reverse: Bool)
    case delivered(origin: String)
    case supplied
    case charge, discharge, level
    /// The fixed column that holds a parameter (`capacity[c]`, `available[s]`).
    case parameter
    case fairnessLevel
    /// A build decision (``FormulationIndex/BuildBlock``).
    case build
    // Rows.
    case balance
    case capacityLimit
    case marketLimit
    case storageBalance
    /// A rule's row (a fair-share rule has one per country, a firm rule one per slice).
    case ruleRow(country: String?)
    case constraintRow
    case stageRow
    /// A build option's choice row (at most one size, or at most its maximum).
    case buildChoice
    /// A built storage's charge, discharge and level limits (three rows per slice).
    case storageLimit
  }
  public var entry: ModelEntry
  public var part: Part
  /// The time slice, or nil for an entry that spans the horizon.
  public var slice: Int?
}

/// The two-way map between a ``Formulation``'s model entries and its LP columns and rows.
///
/// Every per-slice entry owns consecutive columns or rows (a ``ColumnSpan`` or
/// ``RowSpan``); the forward maps hold them by the entry's position in the model, and
/// ``owner(of:)-(LPColumn)`` answers the way back by binary search over the spans in
/// build order. Reports ask by entry and read results keyed by domain names, never by
/// LP index:
///
///     let f = try Formulation(model: model)
///     let c = f.index.capacityColumns[0]          // capacity[<first corridor>]
///     f.index.owner(of: c)?.entry                  // .corridor(<its name>)
///     f.index.columns(of: .supply("kz-crude"))     // its per-slice columns and available[…]
public struct FormulationIndex: Sendable {
  struct FlowBlock: Sendable { var origin: String; var arc: Arc; var columns: ColumnSpan }
  struct DeliveryBlock: Sendable { var origin: String; var market: Int; var columns: ColumnSpan }
  struct StorageColumns: Sendable { var charge: ColumnSpan; var discharge: ColumnSpan; var level: ColumnSpan }
  struct BalanceBlock: Sendable { var origin: String; var node: String; var commodity: String; var rows: RowSpan }
  /// The build decisions of one corridor or storage.
  public struct BuildBlock: Sendable {
    public enum Owner: Hashable, Sendable {
      /// By position in the model's corridors.
      case corridor(Int)
      /// By position in the model's storages.
      case storage(Int)
    }
    public var owner: Owner
    /// The corridor's or storage's name.
    public var name: String
    public var columns: [BuildColumn]
    /// `Σ build ≤ 1` (discrete) or `≤ max` (continuous); nil when nothing can be built.
    public var choiceRow: LPRow?

    /// `corridor` or `storage`, as reports name the kind.
    public var kind: String {
      switch owner {
      case .corridor: "corridor"
      case .storage: "storage"
      }
    }

    /// The model entry that owns it.
    func ownerEntry(_ model: Model) -> ModelEntry {
      switch owner {
      case .corridor: .corridor(name)
      case .storage: .storage(name)
      }
    }
  }
  /// One build column: built in `year` (nil in a one-year model), adding `size` per unit of
  /// the column, the `option`-th discrete size (nil when continuous).
  public struct BuildColumn: Sendable {
    public var column: LPColumn
    public var year: Int?
    public var size: Double
    public var option: Int?
  }

  // Columns.
  var flows: [FlowBlock] = []
  var deliveries: [DeliveryBlock] = []
  /// Per supply: its per-slice columns of volume used.
  var supplies: [ColumnSpan] = []
  var storages: [StorageColumns] = []
  /// Per corridor: its capacity column, fixed at its capacity (see ``Formulation``).
  var capacityColumns: [LPColumn] = []
  /// Per supply: its available-volume column, fixed at its largest volume.
  var availableColumns: [LPColumn] = []
  var fairnessColumn: LPColumn?
  /// Per storage with a build option (by position): its limit rows, three per slice in
  /// the order charge, discharge, level (``Formulation/buildStorageLimits(_:)``).
  var storageLimitRows: [Int: RowSpan] = [:]
  /// Per corridor or storage with a build option: its build columns and choice row.
  public internal(set) var builds: [BuildBlock] = []

  // Rows.
  var balances: [BalanceBlock] = []
  /// Per corridor: its per-slice capacity rows (nil: no flow can use it).
  var capacityRows: [RowSpan?] = []
  /// Per market: its per-slice absorption rows (nil: no volume, or nobody reaches it).
  var marketRows: [RowSpan?] = []
  var storageRows: [RowSpan] = []
  /// Per rule: its rows (nil: a priority rule, or a fair-share rule without the fairness objective).
  var ruleRows: [RowSpan?] = []
  var constraintRows: [RowSpan?] = []
  /// The rows that hold lexicographic stages (all but the last), appended once by the
  /// ``Planner`` and reused by every later solve.
  public internal(set) var stageRows: [LPRow] = []

  // The way back: spans in increasing index order.
  struct Segment: Sendable { var first: Int; var count: Int; var entry: ModelEntry; var part: IndexEntry.Part; var perSlice: Bool }
  private(set) var columnSegments: [Segment] = []
  private(set) var rowSegments: [Segment] = []

  mutating func noteColumns(_ first: Int, _ count: Int, _ entry: ModelEntry, _ part: IndexEntry.Part, perSlice: Bool = true) {
    columnSegments.append(Segment(first: first, count: count, entry: entry, part: part, perSlice: perSlice))
  }

  mutating func noteRows(_ first: Int, _ count: Int, _ entry: ModelEntry, _ part: IndexEntry.Part, perSlice: Bool = true) {
    rowSegments.append(Segment(first: first, count: count, entry: entry, part: part, perSlice: perSlice))
  }

  /// Records the stage rows (``Planner``): once per formulation.
  mutating func setStageRows(_ rows: [LPRow], names: [String]) {
    guard stageRows.isEmpty else { return }
    stageRows = rows
    for (r, name) in zip(rows, names) { noteRows(r.index, 1, .stage(name), .stageRow, perSlice: false) }
  }

  /// The entry, part and slice of a column; nil for an index the formulation did not build.
  public func owner(of column: LPColumn) -> IndexEntry? { Self.find(column.index, in: columnSegments) }

  /// The entry, part and slice of a row; nil for an index the formulation did not build.
  public func owner(of row: LPRow) -> IndexEntry? { Self.find(row.index, in: rowSegments) }

  /// Every column an entry owns, in index order.
  public func columns(of entry: ModelEntry) -> [LPColumn] {
    columnSegments.filter { $0.entry == entry }.flatMap { s in (s.first..<(s.first + s.count)).map(LPColumn.init) }
  }

  /// Every row an entry owns, in index order.
  public func rows(of entry: ModelEntry) -> [LPRow] {
    rowSegments.filter { $0.entry == entry }.flatMap { s in (s.first..<(s.first + s.count)).map(LPRow.init) }
  }

  private static func find(_ i: Int, in segments: [Segment]) -> IndexEntry? {
    var lo = 0, hi = segments.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if segments[mid].first + segments[mid].count <= i { lo = mid + 1 } else { hi = mid }
    }
    guard lo < segments.count, segments[lo].first <= i else { return nil }
    let s = segments[lo]
    return IndexEntry(entry: s.entry, part: s.part, slice: s.perSlice ? i - s.first : nil)
  }

  /// The per-slice flow blocks of corridor `c` (by model position), of `origin` (nil: all).
  func flowBlocks(corridor c: Int, origin: String? = nil) -> [FlowBlock] {
    flows.filter { $0.arc.corridor == c && (origin == nil || $0.origin == origin) }
  }
}

extension Array where Element == Double {
  /// The value of a column in a vector over all columns (a solution, an objective).
  subscript(column: LPColumn) -> Double {
    get { self[column.index] }
    set { self[column.index] = newValue }
  }
}
