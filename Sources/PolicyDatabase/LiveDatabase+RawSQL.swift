import PolicySQL
import PolicySchema
import PolicySyntax
import PostgresClient

extension LiveDatabase {
    /// The savepoint each failed probe rolls back to.
    static let rawSavepoint = "pgpe_raw_probe"

    /// Tries each probe on the database without reading rows or changing anything, and returns a
    /// `database.raw-sql-error` diagnostic at the raw atom for each one PostgreSQL rejects.
    ///
    /// All probes run in one `READ ONLY` transaction that is rolled back, with `SET LOCAL
    /// search_path TO DEFAULT` (the search_path `apply` creates the policies with, which fixes
    /// what their names mean) and `SET LOCAL statement_timeout`. Each probe is one
    /// `EXPLAIN (COSTS OFF) SELECT 1 FROM table WHERE (expression)` sent with the extended
    /// protocol, which refuses more than one statement, so raw text that closes the expression
    /// early cannot run anything else; EXPLAIN parses, analyses and plans without executing.
    /// A failed probe rolls back to a savepoint so the others still run. Probes on tables the
    /// database lacks are skipped (drift and the schema report those).
    public func rawSQLDiagnostics(_ probes: [RawProbe], statementTimeoutMilliseconds: Int = 5000) throws -> [Diagnostic] {
        guard !probes.isEmpty else { return [] }
        return try withTransaction(action: "try the raw SQL of the policies", begin: "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY") {
            try connection.execute(
                "SET LOCAL search_path TO DEFAULT; SET LOCAL statement_timeout = \(max(1, statementTimeoutMilliseconds)); SAVEPOINT \(Self.rawSavepoint)"
            )
            let tables = Array(Set(probes.map(\.table))).sorted()
            let missing = try connection.query(
                "SELECT n FROM pg_catalog.unnest($1::text[]) AS n WHERE pg_catalog.to_regclass(n) IS NULL",
                [.text(PostgresArrayLiteral.encode(tables.map { SQLQuoting.qualified($0) }))]
            ).rows.compactMap { $0[0]?.string }
            let absent = Set(missing)
            var diagnostics: [Diagnostic] = []
            for probe in probes where !absent.contains(SQLQuoting.qualified(probe.table)) {
                let sql = "EXPLAIN (COSTS OFF) SELECT 1 FROM \(SQLQuoting.qualified(probe.table)) WHERE (\(probe.expression))"
                do {
                    _ = try connection.query(sql, [])
                } catch let error as PostgresError where error.kind == .query {
                    try connection.execute("ROLLBACK TO SAVEPOINT \(Self.rawSavepoint)")
                    // The planner may read a setting to estimate (`current_setting('app.user')`):
                    // one the application sets per session is unknown here, no fault of the SQL,
                    // which PostgreSQL has parsed and analysed by then.
                    if error.sqlState == "42704", Self.isApplicationSetting(error.message) { continue }
                    diagnostics.append(Self.diagnostic(error, probe: probe))
                }
            }
            return (diagnostics, commit: false)
        }
    }

    /// Whether `message` is PostgreSQL's "unrecognized configuration parameter" for a custom
    /// (dotted) setting, which only the application defines.
    static func isApplicationSetting(_ message: String) -> Bool {
        let prefix = "unrecognized configuration parameter \""
        guard message.hasPrefix(prefix) else { return false }
        return message.dropFirst(prefix.count).prefix { $0 != "\"" }.contains(".")
    }

    private static func diagnostic(_ error: PostgresError, probe: RawProbe) -> Diagnostic {
        var message = "raw SQL fails on \(probe.table) in the database"
        if let state = error.sqlState { message += " (SQLSTATE \(state))" }
        message += ": \(error.message)"
        if let hint = error.hint { message += " (hint: \(hint))" }
        return Diagnostic(.databaseRawSQLError, message: message, location: probe.location)
    }
}
