import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// `transaction` commits what returns and rolls back what throws.
@Suite struct PostgresTransactionTests {
    /// The error test bodies throw to abort a transaction.
    struct Abort: Error {}

    private func count(_ connection: PostgresConnection, _ table: String = "t") throws -> Int? {
        try connection.query("SELECT count(*) AS n FROM \(table)").first?["n"]?.int
    }

    /// Runs `body` on a fresh test database holding an empty table `t (x int)`, with the
    /// database's connection.
    private func withTable<Result>(_ body: (TestDatabase, PostgresConnection) async throws -> Result) async throws -> Result {
        try await withTestDatabase { database in
            try database.connection.execute("CREATE TABLE t (x int)")
            return try await body(database, database.connection)
        }
    }

    /// What the body did is committed and visible to another session.
    @Test func commitsWhenTheBodyReturns() async throws {
        try await withTable { database, connection in
            let value = try connection.transaction { connection in
                _ = try connection.query("INSERT INTO t VALUES ($1)", [1])
                #expect(connection.isInTransaction)
                return "done"
            }
            #expect(value == "done")
            #expect(!connection.isInTransaction)
            let other = try database.connect()
            #expect(try count(other) == 1)
        }
    }

    /// The body's error is rethrown and its rows and DDL are rolled back.
    @Test func rollsBackWhenTheBodyThrows() async throws {
        try await withTable { (_, connection) throws in
            #expect(throws: Abort.self) {
                try connection.transaction { connection in
                    _ = try connection.query("INSERT INTO t VALUES ($1)", [1])
                    try connection.execute("CREATE TABLE created_inside (y int)")
                    throw Abort()
                }
            }
            #expect(!connection.isInTransaction)
            #expect(try count(connection) == 0)
            #expect(try connection.query("SELECT to_regclass('created_inside') AS r").first?["r"] == .some(nil))
        }
    }

    /// A failing statement rolls the whole transaction back.
    @Test func rollsBackWhenAStatementFails() async throws {
        try await withTable { _, connection in
            let error = try #require(throws: PostgresError.self) {
                try connection.transaction { connection in
                    _ = try connection.query("INSERT INTO t VALUES ($1)", [1])
                    _ = try connection.query("SELECT 1/0")
                }
            }
            #expect(error.sqlState == "22012")
            #expect(!connection.isInTransaction)
            #expect(try count(connection) == 0)
        }
    }

    /// A failure the body swallowed cannot commit: the transaction is rolled back and reported.
    @Test func aCaughtFailureStillRollsBack() async throws {
        try await withTable { _, connection in
            let error = try #require(throws: PostgresError.self) {
                try connection.transaction { connection in
                    _ = try connection.query("INSERT INTO t VALUES ($1)", [1])
                    _ = try? connection.query("SELECT 1/0")
                }
            }
            #expect(error.message.contains("rolled back"))
            #expect(!connection.isInTransaction)
            #expect(try count(connection) == 0)
        }
    }

    /// Nested calls use savepoints: an inner failure undoes only its own work.
    @Test func nestedTransactionsUseSavepoints() async throws {
        try await withTable { _, connection in
            try connection.transaction { connection in
                _ = try connection.query("INSERT INTO t VALUES ($1)", [1])
                _ = try? connection.transaction { connection in
                    _ = try connection.query("INSERT INTO t VALUES ($1)", [2])
                    throw Abort()
                }
                try connection.transaction { connection in
                    _ = try connection.query("INSERT INTO t VALUES ($1)", [3])
                }
            }
            let values = try connection.query("SELECT x FROM t ORDER BY x").map { $0["x"]?.int }
            #expect(values == [1, 3])
        }
    }
}
