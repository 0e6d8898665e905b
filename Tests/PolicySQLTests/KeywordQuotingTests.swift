import PolicySQL
import PostgresClient
import TestSupport
import Testing

/// Identifiers are quoted wherever any supported PostgreSQL needs it: every keyword the server
/// under test does not take as unreserved is quoted exactly as its `quote_ident` quotes it, and
/// on the newest supported version (18) the two agree on every keyword.
@Suite struct KeywordQuotingTests {
    @Test func everyKeywordTheServerReservesIsQuoted() async throws {
        try await withTestDatabase { database in
            let newest = database.connection.serverVersion >= 180000
            let rows = try database.connection.query(
                """
                SELECT word, catcode::text AS category, quote_ident(word) AS quoted FROM pg_catalog.pg_get_keywords()
                """)
            #expect(rows.count > 400)
            for row in rows {
                let word = try #require(row["word"]?.string)
                guard newest || row["category"]?.string != "U" else { continue }
                #expect(SQLQuoting.identifier(word) == row["quoted"]?.string, "\(word) (\(row["category"]?.string ?? ""))")
            }
        }
    }
}
