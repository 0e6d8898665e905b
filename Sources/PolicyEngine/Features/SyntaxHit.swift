import PolicySyntax

/// What `SyntaxLookup` found at an offset, with its surroundings.
public struct SyntaxHit: Sendable {
    /// The construct.
    public var element: SyntaxElement
    /// Its extent (what an editor highlights).
    public var range: SourceRange
    /// The policy, grant or GOVERN item it belongs to.
    public var item: ItemSyntax
    /// The traversals (`exists(rel(…), {…})`) it is nested in, outermost first: `col()` inside
    /// them refers to the innermost one's target table.
    public var traversals: [RelationSyntax]
    /// The clause it belongs to, when it is inside one.
    public var clause: ClauseSyntax?

    /// The policy it belongs to, when the item is a policy.
    public var policy: PolicyDeclSyntax? {
        if case .policy(let policy) = item { return policy }
        return nil
    }
}
