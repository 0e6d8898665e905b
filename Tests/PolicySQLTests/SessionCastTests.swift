import PolicyConfig
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import PostgresClient
import TestSupport
import Testing

/// The reference evaluator reads a session setting exactly as the compiled
/// `NULLIF(current_setting(k, true), '')::type` does: the same spellings give the same values,
/// and the same ones are errors (white space, signs, ranges, boolean prefixes, uuid layouts), on
/// the server's version (16 added `0x`/`0o`/`0b` and `_` to integer input).
@Suite struct SessionCastTests {
    /// Spellings per type: accepted, rejected, at the edges of the range.
    static let spellings: [String: [String]] = [
        "smallint": ["32767", "32768", "-32768", "-32769", " 7", "+1", "32768x", "327680x", "0x7FFF", "0x8000", "-0x8000"],
        "integer": [
            " 2", "+1", "-0", "007", "2 ", "\t3\n", "x", "1.5", "2147483647", "2147483648", "-2147483648",
            "-2147483649", " ", "-", "+", "1_000", "0x10", "٣", "\u{00A0}1", "1 2", "99999999999x", "2147483648x",
            "0o17", "0O17", "0o8", "0b101", "0B2", "0X1f", "0x1g", "0x", "0x_1A", "0x1__A", "_100", "100_", "1__0",
            "1_2_3", " 0x1a ", "-0x80000000", "0x80000000", "0x1_", "- 1", "+-1", "0b", "00x1",
        ],
        "bigint": [
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "99999999999999999999", " -5 ",
        ],
        "boolean": [
            "true", "false", "t", "tr", "tru", "truex", "TRUE", " True ", "f", "fa", "y", "ye", "yes", "n", "no", "on",
            "off", "of", "o", "1", "0", "10", "maybe", " ", "\u{00A0}t",
        ],
        "uuid": [
            "0000000a-0000-4000-8000-00000000000a", "0000000A-0000-4000-8000-00000000000A",
            "{0000000a-0000-4000-8000-00000000000a}", "0000000a000040008000-00000000000a", "0000-000a-0000-4000-8000-0000-0000-000a",
            "0000000a00004000800000000000000a", " 0000000a-0000-4000-8000-00000000000a", "0000000a-0000-4000-8000-00000000000a ",
            "0-000000a0000-4000-8000-00000000000a", "0000000a--0000-4000-8000-00000000000a", "0000000a-0000-4000-8000-00000000000a-",
            "{0000000a-0000-4000-8000-00000000000a", "0000000a-0000-4000-8000-00000000000", "not-a-uuid",
            "０000000a-0000-4000-8000-00000000000a",
        ],
        "text": ["", " a ", "it's", "ü日"],
    ]

    @Test func settingsCastAsPostgreSQLCastsThem() async throws {
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = Self.spellings.keys.sorted().map { SessionKeyDecl(key: "app.\($0)", type: SQLType.normalize($0)) }
        let policySet = CheckHarness.check("", schema: SchemaModel(), config: config)
        try await withTestDatabase { database in
            let evaluator = ReferenceEvaluator(policySet: policySet, postgresVersion: database.connection.serverVersion / 10000)
            for (type, spellings) in Self.spellings.sorted(by: { $0.key < $1.key }) {
                for spelling in spellings {
                    let postgres: String
                    do {
                        let value = try database.connection.query("SELECT NULLIF($1, '')::\(type)", [.text(spelling)]).first?[0]
                        switch value {
                        case nil: postgres = "NULL"
                        case .bool(let flag)?: postgres = "\(SQLValue.bool(flag))"
                        case .int(let number)?: postgres = "\(SQLValue.int(number))"
                        case let other?: postgres = "\(SQLValue.text(other.string ?? ""))"
                        }
                    } catch let error as PostgresError {
                        postgres = "error: \(error.message)"
                    }
                    let session = EvaluationSession(settings: ["app.\(type)": spelling])
                    let evaluated: String
                    do {
                        evaluated = "\(try evaluator.sessionValue("app.\(type)", session: session))"
                    } catch {
                        evaluated = "error: \(error)"
                    }
                    #expect(evaluated == postgres, "'\(spelling)'::\(type)")
                }
            }
        }
    }

    /// The compiled SQL casts a session value to the type of the column it is compared with (and
    /// to a function's parameter type), not to the key's declared type; the evaluator does too.
    @Test func settingsAreCastToTheComparedType() async throws {
        let schemaSQL = """
            CREATE TABLE public.t (id integer PRIMARY KEY, n integer);
            CREATE FUNCTION public.odd(a integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a % 2 = 1 $$;
            """
        let (schema, _) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: schemaSQL))
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = [SessionKeyDecl(key: "app.n", type: .bigint)]
        config.functions = [FunctionDecl(name: "odd", arguments: [.integer], returns: .boolean)]
        let table = QualifiedName(schema: "public", name: "t")
        for clause in ["col(n) = session('app.n')", "fn(odd, [session('app.n')])"] {
            let policySet = CheckHarness.check(
                "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE \(clause)", schema: schema, config: config)
            #expect(!policySet.hasErrors)
            let evaluator = ReferenceEvaluator(
                policySet: policySet,
                functions: { _, arguments in
                    guard case .int(let a) = arguments[0] else { return .null }
                    return .bool(a % 2 == 1)
                })
            let row: [String: SQLValue] = ["id": .int(1), "n": .int(1)]
            let inRange = EvaluationSession(settings: ["app.n": "1"])
            #expect(try evaluator.allows(table, .select, side: .using, row: row, session: inRange, database: EvaluationDatabase()))
            // 2^31 is a bigint, but not an integer: the compiled ::integer cast fails, and so does the evaluator.
            let outOfRange = EvaluationSession(settings: ["app.n": "2147483648"])
            #expect(throws: EvaluationError.self) {
                try evaluator.allows(table, .select, side: .using, row: row, session: outOfRange, database: EvaluationDatabase())
            }
            #expect(try evaluator.sessionValue("app.n", session: outOfRange) == .int(2_147_483_648))
            try await withTestDatabase { database in
                try database.connection.execute(schemaSQL)
                try database.connection.execute(PolicyCompiler.compile(policySet).sql)
                let role = try database.createRole()
                try database.connection.execute("INSERT INTO public.t VALUES (1, 1); GRANT SELECT ON public.t TO \(role); SET ROLE \(role)")
                let connection = database.connection
                _ = try connection.query("SELECT set_config('app.n', '2147483648', false)")
                #expect(throws: PostgresError.self) { try connection.query("SELECT id FROM public.t") }
                _ = try connection.query("SELECT set_config('app.n', '1', false)")
                #expect(try connection.query("SELECT id FROM public.t").count == 1)
            }
        }
    }
}
