import Foundation
import PostgresClient
import Testing

/// Connection failures end quickly: at once when nothing listens, after the connect timeout
/// when something listens but never answers.
@Suite struct PostgresConnectTimeoutTests {
    /// No socket file: the connection fails at once with a connection error.
    @Test func missingSocketFailsAtOnce() throws {
        let directory = NSTemporaryDirectory() + "pgpe-nothing-" + UUID().uuidString.prefix(8)
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection("host=\(directory) port=5432 user=nobody dbname=none")
        }
        #expect(clock.now - start < .seconds(2))
        #expect(error.kind == .connection)
        #expect(error.message.contains("No such file or directory"))
    }

    /// A refused TCP port fails at once.
    @Test func refusedPortFailsAtOnce() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection("postgresql://nobody@127.0.0.1:1/none")
        }
        #expect(clock.now - start < .seconds(2))
        #expect(error.kind == .connection)
    }

    /// A socket that accepts but never answers fails after `connectTimeout`.
    @Test func silentServerTimesOutAfterTheDefaultTimeout() throws {
        let server = try SilentUnixSocket()
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection("host=\(server.directory) port=\(server.port) user=u dbname=d", connectTimeout: 2)
        }
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(1_500) && elapsed < .seconds(8), "took \(elapsed)")
        #expect(error.kind == .connection)
        #expect(error.message.contains("timeout expired"))
    }

    /// `connect_timeout` in the string overrides the `connectTimeout` argument.
    @Test func connectTimeoutInTheStringWins() throws {
        let server = try SilentUnixSocket()
        let clock = ContinuousClock()
        let start = clock.now
        _ = try #require(throws: PostgresError.self) {
            try PostgresConnection(
                "host=\(server.directory) port=\(server.port) user=u dbname=d connect_timeout=2", connectTimeout: 600)
        }
        #expect(clock.now - start < .seconds(8))
    }
}
