import PolicySchema
import PolicySemantics

/// Concrete values that break a property: the row, each session's keys, the rows traversals
/// reached, and (for UPDATE) the old rows the sessions started from.
public struct Counterexample: Hashable, Sendable {
    /// A row of some table.
    public struct Row: Hashable, Sendable {
        /// The table.
        public var table: QualifiedName
        /// Column values (columns the predicates read; others are left to the repro's defaults).
        public var values: [String: SQLValue]
        /// Which session's traversal reached it (nil for the shared row).
        public var session: Int?
        /// What the row is: "row", "witness", "old row".
        public var role: String
    }

    /// The row both sessions reach (or the row written).
    public var row: Row
    /// Session settings per session (index 0 is session 1); nil values are unset.
    public var sessions: [[String: String?]]
    /// Rows of traversal targets and old rows.
    public var witnesses: [Row]
}
