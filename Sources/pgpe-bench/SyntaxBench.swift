import Foundation
import PolicyEngine
import PolicySemantics
import PolicySyntax
import TestSupport

/// Issue 2's benchmark: parse and check of a generated 5,000-line workspace over 200 tables,
/// and `pgpe check` on the example as a whole process.
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
        report.notes.append("policies: \(snapshot.policySet.policies.count), governed tables: \(snapshot.policySet.governedTables.count), diagnostics: \(snapshot.diagnostics.count)")
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
        return report
    }
}
