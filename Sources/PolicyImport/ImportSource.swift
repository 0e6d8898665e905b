/// One policy as PostgreSQL has it (a row of `pg_policies`).
public struct ImportSource: Hashable, Sendable {
    /// The policy's name.
    public var name: String
    /// PERMISSIVE (true) or RESTRICTIVE.
    public var permissive: Bool
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`.
    public var command: String
    /// The roles (`public` for PUBLIC).
    public var roles: [String]
    /// `pg_policies.qual`.
    public var using: String?
    /// `pg_policies.with_check`.
    public var check: String?

    /// Creates a source.
    public init(name: String, permissive: Bool, command: String, roles: [String], using: String?, check: String?) {
        self.name = name
        self.permissive = permissive
        self.command = command
        self.roles = roles
        self.using = using
        self.check = check
    }
}
