/// An index made by `CREATE [UNIQUE] INDEX` (or read from `pg_index` for an index that backs no
/// primary key or unique constraint: those are `TableModel.primaryKey` and `uniqueKeys`).
public struct IndexModel: Hashable, Sendable {
    /// The index's name (unqualified; an index lives in its table's schema).
    public var name: String
    /// The key columns in key order; `nil` marks an expression.
    public var columns: [String?]
    /// Whether it is `UNIQUE`.
    public var isUnique: Bool
    /// Whether it has a `WHERE` predicate (a partial index).
    public var isPartial: Bool
    /// The access method (`btree`, `hash`, `gin`, …).
    public var method: String

    /// Creates an index.
    public init(name: String, columns: [String?], isUnique: Bool = false, isPartial: Bool = false, method: String = "btree") {
        self.name = name
        self.columns = columns
        self.isUnique = isUnique
        self.isPartial = isPartial
        self.method = method
    }

    /// The first key column when it is a plain column.
    public var leadingColumn: String? { columns.first ?? nil }
}
