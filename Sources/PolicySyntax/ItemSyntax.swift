/// A top-level item of a `.policy` file.
public enum ItemSyntax: Hashable, Sendable {
    /// A policy.
    case policy(PolicyDeclSyntax)
    /// A grant.
    case grant(GrantDeclSyntax)

    /// The item's extent.
    public var range: SourceRange {
        switch self {
        case .policy(let policy): return policy.range
        case .grant(let grant): return grant.range
        }
    }
}
