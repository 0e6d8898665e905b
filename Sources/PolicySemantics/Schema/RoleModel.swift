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

    /// Creates a role.
    public init(name: String, canLogin: Bool = false, isSuperuser: Bool = false, bypassesRLS: Bool = false) {
        self.name = name
        self.canLogin = canLogin
        self.isSuperuser = isSuperuser
        self.bypassesRLS = bypassesRLS
    }
}
