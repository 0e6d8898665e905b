import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// `pgpe analyze --probe` (SPEC 11.11, issue 16): the verdicts checked on the live database in
/// transactions that roll back, through the built binary against the test server.
@Suite struct AnalyzeProbeTests {
    /// A policy that forgets the tenant: shared projects are visible to every tenant.
    static let leak = """
        // Shared projects: forgets the tenant.
        POLICY shared_projects
          PERMISSIVE
          FOR SELECT
          SELECTOR named('projects')
          CLAUSE col('name') = lit('shared')
        """

    /// The probe's results of a `--format json` run: (status, verdict status, proof, table, command, detail).
    static func results(_ run: DatabaseCLI.Run) throws -> [[String: Any]] {
        let probe = try #require(try DatabaseCLI.json(run.stdout)["probe"] as? [String: Any], "\(run.output)")
        return try #require(probe["results"] as? [[String: Any]])
    }

    /// The running example (with `extraPolicies`) applied to a database holding its schema and
    /// `rows`; the project and its `--database` arguments.
    static func applied(_ database: TestDatabase, extraPolicies: [String: String] = [:], rows: String = "") throws -> (
        DatabaseCLI, [String]
    ) {
        let cli = try DatabaseCLI.example(extraPolicies: extraPolicies)
        try database.connection.execute(try Fixtures.exampleText("schema.sql") + rows)
        let target = ["--database", database.connectionString()]
        let apply = try cli.run(["apply"] + target)
        #expect(apply.status == 0, "\(apply.output)")
        return (cli, target)
    }

    /// Nothing the probe did is left in the database: no rows, no role or table it made, and
    /// the statistics show rows inserted (the probe ran) but none live (nothing committed).
    static func expectNothingLeft(_ database: TestDatabase) throws {
        for table in ["users", "projects", "tasks", "comments", "files"] {
            let count = try database.connection.query("SELECT count(*) FROM public.\(table)").rows.first?[0]?.int
            #expect(count == 0, "rows left in \(table)")
        }
        let made = try database.connection.query(
            "SELECT (SELECT count(*) FROM pg_roles WHERE rolname LIKE 'pgpe\\_probe%') + (SELECT count(*) FROM pg_class WHERE relname LIKE 'pgpe\\_repro%')"
        ).rows.first?[0]?.int
        #expect(made == 0)
        // The probe's backend reports its statistics when it ends, shortly after pgpe exits.
        var inserted = 0
        var live = -1
        for _ in 0..<50 {
            let row = try database.connection.query(
                "SELECT pg_stat_clear_snapshot(), coalesce(sum(n_tup_ins), 0)::int8, coalesce(sum(n_live_tup), 0)::int8 FROM pg_stat_user_tables WHERE schemaname = 'public'"
            ).rows.first
            inserted = row?[1]?.int ?? 0
            live = row?[2]?.int ?? -1
            if inserted > 0 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(inserted > 0, "the probe inserted rows")
        #expect(live == 0, "no committed rows")
    }

    /// The running example applied to the database: every verdict the probe checks (the
    /// PROVEN isolation verdicts: 5 tables × 5 command sides) AGREEs, exit 0, nothing left.
    @Test func runningExampleAgrees() async throws {
        try await withTestDatabase { database in
            let (cli, target) = try Self.applied(database)
            defer { cli.remove() }
            let run = try cli.run(["analyze", "--probe", "--format", "json"] + target)
            #expect(run.status == 0, "\(run.output)")
            let results = try Self.results(run)
            #expect(results.count == 25)
            #expect(results.allSatisfy { $0["status"] as? String == "AGREE" }, "\(results)")
            #expect(results.allSatisfy { $0["proof"] as? String == "tenant-isolation" && $0["verdict"] as? String == "PROVEN" })
            let text = try cli.run(["analyze", "--probe"] + target)
            #expect(text.status == 0)
            #expect(text.stdout.contains("probe: 25 AGREE, 0 MISMATCH, 0 SKIPPED"), "\(text.output)")
            #expect(
                text.stdout.contains(
                    "probe AGREE    PROVEN tenant-isolation public.tasks SELECT USING role=PUBLIC key=app.tenant_id: session 1 reaches the row; session 2 does not reach the row"
                ), "\(text.stdout)")
            try Self.expectNothingLeft(database)
        }
    }

