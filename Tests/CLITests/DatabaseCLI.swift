import Foundation
import PolicyWorkloads
import TestSupport

/// Runs the built `pgpe` binary (`PGPE_BIN`, set by `make test`) in a project directory made
/// from the running example, for the database commands' end-to-end tests.
struct DatabaseCLI {
    /// What one run printed and returned.
    struct Run {
        /// The exit status.
        var status: Int32
        /// Standard output.
        var stdout: String
        /// Standard error.
        var stderr: String
        /// Wall time.
        var elapsed: Duration

        /// Both streams, for "never printed" checks.
        var output: String { stdout + "\n" + stderr }
    }

    /// The project directory.
    let directory: URL

    /// The binary under test; a missing `PGPE_BIN` fails the test (never skips it).
    static func binary() throws -> String {
        guard let path = ProcessInfo.processInfo.environment["PGPE_BIN"], !path.isEmpty else {
            throw TestDatabaseError(
                "PGPE_BIN is not set: run under `make test`, or build pgpe and export PGPE_BIN=$(swift build --show-bin-path)/pgpe")
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestDatabaseError("PGPE_BIN=\(path) is not an executable: build pgpe first")
        }
        return path
    }

    /// A fresh copy of `examples/saas` with `pgpe.yaml` replaced by `config` when given.
    static func example(config: String? = nil, extraPolicies: [String: String] = [:]) throws -> DatabaseCLI {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("pgpe-cli-db-" + UUID().uuidString.prefix(8).lowercased())
        try manager.createDirectory(at: directory.appendingPathComponent("policies"), withIntermediateDirectories: true)
        let example = Fixtures.exampleDirectory
        for file in ["schema.sql", "pgpe.yaml", "policies/tenancy.policy", "policies/soft_delete.policy"] {
            try manager.copyItem(at: example.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        if let config {
            try config.write(to: directory.appendingPathComponent("pgpe.yaml"), atomically: true, encoding: .utf8)
        }
        for (name, text) in extraPolicies {
            try text.write(to: directory.appendingPathComponent("policies").appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return DatabaseCLI(directory: directory)
    }

    /// Runs `body` on a fresh test database that holds the example's schema, with a fresh copy
    /// of the example (`example(config:extraPolicies:)`, removed afterwards) and the
    /// `--database` arguments that reach the database.
    static func withExampleDatabase<Result>(
        config: String? = nil, extraPolicies: [String: String] = [:],
        _ body: (TestDatabase, DatabaseCLI, [String]) async throws -> Result
    ) async throws -> Result {
        try await withTestDatabase { database in
            let cli = try example(config: config, extraPolicies: extraPolicies)
            defer { cli.remove() }
            try database.connection.execute(try Fixtures.exampleText("schema.sql"))
            return try await body(database, cli, ["--database", database.connectionString()])
        }
    }

    /// Removes the directory.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes a file into the project.
    func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// A process running `pgpe arguments` in the project with only `PATH`, `HOME` and
    /// `environment` set, its streams captured into files (so nothing blocks on a full pipe).
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, URL, URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.binary())
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var childEnvironment = environment
        let parent = ProcessInfo.processInfo.environment
        childEnvironment["PATH"] = parent["PATH"] ?? "/usr/bin:/bin"
        childEnvironment["HOME"] = parent["HOME"] ?? "/tmp"
        childEnvironment["NO_COLOR"] = "1"
        process.environment = childEnvironment
        let token = UUID().uuidString.prefix(8)
        let out = directory.appendingPathComponent(".out-\(token)")
        let err = directory.appendingPathComponent(".err-\(token)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return (process, out, err)
    }

    /// Runs `pgpe arguments` to completion.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let clock = ContinuousClock()
        let begin = clock.now
        let (process, out, err) = try start(arguments, environment: environment)
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8), elapsed: clock.now - begin)
    }

    /// Parses a JSON document printed by pgpe.
    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let dictionary = object as? [String: Any] else { throw TestDatabaseError("not a JSON object: \(text)") }
        return dictionary
    }
}
