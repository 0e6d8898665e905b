import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// The side channels of SPEC 11.11 for real: around policies that prove tenant isolation,
/// `Tests/Fixtures/side-channels/leaky.sql` lets a session of tenant `a` see tenant `b`'s rows
/// through a view, a SECURITY DEFINER function, a partition and a trigger's SECURITY DEFINER
/// function, and learn of a `b` row from a unique violation; `pgpe analyze` reports each, in
/// text, JSON and SARIF. `fixed.sql` closes them: the same sessions see only their own rows, and
/// pgpe reports nothing.
@Suite struct SideChannelCommandTests {
    /// The role the application's sessions run as (the fixtures grant to it).
    static let reader = "pgpe_side_reader"
    /// The role with BYPASSRLS that leaky.sql grants columns of docs to.
    static let reporting = "pgpe_side_reporting"

    /// What the leaky schema must be reported for: kind → the objects' lines in leaky.sql.
    static let expected: [String: [Int]] = [
        "sidechannel.unique-without-key": [3],
        "sidechannel.child-without-rls": [14, 15],
        "sidechannel.view-definer": [18],
        "sidechannel.definer-function": [22],
        // The grant to the BYPASSRLS role and REFERENCES on docs' key, at docs.
        "sidechannel.column-grant": [3, 3],
        "sidechannel.definer-trigger": [52],
    ]

    /// A copy of `source` in a temporary directory.
    private func copy(_ source: URL) throws -> DatabaseCLI {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("pgpe-side-" + UUID().uuidString.prefix(8).lowercased())
        try manager.copyItem(at: source, to: directory)
        return DatabaseCLI(directory: directory)
    }

    /// A copy of the fixture project whose pgpe.yaml reads `schema`.
    private func project(schema: String) throws -> DatabaseCLI {
        let cli = try copy(Fixtures.fixtureDirectory.appendingPathComponent("side-channels"))
        let directory = cli.directory
        let config = try String(contentsOf: directory.appendingPathComponent("pgpe.yaml"), encoding: .utf8)
        try cli.write("pgpe.yaml", config.replacingOccurrences(of: "schema: leaky.sql", with: "schema: \(schema)"))
        return cli
    }

    /// The `sidechannel.*` diagnostics of `pgpe analyze --format json`: kind → lines.
    private func findings(_ cli: DatabaseCLI, environment: [String: String] = [:]) throws -> [String: [Int]] {
        let run = try cli.run(["analyze", "--format", "json"], environment: environment)
        #expect(run.status == 0, "\(run.output)")
        let json = try DatabaseCLI.json(run.stdout)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        var result: [String: [Int]] = [:]
        for diagnostic in diagnostics {
            guard let id = diagnostic["code"] as? String, id.hasPrefix("sidechannel.") else { continue }
            let message = diagnostic["message"] as? String ?? ""
            #expect(message.contains("fix: "), "\(message)")
            result[id, default: []].append(diagnostic["line"] as? Int ?? -1)
        }
        return result.mapValues { $0.sorted() }
    }

    /// Runs `body` as `role` (the reader by default) in a session of `tenant`, in a transaction
    /// rolled back after.
    private func asTenant<Result>(
        _ connection: PostgresConnection, _ tenant: String, role: String = SideChannelCommandTests.reader,
        _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        try connection.execute("BEGIN")
        defer { _ = try? connection.execute("ROLLBACK") }
        _ = try connection.query("SELECT set_config('app.tenant_id', $1, true)", [.text(tenant)])
        try connection.execute("SET LOCAL ROLE \(role)")
        return try body(connection)
    }

    /// The SQLSTATE of `sql`'s error, or nil when it succeeds (in a savepoint).
    private func failure(_ connection: PostgresConnection, _ sql: String) throws -> String? {
        try connection.execute("SAVEPOINT attempt")
        do {
            _ = try connection.query(sql)
            try connection.execute("RELEASE SAVEPOINT attempt")
            return nil
        } catch let error as PostgresError where error.kind == .query {
            try connection.execute("ROLLBACK TO SAVEPOINT attempt")
            return error.sqlState ?? "?"
        }
    }

    private func strings(_ connection: PostgresConnection, _ sql: String) throws -> [String] {
        try connection.query(sql).compactMap { $0[0]?.string }.sorted()
    }

