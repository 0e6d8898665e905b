import Foundation
import PolicySyntax

/// A table of the schema.
public struct TableModel: Hashable, Sendable {
    /// Its qualified name.
    public var name: QualifiedName
    /// Its columns in declaration order.
    public var columns: [ColumnModel]
    /// The primary key's columns (empty when none).
    public var primaryKey: [String]
    /// Unique constraints and unique indexes, each a list of columns.
    public var uniqueKeys: [[String]]
    /// Indexes made by `CREATE INDEX` (constraint indexes are `primaryKey` and `uniqueKeys`).
    public var indexes: [IndexModel] = []
    /// Foreign keys declared on this table.
    public var foreignKeys: [ForeignKeyModel]
    /// The table comment.
    public var comment: String?
    /// Tags from `@pgpe:tags a,b` in the comment.
    public var tags: [String]
    /// The owning role, when known.
    public var owner: String?
    /// Where the `CREATE TABLE` is, when known.
    public var location: FileLocation?
    /// Whether other tables inherit from it (`INHERITS`, not partitions): a scan of it then
    /// returns their rows too, and its primary and unique keys do not hold across them.
    public var hasInheritanceChildren = false
    /// The tables it inherits from or is a partition of (`INHERITS`, `PARTITION OF`), sorted.
    public var parents: [QualifiedName] = []
    /// Whether the schema enables row-level security on it (`ENABLE ROW LEVEL SECURITY`).
    public var rowSecurity = false
    /// The roles granted a privilege on the whole table (`public` for PUBLIC), sorted.
    public var grantees: [String] = []
    /// The privileges each of `grantees` holds on the whole table (`SELECT`, `INSERT`, ...,
    /// sorted); empty when they are not known (a snapshot written before they were), and then
    /// each grantee is taken to hold every privilege.
    public var privileges: [String: [String]] = [:]
    /// Privileges granted on some of its columns only.
    public var columnGrants: [ColumnGrant] = []

    /// Creates a table.
    public init(
        name: QualifiedName, columns: [ColumnModel] = [], primaryKey: [String] = [], uniqueKeys: [[String]] = [],
        foreignKeys: [ForeignKeyModel] = [], comment: String? = nil, tags: [String] = [], owner: String? = nil,
        location: FileLocation? = nil
    ) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueKeys = uniqueKeys
        self.foreignKeys = foreignKeys
        self.comment = comment
        self.tags = tags
        self.owner = owner
        self.location = location
    }

    /// Whether `grantee` holds `privilege` on the whole table (any privilege of a grantee whose
    /// privileges are not known).
    public func grants(_ privilege: String, to grantee: String) -> Bool {
        guard !privileges.isEmpty else { return grantees.contains(grantee) }
        return privileges[grantee]?.contains(privilege) ?? false
    }

    /// The column named exactly `name`.
    public func column(_ name: String) -> ColumnModel? {
        columns.first { $0.name == name }
    }

    /// Whether `columns` (as a set) is the primary key or a unique key, so that two rows agreeing
    /// on them are the same row (never with inheritance children, whose rows may repeat a key).
    public func isKey(_ columns: [String]) -> Bool {
        if hasInheritanceChildren { return false }
        let wanted = Set(columns)
        if !primaryKey.isEmpty, Set(primaryKey).isSubset(of: wanted) { return true }
        return uniqueKeys.contains { !$0.isEmpty && Set($0).isSubset(of: wanted) }
    }

    /// Whether some index can serve an equality filter on `column` alone: the primary key, a
    /// unique key or a non-partial `CREATE INDEX` whose first key column is `column`. A partial
    /// index does not count: the planner uses it only when the query implies its predicate.
    public func hasIndex(leadingWith column: String) -> Bool {
        if primaryKey.first == column { return true }
        if uniqueKeys.contains(where: { $0.first == column }) { return true }
        return indexes.contains { !$0.isPartial && $0.leadingColumn == column }
    }

    /// The tags written in a comment as `@pgpe:tags a,b`.
    public static func tags(inComment comment: String?) -> [String] {
        guard let comment, let marker = comment.range(of: "@pgpe:tags") else { return [] }
        let line = comment[marker.upperBound...].prefix { !$0.isNewline }
        let pieces = line.split { (character: Character) -> Bool in
            character == "," || character == " " || character == "\t"
        }
        let list = pieces.map { String($0) }
        var tags: [String] = []
        for tag in list where !tag.isEmpty {
            if tag.hasPrefix("@") { break }
            tags.append(tag)
        }
        return tags
    }
}
