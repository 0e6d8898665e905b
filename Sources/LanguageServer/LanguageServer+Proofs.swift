import Foundation
import JSONRPC
import PolicyEngine

extension LanguageServer {
    /// Cancels the project's running proofs and starts a new run after the debounce delay (or
    /// `delay`). Every text change calls this, so a run never outlives the text it proves.
    func scheduleProofs(_ project: Project, delay: Double? = nil) {
        guard options.backgroundProofs, phase == .running else { return }
        project.runningProofs?.cancel()
        project.runningProofs = nil
        project.pendingRun?.cancel()
        let item = DispatchWorkItem { [weak self, project] in self?.startProofs(project) }
        project.pendingRun = item
        queue.asyncAfter(deadline: .now() + (delay ?? options.proofDelay), execute: item)
    }

    /// Starts a run of what the project's edits affected, on a background thread.
    private func startProofs(_ project: Project) {
        project.pendingRun = nil
        guard phase == .running, registry.projects.contains(where: { $0 === project }) else { return }
        guard let job = project.workspace.proofJob() else {
            if project.workspace.proofState == .pending {
                project.workspace.markProofsCurrent()
                refreshLenses()
            }
            return
        }
        let cancellation = ProofCancellation()
        project.runningProofs = cancellation
        progressCounter += 1
        let reporter: ProgressReporter? = capabilities.workDoneProgress
            ? ProgressReporter(connection: connection, requests: clientRequests, token: .string("pgpe-proofs-\(progressCounter)"),
                               title: "pgpe: proving", message: "\(job.tables.count) table\(job.tables.count == 1 ? "" : "s")")
            : nil
        project.progress = reporter
        let session = project.proofSession
        Thread.detachNewThread { [self] in
            let result = session.run(job, cancellation: cancellation) { done, total in reporter?.report(done: done, total: total) }
            queue.async { [self] in finishProofs(project, result: result, cancellation: cancellation, reporter: reporter) }
        }
    }

    private func finishProofs(_ project: Project, result: ProofJobResult, cancellation: ProofCancellation, reporter: ProgressReporter?) {
        if project.runningProofs === cancellation { project.runningProofs = nil }
        let failed = result.verdicts.filter { $0.status == .failed && !$0.proof.isHint }.count
        reporter?.end(result.cancelled ? "cancelled" : "\(result.verdicts.count) verdicts, \(failed) failed, in \(Int(result.milliseconds)) ms")
        guard phase == .running, project.workspace.accept(result) else { return }
        publish(project)
        refreshLenses()
    }

    /// Asks the client to ask for code lenses again (proof status changed).
    func refreshLenses() {
        if capabilities.codeLensRefresh { clientRequests.send("workspace/codeLens/refresh", params: nil) }
    }
}