    /// The findings when the schema is `database`'s live catalog (pgpe.yaml without `schema:`):
    /// kind → how many.
    private func liveFindings(_ cli: DatabaseCLI, _ database: TestDatabase) throws -> [String: Int] {
        let config = try String(contentsOf: cli.directory.appendingPathComponent("pgpe.yaml"), encoding: .utf8)
        let live = config.split(separator: "\n").filter { !$0.hasPrefix("schema:") }.joined(separator: "\n")
        try cli.write("pgpe.yaml", live + "\ndatabase: ${PGPE_TEST_TARGET}\n")
        return try findings(cli, environment: ["PGPE_TEST_TARGET": database.url()]).mapValues(\.count)
    }

    /// Loads the project's schema and compiled policies into `database`, with one row per tenant.
    private func load(_ cli: DatabaseCLI, schema: String, into database: TestDatabase) throws {
        try GoldenRoles.ensure([Self.reader], on: database.server)
        let sql = try String(contentsOf: cli.directory.appendingPathComponent(schema), encoding: .utf8)
        try database.connection.execute(GoldenRoles.idempotentRoles(sql))
        let compiled = try cli.run(["compile"])
        #expect(compiled.status == 0, "\(compiled.output)")
        try database.connection.execute(compiled.stdout)
        try database.connection.execute(
            """
            INSERT INTO public.docs VALUES (1, 'a', 'alpha'), (2, 'b', 'beta');
            INSERT INTO public.events VALUES ('a', 1, 'a event'), ('b', 2, 'b event');
            """)
    }

    @Test func theLeakySchemaLeaksAndIsReported() async throws {
        let cli = try project(schema: "leaky.sql")
        defer { cli.remove() }
        #expect(try findings(cli) == Self.expected)
        let text = try cli.run(["analyze"])
        #expect(text.stdout.contains("leaky.sql:18:13: warning[sidechannel.view-definer]"), "\(text.stdout)")
        #expect(text.stdout.contains("fix: ALTER VIEW public.doc_titles SET (security_invoker = true);"))
        #expect(text.stdout.contains("fix: REVOKE EXECUTE ON FUNCTION public.doc_count() FROM PUBLIC;"))
        #expect(text.stdout.contains("note: policy tenant_isolation on public.docs is bypassed here"))
        #expect(text.stdout.contains("fix: REVOKE SELECT (id, title) ON public.docs FROM pgpe_side_reporting;"))
        #expect(text.stdout.contains("fix: REVOKE REFERENCES (id) ON public.docs FROM pgpe_side_reader;"))
        #expect(text.stdout.contains("leaky.sql:52:16: warning[sidechannel.definer-trigger]: trigger comment_doc_title"))
        #expect(text.stdout.contains("fix: ALTER FUNCTION public.comment_doc_title() SECURITY INVOKER;"))
        let sarif = try cli.run(["analyze", "--format", "sarif"])
        let runs = try #require(try DatabaseCLI.json(sarif.stdout)["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let rules = Set(results.compactMap { $0["ruleId"] as? String }.filter { $0.hasPrefix("sidechannel.") })
        #expect(rules == Set(Self.expected.keys))

        try await withTestDatabase { database in
            try load(cli, schema: "leaky.sql", into: database)
            try asTenant(database.connection, "a") { (connection: PostgresConnection) throws in
                // The policies themselves hold.
                #expect(try strings(connection, "SELECT tenant_id FROM public.docs") == ["a"])
                #expect(try strings(connection, "SELECT tenant_id FROM public.events") == ["a"])
                // The ways around them.
                #expect(try strings(connection, "SELECT tenant_id FROM public.doc_titles") == ["a", "b"])
                #expect(try strings(connection, "SELECT public.doc_count()::text") == ["2"])
                #expect(try strings(connection, "SELECT tenant_id FROM public.events_b") == ["b"])
                #expect(try failure(connection, "INSERT INTO public.docs VALUES (3, 'a', 'beta')") == "23505")
                // The trigger copies tenant b's title into tenant a's own comment.
                try connection.execute("INSERT INTO public.comments VALUES (10, 'a', 2)")
                #expect(try strings(connection, "SELECT coalesce(body, '<null>') FROM public.comments") == ["beta"])
            }
            // The column grants: BYPASSRLS reads every tenant's titles (and only the granted
            // columns); a foreign key's check tells the reader that tenant b has a doc 2.
            try asTenant(database.connection, "a", role: Self.reporting) { (connection: PostgresConnection) throws in
                #expect(try strings(connection, "SELECT title FROM public.docs") == ["alpha", "beta"])
                #expect(try failure(connection, "SELECT tenant_id FROM public.docs") == "42501")
            }
            try asTenant(database.connection, "a") { (connection: PostgresConnection) throws in
                #expect(try strings(connection, "SELECT id::text FROM public.docs") == ["1"])
                try connection.execute("CREATE TABLE public.probe (doc integer REFERENCES public.docs (id))")
                #expect(try failure(connection, "INSERT INTO public.probe VALUES (2)") == nil)
                #expect(try failure(connection, "INSERT INTO public.probe VALUES (3)") == "23503")
            }
            #expect(try liveFindings(cli, database) == Self.expected.mapValues(\.count))
        }
    }