    /// A database holding other tenants' rows: DELETE and UPDATE without WHERE (what the proofs
    /// model) also reach those rows, so whether a session reached the seeded row is read from its
    /// place; every verdict still AGREEs and the rows are unchanged afterwards.
    @Test func agreesOnADatabaseWithRows() async throws {
        try await withTestDatabase { database in
            let (cli, target) = try Self.applied(
                database,
                rows: """
                    ;
                    INSERT INTO public.tenants (id, name) VALUES ('11111111-1111-4111-8111-111111111111', 'acme');
                    INSERT INTO public.projects (id, tenant_id, name) VALUES
                        ('22222222-2222-4222-8222-222222222221', '11111111-1111-4111-8111-111111111111', 'one'),
                        ('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', 'two');
                    INSERT INTO public.tasks (id, project_id, title) VALUES
                        ('33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-222222222221', 'a task');
                    """)
            defer { cli.remove() }
            let run = try cli.run(["analyze", "--probe", "--format", "json"] + target)
            #expect(run.status == 0, "\(run.output)")
            let results = try Self.results(run)
            #expect(results.count == 25)
            #expect(results.allSatisfy { $0["status"] as? String == "AGREE" }, "\(results)")
            let rows = try database.connection.query(
                "SELECT (SELECT string_agg(name, ',' ORDER BY id) FROM public.projects), (SELECT count(*) FROM public.tasks)"
            ).rows.first
            #expect(rows?[0]?.string == "one,two")
            #expect(rows?[1]?.int == 1)
        }
    }

    /// A set with a real leak: the FAILED verdicts replay (AGREE), nothing is MISMATCH; exit 1
    /// for the FAILED verdicts.
    @Test func leakReplays() async throws {
        try await withTestDatabase { database in
            let (cli, target) = try Self.applied(database, extraPolicies: ["leak.policy": Self.leak])
            defer { cli.remove() }
            let run = try cli.run(["analyze", "--probe", "--format", "json"] + target)
            #expect(run.status == 1, "\(run.output)")
            let results = try Self.results(run)
            let failed = results.filter { $0["verdict"] as? String == "FAILED" }
            #expect(Set(failed.map { $0["proof"] as? String ?? "" }) == ["tenant-isolation", "fail-closed"], "\(failed)")
            #expect(failed.allSatisfy { $0["table"] as? String == "public.projects" && $0["status"] as? String == "AGREE" }, "\(failed)")
            #expect(results.allSatisfy { $0["status"] as? String == "AGREE" }, "\(results)")
            try Self.expectNothingLeft(database)
        }
    }

    /// The database changed by hand: a policy wider than the files (every tenant reads every
    /// project) and one narrower (users see nothing) are MISMATCHes, exit 1; without `--probe`
    /// the proofs alone pass.
    @Test func desynchronisedDatabaseMismatches() async throws {
        try await withTestDatabase { database in
            let (cli, target) = try Self.applied(database)
            defer { cli.remove() }
            try database.connection.execute(
                """
                CREATE POLICY wide ON public.projects FOR SELECT USING (true);
                ALTER POLICY tenant_isolation_users ON public.users USING (false);
                """)
            #expect(try cli.run(["analyze"] + target).status == 0)
            let run = try cli.run(["analyze", "--probe", "--format", "json"] + target)
            #expect(run.status == 1, "\(run.output)")
            let mismatched = try Self.results(run).filter { $0["status"] as? String == "MISMATCH" }
            let wide = mismatched.filter { $0["table"] as? String == "public.projects" }
            #expect(wide.map { $0["command"] as? String } == ["SELECT"], "\(mismatched)")
            #expect(wide.first?["detail"] as? String == "session 1 reaches the row; session 2 reaches the row")
            let narrow = mismatched.filter { $0["table"] as? String == "public.users" }
            #expect(narrow.count == 5, "\(mismatched)")
            #expect(narrow.first?["detail"] as? String == "session 1 does not reach the row; session 2 does not reach the row")
            #expect(mismatched.count == 6)
            let text = try cli.run(["analyze", "--probe"] + target)
            #expect(text.status == 1)
            #expect(text.stdout.contains("probe: 19 AGREE, 6 MISMATCH, 0 SKIPPED"), "\(text.output)")
        }
    }

