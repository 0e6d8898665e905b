import PolicySchema

/// `exists(rel(_, sourceColumn, target, targetColumn), {clause})` in normalized form.
public struct Traversal: Hashable, Sendable {
    /// The column of the current table.
    public var sourceColumn: String
    /// The table joined to.
    public var target: QualifiedName
    /// The column of the target compared with the source column.
    public var targetColumn: String
    /// The condition on the target row (its `col()` refer to the target, its `outer()` to the
    /// source row).
    public var clause: Clause

    /// Whether the clause reads the source row (`outer(c)`): the traversal is then correlated,
    /// compiled as `EXISTS (SELECT 1 FROM target t WHERE t.tc = source.sc AND …)`.
    public var isCorrelated: Bool { !clause.outerColumns.isEmpty }

    /// Creates a traversal.
    public init(sourceColumn: String, target: QualifiedName, targetColumn: String, clause: Clause) {
        self.sourceColumn = sourceColumn
        self.target = target
        self.targetColumn = targetColumn
        self.clause = clause
    }
}
