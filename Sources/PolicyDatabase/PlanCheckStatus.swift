/// What the plan check of `pgpe analyze --database` found for one governed table.
public enum PlanCheckStatus: String, Hashable, Sendable {
    /// The table's scan uses an index condition (or the plan reads no rows of it).
    case index = "INDEX"
    /// With `enable_seqscan` off, PostgreSQL still reads the table (or, when its policies filter
    /// only through traversals, a traversal's target) without an index condition.
    case noIndex = "NO-INDEX"
    /// The policies filter only through traversals, which PostgreSQL runs as a sub-plan against
    /// every row of the table (no index on the table serves that); the sub-plan's scans of the
    /// traversals' targets use an index condition.
    case traversal = "TRAVERSAL"
    /// Not checked, with the reason.
    case skipped = "SKIPPED"
}
