import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// `pgpe apply`, `monitor` and `introspect` end to end: the built binary against the test
/// server, exit codes, output formats (issue 7).
@Suite struct DatabaseCommandTests {
    /// The acceptance loop through the binary: apply, no drift, no-op apply, out-of-band
    /// changes, reconcile, prune.
    @Test func theFullLoop() async throws {
        try await DatabaseCLI.withExampleDatabase { database, cli, target in
            let apply = try cli.run(["apply"] + target)
            #expect(apply.status == 0, "\(apply.output)")
            #expect(apply.stdout.contains("CREATE POLICY tenant_isolation_comments"))
            #expect(apply.stdout.contains("applied 16 statements on 5 tables"))

            let clean = try cli.run(["monitor"] + target)
            #expect(clean.status == 0, "\(clean.output)")
            #expect(clean.stdout.contains("no drift"))

            let again = try cli.run(["apply", "--format", "json"] + target)
            #expect(again.status == 0)
            #expect(again.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"plan":[],"executed":false,"warnings":[]}"#)

            try database.connection.execute(
                """
                ALTER TABLE public.projects DISABLE ROW LEVEL SECURITY;
                CREATE POLICY manual_override ON public.users AS RESTRICTIVE USING (true);
                """)
            let drift = try cli.run(["monitor", "--format", "json"] + target)
            #expect(drift.status == 1, "\(drift.output)")
            let items = try #require(try DatabaseCLI.json(drift.stdout)["drift"] as? [[String: Any]])
            #expect(items.map { $0["type"] as? String } == ["rls_disabled", "extra_policy"])
            #expect(items.map { $0["severity"] as? String } == ["critical", "warning"])
            #expect(items.map { $0["table"] as? String } == ["public.projects", "public.users"])
            #expect(items[1]["policy"] as? String == "manual_override")
            for item in items {
                #expect(
                    Set(item.keys).isSuperset(of: [
                        "type", "severity", "table", "policy", "description", "expected", "observed", "remediation",
                    ]))
            }
            #expect(items[0]["remediation"] as? String == "ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;")

            let reconcile = try cli.run(["monitor", "--reconcile"] + target)
            #expect(reconcile.status == 1)
            #expect(reconcile.stdout.contains("-- repair SQL\nALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;"))
            #expect(reconcile.stdout.contains("repair (with --prune):\n      DROP POLICY manual_override ON public.users;"))

            let execute = try cli.run(["monitor", "--reconcile", "--execute"] + target)
            #expect(execute.status == 1, "the extra policy remains: \(execute.output)")
            #expect(execute.stdout.contains("(executed)"))
            let remaining = try cli.run(["monitor", "--format", "json"] + target)
            #expect(remaining.status == 1)
            let left = try #require(try DatabaseCLI.json(remaining.stdout)["drift"] as? [[String: Any]])
            #expect(left.map { $0["type"] as? String } == ["extra_policy"])

            let prune = try cli.run(["monitor", "--reconcile", "--execute", "--prune", "--format", "json"] + target)
            #expect(prune.status == 0, "\(prune.output)")
            let pruned = try DatabaseCLI.json(prune.stdout)
            #expect((pruned["remaining"] as? [Any])?.isEmpty == true)
            let reconciled = try #require(pruned["reconcile"] as? [String: Any])
            #expect(reconciled["executed"] as? Bool == true)
            #expect(reconciled["sql"] as? [String] == ["DROP POLICY manual_override ON public.users;"])
            let final = try cli.run(["monitor"] + target)
            #expect(final.status == 0, "\(final.output)")
        }
    }

    /// `apply --dry-run --format json` lists the plan and executes nothing.
    @Test func dryRunJSONListsThePlan() async throws {
        try await DatabaseCLI.withExampleDatabase { database, cli, _ in
            let run = try cli.run(["apply", "--dry-run", "--format", "json", "--database", database.url()])
            #expect(run.status == 0, "\(run.output)")
            let json = try DatabaseCLI.json(run.stdout)
            #expect(json["executed"] as? Bool == false)
            let plan = try #require(json["plan"] as? [[String: Any]])
            #expect(plan.count == 16)
            #expect(plan.first?["action"] as? String == "enable_rls")
            #expect(plan.first?["table"] as? String == "public.comments")
            #expect(plan.first?["policy"] is NSNull)
            #expect(plan[2]["action"] as? String == "create_policy")
            #expect(plan[2]["policy"] as? String == "tenant_isolation_comments")
            #expect((plan[2]["sql"] as? String)?.hasPrefix("CREATE POLICY tenant_isolation_comments\n  ON public.comments") == true)
            #expect(try database.connection.query("SELECT 1 FROM pg_policies").isEmpty)
        }
    }

    /// SARIF output is a SARIF 2.1.0 log with one result per drift item and posture finding.
    @Test func monitorWritesSARIF() async throws {
        try await DatabaseCLI.withExampleDatabase { _, cli, target in
            let run = try cli.run(["monitor", "--format", "sarif"] + target)
            #expect(run.status == 1)
            let log = try DatabaseCLI.json(run.stdout)
            #expect(log["version"] as? String == "2.1.0")
            let runs = try #require(log["runs"] as? [[String: Any]])
            let results = try #require(runs.first?["results"] as? [[String: Any]])
            #expect(results.filter { $0["ruleId"] as? String == "drift.missing_policy" }.count == 6)
            #expect(results.filter { $0["ruleId"] as? String == "drift.rls_disabled" }.count == 5)
            #expect(results.contains { $0["ruleId"] as? String == "posture.privileged_login_role" })
            let missing = try #require(results.first { $0["ruleId"] as? String == "drift.missing_policy" })
            #expect(missing["level"] as? String == "error")
            let driver = (runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
            let rules = try #require(driver?["rules"] as? [[String: Any]])
            let missingRule = try #require(rules.first { $0["id"] as? String == "drift.missing_policy" })
            #expect((missingRule["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
            #expect(missingRule["helpUri"] as? String == "https://github.com/pgpe/pgpe/blob/main/docs/diagnostics.md#drift.missing_policy")
            #expect(
                ((missingRule["shortDescription"] as? [String: Any])?["text"] as? String)?.contains("expected policy does not exist")
                    == true)
            let postureRule = try #require(rules.first { $0["id"] as? String == "posture.privileged_login_role" })
            #expect((postureRule["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
            let location = (missing["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "policies/tenancy.policy")
        }
    }

    /// Policy errors stop before the database is touched: exit 1.
    @Test func policyErrorsExitOneAndChangeNothing() async throws {
        let bad = ["bad.policy": "POLICY bad PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(nope) = lit(1)\n"]
        try await DatabaseCLI.withExampleDatabase(extraPolicies: bad) { database, cli, target in
            for command in ["apply", "monitor"] {
                let run = try cli.run([command] + target)
                #expect(run.status == 1, "\(command): \(run.output)")
                #expect(run.stderr.contains("nope"))
            }
            #expect(try database.connection.query("SELECT 1 FROM pg_policies").isEmpty)
        }
    }

    /// Bad flags are a tool failure.
    @Test func badFlagsExitTwo() throws {
        let cli = try DatabaseCLI.example()
        defer { cli.remove() }
        for arguments in [
            ["monitor", "--watch", "0"], ["monitor", "--watch", "1", "--format", "sarif"],
            ["apply", "--format", "sarif"], ["monitor", "--iterations", "2"],
        ] {
            let run = try cli.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.output)")
        }
    }

    /// With no `schema:`, the live catalog is the schema.
    @Test func theLiveCatalogIsTheSchemaWhenNoneIsConfigured() async throws {
        let config = """
            policies: [policies]
            database: ${PGPE_TEST_TARGET}
            session:
              app.tenant_id: uuid
            isolation:
              - key: app.tenant_id
            """
        try await DatabaseCLI.withExampleDatabase(config: config) { database, cli, _ in
            try FileManager.default.removeItem(at: cli.directory.appendingPathComponent("schema.sql"))
            let environment = ["PGPE_TEST_TARGET": database.url()]
            let apply = try cli.run(["apply"], environment: environment)
            #expect(apply.status == 0, "\(apply.output)")
            #expect(apply.stdout.contains("applied 16 statements on 5 tables"))
            let monitor = try cli.run(["monitor"], environment: environment)
            #expect(monitor.status == 0, "\(monitor.output)")
            // check and compile read the catalog too, and compile to what the SQL schema gives.
            let check = try cli.run(["check"], environment: environment)
            #expect(check.status == 0, "\(check.output)")
            let compile = try cli.run(["compile"], environment: environment)
            #expect(compile.status == 0, "\(compile.output)")
            let offline = try DatabaseCLI.example()
            defer { offline.remove() }
            #expect(compile.stdout == (try offline.run(["compile"])).stdout)
            #expect(compile.stdout.contains("CREATE POLICY tenant_isolation_via_project_tasks"))
            let unreachable = try cli.run(["check"], environment: ["PGPE_TEST_TARGET": "host=/nonexistent port=1 dbname=x"])
            #expect(unreachable.status == 2, "\(unreachable.output)")
        }
    }

    /// `introspect --out` writes a snapshot that `compile` reads in place of the SQL schema,
    /// giving the same SQL.
    @Test func introspectWritesASnapshotCompileReads() async throws {
        try await DatabaseCLI.withExampleDatabase { _, cli, target in
            let introspect = try cli.run(["introspect", "--out", "snapshot.json"] + target)
            #expect(introspect.status == 0, "\(introspect.output)")
            #expect(introspect.stderr.contains("wrote snapshot.json: 7 tables"))
            let fromSQL = try cli.run(["compile"])
            var config = try Fixtures.exampleText("pgpe.yaml")
            config = config.replacingOccurrences(of: "schema: schema.sql", with: "schema: snapshot.json")
            try cli.write("pgpe.yaml", config)
            let fromSnapshot = try cli.run(["compile"])
            #expect(fromSQL.status == 0 && fromSnapshot.status == 0, "\(fromSnapshot.output)")
            #expect(fromSnapshot.stdout == fromSQL.stdout)
            let stdout = try cli.run(["introspect"] + target)
            #expect(stdout.stdout.hasPrefix("{\n  \"format\": \"pgpe-snapshot\""))
        }
    }
}
