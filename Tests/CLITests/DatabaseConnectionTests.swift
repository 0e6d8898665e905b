import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Connection failures: a wrong password or an unreachable host is exit 2 with a clear
/// message, and no form of the password appears in anything pgpe prints.
@Suite struct DatabaseConnectionTests {
    /// A password that every connection-string form has to quote or encode.
    static let wrongPassword = #"Wr0ng 'pw' "x" \y %41 @:/?#&= ü"#

    /// The forms a password takes in connection strings.
    static func forms(of password: String) -> [String] {
        [password, PostgresTestServer.percentEncoded(password), PostgresTestServer.quoted(password), "Wr0ng"]
    }

    /// Fails when any form of `password` is in `run`'s output.
    static func expectNoPassword(
        _ password: String, in run: DatabaseCLI.Run, _ context: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for form in forms(of: password) {
            #expect(
                !run.output.contains(form), "\(context): password form \(form.debugDescription) in \(run.output)",
                sourceLocation: sourceLocation)
        }
    }

    /// A wrong password in every form and from every source: exit 2, never printed.
    @Test func aWrongPasswordExitsTwoWithoutShowingIt() async throws {
        try await DatabaseCLI.withExampleDatabase { database, cli, _ in
            let (user, _) = try database.ensurePasswordRole()
            let password = Self.wrongPassword
            let url = database.url(user: user, password: password)
            let keyValue = database.connectionString(user: user, password: password)
            for command in [
                ["apply"], ["apply", "--dry-run", "--format", "json"], ["monitor", "--format", "json"],
                ["monitor", "--reconcile", "--execute"], ["introspect"],
            ] {
                for target in [url, keyValue] {
                    let run = try cli.run(command + ["--database", target])
                    #expect(run.status == 2, "\(command): \(run.output)")
                    #expect(run.stderr.contains("cannot connect to"), "\(run.stderr)")
                    #expect(run.stderr.contains("password authentication failed for user \"\(user)\""), "\(run.stderr)")
                    #expect(run.stdout.isEmpty)
                    Self.expectNoPassword(password, in: run, "\(command) --database")
                }
            }
            // From pgpe.yaml (expanded from the environment) and from PGPASSWORD.
            var config = try Fixtures.exampleText("pgpe.yaml")
            config += "database: ${APP_DATABASE_URL}\n"
            try cli.write("pgpe.yaml", config)
            let fromConfig = try cli.run(["monitor"], environment: ["APP_DATABASE_URL": url])
            #expect(fromConfig.status == 2)
            Self.expectNoPassword(password, in: fromConfig, "database: in pgpe.yaml")
            try cli.write("pgpe.yaml", try Fixtures.exampleText("pgpe.yaml"))
            var environment = database.libpqEnvironment(user: user)
            environment["PGPASSWORD"] = password
            let fromEnvironment = try cli.run(["apply"], environment: environment)
            #expect(fromEnvironment.status == 2)
            #expect(fromEnvironment.stderr.contains("the PG* environment variables"))
            Self.expectNoPassword(password, in: fromEnvironment, "PGPASSWORD")
            // Nothing was applied.
            #expect(try database.connection.query("SELECT 1 FROM pg_policies").isEmpty)
        }
    }

    /// The right password works and is not printed either (introspect needs no ownership).
    @Test func theRightPasswordIsNotShownEither() async throws {
        try await DatabaseCLI.withExampleDatabase { database, cli, _ in
            let (user, password) = try database.ensurePasswordRole()
            let run = try cli.run(["introspect", "--database", database.url(user: user, password: password)])
            #expect(run.status == 0, "\(run.output)")
            #expect(run.stdout.contains("\"name\": \"tenants\""))
            for form in [password, PostgresTestServer.percentEncoded(password), PostgresTestServer.quoted(password)] {
                #expect(!run.output.contains(form))
            }
            // monitor as a role that owns nothing cannot round-trip: it compares lifted meanings
            // (SPEC 11.7) and reports the drift, the wider policy with a witness row.
            try database.connection.execute(
                """
                ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation_users ON public.users USING (true);
                """)
            let monitor = try cli.run(["monitor", "--database", database.connectionString(user: user, password: password)])
            #expect(monitor.status == 1, "\(monitor.output)")
            #expect(monitor.stdout.contains("modified_policy  public.users tenant_isolation_users"), "\(monitor.stdout)")
            #expect(monitor.stdout.contains("wider"), "\(monitor.stdout)")
            #expect(monitor.stdout.contains("witness: row {"), "\(monitor.stdout)")
            for form in [password, PostgresTestServer.percentEncoded(password), PostgresTestServer.quoted(password)] {
                #expect(!monitor.output.contains(form))
            }
        }
    }

    /// Nothing listening: exit 2 at once, the target shown redacted.
    @Test func anUnreachableHostExitsTwoQuickly() throws {
        let cli = try DatabaseCLI.example()
        defer { cli.remove() }
        let password = Self.wrongPassword
        let targets = [
            "postgresql://someone:\(PostgresTestServer.percentEncoded(password))@127.0.0.1:1/nowhere",
            "host=127.0.0.1 port=1 user=someone dbname=nowhere password=\(PostgresTestServer.quoted(password))",
            "host=/nonexistent/socket/dir port=5432 user=someone dbname=nowhere password=\(PostgresTestServer.quoted(password))",
        ]
        for target in targets {
            for command in ["apply", "monitor", "introspect"] {
                let run = try cli.run([command, "--database", target])
                #expect(run.status == 2, "\(command): \(run.output)")
                #expect(run.stderr.contains("cannot connect to"))
                #expect(run.stderr.contains("***"), "the target is shown redacted: \(run.stderr)")
                #expect(run.elapsed < .seconds(10))
                Self.expectNoPassword(password, in: run, command)
            }
        }
    }
}
