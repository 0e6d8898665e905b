import PolicyDatabase
import PolicySchema
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Canonical forms by round trip: whatever PostgreSQL's printer does to an expression (casts,
/// parentheses, quoting, qualification), an unchanged catalog never reports drift; quoted
/// identifiers, names over 63 bytes and odd literals survive the trip.
@Suite struct RoundTripTests {
    /// A workspace that exercises the printer: a quoted schema and table, a column named like a
    /// keyword, an enum, numerics, a policy and a table name over 63 bytes, quotes, backslashes
    /// and non-ASCII text in literals, LIKE patterns, IN lists, IS NULL, a function, raw SQL, a
    /// traversal into the quoted table, distinct WITH CHECK, and a quoted role with capitals.
    static func zoo(role: String) -> PolicyWorkspace {
        PolicyWorkspace(
            config: """
                policies: [policies]
                schemas: [public, "Sales Data"]
                session:
                  app.tenant_id: uuid
                  app.user_id: uuid
                  app.level: integer
                  app.name: text
                functions:
                  is_member: { args: [uuid, uuid], returns: boolean, schema: public }
                """,
            policies: [
                "zoo.policy": """
                POLICY "Tenant Guard"
                  PERMISSIVE
                  FOR ALL
                  TO "\(role)"
                  SELECTOR has_column(tenant_id)
                  CLAUSE col(tenant_id) = session('app.tenant_id')

                POLICY a_policy_name_that_is_itself_long_enough_to_overflow_the_limit
                  PERMISSIVE
                  FOR SELECT, INSERT
                  SELECTOR named('a_table_with%')
                  CLAUSE col(tenant_id) = session('app.tenant_id')
                    AND exists(rel(_, account_id, "Sales Data"."Customer Accounts", id), {col(tenant_id) = session('app.tenant_id')})

                POLICY odd_literals
                  RESTRICTIVE
                  FOR SELECT
                  SELECTOR named('Customer Accounts')
                  CLAUSE col("Display Name") != lit('o''brien \\ "quoted" é ✓') AND col("Display Name") NOT IN lit(['a''b', 'c"d', '%_x'])
                  OR CLAUSE col("Display Name") LIKE lit('%\\_under%')
                  OR CLAUSE col(level) >= lit(-3) AND col(score) < lit(100)
                  OR CLAUSE col(feeling) = lit('it''s complicated')
                  OR CLAUSE col("select") IS NULL

                POLICY membership
                  PERMISSIVE
                  FOR UPDATE
                  SELECTOR named('Customer Accounts')
                  CLAUSE fn(is_member, [session('app.user_id'), col(tenant_id)])
                  WITH CHECK CLAUSE col(tenant_id) = session('app.tenant_id') AND col(is_deleted) = lit(false)

                POLICY raw_escape
                  PERMISSIVE
                  FOR DELETE
                  SELECTOR named('Customer Accounts')
                  CLAUSE raw('created_at > now() - interval ''30 days''')

                POLICY by_level
                  PERMISSIVE
                  FOR SELECT
                  SELECTOR named('Customer Accounts')
                  CLAUSE col(level) = session('app.level')
                  OR CLAUSE col("Display Name") = session('app.name')

                GRANT SELECT, UPDATE TO "\(role)" SELECTOR named('Customer Accounts')
                """
            ],
            schemaSQL: """
                CREATE SCHEMA "Sales Data";
                CREATE TYPE public.mood AS ENUM ('happy', 'sad', 'it''s complicated');
                CREATE TABLE "Sales Data"."Customer Accounts" (
                    id bigint PRIMARY KEY,
                    tenant_id uuid NOT NULL,
                    "Display Name" text,
                    "select" text,
                    level integer,
                    score numeric(10,2),
                    created_at timestamptz,
                    feeling public.mood,
                    is_deleted boolean NOT NULL DEFAULT false
                );
                CREATE TABLE public.a_table_with_a_really_quite_long_name_that_goes_on_and_on_x (
                    id bigint PRIMARY KEY,
                    tenant_id uuid NOT NULL,
                    account_id bigint REFERENCES "Sales Data"."Customer Accounts" (id),
                    note text
                );
                CREATE FUNCTION public.is_member(uuid, uuid) RETURNS boolean
                    LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT $1 IS NOT NULL AND $2 IS NOT NULL $$;
                """)
    }

    /// Creates a role whose name needs quoting, runs `body`, and drops the role after the test
    /// database is gone.
    static func withQuotedRole(_ body: (String) async throws -> Void) async throws {
        let role = "Pgpe Caps " + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let server = try PostgresTestServer.fromEnvironment()
        let admin = try server.connect(database: "postgres")
        defer { admin.close() }
        try admin.execute("CREATE ROLE \(try admin.quoteIdentifier(role)) NOLOGIN")
        do {
            try await body(role)
        } catch {
            _ = try? admin.execute("DROP ROLE IF EXISTS \(try admin.quoteIdentifier(role))")
            throw error
        }
        try admin.execute("DROP ROLE IF EXISTS \(try admin.quoteIdentifier(role))")
    }

