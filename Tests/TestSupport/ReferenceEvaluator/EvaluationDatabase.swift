import PolicySchema
import PolicySemantics

/// The rows traversals can reach, per table (column name → value; a missing column is NULL).
public struct EvaluationDatabase: Sendable {
    /// Rows per table.
    public var rows: [QualifiedName: [[String: SQLValue]]]

    /// Creates a database.
    public init(rows: [QualifiedName: [[String: SQLValue]]] = [:]) {
        self.rows = rows
    }
}