    /// A connecting role that may not seed rows or make the role the verdicts are about: each
    /// verdict is SKIPPED with PostgreSQL's reason, no crash, exit 0; `--probe` without any
    /// database is a tool failure.
    @Test func unprivilegedRoleSkips() async throws {
        try await withTestDatabase { database in
            let (cli, target) = try Self.applied(database)
            defer { cli.remove() }
            let weak = try database.createRole()
            let run = try cli.run(["analyze", "--probe", "--format", "json", "--database", database.connectionString(user: weak)])
            #expect(run.status == 0, "\(run.output)")
            let results = try Self.results(run)
            #expect(results.count == 25)
            #expect(results.allSatisfy { $0["status"] as? String == "SKIPPED" }, "\(results)")
            #expect(
                (results.first?["detail"] as? String)?.hasPrefix("cannot seed the counterexample's rows: permission denied for table")
                    == true,
                "\(results)")
            let nowhere = try cli.run(["analyze", "--probe"])
            #expect(nowhere.status == 2)
            #expect(nowhere.stderr.contains("--probe needs a database"), "\(nowhere.output)")
        }
    }

    /// The Supabase example: the sessions' JWT claims are set through `request.jwt.claims`,
    /// which the schema's `auth.uid()` reads, so the profiles' isolation AGREEs; verdicts whose
    /// policies call `has_role()` (Z3 chooses its value, the memberships that make it true are
    /// not seeded) are SKIPPED with that reason; nothing is MISMATCH. A connecting role that
    /// cannot SET ROLE to the verdicts' role gets them SKIPPED with why.
    @Test func supabaseExample() async throws {
        try await withTestDatabase { database in
            let manager = FileManager.default
            let directory = manager.temporaryDirectory.appendingPathComponent("pgpe-probe-supabase-" + UUID().uuidString.prefix(8))
            try manager.copyItem(at: Fixtures.exampleDirectory("supabase"), to: directory)
            let cli = DatabaseCLI(directory: directory)
            defer { cli.remove() }
            // The roles are the cluster's: made once, whichever test gets there first.
            var schema = try String(
                contentsOf: Fixtures.exampleDirectory("supabase").appendingPathComponent("schema.sql"), encoding: .utf8)
            for line in ["CREATE ROLE anon NOLOGIN;", "CREATE ROLE authenticated NOLOGIN;", "CREATE ROLE service_role NOLOGIN BYPASSRLS;"] {
                schema = schema.replacingOccurrences(
                    of: line, with: "DO $$ BEGIN \(line) EXCEPTION WHEN duplicate_object THEN NULL; END $$;")
            }
            try database.connection.execute(schema)
            let target = ["--database", database.connectionString()]
            let apply = try cli.run(["apply"] + target)
            #expect(apply.status == 0, "\(apply.output)")
            let run = try cli.run(["analyze", "--probe", "--format", "json"] + target)
            #expect(run.status == 0, "\(run.output)")
            let results = try Self.results(run)
            #expect(!results.contains { $0["status"] as? String == "MISMATCH" }, "\(results)")
            let profiles = results.filter { $0["table"] as? String == "public.profiles" && $0["role"] as? String == "authenticated" }
            #expect(profiles.count == 5)
            #expect(profiles.allSatisfy { $0["status"] as? String == "AGREE" }, "\(profiles)")
            let documents = results.filter { $0["table"] as? String == "public.documents" && $0["role"] as? String == "authenticated" }
            #expect(documents.count == 5)
            #expect(documents.allSatisfy { ($0["detail"] as? String)?.hasPrefix("the policies call has_role()") == true }, "\(documents)")

            // A connecting role that may write the tables past RLS (and turn foreign key checks
            // off, PostgreSQL 15+) but is not a member of authenticated: those verdicts are
            // SKIPPED, saying it cannot become the role.
            let prober = try database.createRole(attributes: "BYPASSRLS")
            try database.connection.execute(
                """
                GRANT USAGE ON SCHEMA public, auth TO \(prober);
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, auth TO \(prober);
                GRANT SET ON PARAMETER session_replication_role TO \(prober);
                """)
            let outsider = try cli.run(["analyze", "--probe", "--format", "json", "--database", database.connectionString(user: prober)])
            #expect(outsider.status == 0, "\(outsider.output)")
            let skipped = try Self.results(outsider).filter {
                $0["table"] as? String == "public.profiles" && $0["role"] as? String == "authenticated"
            }
            #expect(skipped.count == 5)
            #expect(
                skipped.allSatisfy { ($0["detail"] as? String)?.hasPrefix("cannot become role authenticated") == true }, "\(skipped)")
            // Its privileges go before the role does (the parameter's is the cluster's).
            try database.connection.execute("DROP OWNED BY \(prober)")
        }
    }
}
