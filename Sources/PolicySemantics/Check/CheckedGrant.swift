import PolicySyntax

/// A `GRANT` item after checking.
public struct CheckedGrant: Sendable {
    /// The privileges (ALL expanded to the four commands).
    public var privileges: [Privilege]
    /// The grantee roles.
    public var roles: [String]
    /// Tables the selector matches.
    public var tables: [QualifiedName]
    /// The item's location.
    public var location: FileLocation
    /// The declaration.
    public var syntax: GrantDeclSyntax
}
