import PolicySyntax

/// A node of the SQL expression tree: what it is and where it is.
public struct SQLExpr: Hashable, Sendable {
    /// What the node is.
    public var kind: SQLExprKind
    /// Where it is in the text.
    public var range: SourceRange

    /// Creates a node.
    public init(_ kind: SQLExprKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// Whether the tree holds an error node anywhere (a part the reader kept as text).
    public var containsError: Bool {
        var found = false
        visit { if case .error = $0.kind { found = true } }
        return found
    }

    /// Calls `body` on this node and every node below it, sub-selects included, parents first.
    public func visit(_ body: (SQLExpr) -> Void) {
        var stack = [self]
        while let node = stack.popLast() {
            body(node)
            stack += node.kind.children.reversed()
        }
    }
}
