/// A policy as it should exist in the database (what `pg_policies` will show once applied), or
/// as it does exist there (what `pgpe import` lifts).
public struct ExpectedPolicy: Hashable, Sendable {
    /// The policy's name in the database.
    public var name: String
    /// PERMISSIVE (true) or RESTRICTIVE.
    public var permissive: Bool
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`.
    public var command: String
    /// The `TO` roles; empty means PUBLIC.
    public var roles: [String]
    /// The USING expression, when the command has one.
    public var using: String?
    /// The WITH CHECK expression, when written.
    public var check: String?

    /// Creates a policy row.
    public init(name: String, permissive: Bool, command: String, roles: [String], using: String?, check: String?) {
        self.name = name
        self.permissive = permissive
        self.command = command
        self.roles = roles
        self.using = using
        self.check = check
    }
}
