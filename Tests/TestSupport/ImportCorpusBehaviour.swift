import PostgresClient

/// What the policies of an import-corpus case let each session do, as lines of text: per
/// session, the rows each table with RLS on shows (`SELECT t::text … ORDER BY 1`) and the
/// outcome of each probe (rows changed, or the SQLSTATE), every probe in a rolled-back
/// savepoint. Two recordings are equal exactly when every session saw the same rows and the
/// probes had the same outcomes.
public enum ImportCorpusBehaviour {
    /// Records `corpusCase`'s behaviour on `connection` (a superuser's, outside a transaction;
    /// nothing it does is kept).
    public static func record(_ corpusCase: ImportCorpusCase, on connection: PostgresConnection) throws -> [String] {
        let tables = try governedTables(corpusCase.schemas, on: connection)
        var lines: [String] = []
        for session in corpusCase.sessions {
            try connection.execute("BEGIN")
            defer { _ = try? connection.execute("ROLLBACK") }
            for (key, value) in session.settings {
                _ = try connection.query("SELECT set_config($1, $2, true)", [.text(key), .text(value)])
            }
            try connection.execute("SET LOCAL ROLE \(try connection.quoteIdentifier(session.role))")
            for table in tables {
                let outcome = try attempt(connection, "SELECT t::text FROM \(table) t ORDER BY 1") { result in
                    result.rows.map { $0[0]?.string ?? "NULL" }
                }
                lines += outcome.map { "\(session.name) \(table): \($0)" }
            }
            for (index, probe) in corpusCase.probes.enumerated() {
                let outcome = try attempt(connection, probe) { ["changed \($0.affectedRows ?? -1)"] }
                lines += outcome.map { "\(session.name) probe \(index + 1): \($0)" }
            }
        }
        return lines
    }

    /// How `after` differs from `before` (two recordings of `corpusCase`), as lines for a
    /// message; empty when they are the same. With `failClosed`, an incomplete session (see
    /// `ImportCorpusSession.incomplete`) may see fewer rows, and a probe may be refused
    /// (`error 42501`) or change nothing where it failed or succeeded before.
    public static func differences(
        _ corpusCase: ImportCorpusCase, before: [String], after: [String], failClosed: Bool = false
    ) -> [String] {
        let lenient = Set(corpusCase.sessions.filter { failClosed && $0.incomplete }.map(\.name))
        let beforeSet = Set(before)
        let afterSet = Set(after)
        var differences: [String] = []
        for line in after where !beforeSet.contains(line) {
            let session = String(line.prefix { $0 != " " })
            let refused = line.contains(" probe ") && (line.hasSuffix(": error 42501") || line.hasSuffix(": changed 0"))
            if !(lenient.contains(session) && refused) { differences.append("now:    " + line) }
        }
        for line in before where !afterSet.contains(line) {
            let session = String(line.prefix { $0 != " " })
            // A probe's new outcome is judged above; a row no longer seen is fail-closed.
            if !lenient.contains(session) { differences.append("before: " + line) }
        }
        return differences
    }

    /// The tables with RLS on in `schemas`, quoted and qualified, sorted.
    public static func governedTables(_ schemas: [String], on connection: PostgresConnection) throws -> [String] {
        try connection.query(
            """
            SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relrowsecurity AND c.relkind IN ('r', 'p') AND n.nspname = ANY ($1::text[]) ORDER BY 1
            """, [.text("{" + schemas.map { "\"\($0)\"" }.joined(separator: ",") + "}")]
        ).compactMap { $0[0]?.string }
    }

    /// Runs `sql` in a savepoint that is always rolled back: `describe`'s lines of its result, or
    /// `error SQLSTATE`.
    private static func attempt(
        _ connection: PostgresConnection, _ sql: String, _ describe: (PostgresResult) -> [String]
    ) throws -> [String] {
        try connection.execute("SAVEPOINT probe")
        defer { _ = try? connection.execute("ROLLBACK TO SAVEPOINT probe") }
        do {
            return describe(try connection.execute(sql))
        } catch let error as PostgresError where error.kind == .query {
            return ["error " + (error.sqlState ?? "?")]
        }
    }
}