    /// The zoo applies, then shows no drift, twice, and a second apply has nothing to do.
    @Test func unchangedCatalogNeverReportsDrift() async throws {
        try await Self.withQuotedRole { role in
            try await withTestDatabase { database in
                let zoo = Self.zoo(role: role)
                try zoo.load(into: database)
                let live = try LiveDatabase.testing(database)
                let first = try live.apply(zoo)
                #expect(first.executed)
                #expect(first.plan.actions.filter { $0.kind == .createPolicy }.count == 8)
                #expect(first.plan.actions.filter { $0.kind == .grant }.count == 1)
                let names = Set(first.plan.actions.compactMap(\.policy))
                #expect(names.contains { $0.utf8.count == 63 && $0.hasPrefix("a_policy_name_that_is_itself_long") })
                #expect(names.contains("tenant guard_customer accounts"))
                for _ in 0..<2 {
                    let assessment = try live.assess(zoo)
                    #expect(
                        assessment.drift.isEmpty,
                        "\(assessment.drift.map { "\($0.type.rawValue) \($0.policy ?? ""): \($0.description)\n  expected \($0.expected ?? "")\n  observed \($0.observed ?? "")" })"
                    )
                    #expect(assessment.canonical.count == assessment.catalog.snapshot.policies.count)
                }
                #expect(try live.apply(zoo).plan.isEmpty)
            }
        }
    }

    /// The canonical form is what PostgreSQL prints, not what the compiler wrote.
    @Test func canonicalFormsComeFromPostgreSQLsPrinter() async throws {
        try await withTestDatabase { database in
            let example = try PolicyWorkspace.example()
            let live = try LiveDatabase.applied(example, on: database)
            let assessment = try live.assess(example)
            let key = PolicyKey(table: QualifiedName(schema: "public", name: "projects"), name: "soft_delete_projects")
            #expect(assessment.canonical[key] == .printed(qual: "(is_deleted = false)", withCheck: nil))
            let tasks = PolicyKey(table: QualifiedName(schema: "public", name: "tasks"), name: "tenant_isolation_via_project_tasks")
            guard case .printed(let qual?, nil)? = assessment.canonical[tasks] else {
                Issue.record("no canonical form for tasks: \(String(describing: assessment.canonical[tasks]))")
                return
            }
            // Relations come out schema-qualified whatever the session's search_path is.
            #expect(qual.contains("FROM public.projects t1"))
            #expect(qual.contains("current_setting('app.tenant_id'::text, true)"))
            // The scratch policies are gone.
            #expect(try database.connection.query("SELECT 1 FROM pg_policies WHERE policyname LIKE 'pgpe_rt_%'").isEmpty)
        }
    }

    /// An expected policy PostgreSQL refuses (its raw SQL names a dropped column) is reported as
    /// modified with PostgreSQL's message, and the others are still compared.
    @Test func aRefusedExpectedPolicyIsReportedAndTheOthersStillCompared() async throws {
        try await withTestDatabase { database in
            var workspace = try PolicyWorkspace.example()
            workspace.policies["raw.policy"] = """
                POLICY legacy
                  PERMISSIVE
                  FOR SELECT
                  SELECTOR named('config')
                  CLAUSE raw('old_flag')
                """
            workspace.schemaSQL += "\nALTER TABLE public.config ADD COLUMN old_flag boolean;"
            let live = try LiveDatabase.applied(workspace, on: database)
            #expect(try live.assess(workspace).drift.isEmpty)
            // The policy is dropped with the column, then put back by hand under the same name.
            try database.connection.execute(
                """
                ALTER TABLE public.config DROP COLUMN old_flag CASCADE;
                CREATE POLICY legacy_config ON public.config FOR SELECT USING (true);
                """)
            let drift = try live.assess(workspace).drift
            #expect(drift.map(\.type) == [.modifiedPolicy])
            #expect(drift.first?.description.contains("column \"old_flag\" does not exist") == true, "\(drift)")
            #expect(drift.first?.repair.map(\.kind) == [.dropPolicy, .createPolicy])
        }
    }

    /// Tables in a governed schema with no policies, and the session's search_path, change
    /// nothing: a session whose search_path lacks public reads the same canonical forms.
    @Test func searchPathOfTheSessionDoesNotMatter() async throws {
        try await withTestDatabase { database in
            let example = try PolicyWorkspace.example()
            _ = try LiveDatabase.applied(example, on: database)
            let other = LiveDatabase(
                connection: try PostgresConnection(database.connectionString() + " options='-c search_path=pg_catalog'"))
            let assessment = try other.assess(example)
            #expect(assessment.drift.isEmpty, "\(assessment.drift.map(\.description))")
        }
    }
}
