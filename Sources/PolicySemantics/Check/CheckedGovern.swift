import PolicySchema
import PolicySyntax

/// A `GOVERN SELECTOR …` item after checking: tables that get row-level security and no policy
/// of their own from it.
public struct CheckedGovern: Sendable {
    /// Tables the selector matches.
    public var tables: [QualifiedName]
    /// The item's location.
    public var location: FileLocation
    /// The declaration.
    public var syntax: GovernDeclSyntax

    /// The same item after the text of `path` moved `delta` bytes, with `syntax`: the
    /// declaration as parsed at its new place (the same bytes).
    func shifted(by delta: Int, in path: String, syntax: GovernDeclSyntax) -> CheckedGovern {
        var result = self
        result.location = location.shifted(by: delta, in: path)
        result.syntax = syntax
        return result
    }
}
