import PostgresClient

/// A fresh database on the test server for one test: created from `template0` with a
/// unique name, dropped (`WITH (FORCE)`) by `drop()`, together with the roles the test
/// created through it.
///
/// Tests run in parallel: everything here is per instance, and names are random.
public final class TestDatabase {
    /// The server it lives on.
    public let server: PostgresTestServer
    /// The database name (`pgpe_t_<random>`).
    public let name: String
    /// A superuser connection to the database, closed by `drop()`.
    public let connection: PostgresConnection
    /// Roles created by `createRole`, dropped by `drop()`.
    var createdRoles: [String] = []
    /// Whether `drop()` has run.
    private var dropped = false

    /// Creates a fresh database and connects to it as the superuser.
    public static func create() throws -> TestDatabase {
        let server = try PostgresTestServer.fromEnvironment()
        let name = "pgpe_t_" + randomSuffix()
        let admin = try server.connect(database: "postgres")
        defer { admin.close() }
        try admin.execute("CREATE DATABASE \(name) TEMPLATE template0")
        return TestDatabase(server: server, name: name, connection: try server.connect(database: name))
    }

    private init(server: PostgresTestServer, name: String, connection: PostgresConnection) {
        self.server = server
        self.name = name
        self.connection = connection
    }

    deinit {
        try? drop()
    }

    /// A `key=value` connection string for this database (for `pgpe` subprocesses), as the
    /// superuser unless `user` is given.
    public func connectionString(user: String? = nil, password: String? = nil) -> String {
        server.connectionString(database: name, user: user, password: password)
    }

    /// A `postgresql://` URL for this database, as the superuser unless `user` is given.
    public func url(user: String? = nil, password: String? = nil) -> String {
        server.url(database: name, user: user, password: password)
    }

    /// The `PG*` variables that point libpq at this database (for a subprocess).
    public func libpqEnvironment(user: String? = nil) -> [String: String] {
        server.libpqEnvironment(database: name, user: user)
    }

    /// A new connection to this database, as the superuser unless `user` is given.
    public func connect(user: String? = nil, password: String? = nil) throws -> PostgresConnection {
        try PostgresConnection(connectionString(user: user, password: password))
    }

    /// Closes the connection, drops the database and the roles created through it. Running
    /// it again does nothing.
    public func drop() throws {
        guard !dropped else { return }
        dropped = true
        connection.close()
        let admin = try server.connect(database: "postgres")
        defer { admin.close() }
        try admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        for role in createdRoles {
            try admin.execute("DROP ROLE IF EXISTS \(try admin.quoteIdentifier(role))")
        }
    }

    /// 16 random lowercase hex digits.
    static func randomSuffix() -> String {
        let value = UInt64.random(in: UInt64.min...UInt64.max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
