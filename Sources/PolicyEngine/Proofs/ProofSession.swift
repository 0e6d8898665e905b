import Cancellation
import Foundation
import PolicyProofs
import PolicySchema

/// Runs background proofs for one project and remembers solver answers between runs, so a run
/// after an edit pays only for predicates that changed. Thread-safe: `run` may be called from
/// any thread, one run at a time per session.
public final class ProofSession: Sendable {
    /// Worker threads per run, each with its own Z3 context.
    public let jobs: Int
    private let cache = ProofCache()

    /// Creates a session whose runs use `jobs` worker threads.
    public init(jobs: Int) {
        self.jobs = max(1, jobs)
    }

    /// The number of solver answers remembered.
    public var cachedAnswers: Int { cache.count }

    /// Proves `job`'s tables. Blocks until done or cancelled; `progress` gets (done, total);
    /// `tableFinished` gets each table's verdicts as soon as they are known (from a worker
    /// thread; never after a cancellation), for `Workspace.accept(table:verdicts:of:)`.
    public func run(
        _ job: ProofJob, cancellation: CancellationToken = CancellationToken(),
        progress: (@Sendable (Int, Int) -> Void)? = nil,
        tableFinished: (@Sendable (QualifiedName, [Verdict]) -> Void)? = nil
    ) -> ProofJobResult {
        guard !job.tables.isEmpty else {
            return ProofJobResult(job: job, verdicts: [], cancelled: cancellation.isCancelled)
        }
        let report = analyze(
            job.snapshot, AnalysisRequest(tables: job.tables), cancellation: cancellation, progress: progress,
            tableFinished: tableFinished)
        return ProofJobResult(
            job: job, verdicts: report.verdicts, cancelled: report.cancelled, milliseconds: report.milliseconds,
            queries: report.queries, cacheHits: report.cacheHits)
    }

    /// Runs the proofs `request` asks for on `snapshot` with the session's remembered answers:
    /// the one way into the prover for the language server (`run`) and for `pgpe analyze`.
    /// Blocks until done or cancelled; `progress` and `tableFinished` are called from worker
    /// threads as in `run`.
    public func analyze(
        _ snapshot: WorkspaceSnapshot, _ request: AnalysisRequest = AnalysisRequest(),
        cancellation: CancellationToken = CancellationToken(),
        progress: (@Sendable (Int, Int) -> Void)? = nil,
        tableFinished: (@Sendable (QualifiedName, [Verdict]) -> Void)? = nil
    ) -> AnalysisReport {
        let other = request.comparison
        let analyzer = Analyzer(
            policySet: snapshot.policySet, options: request.options(for: snapshot, jobs: jobs), cache: cache,
            comparison: other.map { ($0.snapshot.policySet, $0.label) })
        analyzer.lineLookup = { location in
            (snapshot.sourceFile(location.file) ?? other?.snapshot.sourceFile(location.file))?.position(of: location.range.start).line ?? 0
        }
        // `accept:` entries turn the FAILED and UNKNOWN verdicts they match ACCEPTED, for the
        // server's proof diagnostics and `pgpe analyze` alike (SPEC 11.8).
        let acceptance = FindingAcceptance(policySet: snapshot.policySet)
        guard !acceptance.isEmpty else {
            return analyzer.run(cancellation: cancellation, progress: progress, tableFinished: tableFinished)
        }
        var accepting: (@Sendable (QualifiedName, [Verdict]) -> Void)?
        if let tableFinished {
            accepting = { table, verdicts in tableFinished(table, acceptance.apply(verdicts)) }
        }
        var report = analyzer.run(cancellation: cancellation, progress: progress, tableFinished: accepting)
        report.verdicts = acceptance.apply(report.verdicts)
        return report
    }

    /// Compares `snapshot`'s policy set with `base`'s (`pgpe diff`, SPEC 11.9): both directions of
    /// `policy-equivalence` per table × command × role × side, with the session's remembered
    /// answers; `label` names the base in reasons; `useShortcuts: false` sends every question
    /// to Z3. Blocks until done or cancelled.
    public func diff(
        _ snapshot: WorkspaceSnapshot, against base: WorkspaceSnapshot, label: String, useShortcuts: Bool = true,
        cancellation: CancellationToken = CancellationToken(), progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> AccessDiff {
        var request = AnalysisRequest(only: [.policyEquivalence], useShortcuts: useShortcuts, comparison: (base, label))
        request.separatesDirections = true
        return AccessDiff(report: analyze(snapshot, request, cancellation: cancellation, progress: progress))
    }

    /// Proves `job` (every governed table, see `Workspace.fullProofJob()`, for the
    /// `pgpe.analyzeWorkspace` command): with the session's remembered answers, or from scratch
    /// when `fresh`.
    public func runAll(
        _ job: ProofJob, fresh: Bool = false, cancellation: CancellationToken = CancellationToken(),
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> ProofJobResult {
        let session = fresh ? ProofSession(jobs: jobs) : self
        return session.run(job, cancellation: cancellation, progress: progress)
    }
}
