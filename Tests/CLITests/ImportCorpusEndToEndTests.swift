import Foundation
import JSON
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Issue 14's acceptance test on the import corpus (Tests/Fixtures/import-corpus), through the
/// built binary: for each schema, `pgpe import` from the live database and from the migration
/// files; then, for each imported project, `monitor` reports no drift, `apply --dry-run` has an
/// empty plan, `analyze` runs to verdicts, and a real `apply` changes nothing any session sees
/// or may do. No certificate is DIFFERENT.
@Suite struct ImportCorpusEndToEndTests {
    /// The corpus cases' names.
    static let names: [String] = (try? ImportCorpusCase.all().map(\.name)) ?? []

    @Test(arguments: names) func importThenMonitorApplyAndAnalyzeChangeNothing(name: String) async throws {
        let corpusCase = try ImportCorpusCase.named(name)
        try await withTestDatabase { database in
            try corpusCase.load(into: database)
            let before = try ImportCorpusBehaviour.record(corpusCase, on: database.connection)
            let work = DatabaseCLI(directory: try CLIRunner.temporaryDirectory("pgpe-import-corpus"))
            defer { work.remove() }
            let target = ["--database", database.connectionString()]
            let sources: [(label: String, arguments: [String])] = [
                ("live", ["import"] + target), ("sql", ["import", corpusCase.migrationDirectory.path]),
            ]
            for (label, arguments) in sources {
                let out = work.directory.appendingPathComponent(label).path
                let imported = try work.run(arguments + ["--out", out, "--format", "json"])
                #expect(imported.status == 0, "\(name) import from \(label): \(imported.output)")
                let verdicts = Self.verdicts(imported.stdout)
                #expect(verdicts["DIFFERENT", default: 0] == 0, "\(name) import from \(label): \(imported.stdout)")
                #expect(!verdicts.isEmpty, "\(name) import from \(label) printed no certificate: \(imported.output)")
                print(
                    "import-corpus \(name) from \(label): \(verdicts["EQUIVALENT", default: 0]) EQUIVALENT, "
                        + "\(verdicts["RAW", default: 0]) RAW, \(verdicts["DIFFERENT", default: 0]) DIFFERENT")
                guard imported.status == 0 else { continue }
                let config = ["--config", out + "/pgpe.yaml"]

                let monitor = try work.run(["monitor"] + config + target)
                #expect(monitor.status == 0, "\(name) from \(label): monitor: \(monitor.output)")

                let plan = try work.run(["apply", "--dry-run", "--format", "json"] + config + target)
                #expect(plan.status == 0, "\(name) from \(label): apply --dry-run: \(plan.output)")
                #expect((try? JSONValue(parsing: plan.stdout))?["plan"]?.array?.isEmpty == true, "\(name) from \(label): \(plan.stdout)")

                let analyze = try work.run(["analyze", "--format", "json"] + config)
                #expect(analyze.status == 0 || analyze.status == 1, "\(name) from \(label): analyze: \(analyze.output)")
                // Every UNKNOWN is one the invariant asks for (raw SQL), none from a tool error.
                let results = (try? JSONValue(parsing: analyze.stdout))?["verdicts"]?.array
                #expect(results?.isEmpty == false, "\(name) from \(label): analyze: \(analyze.output)")
                for result in results ?? [] where result["status"]?.string == "UNKNOWN" {
                    let reason = result["reason"]?.string ?? ""
                    #expect(reason.hasPrefix("depends on raw SQL"), "\(name) from \(label): analyze UNKNOWN: \(reason)")
                }

                let apply = try work.run(["apply"] + config + target)
                #expect(apply.status == 0, "\(name) from \(label): apply: \(apply.output)")
                let after = try ImportCorpusBehaviour.record(corpusCase, on: database.connection)
                let differences = ImportCorpusBehaviour.differences(corpusCase, before: before, after: after)
                #expect(differences.isEmpty, "\(name) from \(label):\n\(differences.joined(separator: "\n"))")
            }
        }
    }

    /// How many times each certificate verdict appears as a string value in `--format json`.
    static func verdicts(_ output: String) -> [String: Int] {
        guard let value = try? JSONValue(parsing: output) else { return [:] }
        var counts: [String: Int] = [:]
        var pending = [value]
        while let next = pending.popLast() {
            switch next {
            case .string(let text) where ["EQUIVALENT", "RAW", "DIFFERENT"].contains(text): counts[text, default: 0] += 1
            case .array(let items): pending += items
            case .object(let object): pending += object.values
            default: break
            }
        }
        return counts
    }
}
