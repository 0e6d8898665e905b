import Foundation
import PolicyEngine
import PolicyProofs
import PolicySQL
import TestSupport
import Testing

/// `pgpe analyze --emit-repro DIR` as a user runs it: the scripts it writes, run with psql on a
/// database holding the compiled policies, show the leak.
@Suite struct ReproCommandTests {
    @Test func emittedScriptsShowTheLeakThroughPsql() async throws {
        let entry = try ProofCatalogue.load("02-or-leak")
        let output = try CLIRunner.temporaryDirectory("pgpe-repro")
        let run = try CLIRunner.run(["analyze", "--emit-repro", output.path], in: entry.directory)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".sql") }.sorted()
        // One script per FAILED verdict: isolation and fail-closed on each command and side.
        #expect(scripts.count == 10, "\(scripts)")
        #expect(scripts.first?.hasPrefix("001-") == true)
        let snapshot = try ProofHarness.load(entry)
        let schemaSQL = try String(contentsOf: entry.directory.appendingPathComponent("schema.sql"), encoding: .utf8)
        let pgbin = try #require(ProcessInfo.processInfo.environment["PGPE_TEST_PGBIN"], "PostgreSQL tests run under make test")
        try await withTestDatabase { database in
            _ = try ProofDatabaseProbe(
                database: database, policySet: snapshot.policySet, schemaSQL: schemaSQL,
                compiledSQL: PolicyCompiler.compile(snapshot.policySet).sql)
            for script in scripts {
                let psql = Process()
                psql.executableURL = URL(fileURLWithPath: pgbin).appendingPathComponent("psql")
                psql.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", output.appendingPathComponent(script).path]
                var environment = ProcessInfo.processInfo.environment
                for (key, value) in database.libpqEnvironment() { environment[key] = value }
                psql.environment = environment
                let errors = Pipe()
                psql.standardError = errors
                psql.standardOutput = FileHandle.nullDevice
                try psql.run()
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                psql.waitUntilExit()
                #expect(psql.terminationStatus == 0, "\(script): \(text)")
                let notices = text.components(separatedBy: "\n").filter { $0.contains("pgpe-repro: ") }
                let writes = script.contains("-check-")
                let outcome = writes ? "can write the row" : "reaches the row"
                let sessions = script.contains("tenant-isolation") ? [1, 2] : [1]
                for session in sessions {
                    #expect(notices.contains { $0.contains("pgpe-repro: session \(session) \(outcome)") }, "\(script): \(notices)")
                }
            }
            // The transaction rolled back: nothing is left behind.
            let left = try database.connection.query("SELECT count(*) AS n FROM public.documents")
            #expect(left.rows.first?["n"] == .int(0))
        }
    }

    /// A probe that hits an error (here a session key that is not a uuid, under
    /// `missing_context: error`) is a notice and the script goes on to the next session; a key
    /// the counterexample leaves unset is not set at all under `error` (catalogue case 24).
    @Test func aFailingProbeIsANoticeAndTheScriptGoesOn() async throws {
        let entry = try ProofCatalogue.load("24-fail-closed-error-uuid")
        let snapshot = try ProofHarness.load(entry)
        let set = snapshot.policySet
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation, .failClosed])
        var isolation = try #require(report.verdicts.first { $0.proof == .tenantIsolation && $0.status == .failed })
        let failClosed = try #require(report.verdicts.first { $0.proof == .failClosed && $0.status == .failed })
        let unsetScript = try #require(ReproScript.script(for: failClosed, policySet: set))
        #expect(!unsetScript.contains("set_config('app.tenant_id'"), "\(unsetScript)")
        var example = try #require(isolation.counterexample)
        example.sessions[0]["app.user_id"] = .some("not a uuid")
        isolation.counterexample = example
        let script = try #require(ReproScript.script(for: isolation, policySet: set))
        let schemaSQL = try String(contentsOf: entry.directory.appendingPathComponent("schema.sql"), encoding: .utf8)
        try await withTestDatabase { database in
            let probe = try ProofDatabaseProbe(
                database: database, policySet: set, schemaSQL: schemaSQL,
                compiledSQL: PolicyCompiler.compile(set).sql)
            let notices = try probe.runRepro(script)
            #expect(notices.contains { $0.hasPrefix("session 1 cannot: invalid input syntax for type uuid") }, "\(notices)")
            #expect(notices.contains("session 2 reaches the row"), "\(notices)")
            #expect(try probe.runRepro(unsetScript).contains("session 1 reaches the row"))
        }
    }
}