    @Test func theFixedSchemaHoldsAndIsNotReported() async throws {
        let cli = try project(schema: "fixed.sql")
        defer { cli.remove() }
        #expect(try findings(cli).isEmpty)
        try await withTestDatabase { database in
            try load(cli, schema: "fixed.sql", into: database)
            try asTenant(database.connection, "a") { (connection: PostgresConnection) throws in
                #expect(try strings(connection, "SELECT tenant_id FROM public.doc_titles") == ["a"])
                #expect(try failure(connection, "SELECT public.doc_count()") == "42501")
                #expect(try strings(connection, "SELECT tenant_id FROM public.events_b").isEmpty)
                #expect(try failure(connection, "INSERT INTO public.docs VALUES (3, 'a', 'beta')") == nil)
                // The trigger's sub-select sees only tenant a's docs.
                try connection.execute("INSERT INTO public.comments VALUES (10, 'a', 2), (11, 'a', 1)")
                #expect(try strings(connection, "SELECT coalesce(body, '<null>') FROM public.comments") == ["<null>", "alpha"])
            }
            try asTenant(database.connection, "a", role: Self.reporting) { (connection: PostgresConnection) throws in
                #expect(try failure(connection, "SELECT title FROM public.docs") == "42501")
            }
            try asTenant(database.connection, "a") { (connection: PostgresConnection) throws in
                let probe = "CREATE TABLE public.probe (doc integer REFERENCES public.docs (id))"
                #expect(try failure(connection, probe) == "42501")
            }
            #expect(try liveFindings(cli, database).isEmpty)
        }
    }

    /// The running example and the Supabase example have no side channel: no finding.
    @Test(arguments: ["saas", "supabase"])
    func theExamplesHaveNoFindings(example: String) throws {
        let cli = try copy(Fixtures.exampleDirectory(example))
        defer { cli.remove() }
        #expect(try findings(cli).isEmpty)
        // Nor an index finding: the examples declare the indexes their policies need.
        let run = try cli.run(["analyze", "--format", "json"])
        let diagnostics = try #require(try DatabaseCLI.json(run.stdout)["diagnostics"] as? [[String: Any]])
        #expect(!diagnostics.contains { ($0["code"] as? String)?.hasPrefix("performance.") == true }, "\(diagnostics)")
    }

    /// fixed.sql (docs at line 2) with `extra` after it as `file`, and `force:` added to pgpe.yaml when given.
    private func fixedProject(_ file: String, _ extra: String, force: String? = nil) throws -> DatabaseCLI {
        let cli = try project(schema: file)
        let fixed = try String(contentsOf: cli.directory.appendingPathComponent("fixed.sql"), encoding: .utf8)
        try cli.write(file, fixed + extra)
        if let force {
            let config = try String(contentsOf: cli.directory.appendingPathComponent("pgpe.yaml"), encoding: .utf8)
            try cli.write("pgpe.yaml", config + "force: \(force)\n")
        }
        return cli
    }

