extension DiagnosticArea {
    /// `performance.*`: what the policies cost at query time (docs/index-coverage.md).
    static let performance = DiagnosticArea(
        "performance", title: "Performance",
        summary:
            "What the policies cost at query time: `pgpe analyze` reports a column that a governed table's effective predicate filters on (a tenant key compared with a session value, a traversal's source column, the column a traversal's sub-select matches on) when no index leads with it, with the `CREATE INDEX CONCURRENTLY` that fixes it; with `--database`, a governed table whose tenant-filtered query PostgreSQL cannot plan with an index.",
        kinds: [.performanceMissingIndex, .performancePlanSeqScan])
}

extension DiagnosticKind {
    /// `performance.missing-index`
    public static let performanceMissingIndex = DiagnosticKind(
        "performance.missing-index", .warning,
        "A column that a governed table's policies filter on has no index leading with it (primary key, unique key or non-partial index whose first key column it is), so every query on the table scans it whole; the fix is the `CREATE INDEX CONCURRENTLY` in the message."
    )
}

extension DiagnosticKind {
    /// `performance.plan-seq-scan`
    public static let performancePlanSeqScan = DiagnosticKind(
        "performance.plan-seq-scan", .warning,
        "With `--database`: `EXPLAIN SELECT * FROM` a governed table, as a role its policies apply to, with the session values set and `enable_seqscan` off, still reads the table without an index condition, so no index serves the policies' filter; the fix is the `CREATE INDEX CONCURRENTLY` in the message."
    )
}
