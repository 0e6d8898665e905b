import Cancellation
import Foundation
import PolicyEngine
import PolicyProofs
import TestSupport
import Testing

/// A run hands out each table's verdicts as soon as the table is done, cheap tables first, so
/// one slow table holds back no other.
@Suite struct TableProgressTests {
    private func snapshot() throws -> WorkspaceSnapshot {
        let directory = try CLIRunner.temporaryDirectory("pgpe-slow-table")
        try SlowTableWorkspace.write(to: directory)
        let snapshot = try ProofHarness.load(configPath: directory.appendingPathComponent("pgpe.yaml").path)
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.filter { $0.severity == .error }.map(\.message))")
        return snapshot
    }

    /// Runs an analyzer with one worker and returns its report and what `tableFinished` got,
    /// in order, with the milliseconds since the start.
    private func run(_ snapshot: WorkspaceSnapshot, cache: ProofCache = ProofCache(), cancellation: CancellationToken = CancellationToken())
        -> (AnalysisReport, [(table: String, verdicts: [Verdict], at: Double)])
    {
        let analyzer = Analyzer(policySet: snapshot.policySet, options: AnalysisOptions(config: snapshot.config, jobs: 1), cache: cache)
        let finished = LockedBox<[(table: String, verdicts: [Verdict], at: Double)]>([])
        let start = Date()
        let report = analyzer.run(
            cancellation: cancellation,
            tableFinished: { table, verdicts in
                finished.set(finished.get() + [(table.name, verdicts, Date().timeIntervalSince(start) * 1000)])
            })
        return (report, finished.get())
    }

    @Test func eachTableIsHandedOutOnceAsSoonAsItIsDoneTheCheapOneFirst() throws {
        let snapshot = try snapshot()
        let (report, finished) = run(snapshot)
        #expect(!report.cancelled)
        // z_fast comes after a_slow in every table order, yet is done first and handed out
        // long before a_slow is.
        #expect(finished.map(\.table) == ["z_fast", "a_slow"])
        let fast = try #require(finished.first)
        let slow = try #require(finished.last)
        #expect(fast.at * 5 < slow.at, "z_fast after \(fast.at) ms, a_slow after \(slow.at) ms")
        #expect(report.milliseconds > 300, "a_slow is too fast (\(report.milliseconds) ms) to show anything")
        // What was handed out is the report, table by table, each sorted as the report is.
        for (table, verdicts, _) in finished {
            let expected = report.verdicts.filter { $0.table.name == table }
            #expect(verdicts.map(IncrementalTests.outcome) == expected.map(IncrementalTests.outcome), "\(table)")
            #expect(verdicts.contains { $0.status == .failed && $0.proof == .tenantIsolation }, "\(table) leaks")
        }
        // A second run with the same cache answers both tables at once.
        let cache = ProofCache()
        _ = run(snapshot, cache: cache)
        let (again, reused) = run(snapshot, cache: cache)
        #expect(again.queries == 0)
        #expect(Set(reused.map(\.table)) == ["a_slow", "z_fast"])
        #expect(reused.map { $0.verdicts.count }.reduce(0, +) == again.verdicts.count)
    }

    @Test func aCancelledRunHandsOutNothing() throws {
        let cancellation = CancellationToken()
        cancellation.cancel()
        let (report, finished) = run(try snapshot(), cancellation: cancellation)
        #expect(report.cancelled)
        #expect(finished.isEmpty)
    }
}
