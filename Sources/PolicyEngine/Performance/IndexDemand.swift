import PolicySchema
import PolicySemantics

/// A column a governed table's effective predicates filter on, so that every query on `table`
/// wants an index leading with it (docs/index-coverage.md).
public struct IndexDemand: Hashable, Sendable {
    /// Why the predicates filter on the column.
    public enum Reason: Hashable, Sendable {
        /// Compared with the session value `key` (a tenant key).
        case session(String)
        /// The source column of a traversal to `target`.
        case traversalSource(QualifiedName)
        /// The column a traversal from `source` matches its sub-select on.
        case traversalTarget(QualifiedName)
    }

    /// The table the column belongs to (a traversal's target for `.traversalTarget`).
    public var table: QualifiedName
    /// The column.
    public var column: String
    /// Why.
    public var reason: Reason
    /// The first policy whose predicate filters on it.
    public var policy: PolicyRef

    /// Creates a demand.
    public init(table: QualifiedName, column: String, reason: Reason, policy: PolicyRef) {
        self.table = table
        self.column = column
        self.reason = reason
        self.policy = policy
    }

    /// The reason as a phrase (`compared with session 'app.tenant_id'`).
    public var because: String {
        switch reason {
        case .session(let key): return "compared with session '\(key)'"
        case .traversalSource(let target): return "the source column of a traversal to \(target)"
        case .traversalTarget(let source): return "matched by the traversal from \(source)"
        }
    }
}
