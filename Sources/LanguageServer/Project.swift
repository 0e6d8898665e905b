import Cancellation
import Foundation
import PolicyEngine
import Synchronization

/// One project the server serves: its workspace, the proof session that keeps solver answers
/// between runs, and the state of its background proofs. Part of the `LanguageServer` actor's
/// state: used only while isolated to it (work on other threads names a project by `serial`).
final class Project {
    /// Numbers projects.
    private static let serials = Atomic<Int>(0)

    /// A number no other project of this process has: how background work names the project
    /// when it reports back (the project may be gone by then).
    let serial: Int
    /// What identifies the project: its pgpe.yaml, its folder, or (for a loose file) the file.
    let key: String
    /// The workspace.
    var workspace: Workspace
    /// The proof session.
    let proofSession: ProofSession
    /// The debounce timer of the next proof run.
    var pendingRun: DispatchWorkItem?
    /// The run in progress.
    var runningProofs: CancellationToken?
    /// The progress of the run in progress.
    var progress: ProgressReporter?
    /// Whether publishing the tables of the run in progress that finished is scheduled.
    var tablePublishPending = false
    /// The comparison with the last commit (`pgpe diff` against HEAD) and the generation of the
    /// snapshot it compared, for the access lenses.
    var accessDiff: (generation: Int, diff: AccessDiff)?
    /// The comparison in progress.
    var runningDiff: CancellationToken?
    /// The comparisons' session (its own: a session runs one thing at a time).
    let diffSession = ProofSession(jobs: 1)

    /// Creates a project; its proof runs use `jobs` solver threads.
    init(key: String, workspace: Workspace, jobs: Int) {
        self.serial = Project.serials.add(1, ordering: .relaxed).newValue
        self.key = key
        self.workspace = workspace
        self.proofSession = ProofSession(jobs: jobs)
    }

    /// Whether the project is a lone file outside every project's `policies:`.
    var isLoose: Bool { workspace.explicitPolicyPaths != nil }

    /// The comparison with the last commit, if it is of the current snapshot.
    var currentAccessDiff: AccessDiff? {
        guard let accessDiff, accessDiff.generation == workspace.generation else { return nil }
        return accessDiff.diff
    }
}
