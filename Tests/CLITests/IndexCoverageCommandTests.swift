import Foundation
import PolicyWorkloads
import TestSupport
import Testing

/// `pgpe analyze` reports a column the policies filter on that no index leads with
/// (`performance.missing-index`, SPEC 11.11), with a fix that applies on PostgreSQL and makes
/// the finding go away.
@Suite struct IndexCoverageCommandTests {
    static let config = WorkspaceFixture.tenantIsolationConfig("schemas: [public]\n")

    static let schema = """
        CREATE TABLE public.bare (id uuid PRIMARY KEY, tenant_id uuid NOT NULL);
        CREATE TABLE public.covered (id uuid PRIMARY KEY, tenant_id uuid NOT NULL);
        CREATE INDEX covered_tenant ON public.covered (tenant_id);
        CREATE TABLE public.leading (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, created_at timestamptz);
        CREATE INDEX CONCURRENTLY IF NOT EXISTS leading_tenant_created ON ONLY public.leading USING btree (tenant_id, created_at DESC);
        CREATE TABLE public.second (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, created_at timestamptz);
        CREATE INDEX second_created_tenant ON public.second (created_at, tenant_id);
        CREATE TABLE public.partial (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, deleted boolean NOT NULL DEFAULT false);
        CREATE INDEX partial_tenant ON public.partial (tenant_id) WHERE NOT deleted;
        CREATE TABLE public.keyed (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
        CREATE TABLE public.dropped (id uuid PRIMARY KEY, tenant_id uuid NOT NULL);
        CREATE INDEX dropped_tenant ON public.dropped (tenant_id);
        DROP INDEX dropped_tenant;
        CREATE TABLE public.projects (id uuid PRIMARY KEY, tenant_id uuid NOT NULL);
        CREATE INDEX ON public.projects (tenant_id);
        CREATE TABLE public.tasks (id uuid PRIMARY KEY, project_id uuid NOT NULL REFERENCES public.projects (id));
        CREATE INDEX tasks_project ON public.tasks (project_id);
        CREATE TABLE public.boards (id uuid PRIMARY KEY, code text NOT NULL, tenant_id uuid NOT NULL);
        CREATE INDEX boards_lower_code ON public.boards (lower(code));
        CREATE INDEX boards_tenant ON public.boards USING hash (tenant_id);
        CREATE TABLE public.cards (id uuid PRIMARY KEY, board_code text NOT NULL);

        """

    static let policies = """
        POLICY tenant_isolation
          PERMISSIVE
          FOR SELECT, INSERT, UPDATE, DELETE
          SELECTOR has_column('tenant_id')
          CLAUSE col('tenant_id') = session('app.tenant_id')

        POLICY via_project
          PERMISSIVE
          FOR SELECT, INSERT, UPDATE, DELETE
          SELECTOR named('tasks')
          CLAUSE exists(rel(_, project_id, projects, id), {col('tenant_id') = session('app.tenant_id')})

        POLICY via_board
          PERMISSIVE
          FOR SELECT, INSERT, UPDATE, DELETE
          SELECTOR named('cards')
          CLAUSE exists(rel(_, board_code, boards, code), {col('tenant_id') = session('app.tenant_id')})

        """

    static func project() throws -> DatabaseCLI {
        let directory = try CLIRunner.temporaryDirectory("pgpe-index")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("policies"), withIntermediateDirectories: true)
        let cli = DatabaseCLI(directory: directory)
        try cli.write("pgpe.yaml", config)
        try cli.write("schema.sql", schema)
        try cli.write("policies/tenancy.policy", policies)
        return cli
    }

    /// The `performance.missing-index` diagnostics of `pgpe analyze --format json`.
    static func missing(_ cli: DatabaseCLI) throws -> [[String: Any]] {
        let run = try cli.run(["analyze", "--format", "json"])
        #expect(run.stdout.hasPrefix("{"), "\(run.output)")
        let diagnostics = try #require(try DatabaseCLI.json(run.stdout)["diagnostics"] as? [[String: Any]])
        return diagnostics.filter { $0["code"] as? String == "performance.missing-index" }
    }

    @Test func uncoveredColumnsAreReportedAndTheFixMakesThemGoAway() async throws {
        try await withTestDatabase { database in
            let cli = try Self.project()
            defer { cli.remove() }
            let findings = try Self.missing(cli)
            let messages = findings.compactMap { $0["message"] as? String }
            // bare: no index; second: the key is the second column; partial: WHERE; dropped:
            // DROP INDEX; boards.code: only an expression index; cards.board_code: no index.
            let expected = [
                "public.boards (code)", "public.bare (tenant_id)", "public.cards (board_code)", "public.dropped (tenant_id)",
                "public.partial (tenant_id)", "public.second (tenant_id)",
            ]
            #expect(messages.count == expected.count, "\(messages)")
            for target in expected {
                #expect(messages.contains { $0.contains(" ON \(target);") }, "\(target) not in \(messages)")
            }
            #expect(messages.contains { $0.contains("CREATE INDEX CONCURRENTLY bare_tenant_id_idx ON public.bare (tenant_id);") })
            #expect(messages.contains { $0.contains("matched by the traversal from public.cards") })
            #expect(findings.allSatisfy { $0["severity"] as? String == "warning" && ($0["file"] as? String)?.hasSuffix(".policy") == true })

            // The fixes apply on PostgreSQL (outside a transaction, as CONCURRENTLY needs) and,
            // written to schema.sql, leave nothing to report.
            try database.connection.execute(Self.schema.replacingOccurrences(of: "CONCURRENTLY ", with: ""))
            var fixes = ""
            for message in messages {
                let fix = try #require(message.range(of: "CREATE INDEX CONCURRENTLY").map { String(message[$0.lowerBound...]) })
                try database.connection.execute(fix)
                fixes += fix + "\n"
            }
            let built = try database.connection.query(
                "SELECT count(*)::int AS n FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE '%\\_idx' AND i.indisvalid"
            )
            // The fixes, and projects_tenant_id_idx (`CREATE INDEX ON public.projects`, named by PostgreSQL).
            #expect(built.rows.first?["n"] == .int(expected.count + 1))
            try cli.write("schema.sql", Self.schema + fixes)
            #expect(try Self.missing(cli).isEmpty)
        }
    }
}
