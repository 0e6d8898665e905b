import Foundation
import PolicyWorkloads
import TestSupport
import Testing

/// `pgpe import` (SPEC 11.6) end to end on the real PostgreSQL: from a live database, from
/// ordered migrations and from `pg_dump --schema-only`, the written project checks and formats
/// clean, monitor finds no drift and apply has nothing to do.
@Suite struct ImportCommandTests {
    /// Tables of several shapes in two schemas; `APP` stands for a role made per test.
    static let schema = """
        CREATE SCHEMA "My Schema";
        CREATE TABLE public.members (tenant_id uuid NOT NULL, user_id uuid NOT NULL, PRIMARY KEY (tenant_id, user_id));
        CREATE TABLE public.documents (
          id uuid PRIMARY KEY, tenant_id uuid NOT NULL, owner_id uuid, title text, deleted_at timestamptz);
        CREATE TABLE "My Schema"."Odd.Table" (id integer PRIMARY KEY, "Owner" text);
        CREATE TABLE public.audit_log (id integer PRIMARY KEY, note text);
        CREATE TABLE public.plain (id integer);
        """

    /// The policies and switches as one script.
    static let policies = """
        ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
        ALTER TABLE public.documents FORCE ROW LEVEL SECURITY;
        ALTER TABLE "My Schema"."Odd.Table" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON public.documents
          USING (tenant_id = current_setting('app.tenant_id')::uuid);
        CREATE POLICY "Members can read." ON public.documents FOR SELECT TO APP
          USING (EXISTS (SELECT 1 FROM public.members m WHERE m.tenant_id = documents.tenant_id
                         AND m.user_id = current_setting('app.user_id')::uuid));
        CREATE POLICY not_deleted ON public.documents AS RESTRICTIVE USING (deleted_at IS NULL);
        CREATE POLICY insert_own ON public.documents FOR INSERT
          WITH CHECK (owner_id = current_setting('app.user_id')::uuid);
        CREATE POLICY "Owner writes" ON "My Schema"."Odd.Table" FOR UPDATE
          USING ("Owner" = current_user) WITH CHECK ("Owner" = current_user);
        GRANT SELECT, INSERT ON public.documents TO APP;
        """

    /// The same end state reached through migrations that alter, rename and drop along the way.
    static func migrations(app: String) -> [(String, String)] {
        [
            ("1_schema.sql", schema),
            (
                "2_rls.sql",
                """
                ALTER TABLE ONLY public.documents ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "My Schema"."Odd.Table" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
                ALTER TABLE public.plain ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_iso ON documents USING (tenant_id = current_setting('app.tenant_id')::uuid);
                CREATE POLICY "Members can read." ON documents FOR SELECT TO \(app) USING (true);
                CREATE POLICY scratch ON documents USING (false);
                GRANT ALL ON TABLE documents TO \(app);
                """
            ),
            (
                "10_fix.sql",
                """
                ALTER POLICY tenant_iso ON documents RENAME TO tenant_isolation;
                ALTER POLICY "Members can read." ON documents
                  USING (EXISTS (SELECT 1 FROM members m WHERE m.tenant_id = documents.tenant_id
                                 AND m.user_id = current_setting('app.user_id')::uuid));
                DROP POLICY scratch ON documents;
                DROP POLICY IF EXISTS never_there ON documents;
                ALTER TABLE public.plain DISABLE ROW LEVEL SECURITY;
                ALTER TABLE "My Schema"."Odd.Table" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE documents FORCE ROW LEVEL SECURITY;
                ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;
                CREATE POLICY not_deleted ON documents AS RESTRICTIVE FOR ALL USING (deleted_at IS NULL);
                CREATE POLICY insert_own ON documents FOR INSERT WITH CHECK (owner_id = current_setting('app.user_id')::uuid);
                CREATE POLICY "Owner writes" ON "My Schema"."Odd.Table" FOR UPDATE
                  USING ("Owner" = current_user) WITH CHECK ("Owner" = current_user);
                REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON documents FROM \(app);
                """
            ),
        ]
    }

