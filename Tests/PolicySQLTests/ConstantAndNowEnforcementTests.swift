import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import PostgresClient
import TestSupport
import Testing

/// SPEC 11.3 on PostgreSQL: `CLAUSE true` admits every row, `CLAUSE false` none, and
/// `col(expires_at) > now()` hides the rows that have expired, whatever the column's type.
@Suite struct ConstantAndNowEnforcementTests {
    static let schemaSQL = """
        CREATE TABLE public.offers (
            id integer PRIMARY KEY, expires_at timestamptz, ends_at timestamp, last_day date, title text
        );
        """

    static func policySet(_ policies: String) -> PolicySet {
        let (schema, _) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: schemaSQL))
        let set = CheckHarness.check(policies, schema: schema)
        #expect(!set.diagnostics.contains { $0.severity == .error }, "\(set.diagnostics.map(\.message))")
        return set
    }

    /// The ids `role` sees, and whether it may delete row 1 (inside a transaction that rolls back).
    static func run(_ compiled: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> (visible: [Int], deleted: Int) {
        var result: ([Int], Int) = ([], 0)
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute(schemaSQL)
            try connection.execute(compiled)
            try connection.execute(
                """
                INSERT INTO public.offers VALUES
                  (1, now() + interval '1 day', (now() + interval '1 day')::timestamp, current_date + 1, 'current'),
                  (2, now() - interval '1 day', (now() - interval '1 day')::timestamp, current_date - 1, 'expired'),
                  (3, NULL, NULL, NULL, 'open-ended'),
                  (4, '2000-01-01 00:00:00+00', '2000-01-01 00:00:00', '2000-01-01', 'long gone')
                """)
            let role = try database.createRole(login: false)
            try connection.execute("GRANT SELECT, DELETE ON public.offers TO \(role)")
            result = try connection.transaction { connection in
                try connection.execute("SET LOCAL ROLE \(role)")
                let visible = try connection.query("SELECT id FROM public.offers ORDER BY id").compactMap { $0[0]?.int }
                let deleted = try connection.query(
                    "WITH d AS (DELETE FROM public.offers WHERE id = 1 RETURNING id) SELECT count(*)::int FROM d")
                return (visible, deleted.first?[0]?.int ?? -1)
            }
        }
        return result
    }

    @Test func trueAdmitsEveryRowAndFalseNone() async throws {
        let set = Self.policySet(
            """
            POLICY everyone PERMISSIVE FOR ALL SELECTOR ALL CLAUSE true
            POLICY keep RESTRICTIVE FOR DELETE SELECTOR ALL CLAUSE false
            """)
        let sql = PolicyCompiler.compile(set).sql
        #expect(sql.contains("USING (true);") && sql.contains("USING (false);"), "\(sql)")
        let (visible, deleted) = try await Self.run(sql)
        #expect(visible == [1, 2, 3, 4])
        #expect(deleted == 0)
    }

    @Test func onlyFalseAdmitsNothing() async throws {
        let set = Self.policySet("POLICY nobody PERMISSIVE FOR ALL SELECTOR ALL CLAUSE false OR CLAUSE false")
        let (visible, deleted) = try await Self.run(PolicyCompiler.compile(set).sql)
        #expect(visible == [])
        #expect(deleted == 0)
    }

    @Test(arguments: ["col(expires_at) > now()", "now() < col(ends_at)", "col(last_day) > now()"])
    func nowHidesExpiredRows(_ atom: String) async throws {
        let set = Self.policySet("POLICY current PERMISSIVE FOR ALL SELECTOR ALL CLAUSE \(atom)")
        let sql = PolicyCompiler.compile(set).sql
        #expect(sql.contains("now()") && !sql.contains("(SELECT now())"), "\(sql)")
        let (visible, deleted) = try await Self.run(sql)
        #expect(visible == [1])
        #expect(deleted == 1)
    }

    @Test func nowAgainstALiteral() async throws {
        let set = Self.policySet(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE now() > lit('2001-01-01') AND col(title) LIKE lit('%g%')")
        let (visible, _) = try await Self.run(PolicyCompiler.compile(set).sql)
        #expect(visible == [4])
    }
}
