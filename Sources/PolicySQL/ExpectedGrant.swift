/// Privileges that should be granted on a table.
public struct ExpectedGrant: Hashable, Sendable {
    /// `SELECT`, `INSERT`, `UPDATE`, `DELETE`, `TRUNCATE`, `REFERENCES`, `TRIGGER`, in that order.
    public var privileges: [String]
    /// The grantees.
    public var roles: [String]
}
