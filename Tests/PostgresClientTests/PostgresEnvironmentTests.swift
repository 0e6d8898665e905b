import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Connecting from the `PG*` environment variables and `.pgpass`, as libpq does. Each test
/// runs its probe in a child process (`ChildProbe`) with exactly the environment it needs:
/// setting variables in this process would race with the tests running beside it.
@Suite struct PostgresEnvironmentTests {
    /// With no string, `PG*` variables choose the database; `PGAPPNAME` beats the default.
    @Test func connectsFromPGEnvironment() async throws {
        if ChildProbe.current == "connectsFromPGEnvironment" {
            do {
                let connection = try PostgresConnection()
                let row = try connection.query(
                    "SELECT current_database() AS db, current_user AS who, current_setting('application_name') AS app"
                ).first
                ChildProbe.report("database", row?["db"]?.string ?? "?")
                ChildProbe.report("user", row?["who"]?.string ?? "?")
                ChildProbe.report("application", row?["app"]?.string ?? "?")
                ChildProbe.report("redacted", connection.redactedConnectionString)
            } catch {
                ChildProbe.report("error", "\(error)")
            }
            return
        }
        guard ChildProbe.current == nil else { return }
        try await withTestDatabase { database in
            var environment = database.libpqEnvironment()
            environment["PGPASSFILE"] = "/nonexistent/pgpass"
            let plain = try ChildProbe.run("connectsFromPGEnvironment", environment: environment)
            let reports = ChildProbe.reports(in: plain.output)
            #expect(plain.status == 0, "\(plain.output)")
            #expect(reports["error"] == nil)
            #expect(reports["database"] == database.name)
            #expect(reports["user"] == "postgres")
            #expect(reports["application"] == "pgpe")
            #expect(reports["redacted"] == "")

            environment["PGAPPNAME"] = "from-environment"
            let named = ChildProbe.reports(in: try ChildProbe.run("connectsFromPGEnvironment", environment: environment).output)
            #expect(named["application"] == "from-environment")
        }
    }

    /// A wrong `PGPASSWORD` fails clearly, a right one connects, and a server message quoting
    /// it is scrubbed: nothing the child prints contains it.
    @Test func passwordFromPGPASSWORDNeverShows() async throws {
        if ChildProbe.current == "passwordFromPGPASSWORDNeverShows" {
            Self.probePassword()
            return
        }
        guard ChildProbe.current == nil else { return }
        try await withTestDatabase { database in
            let (user, password) = try database.ensurePasswordRole()
            var environment = database.libpqEnvironment(user: user)
            environment["PGPASSFILE"] = "/nonexistent/pgpass"
            environment["PGPASSWORD"] = "wrong 'one' %zz"
            let wrong = try ChildProbe.run("passwordFromPGPASSWORDNeverShows", environment: environment)
            let wrongReports = ChildProbe.reports(in: wrong.output)
            #expect(wrongReports["connect-error"]?.contains("password authentication failed") == true, "\(wrong.output)")
            #expect(!wrong.output.contains("wrong 'one' %zz"))

            environment["PGPASSWORD"] = password
            let right = try ChildProbe.run("passwordFromPGPASSWORDNeverShows", environment: environment)
            let rightReports = ChildProbe.reports(in: right.output)
            #expect(rightReports["user"] == user, "\(right.output)")
            #expect(rightReports["query-error"] == #"PostgreSQL error 22P02: invalid input syntax for type integer: "***""#)
            #expect(!right.output.contains(password))
        }
    }

    /// The password comes from a `.pgpass` file (`PGPASSFILE`); libpq reports it through
    /// `PQpass`, so a server message quoting it is scrubbed as well.
    @Test func passwordFromPgpassNeverShows() async throws {
        if ChildProbe.current == "passwordFromPgpassNeverShows" {
            Self.probePassword()
            return
        }
        guard ChildProbe.current == nil else { return }
        try await withTestDatabase { database in
            let (user, password) = try database.ensurePasswordRole()
            let directory = NSTemporaryDirectory() + "pgpe-pgpass-" + UUID().uuidString.prefix(8)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let file = directory + "/pgpass"
            func escaped(_ field: String) -> String {
                field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
            }
            let line = "*:\(database.server.port):*:\(escaped(user)):\(escaped(password))\n"
            try line.write(toFile: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            var environment = database.libpqEnvironment(user: user)
            environment["PGPASSFILE"] = file
            let run = try ChildProbe.run("passwordFromPgpassNeverShows", environment: environment)
            let reports = ChildProbe.reports(in: run.output)
            #expect(reports["user"] == user, "\(run.output)")
            #expect(reports["query-error"] == #"PostgreSQL error 22P02: invalid input syntax for type integer: "***""#)
            #expect(!run.output.contains(password))
        }
    }

    /// Without the `PGPE_TEST_*` variables a database test fails with a message that says
    /// how to run it; it does not skip.
    @Test func harnessFailsClearlyWithoutTheTestServer() throws {
        if ChildProbe.current == "harnessFailsClearlyWithoutTheTestServer" {
            do {
                let database = try TestDatabase.create()
                ChildProbe.report("created", database.name)
                try database.drop()
            } catch {
                ChildProbe.report("error", "\(error)")
            }
            return
        }
        guard ChildProbe.current == nil else { return }
        let run = try ChildProbe.run("harnessFailsClearlyWithoutTheTestServer", environment: [:])
        let reports = ChildProbe.reports(in: run.output)
        #expect(reports["error"] == "PostgreSQL tests run under `make test`: PGPE_TEST_PGHOST is not set", "\(run.output)")
        #expect(reports["created"] == nil)
    }

    /// The child side of the password probes: connect from the environment, then make the
    /// server quote the role's password back.
    private static func probePassword() {
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection()
        } catch {
            ChildProbe.report("connect-error", "\(error)")
            return
        }
        do {
            ChildProbe.report("user", try connection.query("SELECT current_user AS u").first?["u"]?.string ?? "?")
            _ = try connection.query("SELECT $1::int", [.text(TestDatabase.passwordRolePassword)])
            ChildProbe.report("query-error", "none")
        } catch {
            ChildProbe.report("query-error", "\(error)")
        }
    }
}
