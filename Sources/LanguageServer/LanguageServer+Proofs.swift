import Cancellation
import Foundation
import PolicyEngine
import PolicyProofs
import PolicySchema
import WorkspaceFiles

extension LanguageServer {
    /// Cancels the project's running proofs and starts a new run after the debounce delay (or
    /// `delay`). Every text change calls this, so a run never outlives the text it proves.
    func scheduleProofs(_ project: Project, delay: Double? = nil) {
        guard options.backgroundProofs, phase == .running else { return }
        project.runningProofs?.cancel()
        project.runningProofs = nil
        project.runningDiff?.cancel()
        project.runningDiff = nil
        project.pendingRun?.cancel()
        let serial = project.serial
        let item = DispatchWorkItem { [weak self] in self?.assumeIsolated { $0.startProofs(serial) } }
        project.pendingRun = item
        queue.asyncAfter(deadline: .now() + (delay ?? options.proofDelay), execute: item)
    }

    /// Starts a run of what the project's edits affected, on a background thread.
    private func startProofs(_ serial: Int) {
        guard let project = registry.project(serial: serial) else { return }
        project.pendingRun = nil
        guard phase == .running else { return }
        guard let job = project.workspace.proofJob() else {
            if project.workspace.proofState == .pending {
                project.workspace.markProofsCurrent()
                refreshLenses()
            }
            startAccessDiff(project)
            return
        }
        let cancellation = Cancellation.CancellationToken()
        project.runningProofs = cancellation
        progressCounter += 1
        let reporter: ProgressReporter? =
            capabilities.workDoneProgress
            ? ProgressReporter(
                connection: connection, requests: clientRequests, token: .string("pgpe-proofs-\(progressCounter)"),
                title: "pgpe: proving", message: "\(job.tables.count) table\(job.tables.count == 1 ? "" : "s")",
                tables: job.tables.count)
            : nil
        project.progress = reporter
        let session = project.proofSession
        Thread.detachNewThread { [self] in
            let result = session.run(
                job, cancellation: cancellation,
                progress: { done, total in reporter?.report(done: done, total: total) },
                tableFinished: { table, verdicts in
                    reporter?.tableFinished()
                    self.enqueue { $0.finishTable(serial, job: job, table: table, verdicts: verdicts, cancellation: cancellation) }
                })
            enqueue { $0.finishProofs(serial, result: result, cancellation: cancellation, reporter: reporter) }
        }
    }

    /// One table of a run in progress is proven: its diagnostics are published at once (one
    /// slow table does not hold back the others), several tables finishing together in one go.
    private func finishTable(
        _ serial: Int, job: ProofJob, table: QualifiedName, verdicts: [Verdict], cancellation: Cancellation.CancellationToken
    ) {
        guard phase == .running, let project = registry.project(serial: serial), project.runningProofs === cancellation,
            project.workspace.accept(table: table, verdicts: verdicts, of: job)
        else { return }
        guard !project.tablePublishPending else { return }
        project.tablePublishPending = true
        enqueue { server in server.publishFinishedTables(serial, cancellation: cancellation) }
    }

    /// Publishes the tables of a run in progress that finished since the last time.
    private func publishFinishedTables(_ serial: Int, cancellation: Cancellation.CancellationToken) {
        guard let project = registry.project(serial: serial) else { return }
        project.tablePublishPending = false
        // The run may have finished (and published) or been cancelled by an edit meanwhile.
        guard phase == .running, project.runningProofs === cancellation else { return }
        publish(project)
        refreshLenses()
    }

    private func finishProofs(
        _ serial: Int, result: ProofJobResult, cancellation: Cancellation.CancellationToken, reporter: ProgressReporter?
    ) {
        let project = registry.project(serial: serial)
        if project?.runningProofs === cancellation { project?.runningProofs = nil }
        let failed = result.verdicts.filter { $0.status == .failed && !$0.proof.isHint }.count
        reporter?.end(
            result.cancelled ? "cancelled" : "\(result.verdicts.count) verdicts, \(failed) failed, in \(Int(result.milliseconds)) ms")
        guard phase == .running, let project, project.workspace.accept(result) else { return }
        publish(project)
        refreshLenses()
        startAccessDiff(project)
    }

    /// Compares the project's snapshot with its last commit (HEAD, read with git on a
    /// background thread) for the access lenses, unless that comparison is known already. A
    /// project outside git, or with errors in either revision, gets no comparison.
    private func startAccessDiff(_ project: Project) {
        let snapshot = project.workspace.snapshot
        guard phase == .running, !project.isLoose, let configPath = project.workspace.configPath, !snapshot.hasErrors,
            project.accessDiff?.generation != snapshot.generation
        else { return }
        project.runningDiff?.cancel()
        let cancellation = Cancellation.CancellationToken()
        project.runningDiff = cancellation
        let serial = project.serial
        let session = project.diffSession
        let config = snapshot.config
        Thread.detachNewThread { [self] in
            guard
                let base = try? GitRevision.load(
                    revision: "HEAD", configPath: configPath, directory: config.baseDirectory, policyPaths: config.policyPaths),
                !base.hasErrors, !cancellation.isCancelled
            else { return }
            let diff = session.diff(snapshot, against: base, label: "HEAD", cancellation: cancellation)
            guard !diff.cancelled else { return }
            enqueue { server in
                guard let project = server.registry.project(serial: serial), project.runningDiff === cancellation else { return }
                project.runningDiff = nil
                project.accessDiff = (snapshot.generation, diff)
                server.refreshLenses()
            }
        }
    }

    /// Asks the client to ask for code lenses again (proof status changed).
    func refreshLenses() {
        if capabilities.codeLensRefresh { clientRequests.send("workspace/codeLens/refresh", params: nil) }
    }
}
