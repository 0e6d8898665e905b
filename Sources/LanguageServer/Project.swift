import Foundation
import PolicyEngine

/// One project the server serves: its workspace (changed only on the server's queue), the proof
/// session that keeps solver answers between runs, and the state of its background proofs.
final class Project: @unchecked Sendable {
    /// What identifies the project: its pgpe.yaml, its folder, or (for a loose file) the file.
    let key: String
    /// The workspace.
    var workspace: Workspace
    /// The proof session.
    let proofSession: ProofSession
    /// The debounce timer of the next proof run.
    var pendingRun: DispatchWorkItem?
    /// The run in progress.
    var runningProofs: ProofCancellation?
    /// The progress of the run in progress.
    var progress: ProgressReporter?
    /// Whether publishing the tables of the run in progress that finished is scheduled.
    var tablePublishPending = false

    /// Creates a project; its proof runs use `jobs` solver threads.
    init(key: String, workspace: Workspace, jobs: Int) {
        self.key = key
        self.workspace = workspace
        self.proofSession = ProofSession(jobs: jobs)
    }

    /// Whether the project is a lone file outside every project's `policies:`.
    var isLoose: Bool { workspace.explicitPolicyPaths != nil }
}
