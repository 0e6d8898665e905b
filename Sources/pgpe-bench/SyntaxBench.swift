import Foundation
import PolicyEngine
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import WorkspaceFiles

/// Issue 2's benchmark: parse and check of a generated 5,000-line workspace over 200 tables,
/// and `pgpe check` on the example as a whole process; issue 11's policy of 8,000 `OR CLAUSE`s.
enum SyntaxBench {
    static func run() throws -> BenchReport {
        var report = BenchReport(suite: "syntax")
        let generated = WorkspaceGenerator(tables: 200, policies: 50, minimumLines: 5_000).generate()
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-bench-syntax-\(getpid())")
        try generated.write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = generated.policyLineCount
        report.notes.append("workspace: \(generated.policies.count) files, \(lines) policy lines, 200 tables")
        let texts = generated.policies.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let parse = Clock.median(21) {
            for (path, text) in texts { _ = Parser.parse(text: text, path: path) }
        }
        report.add("parse, per 1,000 lines", parse / Double(lines) * 1_000, "ms", target: 5)
        let snapshot = try WorkspaceLoader.load(configPath: directory.appendingPathComponent("pgpe.yaml").path, directory: directory.path)
        let parsed = snapshot.files
        let config = snapshot.config
        let schema = snapshot.schemaSource.model
        report.notes.append(
            "policies: \(snapshot.policySet.policies.count), governed tables: \(snapshot.policySet.governedTables.count), diagnostics: \(snapshot.diagnostics.count)"
        )
        let check = Clock.median(11) {
            _ = Checker.check(files: parsed, config: config, schema: schema)
        }
        report.add("full check of the workspace (in process, parsed)", check, "ms", target: 50)
        let whole = Clock.median(11) {
            let files = texts.map { Parser.parse(text: $0.1, path: $0.0) }
            _ = Checker.check(files: files, config: config, schema: schema)
        }
        report.add("parse + check of the workspace (in process)", whole, "ms")
        if let binary = ProcessInfo.processInfo.environment["PGPE_BIN"] {
            let example = ProcessInfo.processInfo.environment["PGPE_EXAMPLE_DIR"] ?? "examples/saas"
            if let median = try Hyperfine.median(command: "\(binary) check", directory: example) {
                report.add("pgpe check on the example (whole process, hyperfine median)", median, "ms", target: 50)
            }
        }
        try measureWidePolicy(report: &report)
        return report
    }

    /// One policy of 8,000 `OR CLAUSE`s (issue 11): load and check in process, and `pgpe check`
    /// as a whole process when `PGPE_BIN` is set. Both should grow about linearly with the clauses.
    static func measureWidePolicy(report: inout BenchReport) throws {
        var generated = WorkspaceGenerator(tables: 20, policies: 0).generate()
        generated.policies = ["wide.policy": wideOrPolicy(clauses: 8_000, table: WorkspaceGenerator.tableName(1))]
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-bench-wide-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try generated.write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configPath = directory.appendingPathComponent("pgpe.yaml").path
        var diagnostics = 0
        let load = Clock.median(3) {
            diagnostics = (try? WorkspaceLoader.load(configPath: configPath, directory: directory.path))?.diagnostics.count ?? -1
        }
        report.add("one policy of 8,000 OR CLAUSEs: load and check (in process)", load, "ms", target: 1_000)
        report.notes.append("wide policy: \(diagnostics) diagnostics")
        if let binary = ProcessInfo.processInfo.environment["PGPE_BIN"] {
            let whole = Clock.medianRun(binary, ["check"], in: directory, repetitions: 3)
            report.add("one policy of 8,000 OR CLAUSEs: pgpe check (whole process, median of 3)", whole, "ms", target: 1_000)
        }
    }

    /// A policy on `table` whose `clauses` clauses each pin the tenant and one distinct status
    /// (none implies another), a few with an owner or a level besides.
    static func wideOrPolicy(clauses: Int, table: String) -> String {
        var text = "POLICY wide\n  PERMISSIVE\n  FOR SELECT\n  SELECTOR named('\(table)')\n"
        for index in 0..<clauses {
            var clause = "col(tenant_id) = session('app.tenant_id') AND col(status) = lit('s\(index)')"
            if index % 3 == 1 { clause += " AND col(owner_id) = session('app.user_id')" }
            if index % 5 == 2 { clause += " AND col(level) >= lit(\(index % 17))" }
            text += (index == 0 ? "  CLAUSE " : "  OR CLAUSE ") + clause + "\n"
        }
        return text
    }
}
