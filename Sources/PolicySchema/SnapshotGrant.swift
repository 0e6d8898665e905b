/// A table privilege granted to a role, as the live catalog shows it, kept in a snapshot.
public struct SnapshotGrant: Hashable, Sendable {
    /// The table's schema.
    public var schema: String
    /// The table.
    public var table: String
    /// The role the privilege is granted to (`PUBLIC` for everyone).
    public var grantee: String
    /// The privilege (`SELECT`, `INSERT`, `UPDATE`, `DELETE`, ...).
    public var privilege: String

    /// Creates a grant record.
    public init(schema: String, table: String, grantee: String, privilege: String) {
        self.schema = schema
        self.table = table
        self.grantee = grantee
        self.privilege = privilege
    }
}