    /// A member of the owner of a table that `force:` leaves out has the owner's rights there
    /// (PostgreSQL's ownership check follows memberships that inherit), so the policies do not
    /// apply to it: a column grant to it is reported, with FORCE as the fix. A NOINHERIT member
    /// is restricted by the policies, and so is a member of a BYPASSRLS role (the attribute is
    /// not inherited): neither is reported.
    @Test func theOwnersMembersBypassUnlessForced() async throws {
        let extra = """

            CREATE ROLE pgpe_side_owner NOLOGIN;
            CREATE ROLE pgpe_side_auditor NOLOGIN;
            CREATE ROLE pgpe_side_clerk NOLOGIN NOINHERIT;
            CREATE ROLE pgpe_side_analyst NOLOGIN;
            ALTER TABLE public.docs OWNER TO pgpe_side_owner;
            GRANT pgpe_side_owner TO pgpe_side_auditor, pgpe_side_clerk;
            GRANT pgpe_side_reporting TO pgpe_side_analyst;
            GRANT SELECT (id, title) ON public.docs TO pgpe_side_auditor, pgpe_side_clerk, pgpe_side_analyst;

            """
        let cli = try fixedProject("owner.sql", extra, force: "named('events')")
        defer { cli.remove() }
        #expect(try findings(cli) == ["sidechannel.column-grant": [2]])
        let text = try cli.run(["analyze"])
        #expect(text.stdout.contains("to pgpe_side_auditor, which has the rights of pgpe_side_owner, the table's owner"))
        #expect(text.stdout.contains("fix: ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;"), "\(text.stdout)")
        try await withTestDatabase { database in
            try load(cli, schema: "owner.sql", into: database)
            try asTenant(database.connection, "a", role: "pgpe_side_auditor") { (connection: PostgresConnection) throws in
                #expect(try strings(connection, "SELECT title FROM public.docs") == ["alpha", "beta"])
                // The owner's rights, not only the granted columns.
                #expect(try strings(connection, "SELECT tenant_id FROM public.docs") == ["a", "b"])
            }
            for role in ["pgpe_side_clerk", "pgpe_side_analyst"] {
                try asTenant(database.connection, "a", role: role) { (connection: PostgresConnection) throws in
                    #expect(try strings(connection, "SELECT title FROM public.docs") == ["alpha"], "\(role)")
                }
            }
            #expect(try liveFindings(cli, database) == ["sidechannel.column-grant": 1])
            try database.connection.execute("ALTER TABLE public.docs FORCE ROW LEVEL SECURITY")
            try asTenant(database.connection, "a", role: "pgpe_side_auditor") { (connection: PostgresConnection) throws in
                #expect(try strings(connection, "SELECT title FROM public.docs") == ["alpha"])
            }
        }
        // Every governed table forced (no `force:`): the owner's members are restricted too.
        let forced = try fixedProject("owner.sql", extra)
        defer { forced.remove() }
        #expect(try findings(forced).isEmpty)
    }

    /// A column grant to a superuser gives it nothing it lacks: not reported. One to PUBLIC is
    /// reported while a role with BYPASSRLS exists (PUBLIC includes it), and not otherwise.
    @Test func columnGrantsToSuperusersAndPublic() throws {
        let extra = """

            CREATE ROLE pgpe_side_admin SUPERUSER;
            GRANT SELECT (title) ON public.docs TO pgpe_side_admin;
            GRANT UPDATE (title) ON public.docs TO PUBLIC;

            """
        let cli = try fixedProject("grants.sql", extra)
        defer { cli.remove() }
        #expect(try findings(cli) == ["sidechannel.column-grant": [2]])
        let text = try cli.run(["analyze"])
        #expect(
            text.stdout.contains(
                "UPDATE (title) on governed public.docs granted to PUBLIC, which includes pgpe_side_reporting, with BYPASSRLS"),
            "\(text.stdout)")
        #expect(text.stdout.contains("fix: REVOKE UPDATE (title) ON public.docs FROM PUBLIC;"))
        let schema = try String(contentsOf: cli.directory.appendingPathComponent("grants.sql"), encoding: .utf8)
        try cli.write("grants.sql", schema.replacingOccurrences(of: "CREATE ROLE pgpe_side_reporting NOLOGIN BYPASSRLS;", with: ""))
        #expect(try findings(cli).isEmpty)
    }
}
