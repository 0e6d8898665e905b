import PolicySchema
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// Randomly mutated schema files never crash the reader, and everything it locates lies inside
/// the text on character boundaries.
@Suite struct SchemaReaderRobustnessTests {
    private static let fragments = [
        "'", "''", "\"", "\"\"", "$$", "$tag$", "$1", "E'\\", "E'\\''", "/*", "*/", "--", "\n", "\r\n", "\r", "(", ")",
        "((((", "))))", "[", "]", ";", ",", ".", "::", "=", " ", "\t", "CREATE TABLE ", "CREATE TABLE x (", "TABLE",
        "REFERENCES ", "PRIMARY KEY", "FOREIGN KEY (a) REFERENCES", "UNIQUE", "NOT NULL", "DEFAULT ", "CONSTRAINT c ",
        "ALTER TABLE ONLY ", "ADD CONSTRAINT ", "ALTER COLUMN ", "RENAME TO y", "SET SCHEMA s", "DROP TABLE ",
        "CREATE UNIQUE INDEX ON ", "COMMENT ON TABLE ", " IS ", "CREATE ROLE ", "CREATE FUNCTION f(",
        "RETURNS SETOF ", "RETURNS TABLE (", "BEGIN ATOMIC", "CASE", "END", "CREATE TYPE t AS ENUM (",
        "CREATE DOMAIN d AS ", "INHERITS (", "PARTITION OF ", "LIKE ", "%TYPE", "ARRAY[", "GENERATED ALWAYS AS ",
        "SET search_path = ", "SELECT pg_catalog.set_config('search_path', '", "COPY t FROM stdin;\n", "\\.\n",
        "\\restrict k\n", "public.", "\"Mixed\"", "timestamp(3) with time zone", "double precision", "serial",
        "🙂", "日本", "ü", "\u{0}", "\u{FEFF}", "@pgpe:tags ", "9999999999999999999999",
    ]

    private static func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<rng.int(1...8) {
            let position = scalars.isEmpty ? 0 : rng.int(0...scalars.count)
            switch rng.int(0...5) {
            case 0, 1:
                scalars.insert(contentsOf: rng.pick(fragments).unicodeScalars, at: position)
            case 2 where !scalars.isEmpty:
                let end = min(scalars.count, position + rng.int(1...40))
                scalars.removeSubrange(min(position, end)..<end)
            case 3 where !scalars.isEmpty:
                let end = min(scalars.count, position + rng.int(1...200))
                let slice = Array(scalars[min(position, end)..<end])
                scalars.insert(contentsOf: slice, at: rng.int(0...scalars.count))
            case 4 where position < scalars.count:
                scalars[position] = rng.pick(Array("();,.'\"$-/*[]aZ_0 \n🙂\\".unicodeScalars))
            default:
                let piece = rng.pick(["(", "'", "\"", "/*", "$$", "CREATE TABLE a (b int REFERENCES c, ", "BEGIN "])
                scalars.insert(contentsOf: String(repeating: piece, count: rng.int(1...300)).unicodeScalars, at: position)
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// Whether `range` lies inside `file` and starts and ends on character boundaries.
    private static func isInside(_ range: SourceRange, _ file: SourceFile) -> Bool {
        let bytes = file.bytes
        guard range.start >= 0, range.start <= range.end, range.end <= bytes.count else { return false }
        let startOK = range.start == bytes.count || bytes[range.start] & 0xC0 != 0x80
        let endOK = range.end == bytes.count || bytes[range.end] & 0xC0 != 0x80
        return startOK && endOK
    }

    /// Reads `text` and checks every location; returns whether all is well, and how many tables it read.
    private static func check(_ text: String) -> (ok: Bool, tables: Int) {
        let file = SourceFile(path: "fuzz.sql", text: text)
        let (model, diagnostics) = SQLSchemaReader.read(file: file)
        var ranges = diagnostics.map(\.range)
        for table in model.tables {
            ranges += table.location.map { [$0.range] } ?? []
            ranges += table.columns.compactMap { $0.location?.range }
        }
        ranges += model.functions.compactMap { $0.location?.range }
        guard ranges.allSatisfy({ isInside($0, file) }) else { return (false, model.tables.count) }
        guard diagnostics.allSatisfy({ $0.location.file == "fuzz.sql" && !$0.message.isEmpty }) else {
            return (false, model.tables.count)
        }
        // Whatever the reader makes, a snapshot carries exactly.
        let encoded = SchemaSnapshot.encode(model)
        let (decoded, snapshotDiagnostics) = SchemaSnapshot.decode(text: encoded, path: "fuzz.json")
        let roundTrips =
            snapshotDiagnostics.isEmpty
            && SchemaReaderHelpers.comparable(decoded, keepOwners: true)
                == SchemaReaderHelpers.comparable(model, keepOwners: true)
        return (roundTrips, model.tables.count)
    }

    @Test func mutatedSchemasNeverCrashOrEscapeTheText() throws {
        let seeds = [try Fixtures.exampleText("schema.sql"), SchemaReaderDumpSample.text]
        var rng = SeededGenerator(seed: 0x5C4E_3A)
        var tablesSeen = 0
        for iteration in 0..<2_000 {
            let input = Self.mutate(seeds[iteration % 2], &rng)
            let (ok, tables) = Self.check(input)
            #expect(ok, "failed on input:\n\(input.prefix(600))")
            tablesSeen += tables
        }
        // The mutations must leave most of the statements readable, or the test proves little.
        #expect(tablesSeen > 2_000 * 4, "only \(tablesSeen) tables read")
    }

    @Test func pathologicalInputs() {
        let inputs = [
            "",
            ";;;;",
            String(repeating: "(", count: 50_000),
            "CREATE TABLE t (" + String(repeating: "(", count: 50_000),
            "CREATE TABLE t (a int DEFAULT " + String(repeating: "(", count: 50_000) + ");",
            "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC " + String(repeating: "BEGIN ", count: 10_000),
            String(repeating: "CREATE TABLE t (a int) INHERITS (t);\n", count: 200),
            (0..<300).map { "CREATE TABLE t\($0) () INHERITS (t\($0 + 1));" }.joined(separator: "\n")
                + "\nCREATE TABLE t300 () INHERITS (t0);",
            (0..<300).map { "CREATE DOMAIN d\($0) AS d\($0 + 1);" }.joined(separator: "\n")
                + "\nCREATE DOMAIN d300 AS d0;\nCREATE TABLE x (a d0, b x.b%TYPE);",
            "CREATE TABLE t (a " + String(repeating: "int ARRAY[1]", count: 5_000) + ");",
            "'" + String(repeating: "🙂", count: 20_000),
            "E'" + String(repeating: "\\", count: 10_001),
            "$a$" + String(repeating: "$", count: 10_000),
            String(repeating: "/*", count: 10_000),
            "COPY t FROM stdin;",
            "COMMENT ON TABLE t IS 'x'",
            "\\",
        ]
        for input in inputs {
            #expect(Self.check(input).ok, "failed on input:\n\(input.prefix(200))")
        }
    }
}
