import PolicyConfig
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import PostgresClient
import TestSupport
import Testing

/// Session values read by their own SQL (SPEC 11.1) compile to `(SELECT sql)`, whatever
/// `missing_context` says, and PostgreSQL then admits exactly the rows of the session's value.
@Suite struct SessionValueCompileTests {
    static let schemaSQL = """
        CREATE SCHEMA auth;
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
            AS $$ SELECT (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid $$;
        CREATE TABLE public.notes (id integer PRIMARY KEY, owner_id uuid, owner_name text);
        """

    static func policySet(_ clause: String, missingContext: String = "deny") -> PolicySet {
        let (schema, _) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: schemaSQL))
        let (config, _, diagnostics) = ConfigLoader.load(
            text: "profile: supabase\nmissing_context: \(missingContext)\nsession:\n  who: {type: text, sql: session_user}\n",
            path: "/project/pgpe.yaml", environment: [:])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return CheckHarness.check(
            "POLICY own PERMISSIVE FOR ALL SELECTOR named('notes') CLAUSE \(clause)", schema: schema, config: config)
    }

    @Test(arguments: ["deny", "error"])
    func valuesWithTheirOwnSQLCompileToASubSelect(missingContext: String) {
        let set = Self.policySet(
            "col(owner_id) = session('auth.uid') AND col(owner_name) = session('current_user') AND session('who') IS NOT NULL",
            missingContext: missingContext)
        // No warning either: values read by their own SQL need no dotted setting name.
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.message))")
        let sql = PolicyCompiler.compile(set).sql
        #expect(
            sql.contains(
                "USING (owner_id = (SELECT auth.uid()) AND owner_name = (SELECT current_user) AND (SELECT session_user) IS NOT NULL);"),
            "\(sql)")
        #expect(!sql.contains("current_setting"), "\(sql)")
    }

    /// Against PostgreSQL with an `auth` schema stub: a session whose JWT claims say `sub = u`
    /// sees exactly the rows owned by `u`; without claims, or without `sub`, none; and the
    /// plan reads `auth.uid()` once (an InitPlan), not per row.
    @Test func postgresAdmitsExactlyTheRowsOfTheSessionsUID() async throws {
        let set = Self.policySet("col(owner_id) = session('auth.uid')")
        let compiled = PolicyCompiler.compile(set).sql
        let alice = "00000000-0000-4000-8000-00000000000a"
        let bob = "00000000-0000-4000-8000-00000000000b"
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute(Self.schemaSQL)
            try connection.execute(compiled)
            try connection.execute(
                "INSERT INTO public.notes VALUES (1, '\(alice)', 'a'), (2, '\(alice)', 'a'), (3, '\(bob)', 'b'), (4, NULL, 'n')")
            let role = try database.createRole(login: false)
            try connection.execute("GRANT USAGE ON SCHEMA auth TO \(role); GRANT SELECT, INSERT ON public.notes TO \(role)")
            func visible(claims: String?) throws -> [Int] {
                try connection.transaction { connection in
                    if let claims { _ = try connection.query("SELECT set_config('request.jwt.claims', $1, true)", [.text(claims)]) }
                    try connection.execute("SET LOCAL ROLE \(role)")
                    return try connection.query("SELECT id FROM public.notes ORDER BY id").compactMap { $0[0]?.int }
                }
            }
            #expect(try visible(claims: "{\"sub\": \"\(alice)\"}") == [1, 2])
            #expect(try visible(claims: "{\"sub\": \"\(bob)\", \"role\": \"authenticated\"}") == [3])
            #expect(try visible(claims: "{\"role\": \"anon\"}") == [])
            #expect(try visible(claims: nil) == [])
            // Writing a row for another uid is refused by the same predicate.
            #expect(throws: PostgresError.self) {
                try connection.transaction { connection in
                    _ = try connection.query("SELECT set_config('request.jwt.claims', $1, true)", [.text("{\"sub\": \"\(alice)\"}")])
                    try connection.execute("SET LOCAL ROLE \(role)")
                    try connection.execute("INSERT INTO public.notes VALUES (5, '\(bob)', 'x')")
                }
            }
            let plan = try connection.transaction { connection in
                try connection.execute("SET LOCAL ROLE \(role)")
                return try connection.query("EXPLAIN SELECT id FROM public.notes").compactMap { $0[0]?.string }.joined(separator: "\n")
            }
            #expect(plan.contains("InitPlan"), "\(plan)")
        }
    }
}
