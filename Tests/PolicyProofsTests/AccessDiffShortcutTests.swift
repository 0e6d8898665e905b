import PolicyEngine
import PolicyProofs
import PolicyWorkloads
import TestSupport
import Testing

/// A generated workspace with five policies changed (the benchmark's pair, smaller): the
/// same-fingerprint shortcut gives the same answer as asking Z3 every question.
@Suite struct AccessDiffShortcutTests {
    static func snapshot(_ workspace: WorkspaceGenerator.Workspace, root: String) -> WorkspaceSnapshot {
        let files =
            [("pgpe.yaml", workspace.config), ("schema.sql", workspace.schema)]
            + workspace.policies.sorted { $0.key < $1.key }.map { ("policies/\($0.key)", $0.value) }
        return WorkspaceFixture(files: files, root: root).workspace().snapshot
    }

    @Test func theShortcutAgreesWithTheSolverOnTheGeneratedWorkspace() throws {
        let generated = WorkspaceGenerator(tables: 40, policies: 30).generate()
        let (edited, changed) = generated.changingPolicies(5)
        #expect(changed == 5)
        let base = Self.snapshot(generated, root: "/base")
        let current = Self.snapshot(edited, root: "/current")
        #expect(!base.hasErrors && !current.hasErrors)
        let session = ProofSession(jobs: 2)
        let fast = session.diff(current, against: base, label: "base")
        let slow = ProofSession(jobs: 2).diff(current, against: base, label: "base", useShortcuts: false)
        func kinds(_ diff: AccessDiff) -> [String] { diff.changes.map { "\($0.kind.rawValue) \($0.phrase)" } }
        #expect(kinds(fast) == kinds(slow))
        #expect(!fast.changes(.added).isEmpty && !fast.changes(.removed).isEmpty, "\(kinds(fast).filter { !$0.hasPrefix("unchanged") })")
        #expect(fast.queries * 4 < slow.queries, "\(fast.queries) queries with the shortcut, \(slow.queries) without")
    }
}
