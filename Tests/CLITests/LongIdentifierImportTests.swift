import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// PostgreSQL cuts every identifier longer than 63 bytes at a character boundary when it reads
/// SQL. A migration that names a table, a column or a policy longer than that creates the cut
/// name; `pgpe import` from that migration must write the names the database has, or monitor sees
/// every such policy as missing and its live twin as extra.
@Suite struct LongIdentifierImportTests {
    /// 61 ASCII bytes then `ä` (2 bytes, ending at byte 63) then more: kept up to the `ä`.
    static let table = String(repeating: "t", count: 61) + "äaaaa"
    /// 62 ASCII bytes then `ö` (2 bytes, straddling byte 63): cut before the `ö`.
    static let policy = "Tenants see their rows " + String(repeating: "x", count: 39) + "ötail"
    /// An unquoted, folded column name of 70 bytes.
    static let column = "TENANT_" + String(repeating: "k", count: 63)

    static var migration: String {
        """
        CREATE TABLE public."\(table)" (id integer PRIMARY KEY, \(column) uuid NOT NULL);
        ALTER TABLE public."\(table)" ENABLE ROW LEVEL SECURITY;
        CREATE POLICY "\(policy)" ON public."\(table)"
          USING (\(column) = current_setting('app.tenant_id')::uuid);

        """
    }

    @Test func theSQLReaderCutsNamesAsPostgreSQLDoes() async throws {
        try await withTestDatabase { database in
            try database.connection.execute(Self.migration)
            let live = try database.connection.query(
                "SELECT c.relname::text, p.polname::text FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid")
            let row = try #require(live.rows.first)
            let liveTable = try #require(row[0]?.string)
            let livePolicy = try #require(row[1]?.string)
            #expect(liveTable == String(repeating: "t", count: 61) + "ä")
            #expect(livePolicy == "Tenants see their rows " + String(repeating: "x", count: 39))

            let cli = try DatabaseCLI.example()
            defer { cli.remove() }
            let target = ["--database", database.connectionString()]
            let fromLive = try cli.run(["import", "--out", "from-live"] + target)
            #expect(fromLive.status == 0, "\(fromLive.output)")
            let migrations = cli.directory.appendingPathComponent("migrations")
            try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
            try Self.migration.write(to: migrations.appendingPathComponent("001_init.sql"), atomically: true, encoding: .utf8)
            let fromSQL = try cli.run(["import", "migrations", "--out", "from-sql"])
            #expect(fromSQL.status == 0, "\(fromSQL.output)")
            let written = try ImportCommandTests.policyFiles(cli.directory.appendingPathComponent("from-sql"))
            #expect(written == (try ImportCommandTests.policyFiles(cli.directory.appendingPathComponent("from-live"))))
            let text = written.values.joined()
            #expect(text.contains("POLICY \"\(livePolicy)\""), "\(written)")
            #expect(!text.contains("ötail"), "\(written)")

            // The project read from the migration is the live database: no drift, nothing to do.
            let monitor = try cli.run(["monitor", "--config", "from-sql/pgpe.yaml", "--format", "json"] + target)
            #expect(monitor.status == 0, "\(monitor.output)")
            let drift = try #require(try DatabaseCLI.json(monitor.stdout)["drift"] as? [[String: Any]], "\(monitor.output)")
            #expect(drift.isEmpty, "\(drift)")
        }
    }
}
