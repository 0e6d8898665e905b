import Foundation
import PolicyDatabase
import PolicyEngine
import PolicySyntax
import PolicyWorkloads
import PostgresClient
import WorkspaceFiles

/// Issue 7's benchmark, on a generated database of 500 governed tables: `pgpe apply` of the whole
/// policy set against `psql -1 -f` of the same compiled SQL (both whole processes, alternating,
/// on fresh copies of one template database), and `pgpe monitor` on the applied database (its
/// statement count and time). Reads the `PGPE_TEST_*` server variables and `PGPE_BIN`.
enum DatabaseBench {
    /// Runs of each timed command; the median is reported.
    static let repetitions = 5

    static func run() throws -> BenchReport {
        var report = BenchReport(suite: "database")
        let server = try PostgresTestServer.fromEnvironment()
        guard let binary = ProcessInfo.processInfo.environment["PGPE_BIN"], !binary.isEmpty else {
            throw TestDatabaseError("PGPE_BIN is not set: it must point at the pgpe binary to measure")
        }
        let psql = server.binDirectory.isEmpty ? "psql" : server.binDirectory + "/psql"
        let generated = WorkspaceGenerator(tables: 500, policies: 50).generate()
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-bench-database-\(getpid())")
        try generated.write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }

        let snapshot = try WorkspaceLoader.load(
            configPath: directory.appendingPathComponent("pgpe.yaml").path,
            directory: directory.path)
        guard !snapshot.hasErrors else {
            throw TestDatabaseError(
                "the generated workspace has errors: \(snapshot.diagnostics.filter { $0.severity == .error }.prefix(3).map(\.message))")
        }
        let program = snapshot.compile()
        let sqlFile = directory.appendingPathComponent("compiled.sql")
        try program.sql.write(to: sqlFile, atomically: true, encoding: .utf8)
        let statements = program.tables.reduce(0) { $0 + $1.statements.count }
        let governed = program.tables.filter(\.isGoverned).count
        report.notes.append("\(governed) governed tables, \(statements) statements (\(program.sql.utf8.count / 1024) KiB of SQL)")

        let admin = try server.connect(database: "postgres")
        defer { admin.close() }
        // Roles belong to the server, not to a database: the generated schema's CREATE ROLE
        // statements run once here, each only when the role is not there yet (a second run on the
        // same server, or a role the example created), and the schema without them per database.
        let schemaLines = generated.schema.split(separator: "\n", omittingEmptySubsequences: false)
        var roleStatements = ["CREATE ROLE app_admin NOLOGIN;", "CREATE ROLE app_user NOLOGIN;"]
        roleStatements += schemaLines.filter { $0.hasPrefix("CREATE ROLE ") }.map(String.init)
        var seenRoles = Set<String>()
        for statement in roleStatements {
            guard let role = statement.split(separator: " ").dropFirst(2).first, seenRoles.insert(String(role)).inserted else { continue }
            try admin.execute(
                """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN EXECUTE '\(statement.doublingQuotes("'"))'; END IF;
                END $$
                """)
        }
        let schema = schemaLines.filter { !$0.hasPrefix("CREATE ROLE ") }.joined(separator: "\n")
        let prefix = "pgpe_bench_\(getpid())"
        let template = prefix + "_template"
        var created: [String] = []
        defer {
            for name in created { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        }
        try admin.execute("CREATE DATABASE \(template) TEMPLATE template0")
        created.append(template)
        do {
            let connection = try server.connect(database: template)
            defer { connection.close() }
            try connection.execute(schema)
        }
        try admin.execute("ALTER DATABASE \(template) IS_TEMPLATE true")

        func freshDatabase(_ name: String) throws -> String {
            try admin.execute("CREATE DATABASE \(name) TEMPLATE \(template)")
            created.append(name)
            return server.connectionString(database: name)
        }

        var psqlTimes: [Double] = []
        var applyTimes: [Double] = []
        var applied = ""
        for index in 0..<repetitions {
            let forPsql = try freshDatabase("\(prefix)_psql_\(index)")
            psqlTimes.append(
                try time(
                    psql, ["-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f", sqlFile.path, "-d", forPsql],
                    in: directory))
            let forApply = try freshDatabase("\(prefix)_apply_\(index)")
            applyTimes.append(try time(binary, ["apply", "--database", forApply], in: directory))
            applied = forApply
        }
        let psqlMedian = Clock.percentile(psqlTimes, 50)
        let applyMedian = Clock.percentile(applyTimes, 50)
        report.add("psql -1 -f of the compiled SQL (whole process)", psqlMedian, "ms")
        report.add("pgpe apply of the policy set (whole process)", applyMedian, "ms")
        report.add("pgpe apply / psql -1 -f", applyMedian / psqlMedian, "x", target: 1.5)

        let noOp = Clock.median(repetitions) { _ = try? time(binary, ["apply", "--database", applied], in: directory) }
        report.add("pgpe apply with nothing to do (whole process)", noOp, "ms")
        let monitor = Clock.median(repetitions) { _ = try? time(binary, ["monitor", "--database", applied], in: directory) }
        report.add("pgpe monitor, no drift (whole process)", monitor, "ms", target: 1_000)

        let database = try LiveDatabase.connect(applied)
        var assessment: Assessment?
        let check = try Clock.median(repetitions) {
            assessment = try database.assess { _ in program }
        }
        guard let assessment else { throw TestDatabaseError("no assessment") }
        report.add("monitor check in process (catalog read, round trip, compare)", check, "ms", target: 1_000)
        report.add(
            "monitor statements per check (catalog queries + BEGIN/round trip/ROLLBACK)",
            Double(assessment.queryCount), "queries", target: 12)
        report.notes.append(
            "monitor found \(assessment.drift.count) drift items over \(assessment.catalog.model.tables.count) tables and \(assessment.catalog.snapshot.policies.count) policies; \(assessment.canonical.count) canonical forms by round trip"
        )
        report.notes.append(
            "runs: psql \(psqlTimes.map { String(format: "%.0f", $0) }.joined(separator: ", ")) ms; apply \(applyTimes.map { String(format: "%.0f", $0) }.joined(separator: ", ")) ms"
        )
        return report
    }

    /// Runs a process to completion and returns its wall time in milliseconds; a non-zero exit
    /// is an error (with what it printed on stderr).
    private static func time(_ executable: String, _ arguments: [String], in directory: URL) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let start = Clock.now()
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = Clock.now() - start
        guard process.terminationStatus == 0 else {
            throw TestDatabaseError(
                "\(URL(fileURLWithPath: executable).lastPathComponent) \(arguments.first ?? "") exited \(process.terminationStatus): \(String(decoding: stderr, as: UTF8.self).suffix(500))"
            )
        }
        return elapsed
    }
}
