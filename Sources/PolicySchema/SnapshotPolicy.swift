/// A row-level security policy as the live catalog shows it (`pg_policies`), kept in a snapshot.
public struct SnapshotPolicy: Hashable, Sendable {
    /// The table's schema.
    public var schema: String
    /// The table.
    public var table: String
    /// The policy's name.
    public var name: String
    /// PERMISSIVE (true) or RESTRICTIVE (false).
    public var permissive: Bool
    /// The roles it applies to (`public` for PUBLIC), as `pg_policies.roles` lists them.
    public var roles: [String]
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`, as `pg_policies.cmd` prints it.
    public var command: String
    /// The USING expression as PostgreSQL prints it, when there is one.
    public var qual: String?
    /// The WITH CHECK expression as PostgreSQL prints it, when there is one.
    public var withCheck: String?

    /// Creates a policy record.
    public init(
        schema: String, table: String, name: String, permissive: Bool, roles: [String], command: String,
        qual: String?, withCheck: String?
    ) {
        self.schema = schema
        self.table = table
        self.name = name
        self.permissive = permissive
        self.roles = roles
        self.command = command
        self.qual = qual
        self.withCheck = withCheck
    }
}
