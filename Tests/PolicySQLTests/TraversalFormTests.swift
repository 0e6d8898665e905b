import PolicyConfig
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import PostgresClient
import TestSupport
import Testing

/// The compiled form of a traversal (issue 16): a correlated `EXISTS`, which PostgreSQL runs as
/// one hashed sub-plan over a scan and as an index probe of the target for a lookup, and which
/// keeps the target's own row-level security (a task whose project the session may not see is
/// not admitted, whatever the traversal's own clause says).
@Suite struct TraversalFormTests {
    static let schemaSQL = """
        CREATE TABLE public.projects (id integer PRIMARY KEY, tenant_id uuid NOT NULL, archived boolean NOT NULL);
        CREATE TABLE public.tasks (id bigint PRIMARY KEY, project_id integer REFERENCES public.projects (id), title text NOT NULL);
        """

    /// Projects carry their own tenant policy; tasks reach a project that is not archived. The
    /// tenant is checked only by the projects' policy, inside the traversal (nested RLS).
    static let policies = """
        POLICY tenant_direct PERMISSIVE FOR ALL SELECTOR named('projects')
          CLAUSE col(tenant_id) = session('app.tenant_id')
        POLICY live_project PERMISSIVE FOR ALL SELECTOR named('tasks')
          CLAUSE exists(rel(_, project_id, projects, id), {col(archived) = lit(false)})
        """

    static func compiledSQL() -> String {
        let (schema, _) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: schemaSQL))
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = [SessionKeyDecl(key: "app.tenant_id", type: .uuid)]
        let set = CheckHarness.check(policies, schema: schema, config: config)
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.message))")
        return PolicyCompiler.compile(set).sql
    }

    static let tenantA = "00000000-0000-4000-8000-00000000000a"
    static let tenantB = "00000000-0000-4000-8000-00000000000b"

    /// Runs `body` on a database with the schema, the compiled policies and a role that may read
    /// both tables, the session's tenant set to `tenant` inside a transaction as that role.
    static func asTenant<T>(_ tenant: String, rows: String, _ body: (PostgresConnection) throws -> T) async throws -> T {
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute(schemaSQL)
            try connection.execute(compiledSQL())
            try connection.execute(rows)
            try connection.execute("ANALYZE public.projects; ANALYZE public.tasks")
            let role = try database.createRole(login: false)
            try connection.execute("GRANT SELECT ON public.projects, public.tasks TO \(role)")
            return try connection.transaction { connection in
                _ = try connection.query("SELECT set_config('app.tenant_id', $1, true)", [.text(tenant)])
                try connection.execute("SET LOCAL ROLE \(role)")
                return try body(connection)
            }
        }
    }

    @Test func theTraversalCompilesToACorrelatedExists() {
        #expect(
            Self.compiledSQL().contains(
                "USING (EXISTS (SELECT 1 FROM public.projects t1 WHERE t1.id = public.tasks.project_id AND t1.archived = false));"))
    }

    /// A task is admitted only when its project is live and visible under the projects' own
    /// policy: tenant B's live project admits none of its tasks to tenant A, an archived project
    /// of A's admits none, and a task without a project (NULL key) is never admitted.
    @Test func theTargetsOwnPolicyHidesItsTasks() async throws {
        let rows = """
            INSERT INTO public.projects VALUES (1, '\(Self.tenantA)', false), (2, '\(Self.tenantA)', true), (3, '\(Self.tenantB)', false);
            INSERT INTO public.tasks VALUES (10, 1, 'a live'), (11, 2, 'a archived'), (12, 3, 'b live'), (13, NULL, 'no project');
            """
        let seenByA = try await Self.asTenant(Self.tenantA, rows: rows) { connection in
            try connection.query("SELECT id FROM public.tasks ORDER BY id").compactMap { $0[0]?.int }
        }
        #expect(seenByA == [10])
        let seenByB = try await Self.asTenant(Self.tenantB, rows: rows) { connection in
            try connection.query("SELECT id FROM public.tasks ORDER BY id").compactMap { $0[0]?.int }
        }
        #expect(seenByB == [12])
    }

    /// Reading one task by its key probes the projects' primary key for that task's project
    /// instead of reading every project the session may see into a hash table first (what
    /// `project_id IN (SELECT …)` made PostgreSQL do for every query).
    @Test func aLookupProbesTheTargetsKeyInsteadOfHashingEveryProject() async throws {
        let rows = """
            INSERT INTO public.projects SELECT i, CASE WHEN i % 2 = 0 THEN '\(Self.tenantA)'::uuid ELSE '\(Self.tenantB)'::uuid END, false
                FROM generate_series(1, 20000) AS i;
            INSERT INTO public.tasks SELECT i, 1 + i % 20000, 'task ' || i FROM generate_series(1, 40000) AS i;
            """
        let (plan, count) = try await Self.asTenant(Self.tenantA, rows: rows) { connection in
            let plan = try connection.query("EXPLAIN SELECT * FROM public.tasks WHERE id = 41").compactMap { $0[0]?.string }
            let count = try connection.query("SELECT count(*) FROM public.tasks WHERE id = 41").first?[0]?.int
            return (plan.joined(separator: "\n"), count)
        }
        #expect(plan.contains("projects_pkey"), "\(plan)")
        #expect(!plan.contains("hashed SubPlan"), "\(plan)")
        #expect(!plan.contains("Seq Scan on projects"), "\(plan)")
        #expect(count == 1)
    }
}
