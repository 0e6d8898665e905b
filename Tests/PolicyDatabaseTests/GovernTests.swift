import PolicyDatabase
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// `GOVERN SELECTOR …` (SPEC 11.3) on PostgreSQL: apply turns row-level security on (and
/// forced) with no policy, so a role that is not the owner and has no BYPASSRLS sees no rows;
/// RLS turned off again, or a policy added by hand, is drift; `--prune` drops that policy.
@Suite struct GovernTests {
    static let workspace = PolicyWorkspace(
        config: "policies: [policies]\nschema: schema.sql\n",
        policies: [
            "p.policy": """
            GOVERN SELECTOR named('audit_log')

            POLICY notes_all PERMISSIVE FOR SELECT SELECTOR named('notes') CLAUSE col(id) > lit(0)
            """
        ],
        schemaSQL: """
            CREATE TABLE public.audit_log (id integer PRIMARY KEY, entry text);
            CREATE TABLE public.notes (id integer PRIMARY KEY, body text);
            """)

    @Test func aGovernedTableDeniesEveryRowAndIsWatchedForDrift() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            try Self.workspace.load(into: database)
            try connection.execute("INSERT INTO public.audit_log VALUES (1, 'a'), (2, 'b'); INSERT INTO public.notes VALUES (1, 'n')")
            let live = try LiveDatabase.testing(database)
            let applied = try live.apply(Self.workspace)
            #expect(applied.executed)
            let audit = applied.plan.actions.filter { $0.table.name == "audit_log" }.map(\.sql)
            #expect(
                audit == [
                    "ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;", "ALTER TABLE public.audit_log FORCE ROW LEVEL SECURITY;",
                ], "\(applied.plan.actions.map(\.sql))")
            #expect(try live.assess(Self.workspace).drift.isEmpty)
            let flags = try connection.query(
                "SELECT relrowsecurity::text || ' ' || relforcerowsecurity::text FROM pg_class WHERE oid = 'public.audit_log'::regclass")
            #expect(flags.first?[0]?.string == "true true")
            #expect(try connection.query("SELECT 1 FROM pg_policies WHERE tablename = 'audit_log'").isEmpty)

            let role = try database.createRole(login: false)
            try connection.execute("GRANT SELECT ON public.audit_log, public.notes TO \(role)")
            func count(_ table: String) throws -> Int? {
                try connection.transaction { connection in
                    try connection.execute("SET LOCAL ROLE \(role)")
                    return try connection.query("SELECT count(*)::integer FROM public.\(table)").first?[0]?.int
                }
            }
            #expect(try count("audit_log") == 0)
            #expect(try count("notes") == 1)

            try connection.execute(
                """
                ALTER TABLE public.audit_log DISABLE ROW LEVEL SECURITY;
                CREATE POLICY by_hand ON public.audit_log FOR SELECT USING (true);
                """)
            let drift = try live.assess(Self.workspace).drift
            #expect(drift.map(\.type) == [.rlsDisabled, .extraPolicy], "\(drift.map(\.description))")
            #expect(drift.allSatisfy { $0.table.name == "audit_log" })
            // by_hand admits rows where the table denies every one (SPEC 11.7): critical, with a
            // witness, and dropped without --prune.
            #expect(drift.last?.severity == .critical && drift.last?.witness != nil)
            let repaired = try live.apply(Self.workspace)
            #expect(repaired.plan.actions.map(\.sql).contains("DROP POLICY by_hand ON public.audit_log;"))
            #expect(try live.assess(Self.workspace).drift.isEmpty)
            #expect(try count("audit_log") == 0)
        }
    }
}
