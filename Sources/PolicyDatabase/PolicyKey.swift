import PolicySchema

/// A policy's identity in the database: its table and its name.
public struct PolicyKey: Hashable, Sendable, Comparable {
    /// The table.
    public var table: QualifiedName
    /// The policy's name.
    public var name: String

    /// Creates a key.
    public init(table: QualifiedName, name: String) {
        self.table = table
        self.name = name
    }

    /// Table order, then name order.
    public static func < (lhs: PolicyKey, rhs: PolicyKey) -> Bool {
        lhs.table != rhs.table ? lhs.table < rhs.table : lhs.name < rhs.name
    }
}
