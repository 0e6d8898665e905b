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

    /// What the leaky schema must be reported for: kind → the objects' lines in leaky.sql.
    static let expected: [String: [Int]] = [
        "sidechannel.unique-without-key": [3],
        "sidechannel.child-without-rls": [14, 15],
        "sidechannel.view-definer": [18],
        "sidechannel.definer-function": [22],
        "sidechannel.definer-trigger": [43],
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

    /// Runs `body` as the reader in a session of `tenant`, in a transaction rolled back after.
    private func asTenant<Result>(
        _ connection: PostgresConnection, _ tenant: String, _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        try connection.execute("BEGIN")
        defer { _ = try? connection.execute("ROLLBACK") }
        _ = try connection.query("SELECT set_config('app.tenant_id', $1, true)", [.text(tenant)])
        try connection.execute("SET LOCAL ROLE \(Self.reader)")
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
        try database.connection.execute(try String(contentsOf: cli.directory.appendingPathComponent(schema), encoding: .utf8))
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
        #expect(text.stdout.contains("leaky.sql:43:16: warning[sidechannel.definer-trigger]: trigger comment_doc_title"))
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
            #expect(try liveFindings(cli, database).isEmpty)
        }
    }

    /// The running example and the Supabase example have no side channel: no finding.
    @Test(arguments: ["saas", "supabase"])
    func theExamplesHaveNoFindings(example: String) throws {
        let cli = try copy(Fixtures.exampleDirectory(example))
        defer { cli.remove() }
        #expect(try findings(cli).isEmpty)
    }
}
