import Foundation

/// The test PostgreSQL server that `make test` starts (`PGPE_TEST_*`), driven through its own
/// `psql` and `pg_dump`.
struct SchemaReaderPostgres {
    /// The socket directory.
    let host: String
    /// The port.
    let port: String
    /// The (trusted) superuser.
    let user: String
    /// The directory holding `psql` and `pg_dump`.
    let binDirectory: String

    /// What to say when the server is not configured.
    static let missingServerMessage =
        "PGPE_TEST_PGHOST is not set: run this test under `make test`, or by hand with "
        + "`scripts/pg.sh start /tmp/pgschema-pg && . /tmp/pgschema-pg/env && swift test --skip-build --filter SchemaReader`"

    /// The server from the environment, or nil when `PGPE_TEST_PGHOST` is not set.
    static func fromEnvironment() -> SchemaReaderPostgres? {
        let environment = ProcessInfo.processInfo.environment
        guard let host = environment["PGPE_TEST_PGHOST"], !host.isEmpty else { return nil }
        return SchemaReaderPostgres(
            host: host, port: environment["PGPE_TEST_PGPORT"] ?? "5432",
            user: environment["PGPE_TEST_PGUSER"] ?? "postgres",
            binDirectory: environment["PGPE_TEST_PGBIN"] ?? "")
    }

    /// Creates a fresh database, loads `sql` into it, returns `pg_dump --schema-only` of it, and
    /// drops the database.
    func dumpSchema(loading sql: String) throws -> String {
        let database = "pgpe_schema_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("\(database).sql")
        try sql.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        _ = try run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", "CREATE DATABASE \(database)"])
        defer {
            _ = try? run("psql", ["-X", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS \(database) WITH (FORCE)"])
        }
        _ = try run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-f", script.path])
        return try run("pg_dump", ["--schema-only", "-d", database])
    }

    /// Runs a client program against the server and returns its standard output.
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        let executable = binDirectory.isEmpty ? "/usr/bin/\(tool)" : "\(binDirectory)/\(tool)"
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-h", host, "-p", port, "-U", user] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PGCONNECT_TIMEOUT"] = "10"
        process.environment = environment
        let output = Pipe()
        let errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("pgpe-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorLog) }
        let errorHandle = try FileHandle(forWritingTo: errorLog)
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        guard process.terminationStatus == 0 else {
            let stderr = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            throw SchemaReaderPostgresError(
                command: ([executable] + arguments).joined(separator: " "),
                status: process.terminationStatus, stderr: stderr)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
