import Foundation
import PolicyWorkloads
import PostgresClient

/// Issue 14's benchmark: `pgpe import --database` (the whole process) of a generated database of
/// 500 tables and 1,000 policies of realistic shapes (tenant isolation through
/// `current_setting`, membership through a correlated EXISTS and through `IN (SELECT …)`,
/// restrictive soft delete, IN lists, function calls, INSERT checks), goal ≤ 2 s. Reads the
/// `PGPE_TEST_*` server variables and `PGPE_BIN`.
enum ImportBench {
    /// Runs of the timed command; the median is reported.
    static let repetitions = 5
    /// Tables with row level security on.
    static let tableCount = 500

    static func run() throws -> BenchReport {
        var report = BenchReport(suite: "import")
        let server = try PostgresTestServer.fromEnvironment()
        guard let binary = ProcessInfo.processInfo.environment["PGPE_BIN"], !binary.isEmpty else {
            throw TestDatabaseError("PGPE_BIN is not set: it must point at the pgpe binary to measure")
        }
        let admin = try server.connect(database: "postgres")
        defer { admin.close() }
        let name = "pgpe_bench_import_\(getpid())"
        try admin.execute("CREATE DATABASE \(name) TEMPLATE template0")
        defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        let (sql, policies) = schema()
        do {
            let connection = try server.connect(database: name)
            defer { connection.close() }
            try connection.execute(sql)
        }
        report.notes.append("\(tableCount) tables with RLS on, \(policies) policies")
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-bench-import-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = server.connectionString(database: name)

        // One run checked first: it must write every policy with no DIFFERENT certificate.
        let check = Process()
        check.executableURL = URL(fileURLWithPath: binary)
        check.arguments = ["import", "--database", target, "--out", "project"]
        check.currentDirectoryURL = directory
        let output = Pipe()
        check.standardOutput = output
        check.standardError = FileHandle.nullDevice
        try check.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        guard check.terminationStatus == 0 else {
            throw TestDatabaseError("pgpe import exited \(check.terminationStatus): \(printed.suffix(800))")
        }
        if let summary = printed.split(separator: "\n").last { report.notes.append(String(summary)) }

        let median = Clock.medianRun(
            binary, ["import", "--database", target, "--out", "project"], in: directory, repetitions: repetitions)
        report.add("pgpe import --database, \(policies) policies on \(tableCount) tables (whole process)", median, "ms", target: 2_000)
        return report
    }

    /// The DDL: a members table, then per table its columns, RLS switches and two policies.
    static func schema() -> (String, Int) {
        var lines = [
            "CREATE TABLE public.members (tenant_id uuid NOT NULL, user_id uuid NOT NULL, role text, PRIMARY KEY (tenant_id, user_id));",
            "CREATE FUNCTION public.is_admin(uuid) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT false';",
        ]
        var policies = 0
        for index in 0..<tableCount {
            let table = "public.t\(index)"
            lines.append(
                "CREATE TABLE \(table) (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, owner_id uuid, status text, deleted_at timestamptz);")
            lines.append("ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;")
            if index % 3 == 0 { lines.append("ALTER TABLE \(table) FORCE ROW LEVEL SECURITY;") }
            let tenant = "tenant_id = current_setting('app.tenant_id')::uuid"
            let shapes = [
                "CREATE POLICY tenant_isolation ON \(table) USING (\(tenant));",
                "CREATE POLICY \"Members read\" ON \(table) FOR SELECT USING (EXISTS (SELECT 1 FROM public.members m WHERE m.tenant_id = t\(index).tenant_id AND m.user_id = current_setting('app.user_id')::uuid));",
                "CREATE POLICY not_deleted ON \(table) AS RESTRICTIVE USING (deleted_at IS NULL);",
                "CREATE POLICY open_states ON \(table) FOR SELECT USING (status IN ('open', 'pending') AND \(tenant));",
                "CREATE POLICY admins ON \(table) FOR UPDATE USING (public.is_admin(owner_id));",
                "CREATE POLICY insert_own ON \(table) FOR INSERT WITH CHECK (owner_id = current_setting('app.user_id')::uuid);",
                "CREATE POLICY member_tenants ON \(table) FOR DELETE USING (tenant_id IN (SELECT m.tenant_id FROM public.members m WHERE m.user_id = current_setting('app.user_id')::uuid));",
            ]
            lines.append(shapes[(2 * index) % shapes.count])
            lines.append(shapes[(2 * index + 1) % shapes.count])
            policies += 2
        }
        return (lines.joined(separator: "\n"), policies)
    }
}
