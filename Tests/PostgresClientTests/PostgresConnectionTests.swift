import PostgresClient
import TestSupport
import Testing

/// Connecting, errors, notices and the round-trip counter against the test server.
@Suite struct PostgresConnectionTests {
    /// Proves the test binary links libpq and calls into it.
    @Test func linksLibpq() {
        let version = PostgresConnection.libpqVersion
        #expect(version >= 100_000, "PQlibVersion returned \(version)")
    }

    /// A `postgresql://` URL connects; `application_name` defaults to `pgpe`.
    @Test func connectsWithURL() async throws {
        try await withTestDatabase { database in
            let connection = try PostgresConnection(database.url())
            let row = try #require(
                try connection.query(
                    "SELECT current_database() AS db, current_user AS who, current_setting('application_name') AS app"
                ).first)
            #expect(row["db"]?.string == database.name)
            #expect(row["who"]?.string == "postgres")
            #expect(row["app"]?.string == "pgpe")
            #expect(connection.serverVersion >= 150_000)
            #expect(connection.redactedConnectionString == database.url())
        }
    }

    /// A `key=value` string connects, with a UTF-8 client encoding.
    @Test func connectsWithKeyValueString() async throws {
        try await withTestDatabase { database in
            let connection = try PostgresConnection(database.connectionString())
            let row = try #require(try connection.query("SELECT current_database() AS db, current_setting('client_encoding') AS enc").first)
            #expect(row["db"]?.string == database.name)
            #expect(row["enc"]?.string == "UTF8")
        }
    }

    /// An `application_name` in the string overrides the default.
    @Test func applicationNameFromTheStringWins() async throws {
        try await withTestDatabase { database in
            let fromKeyValue = try PostgresConnection(database.connectionString() + " application_name=custom")
            #expect(try fromKeyValue.query("SHOW application_name").first?[0]?.string == "custom")
            let fromURL = try PostgresConnection(database.url() + "?application_name=other")
            #expect(try fromURL.query("SHOW application_name").first?[0]?.string == "other")
        }
    }

    /// A failed statement reports SQLSTATE, message and position; the connection survives.
    @Test func errorCarriesSQLStateMessageAndPosition() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            let error = try #require(throws: PostgresError.self) {
                try connection.query("SELECT * FROM missing_table")
            }
            #expect(error.kind == .query)
            #expect(error.sqlState == "42P01")
            #expect(error.severity == "ERROR")
            #expect(error.message == #"relation "missing_table" does not exist"#)
            #expect(error.position == 15)
            #expect(error.description.contains("42P01"))
            // The connection is still usable.
            #expect(try connection.query("SELECT 1 AS one").first?["one"]?.int == 1)
        }
    }

    /// The server's DETAIL and HINT reach the error.
    @Test func errorCarriesDetailAndHint() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)")
            let duplicate = try #require(throws: PostgresError.self) {
                try connection.query("INSERT INTO t VALUES ($1)", [1])
            }
            #expect(duplicate.sqlState == "23505")
            #expect(duplicate.detail == "Key (id)=(1) already exists.")
            let unknown = try #require(throws: PostgresError.self) {
                try connection.query("SELECT no_such_function($1::int)", [1])
            }
            #expect(unknown.sqlState == "42883")
            #expect(unknown.hint?.contains("No function matches") == true)
            #expect(unknown.description.contains("HINT: No function matches"))
        }
    }

    /// Every round trip counts, failed ones and those of `transaction` included.
    @Test func countsRoundTrips() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            #expect(connection.queryCount == 0)
            _ = try connection.query("SELECT 1")
            try connection.execute("CREATE TABLE a (x int); CREATE TABLE b (x int)")
            _ = try? connection.query("SELECT * FROM nowhere")
            #expect(connection.queryCount == 3)
            try connection.transaction { connection in
                _ = try connection.query("INSERT INTO a VALUES ($1)", [1])
            }
            #expect(connection.queryCount == 6, "BEGIN, INSERT, COMMIT")
        }
    }

    /// Notices and warnings are kept on the connection with their fields.
    @Test func capturesNoticesInsteadOfPrinting() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute("DROP TABLE IF EXISTS nope")
            try connection.execute(
                """
                DO $$ BEGIN
                  RAISE NOTICE 'hello %', 42;
                  RAISE WARNING 'careful' USING HINT = 'look first', DETAIL = 'some detail';
                END $$
                """)
            let notices = connection.takeNotices()
            #expect(notices.map(\.message) == [#"table "nope" does not exist, skipping"#, "hello 42", "careful"])
            #expect(notices.map(\.severity) == ["NOTICE", "NOTICE", "WARNING"])
            #expect(notices[0].sqlState == "00000")
            #expect(notices[2].hint == "look first")
            #expect(notices[2].detail == "some detail")
            #expect(connection.notices.isEmpty)
        }
    }

    /// A closed connection throws a connection error; closing twice is harmless.
    @Test func closedConnectionThrowsConnectionError() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            #expect(connection.isOpen)
            connection.close()
            connection.close()
            #expect(!connection.isOpen)
            let error = try #require(throws: PostgresError.self) { try connection.query("SELECT 1") }
            #expect(error.kind == .connection)
        }
    }

    /// A backend terminated under the connection yields a connection error and closes it.
    @Test func lostConnectionIsAConnectionError() async throws {
        try await withTestDatabase { database in
            let victim = try database.connect()
            let pid = try #require(try victim.query("SELECT pg_backend_pid() AS pid").first?["pid"]?.int)
            _ = try database.connection.query("SELECT pg_terminate_backend($1)", [.int(pid)])
            let error = try #require(throws: PostgresError.self) { try victim.query("SELECT 1") }
            #expect(error.kind == .connection)
            #expect(!victim.isOpen)
        }
    }

    /// libpq's quoting round-trips awkward literals and identifiers.
    @Test func quotesLiteralsAndIdentifiers() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            let awkward = #"it's a \ "test" é"#
            let literal = try connection.quoteLiteral(awkward)
            #expect(try connection.query("SELECT \(literal) AS v").first?["v"]?.string == awkward)
            let table = try connection.quoteIdentifier(#"we"ird Name"#)
            #expect(table == #""we""ird Name""#)
            try connection.execute("CREATE TABLE \(table) (x int)")
            let found = try connection.query("SELECT relname FROM pg_class WHERE relname = $1", [#"we"ird Name"#])
            #expect(found.count == 1)
        }
    }
}
