import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// The TestSupport harness itself: fresh, unique, dropped databases and roles.
@Suite struct TestDatabaseTests {
    private static func exists(database name: String, on server: PostgresTestServer) throws -> Bool {
        let admin = try server.connect(database: "postgres")
        return try !admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [.text(name)]).isEmpty
    }

    private static func exists(role name: String, on server: PostgresTestServer) throws -> Bool {
        let admin = try server.connect(database: "postgres")
        return try !admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(name)]).isEmpty
    }

    /// The server is the version `scripts/pg.sh` started (`PGPE_TEST_PGVERSION`; `make test`
    /// runs the tests on 15, 16 and 18), and the output says which one this run used.
    @Test func theServerIsTheVersionTheHarnessStarted() throws {
        let database = try TestDatabase.create()
        defer { try? database.drop() }
        let version = try #require(try database.connection.query("SHOW server_version").first?[0]?.string)
        print("PostgreSQL under test: \(version)")
        let expected = try #require(
            ProcessInfo.processInfo.environment["PGPE_TEST_PGVERSION"].flatMap { Int($0) },
            "PostgreSQL tests run under `make test`: PGPE_TEST_PGVERSION is not set")
        #expect(database.connection.serverVersion / 10000 == expected)
    }

    /// Each database is new, empty, separate, and gone after `drop()` (other sessions too).
    @Test func databasesAreFreshUniqueAndDropped() throws {
        let first = try TestDatabase.create()
        let second = try TestDatabase.create()
        #expect(first.name != second.name)
        #expect(first.name.hasPrefix("pgpe_t_"))
        let tables = try first.connection.query(
            "SELECT count(*) AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace")
        #expect(tables.first?["n"]?.int == 0)
        try first.connection.execute("CREATE TABLE only_in_first (x int)")
        #expect(try second.connection.query("SELECT to_regclass('only_in_first') AS r").first?["r"] == .some(nil))

        let other = try first.connect() // an extra session: WITH (FORCE) must end it
        try first.drop()
        try first.drop()
        #expect(try !Self.exists(database: first.name, on: first.server))
        #expect(!other.isOpen || (try? other.query("SELECT 1")) == nil)
        try second.drop()
        #expect(try !Self.exists(database: second.name, on: second.server))
    }

    /// `withTestDatabase` drops the database when the body throws, rethrowing its error.
    @Test func withTestDatabaseDropsEvenWhenTheBodyThrows() async throws {
        struct Boom: Error {}
        var name = ""
        var server: PostgresTestServer?
        await #expect(throws: Boom.self) {
            try await withTestDatabase { database in
                name = database.name
                server = database.server
                throw Boom()
            }
        }
        let known = try #require(server)
        #expect(try !Self.exists(database: name, on: known))
    }

    /// Created roles get their attributes and a SCRAM verifier and are dropped with the database.
    @Test func createdRolesExistUntilDrop() throws {
        let database = try TestDatabase.create()
        let role = try database.createRole(password: "irrelevant", attributes: "BYPASSRLS")
        #expect(role.hasPrefix("pgpe_r_"))
        let flags = try database.connection.query(
            "SELECT rolcanlogin, rolbypassrls, rolpassword LIKE 'SCRAM-SHA-256$%' AS scram FROM pg_authid WHERE rolname = $1",
            [.text(role)]
        ).first
        #expect(flags?["rolcanlogin"] == .bool(true))
        #expect(flags?["rolbypassrls"] == .bool(true))
        #expect(flags?["scram"] == .bool(true))
        let asRole = try database.connect(user: role)
        #expect(try asRole.query("SELECT current_user AS u").first?["u"]?.string == role)
        asRole.close()
        try database.drop()
        #expect(try !Self.exists(role: role, on: database.server))
    }

    /// The harness quotes `key=value` values and percent-encodes URL parts.
    @Test func connectionStringsQuoteAndEncodeEverything() {
        #expect(PostgresTestServer.quoted(#"a 'b' \c"#) == #"'a \'b\' \\c'"#)
        #expect(PostgresTestServer.percentEncoded("/tmp/x y@é") == "%2Ftmp%2Fx%20y%40%C3%A9")
    }
}
