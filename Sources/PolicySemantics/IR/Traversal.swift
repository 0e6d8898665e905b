import PolicySchema

/// `exists(rel(_, sourceColumn, target, targetColumn), {clause})` in normalized form.
public struct Traversal: Hashable, Sendable {
    /// The column of the current table.
    public var sourceColumn: String
    /// The table joined to.
    public var target: QualifiedName
    /// The column of the target compared with the source column.
    public var targetColumn: String
    /// The condition on the target row (its `col()` refer to the target).
    public var clause: Clause

    /// Creates a traversal.
    public init(sourceColumn: String, target: QualifiedName, targetColumn: String, clause: Clause) {
        self.sourceColumn = sourceColumn
        self.target = target
        self.targetColumn = targetColumn
        self.clause = clause
    }
}