    /// The policy files of a project directory, by name.
    static func policyFiles(_ directory: URL) throws -> [String: String] {
        let policies = directory.appendingPathComponent("policies")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: policies.path) {
            files[name] = try String(contentsOf: policies.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    @Test func importFromLiveDatabaseThenMonitorFindsNoDrift() async throws {
        try await withTestDatabase { database in
            let app = try database.createRole(login: false)
            try database.connection.execute(Self.schema + "\n" + Self.policies.replacingOccurrences(of: "APP", with: app))
            let cli = try DatabaseCLI.example()
            defer { cli.remove() }
            let target = ["--database", database.connectionString()]

            let run = try cli.run(["import", "--out", "imported", "--format", "json"] + target)
            #expect(run.status == 0, "\(run.output)")
            let json = try DatabaseCLI.json(run.stdout)
            let policies = try #require(json["policies"] as? [[String: Any]])
            #expect(policies.count == 5)
            let byName = Dictionary(uniqueKeysWithValues: policies.map { ($0["name"] as? String ?? "", $0) })
            #expect(Set(byName.keys) == ["tenant_isolation", "Members can read.", "not_deleted", "insert_own", "Owner writes"])
            for policy in policies {
                #expect(policy["certificate"] as? String == "EQUIVALENT", "\(policy)")
            }
            #expect(byName["Owner writes"]?["table"] as? String == "My Schema.Odd.Table")
            #expect(byName["insert_own"]?["command"] as? String == "INSERT")
            let original = try #require(byName["tenant_isolation"]?["original"] as? [String: Any])
            #expect((original["using"] as? String)?.contains("current_setting('app.tenant_id'::text)") == true)
            #expect(json["governed_without_policy"] as? [String] == ["public.audit_log"])
            let files = try #require(json["files"] as? [String])
            #expect(
                Set(files) == [
                    "pgpe.yaml", "schema.json", "policies/public.documents.policy", "policies/public.audit_log.policy",
                    "policies/My%20Schema.Odd%2ETable.policy",
                ])

            let project = cli.directory.appendingPathComponent("imported")
            let config = try String(contentsOf: project.appendingPathComponent("pgpe.yaml"), encoding: .utf8)
            #expect(config.contains("naming: exact"))
            #expect(config.contains("force: \"named('documents')\""), "\(config)")
            #expect(config.contains("app.tenant_id: uuid"))
            #expect(!config.contains("database:"))
            let documents = try String(contentsOf: project.appendingPathComponent("policies/public.documents.policy"), encoding: .utf8)
            #expect(documents.contains("POLICY \"Members can read.\""))
            #expect(documents.contains("RESTRICTIVE"))
            #expect(documents.contains("GRANT SELECT, INSERT TO \(app)"))
            let audit = try String(contentsOf: project.appendingPathComponent("policies/public.audit_log.policy"), encoding: .utf8)
            #expect(audit.contains("GOVERN SELECTOR named('audit_log')"))

            let check = try cli.run(["check", "--config", "imported/pgpe.yaml"])
            #expect(check.status == 0, "\(check.output)")
            #expect(check.output.contains(": 0 errors"), "\(check.output)")
            let format = try cli.run(["fmt", "--check", "imported/policies"])
            #expect(format.status == 0, "\(format.output)")
            // Four policies compile to other text than PostgreSQL's (the NULLIF spelling of
            // session values, an EXISTS lifted to exists(rel(…)), a WITH CHECK equal to USING):
            // drift by meaning proves them the same, a cosmetic change, which is no drift and not in
            // apply's plan.
            let monitor = try cli.run(["monitor", "--config", "imported/pgpe.yaml", "--format", "json"] + target)
            #expect(monitor.status == 0, "\(monitor.output)")
            let drift = try #require(try DatabaseCLI.json(monitor.stdout)["drift"] as? [[String: Any]], "\(monitor.output)")
            #expect(drift.isEmpty, "\(drift)")
            let apply = try cli.run(["apply", "--config", "imported/pgpe.yaml", "--dry-run"] + target)
            #expect(apply.status == 0, "\(apply.output)")
            #expect(apply.stdout.contains("nothing to do"), "\(apply.output)")

            // The same database through its migrations and through pg_dump gives the same files.
            let live = try Self.policyFiles(project)
            let migrations = cli.directory.appendingPathComponent("migrations/nested")
            try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
            for (name, text) in Self.migrations(app: app) {
                try text.write(to: migrations.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            let fromMigrations = try cli.run(["import", "migrations", "--out", "from-migrations"])
            #expect(fromMigrations.status == 0, "\(fromMigrations.output)")
            #expect(try Self.policyFiles(cli.directory.appendingPathComponent("from-migrations")) == live)
            let fromMigrationsConfig = try String(
                contentsOf: cli.directory.appendingPathComponent("from-migrations/pgpe.yaml"), encoding: .utf8)
            #expect(fromMigrationsConfig == config)

            try Self.dumpSchema(database).write(to: cli.directory.appendingPathComponent("dump.sql"), atomically: true, encoding: .utf8)
            let fromDump = try cli.run(["import", "dump.sql", "--out", "from-dump", "--format", "json"])
            #expect(fromDump.status == 0, "\(fromDump.output)")
            #expect(!fromDump.stderr.contains("warning"), "\(fromDump.output)")
            #expect(try Self.policyFiles(cli.directory.appendingPathComponent("from-dump")) == live)
            #expect(try String(contentsOf: cli.directory.appendingPathComponent("from-dump/pgpe.yaml"), encoding: .utf8) == config)
        }
    }

    @Test func policiesThatCompileToTheirOwnTextLeaveNoDriftAndNothingToDo() async throws {
        try await withTestDatabase { database in
            let app = try database.createRole(login: false)
            try database.connection.execute(
                """
                CREATE SCHEMA archive;
                CREATE TABLE public.notes (id integer PRIMARY KEY, title text, deleted_at timestamptz, owner text);
                CREATE TABLE archive.notes (id integer PRIMARY KEY, title text);
                CREATE TABLE public.note_tags (id integer PRIMARY KEY);
                CREATE TABLE public.notextags (id integer PRIMARY KEY);
                ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
                ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;
                ALTER TABLE archive.notes ENABLE ROW LEVEL SECURITY;
                ALTER TABLE public.note_tags ENABLE ROW LEVEL SECURITY;
                CREATE POLICY visible ON public.notes FOR SELECT TO \(app) USING (deleted_at IS NULL);
                CREATE POLICY "No Locked Deletes" ON public.notes AS RESTRICTIVE FOR DELETE USING (title <> 'locked');
                CREATE POLICY "anyone.reads" ON archive.notes FOR SELECT USING (true);
                CREATE POLICY titled ON public.notes FOR UPDATE USING (title ~ '^[a-z]');
                GRANT SELECT, DELETE ON public.notes TO \(app);
                GRANT SELECT ON archive.notes TO PUBLIC;
                """)
            let cli = try DatabaseCLI.example()
            defer { cli.remove() }
            let target = ["--database", database.connectionString()]
            let run = try cli.run(["import", "--out", "project"] + target)
            #expect(run.status == 0, "\(run.output)")
            #expect(run.stdout.contains("imported 4 policies on 3 tables: 3 EQUIVALENT, 1 RAW, 0 DIFFERENT"), "\(run.output)")
            #expect(run.stdout.contains("public.notes titled UPDATE: RAW (raw "), "\(run.output)")
            let notes = try String(
                contentsOf: cli.directory.appendingPathComponent("project/policies/public.notes.policy"), encoding: .utf8)
            // Another schema has a table named notes; note_tags' `_` would match notextags.
            #expect(notes.contains("SELECTOR in_schema('public') AND named('notes')"), "\(notes)")
            #expect(notes.contains("// raw: "), "\(notes)")
            let tags = try String(
                contentsOf: cli.directory.appendingPathComponent("project/policies/public.note_tags.policy"), encoding: .utf8)
            #expect(tags.contains("GOVERN SELECTOR named('note\\_tags')"), "\(tags)")
            let config = try String(contentsOf: cli.directory.appendingPathComponent("project/pgpe.yaml"), encoding: .utf8)
            #expect(config.contains("force: \"in_schema('public') AND named('notes')\""), "\(config)")

            #expect(try cli.run(["check", "--config", "project/pgpe.yaml"]).status == 0)
            let monitor = try cli.run(["monitor", "--config", "project/pgpe.yaml"] + target)
            #expect(monitor.status == 0, "\(monitor.output)")
            let apply = try cli.run(["apply", "--config", "project/pgpe.yaml", "--dry-run"] + target)
            #expect(apply.status == 0, "\(apply.output)")
            #expect(apply.stdout.contains("nothing to do: the database matches the policies"), "\(apply.output)")

            // A second import over the first finds the same and says nothing of stale files;
            // a policy file it does not write any more is named.
            try database.connection.execute("ALTER TABLE public.note_tags DISABLE ROW LEVEL SECURITY")
            let again = try cli.run(["import", "--out", "project"] + target)
            #expect(again.status == 0, "\(again.output)")
            #expect(again.stdout.contains("warning: policies/public.note_tags.policy was not written by this import"), "\(again.output)")
        }
    }

    @Test func whatCanonicalTextCannotDecideZ3Proves() async throws {
        let cli = try DatabaseCLI.example()
        defer { cli.remove() }
        // Lifted to IN [1, 2]: other text, DIFFERENT by canonical text (ProjectImporterTests);
        // the meaning comparison proves it the same (a NULL in the list never makes it true).
        try cli.write(
            "list.sql",
            """
            CREATE TABLE t (id integer PRIMARY KEY);
            ALTER TABLE t ENABLE ROW LEVEL SECURITY;
            CREATE POLICY odd ON t USING (id IN (1, 2, NULL));
            """)
        let run = try cli.run(["import", "list.sql", "--out", "out"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.stdout.contains("public.t odd ALL: EQUIVALENT"), "\(run.output)")
        let json = try cli.run(["import", "list.sql", "--out", "out", "--format", "json"])
        #expect(json.status == 0)
        let policies = try #require(try DatabaseCLI.json(json.stdout)["policies"] as? [[String: Any]])
        #expect(policies.first?["certificate"] as? String == "EQUIVALENT")
        let roundTrip = try #require((policies.first?["round_trip"] as? [String: Any])?["using"] as? String)
        #expect(!roundTrip.contains("NULL"), "\(roundTrip)")
    }

    @Test func malformedSQLIsADiagnosticAtItsLine() async throws {
        let cli = try DatabaseCLI.example()
        defer { cli.remove() }
        try cli.write(
            "bad.sql",
            """
            CREATE TABLE t (id integer);
            CREATE POLICY p ON t USING (id = 1;
            CREATE POLICY ON t USING (true);
            CREATE POLICY q ON t AS SOMETIMES USING (true);
            ALTER POLICY missing ON t USING (true);
            CREATE POLICY r ON nowhere USING (true);
            """)
        let run = try cli.run(["import", "bad.sql", "--out", "out"])
        #expect(run.status == 2, "\(run.output)")
        #expect(run.stderr.contains("bad.sql:2:28: error[schema.expected]: expected '(' and an expression after 'using'"))
        #expect(run.stderr.contains("bad.sql:3:18: error[schema.expected]"), "\(run.stderr)")
        #expect(run.stderr.contains("bad.sql:4:25: error[schema.expected]"), "\(run.stderr)")
        #expect(run.stderr.contains("bad.sql:5:14: warning[schema.unknown-object]"), "\(run.stderr)")
        #expect(run.stderr.contains("bad.sql:6:20: warning[schema.unknown-object]"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("out/pgpe.yaml").path))
        let missing = try cli.run(["import", "no-such.sql", "--out", "out"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or directory: no-such.sql"))
    }

    /// `pg_dump --schema-only` of the test database, with the server's own pg_dump.
    static func dumpSchema(_ database: TestDatabase) throws -> String {
        let process = Process()
        let bin = ProcessInfo.processInfo.environment["PGPE_TEST_PGBIN"] ?? ""
        process.executableURL = URL(fileURLWithPath: bin.isEmpty ? "/usr/bin/pg_dump" : bin + "/pg_dump")
        process.arguments = ["--schema-only"]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in database.libpqEnvironment() { environment[key] = value }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestDatabaseError("pg_dump failed: \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }
}
