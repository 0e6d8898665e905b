import PolicySchema
import PolicySyntax
import Testing

/// Column types as people and pg_dump write them, normalized.
@Suite struct SchemaReaderTypeTests {
    @Test(arguments: [
        ("int4", "integer", TypeFamily.integer),
        ("INT", "integer", .integer),
        ("pg_catalog.int8", "bigint", .integer),
        ("character varying(10)", "varchar", .text),
        ("CHARACTER  VARYING ( 255 )", "varchar", .text),
        ("timestamp(3) with time zone", "timestamptz", .timestamp),
        ("timestamp (6) without time zone", "timestamp", .timestamp),
        ("time with time zone", "timetz", .time),
        ("double precision", "double precision", .numeric),
        ("float8", "double precision", .numeric),
        ("float(10)", "real", .numeric),
        ("float(53)", "double precision", .numeric),
        ("numeric(12,2)", "numeric", .numeric),
        ("interval day to second", "interval", .time),
        ("bit varying(5)", "varbit", .other),
        ("_int4", "integer[]", .array),
        ("text[]", "text[]", .array),
        ("integer ARRAY", "integer[]", .array),
        ("integer[3][4]", "integer[]", .array),
        ("int ARRAY[3]", "integer[]", .array),
        ("\"public\".\"Mood\"", "public.Mood", .other),
        ("bool", "boolean", .boolean),
        ("serial", "integer", .integer),
    ])
    func normalize(_ written: String, _ name: String, _ family: TypeFamily) {
        #expect(SQLType.normalize(written) == SQLType(name: name, family: family), "\(written)")
    }

    @Test func enumTypesCompareLikeText() {
        #expect(SQLType.normalize("public.mood", enumTypes: ["public.mood"]) == SQLType(name: "public.mood", family: .text))
        #expect(SQLType.normalize("mood", enumTypes: ["public.mood"]).family == .text)
        #expect(SQLType.normalize("mood").family == .other)
    }

    @Test func builtinNamesAreKnown() {
        #expect(SQLType.isBuiltin("integer"))
        #expect(SQLType.isBuiltin("tsquery"))
        #expect(SQLType.isBuiltin("int4range"))
        #expect(!SQLType.isBuiltin("mood"))
        #expect(!SQLType.isBuiltin("public.mood"))
    }

    /// The same types written inside CREATE TABLE, where the reader also resolves user types.
    @Test func columnTypesInsideCreateTable() throws {
        let sql = """
            CREATE EXTENSION IF NOT EXISTS citext;
            CREATE TYPE mood AS ENUM ('happy', 'sad');
            CREATE TYPE app."Level" AS ENUM ('low', 'high');
            CREATE DOMAIN email AS citext CHECK (VALUE LIKE '%@%');
            CREATE DOMAIN app.tags AS text[];
            CREATE TYPE pair AS (a int, b int);
            CREATE TABLE t (
                a int4,
                b character varying(10) COLLATE "C",
                c timestamp(3) with time zone,
                d double precision,
                e _int4,
                f text[],
                g integer ARRAY,
                h pg_catalog.int8,
                i mood,
                j public.mood[],
                k app."Level",
                l email,
                m app.tags,
                n pair,
                o public.citext,
                p hstore,
                q interval hour to minute,
                r numeric(10, 2) DEFAULT 0.5,
                s "char",
                u int2vector
            );
            """
        let (model, diagnostics, _) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let table = try #require(model.table(QualifiedName(schema: "public", name: "t")))
        let types = table.columns.map { "\($0.name): \($0.type.name) \($0.type.family)" }
        #expect(
            types == [
                "a: integer integer",
                "b: varchar text",
                "c: timestamptz timestamp",
                "d: double precision numeric",
                "e: integer[] array",
                "f: text[] array",
                "g: integer[] array",
                "h: bigint integer",
                "i: public.mood text",
                "j: public.mood[] array",
                "k: app.Level text",
                "l: public.email text",
                "m: app.tags array",
                "n: public.pair other",
                "o: citext text",
                "p: public.hstore other",
                "q: interval time",
                "r: numeric numeric",
                "s: char text",
                "u: int2vector other",
            ])
    }

    /// `SET search_path` decides where unqualified user types are found.
    @Test func userTypesFollowTheSearchPath() throws {
        let sql = """
            CREATE SCHEMA app;
            SET search_path TO app, public;
            CREATE TYPE status AS ENUM ('on', 'off');
            CREATE TABLE t (s status, u uuid);
            """
        let (model, diagnostics, _) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty)
        let table = try #require(model.table(QualifiedName(schema: "app", name: "t")))
        #expect(table.columns.map(\.type) == [SQLType(name: "app.status", family: .text), .uuid])
    }
}
