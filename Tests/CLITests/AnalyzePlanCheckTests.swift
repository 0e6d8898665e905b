import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// `pgpe analyze --database` (SPEC 11.11, issue 16): each governed table's tenant-filtered query
/// explained as a role its policies apply to, with `enable_seqscan` off, in a transaction that
/// rolls back; a table PostgreSQL cannot read with an index is `performance.plan-seq-scan`.
@Suite struct AnalyzePlanCheckTests {
    /// The running example's schema without the index on projects.tenant_id.
    static func schemaWithoutProjectsIndex() throws -> String {
        let schema = try Fixtures.exampleText("schema.sql")
        let line = "CREATE INDEX projects_tenant_id_idx ON public.projects (tenant_id);\n"
        #expect(schema.contains(line))
        return schema.replacingOccurrences(of: line, with: "")
    }

    /// The plan check's results of a `--format json` run, by table.
    static func results(_ run: DatabaseCLI.Run) throws -> [String: [String: Any]] {
        let plan = try #require(try DatabaseCLI.json(run.stdout)["planCheck"] as? [String: Any], "\(run.output)")
        let results = try #require(plan["results"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: results.map { ($0["table"] as? String ?? "", $0) })
    }

    /// The messages of the `performance.plan-seq-scan` diagnostics of a `--format json` run.
    static func findings(_ run: DatabaseCLI.Run) throws -> [String] {
        let diagnostics = try #require(try DatabaseCLI.json(run.stdout)["diagnostics"] as? [[String: Any]], "\(run.output)")
        return diagnostics.filter { $0["code"] as? String == "performance.plan-seq-scan" }.compactMap { $0["message"] as? String }
    }

    /// A project from the running example with `schema` (written to the project and run on the
    /// database) and `policies` for tenancy.policy, applied.
    static func applied(_ database: TestDatabase, schema: String, policies: String? = nil) throws -> (DatabaseCLI, [String]) {
        let cli = try DatabaseCLI.example()
        try cli.write("schema.sql", schema)
        if let policies { try cli.write("policies/tenancy.policy", policies) }
        try database.connection.execute(schema)
        let target = ["--database", database.connectionString()]
        let apply = try cli.run(["apply"] + target)
        #expect(apply.status == 0, "\(apply.output)")
        return (cli, target)
    }

    /// No role or setting the check made is left behind.
    static func expectNothingLeft(_ database: TestDatabase) throws {
        let made = try database.connection.query("SELECT count(*) FROM pg_roles WHERE rolname LIKE 'pgpe\\_probe%'").rows.first?[0]?.int
        #expect(made == 0)
    }

