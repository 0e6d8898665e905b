/// A top-level item of a `.policy` file.
public enum ItemSyntax: Hashable, Sendable {
    /// A policy.
    case policy(PolicyDeclSyntax)
    /// A grant.
    case grant(GrantDeclSyntax)
    /// `GOVERN SELECTOR …`: row-level security without a policy.
    case govern(GovernDeclSyntax)

    /// The item's selector, when it has one.
    public var selector: SelectorSyntax? {
        switch self {
        case .policy(let policy): return policy.selector
        case .grant(let grant): return grant.selector
        case .govern(let govern): return govern.selector
        }
    }

    /// The item's extent.
    public var range: SourceRange {
        switch self {
        case .policy(let policy): return policy.range
        case .grant(let grant): return grant.range
        case .govern(let govern): return govern.range
        }
    }
}
