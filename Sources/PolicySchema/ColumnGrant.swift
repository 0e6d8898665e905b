/// A privilege on some columns of a table granted to a role (`GRANT SELECT (a, b) ON t TO r`).
public struct ColumnGrant: Hashable, Sendable {
    /// The role (`public` for PUBLIC).
    public var grantee: String
    /// The privilege, upper case (`SELECT`, `INSERT`, `UPDATE`, `REFERENCES`).
    public var privilege: String
    /// The columns, sorted.
    public var columns: [String]

    /// Creates a column grant.
    public init(grantee: String, privilege: String, columns: [String]) {
        self.grantee = grantee
        self.privilege = privilege
        self.columns = columns.sorted()
    }
}
