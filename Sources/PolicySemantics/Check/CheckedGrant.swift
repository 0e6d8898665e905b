import PolicySchema
import PolicySyntax

/// A `GRANT` item after checking.
public struct CheckedGrant: Sendable {
    /// The privileges (ALL expanded to the four row commands), in `Privilege` order.
    public var privileges: [Privilege]
    /// The grantee roles.
    public var roles: [String]
    /// Tables the selector matches.
    public var tables: [QualifiedName]
    /// The item's location.
    public var location: FileLocation
    /// The declaration.
    public var syntax: GrantDeclSyntax

    /// The same grant after the text of `path` moved `delta` bytes, with `syntax`: the
    /// declaration as parsed at its new place (the same bytes).
    func shifted(by delta: Int, in path: String, syntax: GrantDeclSyntax) -> CheckedGrant {
        var result = self
        result.location = location.shifted(by: delta, in: path)
        result.syntax = syntax
        return result
    }
}
