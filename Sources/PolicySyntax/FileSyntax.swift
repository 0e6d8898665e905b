/// The syntax tree of one `.policy` file.
public struct FileSyntax: Hashable, Sendable {
    /// The items in source order.
    public var items: [ItemSyntax]
    /// The comments in source order.
    public var comments: [Comment]
    /// Tokens between items that belong to no item (skipped while recovering).
    public var unexpected: [SourceRange]

    /// Creates a tree.
    public init(items: [ItemSyntax], comments: [Comment], unexpected: [SourceRange]) {
        self.items = items
        self.comments = comments
        self.unexpected = unexpected
    }

    /// The policies, in source order.
    public var policies: [PolicyDeclSyntax] {
        items.compactMap { if case .policy(let policy) = $0 { return policy } else { return nil } }
    }

    /// The grants, in source order.
    public var grants: [GrantDeclSyntax] {
        items.compactMap { if case .grant(let grant) = $0 { return grant } else { return nil } }
    }
}
