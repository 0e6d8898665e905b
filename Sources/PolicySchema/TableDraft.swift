import PolicySyntax

/// A table while the file is being read.
struct TableDraft: Sendable {
    /// Its current name.
    var name: QualifiedName
    /// Where its name is written in `CREATE TABLE`.
    var location: SourceRange
    /// Its own columns in order.
    var columns: [ColumnDraft] = []
    /// `LIKE source` entries with the number of own columns before each.
    var likes: [(position: Int, source: TableReference)] = []
    /// The primary key's columns.
    var primaryKey: [String] = []
    /// The primary key constraint's name.
    var primaryKeyName: String?
    /// Unique constraints and unique indexes.
    var uniqueKeys: [UniqueKeyDraft] = []
    var indexes: [IndexModel] = []
    /// Foreign keys.
    var foreignKeys: [ForeignKeyDraft] = []
    /// The table comment.
    var comment: String?
    /// The owner.
    var owner: String?
    /// `INHERITS` parents.
    var parents: [TableReference] = []
    /// The partitioned table this is a partition of (`PARTITION OF`, `ATTACH PARTITION`).
    var partitionParent: TableReference?
    /// Whether the columns come from the partition parent (`PARTITION OF`) rather than being
    /// declared (`ATTACH PARTITION` of a table with its own columns).
    var columnsFromPartitionParent = false
    /// Privileges granted on some columns: role and privilege → columns.
    var columnGrants: [String: Set<String>] = [:]
    /// Whether `DROP TABLE` removed it.
    var isDropped = false

    /// The index of the own column named `name`.
    func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}
