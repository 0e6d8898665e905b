import Foundation
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Quoting works on Unicode scalars: a quote or backslash fused into one grapheme cluster with a
/// combining mark after it (U+0301) or a prepend character before it (U+0600, U+110BD) is still
/// doubled, because PostgreSQL reads bytes.
///
/// NUL is left out of the round trips through PostgreSQL: no PostgreSQL text or name can hold
/// it, and pgpe never sends it (the lexer reports `syntax.nul-character` for a NUL in a `.policy`
/// string, `PostgresConnection` refuses statement text and parameters holding one).
@Suite struct QuotingTests {
    @Test func quotesFusedWithNeighboursAreDoubled() {
        #expect(SQLQuoting.literal("'\u{301}") == "'''\u{301}'")
        #expect(SQLQuoting.literal("a\u{600}'b") == "'a\u{600}''b'")
        #expect(SQLQuoting.literal("\u{110BD}'") == "'\u{110BD}'''")
        #expect(SQLQuoting.literal("\\\u{301}") == "E'\\\\\u{301}'")
        #expect(SQLQuoting.literal("x\u{600}\\'") == "E'x\u{600}\\\\'''")
        #expect(SQLQuoting.identifier("\"\u{301}") == "\"\"\"\u{301}\"")
        #expect(SQLQuoting.identifier("t\u{600}\"; DROP TABLE x; --") == "\"t\u{600}\"\"; DROP TABLE x; --\"")
        #expect("'\u{301}".doublingQuotes("'") == "''\u{301}")
        #expect(LiteralValue.string("\u{600}'").description == "'\u{600}'''")
        #expect(SQLValue.text("'\u{301}").description == "'''\u{301}'")
        #expect(Formatter.string("\u{110BD}'") == "'\u{110BD}'''")
    }

    /// A domain or enum read from a catalog is quoted in a cast whatever its family: only
    /// PostgreSQL's own type names are written as they are.
    @Test func userTypeNamesAreQuotedInCasts() {
        #expect(
            SQLQuoting.typeName(SQLType(name: "public.evil type); DROP TABLE x; --", family: .uuid))
                == "public.\"evil type); DROP TABLE x; --\"")
        #expect(SQLQuoting.typeName(SQLType(name: "public.Mood", family: .text)) == "public.\"Mood\"")
        #expect(SQLQuoting.typeName(SQLType(name: "public.t\u{600}\"x", family: .integer)) == "public.\"t\u{600}\"\"x\"")
        #expect(SQLQuoting.typeName(SQLType(name: "public.mood[]", family: .array)) == "public.mood[]")
        #expect(SQLQuoting.typeName(.bigint) == "bigint")
        #expect(SQLQuoting.typeName(SQLType.normalize("double precision")) == "double precision")
        #expect(SQLQuoting.typeName(SQLType.normalize("bigint[]")) == "bigint[]")
        #expect(SQLQuoting.typeName(SQLType.normalize("timestamptz")) == "timestamptz")
    }

    /// Random texts of quotes, backslashes, combining marks, prepend characters, ZWJ, CR, LF and
    /// U+2028 come back from PostgreSQL byte for byte: as a literal (`SELECT <literal>`), and as
    /// an identifier (a column alias, and a table created under that name).
    @Test func randomHostileTextsComeBackFromPostgreSQLByteForByte() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            var rng = SeededGenerator(seed: 0x0_5C4_A1E5)
            var fused = 0
            for _ in 0..<400 {
                let text = HostileText.string(using: &rng, maxPieces: 10)
                if text.unicodeScalars.count > text.count { fused += 1 }
                let literal = SQLQuoting.literal(text)
                let selected = try connection.query("SELECT \(literal) AS v")
                #expect(
                    selected.count == 1 && selected.first?["v"]?.string.map { Array($0.utf8) } == Array(text.utf8),
                    "literal \(literal.debugDescription) read back as \(selected.first?["v"]?.string.debugDescription ?? "nothing")")
                let name = HostileText.prefix(text, bytes: 63)
                guard !name.isEmpty else { continue }
                let identifier = SQLQuoting.identifier(name)
                let aliased = try connection.query("SELECT 1 AS \(identifier)")
                #expect(aliased.columns.map { Array($0.name.utf8) } == [Array(name.utf8)], "identifier \(identifier.debugDescription)")
                try connection.execute("BEGIN; CREATE TABLE public.\(identifier) (\(identifier) integer)")
                let found = try connection.query(
                    """
                    SELECT c.relname, a.attname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = 1
                    WHERE c.relnamespace = 'public'::regnamespace
                    """)
                try connection.execute("ROLLBACK")
                #expect(
                    found.count == 1 && found.first?["relname"]?.string.map { Array($0.utf8) } == Array(name.utf8)
                        && found.first?["attname"]?.string.map { Array($0.utf8) } == Array(name.utf8),
                    "created \(identifier.debugDescription) as \(found.map { $0["relname"]?.string ?? "" })")
            }
            // Most texts hold a quote or backslash fused into one grapheme cluster.
            #expect(fused > 200, "\(fused)")
        }
    }
}
