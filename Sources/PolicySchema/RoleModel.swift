/// A database role.
public struct RoleModel: Hashable, Sendable {
    /// The role's name.
    public var name: String
    /// Whether it can log in.
    public var canLogin: Bool
    /// Whether it is a superuser.
    public var isSuperuser: Bool
    /// Whether it bypasses row-level security.
    public var bypassesRLS: Bool
    /// The roles it is a direct member of and has the privileges of without `SET ROLE`
    /// (`GRANT a TO b`, `CREATE ROLE b IN ROLE a`; not through NOINHERIT), sorted: policies
    /// `TO` any of them, or of the roles they are members of in turn, apply to it.
    public var memberOf: [String]

    /// Creates a role.
    public init(
        name: String, canLogin: Bool = false, isSuperuser: Bool = false, bypassesRLS: Bool = false,
        memberOf: [String] = []
    ) {
        self.name = name
        self.canLogin = canLogin
        self.isSuperuser = isSuperuser
        self.bypassesRLS = bypassesRLS
        self.memberOf = memberOf
    }
}