    /// The running example (which has an index for every tenant key and traversal column): as the
    /// role made for PUBLIC, users, projects and comments are read by their tenant_id index;
    /// tasks and files, filtered only by a traversal to projects, are checked row by row against
    /// the traversal's sub-plan, which reads projects by its index (TRAVERSAL); no finding; exit 0.
    @Test func runningExampleUsesIndexes() async throws {
        try await withTestDatabase { database in
            let (cli, target) = try Self.applied(database, schema: try Fixtures.exampleText("schema.sql"))
            defer { cli.remove() }
            let run = try cli.run(["analyze", "--format", "json"] + target)
            #expect(run.status == 0, "\(run.output)")
            let results = try Self.results(run)
            #expect(
                Set(results.keys) == ["public.users", "public.projects", "public.tasks", "public.comments", "public.files"], "\(results)")
            for (table, result) in results {
                let expected = table == "public.tasks" || table == "public.files" ? "TRAVERSAL" : "INDEX"
                #expect(result["status"] as? String == expected, "\(table): \(result)")
                #expect((result["role"] as? String)?.hasPrefix("pgpe_probe_") == true, "\(table): \(result)")
            }
            #expect((results["public.users"]?["detail"] as? String)?.contains("users_tenant_id_idx") == true, "\(results)")
            #expect((results["public.tasks"]?["detail"] as? String)?.contains("projects_tenant_id_idx") == true, "\(results)")
            #expect(try Self.findings(run).isEmpty)
            let text = try cli.run(["analyze"] + target)
            #expect(text.status == 0, "\(text.output)")
            #expect(text.stdout.contains("plan check: 3 INDEX, 2 TRAVERSAL, 0 NO-INDEX, 0 SKIPPED"), "\(text.stdout)")
            try Self.expectNothingLeft(database)
        }
    }

    /// projects.tenant_id without an index: PostgreSQL reads projects by a Seq Scan (or a whole
    /// read of its primary key) with enable_seqscan off, a `performance.plan-seq-scan` warning
    /// at tenant_isolation with the CREATE INDEX (in text, JSON, SARIF and GitHub output; exit
    /// 0). tasks and files depend on the version's plan: PostgreSQL 15 looks each row's project up
    /// by its primary key in the traversal's sub-plan (TRAVERSAL); 18 reads the whole of projects
    /// in a hashed sub-plan (NO-INDEX for projects, the traversal's target, with the same fix).
    /// After `CREATE INDEX` on the database the plans use it and the findings go.
    @Test func unindexedKeyIsReported() async throws {
        try await withTestDatabase { database in
            let (cli, target) = try Self.applied(database, schema: try Self.schemaWithoutProjectsIndex())
            defer { cli.remove() }
            let run = try cli.run(["analyze", "--format", "json"] + target)
            #expect(run.status == 0, "\(run.output)")
            let results = try Self.results(run)
            #expect(results["public.projects"]?["status"] as? String == "NO-INDEX", "\(results)")
            let traversing = try #require(results["public.tasks"])
            if traversing["status"] as? String == "TRAVERSAL" {
                #expect((traversing["detail"] as? String)?.contains("projects_pkey") == true, "\(traversing)")
            } else {
                #expect(traversing["status"] as? String == "NO-INDEX", "\(traversing)")
                #expect((traversing["detail"] as? String)?.hasSuffix("of public.projects, the traversal's target") == true, "\(traversing)")
            }
            #expect(results["public.users"]?["status"] as? String == "INDEX", "\(results)")
            #expect(results["public.comments"]?["status"] as? String == "INDEX", "\(results)")
            let findings = try Self.findings(run)
            let noIndex = results.filter { $0.value["status"] as? String == "NO-INDEX" }.count
            #expect(findings.count == noIndex, "\(findings)")
            for message in findings {
                #expect(message.hasPrefix("as role pgpe_probe_"), "\(message)")
                #expect(
                    message.hasSuffix("add one: CREATE INDEX CONCURRENTLY projects_tenant_id_idx ON public.projects (tenant_id);"),
                    "\(message)")
            }
            #expect(
                findings.contains { $0.contains("the policies' filter on public.projects (") && $0.contains("reads the whole table") },
                "\(findings)")
            #expect(
                findings.filter { $0.contains("the traversal's target") }.allSatisfy { $0.contains("reads the whole of public.projects") },
                "\(findings)")
            let text = try cli.run(["analyze"] + target)
            #expect(
                text.stdout.contains("policies/tenancy.policy:2:8: warning[performance.plan-seq-scan]: as role pgpe_probe_"),
                "\(text.stdout)")
            #expect(
                text.stdout.contains("plan check: 2 INDEX, \(3 - noIndex) TRAVERSAL, \(noIndex) NO-INDEX, 0 SKIPPED"), "\(text.stdout)")
            let sarif = try cli.run(["analyze", "--format", "sarif"] + target)
            #expect(sarif.stdout.contains("\"ruleId\":\"performance.plan-seq-scan\""), "\(sarif.stdout)")
            let github = try cli.run(["analyze", "--format", "github"] + target)
            #expect(github.stdout.contains("performance.plan-seq-scan"), "\(github.stdout)")

            try database.connection.execute("CREATE INDEX projects_tenant_id_idx ON public.projects (tenant_id)")
            let after = try cli.run(["analyze", "--format", "json"] + target)
            #expect(after.status == 0, "\(after.output)")
            #expect(try Self.results(after)["public.projects"]?["status"] as? String == "INDEX", "\(after.stdout)")
            #expect(try Self.results(after)["public.tasks"]?["status"] as? String == "TRAVERSAL", "\(after.stdout)")
            #expect(try Self.results(after)["public.files"]?["status"] as? String == "TRAVERSAL", "\(after.stdout)")
            #expect(try Self.findings(after).isEmpty)
            try Self.expectNothingLeft(database)
        }
    }

    /// Policies for a role that may not SELECT the tables: SKIPPED with the reason (no finding);
    /// once the role is granted SELECT on users, users is checked as that role.
    /// A plan finding is accepted like the other performance findings (by object, the governed
    /// table), and its entry is not stale in a run that did not check plans (no `--database`).
    @Test func aPlanFindingIsAcceptedAndItsEntryWaitsForTheCheck() async throws {
        try await withTestDatabase { database in
            let (cli, target) = try Self.applied(database, schema: try Self.schemaWithoutProjectsIndex())
            defer { cli.remove() }
            let config = try String(contentsOf: cli.directory.appendingPathComponent("pgpe.yaml"), encoding: .utf8)
            try cli.write(
                "pgpe.yaml",
                config + "accept:\n  - finding: performance.plan-seq-scan\n    object: public.projects\n    reason: projects is small\n")
            let run = try cli.run(["analyze", "--format", "json"] + target)
            #expect(run.status == 0, "\(run.output)")
            let json = try DatabaseCLI.json(run.stdout)
            let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
            let plans = diagnostics.filter { $0["code"] as? String == "performance.plan-seq-scan" }
            let projects = plans.filter { ($0["message"] as? String)?.contains("filter on public.projects (") == true }
            #expect(projects.count == 1, "\(plans)")
            #expect(projects.first?["severity"] as? String == "info", "\(plans)")
            #expect((projects.first?["accepted"] as? [String: Any])?["reason"] as? String == "projects is small")
            #expect(!diagnostics.contains { $0["code"] as? String == "config.stale-accept" }, "\(diagnostics)")
            // Without --database no plan is checked: the entry is not stale.
            let offline = try cli.run(["analyze", "--format", "json"])
            let offlineDiagnostics = try #require(try DatabaseCLI.json(offline.stdout)["diagnostics"] as? [[String: Any]])
            #expect(!offlineDiagnostics.contains { $0["code"] as? String == "config.stale-accept" }, "\(offlineDiagnostics)")
        }
    }

    @Test func rolelessTableIsSkipped() async throws {
        try await withTestDatabase { database in
            let role = "pgpe_plan_reader_" + UUID().uuidString.prefix(8).lowercased()
            try database.connection.execute("CREATE ROLE \(role) NOLOGIN")
            defer { _ = try? database.connection.execute("DROP OWNED BY \(role); DROP ROLE \(role)") }
            let policies = """
                POLICY tenant_isolation
                  PERMISSIVE
                  FOR SELECT, INSERT, UPDATE, DELETE
                  TO \(role)
                  SELECTOR has_column('tenant_id')
                  CLAUSE col('tenant_id') = session('app.tenant_id')
                """
            let (cli, target) = try Self.applied(database, schema: try Fixtures.exampleText("schema.sql"), policies: policies)
            defer { cli.remove() }
            let run = try cli.run(["analyze", "--format", "json"] + target)
            #expect(run.status == 0, "\(run.output)")
            let users = try #require(try Self.results(run)["public.users"], "\(run.stdout)")
            #expect(users["status"] as? String == "SKIPPED", "\(users)")
            #expect(
                (users["detail"] as? String)?.hasPrefix("no role the policies apply to (\(role)) exists, may SELECT the table") == true,
                "\(users)")
            #expect(try Self.findings(run).isEmpty)
            let text = try cli.run(["analyze"] + target)
            #expect(text.stdout.contains("plan SKIPPED  public.users: no role the policies apply to (\(role))"), "\(text.stdout)")

            try database.connection.execute("GRANT USAGE ON SCHEMA public TO \(role); GRANT SELECT ON public.users TO \(role)")
            let granted = try cli.run(["analyze", "--format", "json"] + target)
            let checked = try #require(try Self.results(granted)["public.users"], "\(granted.stdout)")
            #expect(checked["status"] as? String == "INDEX", "\(checked)")
            #expect(checked["role"] as? String == role, "\(checked)")
            #expect(try Self.results(granted)["public.projects"]?["status"] as? String == "SKIPPED", "\(granted.stdout)")
        }
    }

    /// A partitioned table has no scan of its own: its partitions' scans are judged. Without an
    /// index they are Seq Scans (NO-INDEX, the fix on the parent); with a partitioned index on
    /// tenant_id, each partition is read by its index (INDEX).
    @Test func partitionsAreTheTablesScans() async throws {
        try await withTestDatabase { database in
            let schema = """
                CREATE TABLE public.events (id bigint NOT NULL, tenant_id uuid NOT NULL, body text) PARTITION BY HASH (id);
                CREATE TABLE public.events_0 PARTITION OF public.events FOR VALUES WITH (MODULUS 2, REMAINDER 0);
                CREATE TABLE public.events_1 PARTITION OF public.events FOR VALUES WITH (MODULUS 2, REMAINDER 1);

                """
            let policies = """
                POLICY tenant_isolation
                  PERMISSIVE
                  FOR SELECT, INSERT, UPDATE, DELETE
                  SELECTOR named('events')
                  CLAUSE col('tenant_id') = session('app.tenant_id')
                """
            let cli = try DatabaseCLI.example()
            defer { cli.remove() }
            try cli.write("schema.sql", schema)
            try cli.write("policies/tenancy.policy", policies)
            try cli.write("policies/soft_delete.policy", "")
            try database.connection.execute(schema)
            let target = ["--database", database.connectionString()]
            let apply = try cli.run(["apply"] + target)
            #expect(apply.status == 0, "\(apply.output)")
            let run = try cli.run(["analyze", "--format", "json"] + target)
            let events = try #require(try Self.results(run)["public.events"], "\(run.output)")
            #expect(events["status"] as? String == "NO-INDEX", "\(events)")
            #expect(events["detail"] as? String == "Seq Scan", "\(events)")
            let findings = try Self.findings(run)
            #expect(findings.count == 1, "\(findings)")
            #expect(
                findings.first?.hasSuffix("add one: CREATE INDEX CONCURRENTLY events_tenant_id_idx ON public.events (tenant_id);") == true,
                "\(findings)")

            try database.connection.execute("CREATE INDEX events_tenant_id_idx ON public.events (tenant_id)")
            let after = try cli.run(["analyze", "--format", "json"] + target)
            let indexed = try #require(try Self.results(after)["public.events"], "\(after.output)")
            #expect(indexed["status"] as? String == "INDEX", "\(indexed)")
            #expect((indexed["detail"] as? String)?.contains("events_0") == true, "\(indexed)")
            #expect(try Self.findings(after).isEmpty)
        }
    }
}
