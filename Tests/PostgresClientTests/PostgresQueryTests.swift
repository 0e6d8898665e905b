import PostgresClient
import TestSupport
import Testing

/// Bound parameters in, decoded values out, for every type the decoder knows.
@Suite struct PostgresQueryTests {
    /// A value that would drop a table if it were ever spliced into SQL.
    static let injection = "'; DROP TABLE x; --"

    /// Every decoded type goes in as a bound parameter and comes back equal.
    @Test func roundTripsEveryDecodedType() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute(
                """
                SET TIME ZONE 'UTC';
                CREATE TABLE x (id int);
                CREATE TABLE everything (
                  b bool, i2 int2, i4 int4, i8 int8, o oid, f4 float4, f8 float8, n numeric,
                  t text, vc varchar(40), nm name, bp char(5), c "char", u uuid, j json, jb jsonb,
                  ts timestamp, tstz timestamptz, d date,
                  names name[], texts text[], oids oid[], ints int4[], bools bool[], empty text[]
                )
                """)
            let texts: [String?] = ["a", nil, "NULL", "", #"with "quotes""#, #"back\slash"#, Self.injection, "comma,{brace}", " padded "]
            let inserted = try connection.query(
                """
                INSERT INTO everything VALUES
                  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
                   $20, $21, $22, $23, $24, $25)
                """,
                [
                    true, .int(-32768), .int(Int(Int32.max)), .int(Int.max), .int(Int(UInt32.max)), 1.5, 0.1,
                    .numeric("12345678901234567890.123450"), .text(Self.injection), "varchar é",
                    "pg_catalog", "ab", "r", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                    #"{"b": 1, "a": [1,2]}"#, #"{"b": 1, "a": [1,2]}"#,
                    "2024-02-29 13:45:00.123456", "2024-02-29 13:45:00.5+02", "2024-02-29",
                    .array(["public", "Mixed Case"]), .array(texts), .array(["1", "4294967295"]),
                    .array([nil, "3"]), .array(["t", "f"]), .array([]),
                ])
            #expect(inserted.commandTag == "INSERT 0 1")
            #expect(inserted.affectedRows == 1)

            let row = try #require(try connection.query("SELECT * FROM everything").first)
            #expect(row["b"] == .bool(true))
            #expect(row["i2"] == .int(-32768))
            #expect(row["i4"]?.int == Int(Int32.max))
            #expect(row["i8"]?.int == Int.max)
            #expect(row["o"]?.int == Int(UInt32.max))
            #expect(row["f4"] == .double(1.5))
            #expect(row["f8"]?.double == 0.1)
            #expect(row["n"] == .numeric("12345678901234567890.123450"))
            #expect(row["n"]?.double == 12345678901234567890.12345)
            #expect(row["t"]?.string == Self.injection)
            #expect(row["vc"]?.string == "varchar é")
            #expect(row["nm"]?.string == "pg_catalog")
            #expect(row["bp"]?.string == "ab   ")
            #expect(row["c"]?.string == "r")
            #expect(row["u"]?.string == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
            #expect(row["j"]?.string == #"{"b": 1, "a": [1,2]}"#)
            #expect(row["jb"]?.string == #"{"a": [1, 2], "b": 1}"#)
            #expect(row["ts"]?.string == "2024-02-29 13:45:00.123456")
            #expect(row["tstz"]?.string == "2024-02-29 11:45:00.5+00")
            #expect(row["d"]?.string == "2024-02-29")
            #expect(row["names"]?.stringArray == ["public", "Mixed Case"])
            #expect(row["texts"]?.stringArray == texts)
            #expect(row["oids"]?.stringArray == ["1", "4294967295"])
            #expect(row["ints"]?.stringArray == [nil, "3"])
            #expect(row["bools"]?.stringArray == ["t", "f"])
            #expect(row["empty"]?.stringArray == [])

            let types = Dictionary(uniqueKeysWithValues: row.columns.map { ($0.name, $0.typeOID) })
            #expect(types["nm"] == PostgresTypeOID.name)
            #expect(types["u"] == PostgresTypeOID.uuid)
            #expect(types["names"] == 1003)

            // The injection text was data, not SQL.
            #expect(try connection.query("SELECT count(*) AS n FROM x").first?["n"]?.int == 0)
        }
    }

    /// NULL parameters read back as `nil` in every column type.
    @Test func nullParametersReadBackAsNil() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute("CREATE TABLE n (b bool, i int8, t text, a text[])")
            _ = try connection.query("INSERT INTO n VALUES ($1, $2, $3, $4)", [nil, nil, nil, nil])
            let row = try #require(try connection.query("SELECT * FROM n").first)
            #expect(row.values.count == 4)
            #expect(row.values.allSatisfy { $0 == nil })
            #expect(row.hasColumn("t"))
            #expect(!row.hasColumn("missing"))
        }
    }

    /// SQL-looking parameter values are stored and matched as plain data.
    @Test func parametersAreNeverSpliced() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute("CREATE TABLE x (id int); CREATE TABLE notes (body text)")
            for body in [Self.injection, "$1", "' OR '1'='1", "\\'; SELECT 1; --"] {
                _ = try connection.query("INSERT INTO notes VALUES ($1)", [.text(body)])
                let found = try connection.query("SELECT body FROM notes WHERE body = $1", [.text(body)])
                #expect(found.map { $0["body"]?.string } == [body])
            }
            #expect(try connection.query("SELECT to_regclass('x') IS NOT NULL AS present").first?["present"] == .bool(true))
        }
    }

    /// An array parameter takes its element type from `= ANY($1)`.
    @Test func arrayParameterMatchesWithAny() async throws {
        try await withTestDatabase { database in
            let result = try database.connection.query(
                "SELECT relname FROM pg_class WHERE relname = ANY($1) ORDER BY relname",
                [.array(["pg_type", "pg_class", "no such table"])])
            #expect(result.map { $0["relname"]?.string } == ["pg_class", "pg_type"])
            #expect(result.columns == [PostgresColumn(name: "relname", typeOID: PostgresTypeOID.name)])
        }
    }

    /// NaN, infinities, negative zero and extremes survive a float8 round trip.
    @Test(arguments: [Double.nan, .infinity, -.infinity, -0.0, 1e-300, 123456.789])
    func roundTripsSpecialFloats(value: Double) async throws {
        try await withTestDatabase { database in
            let read = try #require(try database.connection.query("SELECT $1::float8 AS v", [.double(value)]).first?["v"]?.double)
            if value.isNaN {
                #expect(read.isNaN)
            } else {
                #expect(read == value)
                #expect(read.sign == value.sign)
            }
        }
    }

    /// Catalog types decode: `int2vector`, `oidvector`, `aclitem[]`, `"char"`, `regclass`.
    @Test func decodesCatalogVectorsAndACLs() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute("CREATE TABLE t (a int, b int, PRIMARY KEY (b, a)); GRANT SELECT ON t TO PUBLIC")
            let key = try connection.query(
                "SELECT indkey FROM pg_index WHERE indrelid = 't'::regclass AND indisprimary"
            ).first?["indkey"]
            #expect(key?.stringArray == ["2", "1"])
            let arguments = try connection.query(
                "SELECT proargtypes FROM pg_proc WHERE oid = 'int4pl'::regproc"
            ).first?["proargtypes"]
            #expect(arguments?.stringArray == ["23", "23"])
            let acl = try connection.query("SELECT relacl FROM pg_class WHERE oid = 't'::regclass").first?["relacl"]
            #expect(acl?.stringArray?.contains("=r/postgres") == true)
            let kind = try connection.query("SELECT relkind, 't'::regclass AS reg FROM pg_class WHERE oid = 't'::regclass").first
            #expect(kind?["relkind"]?.string == "r")
            #expect(kind?["reg"]?.string == "t")
        }
    }

    /// Typed accessors answer only for their own kind (numbers widen to `double`).
    @Test func typedAccessorsAreStrict() async throws {
        try await withTestDatabase { database in
            let row = try #require(
                try database.connection.query(
                    "SELECT 7 AS i, '7' AS t, 2.50::numeric AS n, true AS b"
                ).first)
            #expect(row[0] == .int(7))
            #expect(row["i"]?.string == nil)
            #expect(row["t"]?.int == nil)
            #expect(row["n"]?.string == "2.50")
            #expect(row["n"]?.double == 2.5)
            #expect(row["i"]?.double == 7)
            #expect(row["b"]?.bool == true)
            #expect(row["b"]?.stringArray == nil)
            #expect(row[9] == nil)
        }
    }

    /// A script runs as one implicit transaction and returns its last result.
    @Test func executeRunsAScriptAndReturnsTheLastResult() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            let last = try connection.execute("CREATE TABLE s (x int); INSERT INTO s VALUES (1), (2), (3); SELECT sum(x) AS total FROM s")
            #expect(last.first?["total"]?.int == 6)
            #expect(last.commandTag == "SELECT 1")
            let empty = try connection.execute("")
            #expect(empty.isEmpty)
            // A failing statement stops the script, and the implicit transaction undoes it all.
            #expect(throws: PostgresError.self) {
                try connection.execute("INSERT INTO s VALUES (4); SELECT 1/0; INSERT INTO s VALUES (5)")
            }
            #expect(try connection.query("SELECT count(*) AS n FROM s").first?["n"]?.int == 3)
        }
    }

    /// A NUL in a parameter is refused before any round trip.
    @Test func nulCharacterIsRefusedBeforeSending() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            let before = connection.queryCount
            let error = try #require(throws: PostgresError.self) {
                try connection.query("SELECT $1::text", [.text("a\u{0}b")])
            }
            #expect(error.kind == .query)
            #expect(error.message.contains("$1"))
            #expect(connection.queryCount == before)
        }
    }
}
