import Foundation
import JSON
import JSONRPC
import PolicyWorkloads
import TestSupport
import Testing

@testable import LanguageServer

/// The access lens: what the unsaved edit changes in access compared with the last commit,
/// computed in the background after the proofs (HEAD read with git).
@Suite struct AccessLensTests {
    /// The lens titles of `uri` once one of them says something about access (polling).
    private static func accessLenses(_ harness: ServerHarness, _ uri: String, timeout: Double = 60) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let lenses = (try? harness.request("textDocument/codeLens", ["textDocument": ["uri": .string(uri)]])?.get())?.array ?? []
            let titles = lenses.compactMap { $0["command"]?["title"]?.string }
            if titles.contains(where: { $0.hasPrefix("vs last commit:") }) { return titles }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return []
    }

    @Test func anUnsavedWideningIsShownOnThePolicies() throws {
        let harness = try ServerHarness()
        try GitRepository(harness.directory).initialize()
        harness.initialize(options: ["proofDelayMs": 50])
        let text = try String(contentsOfFile: harness.path("policies/tenancy.policy"), encoding: .utf8)
        harness.open(
            "policies/tenancy.policy",
            text: text + "\nPOLICY open_tasks PERMISSIVE FOR SELECT SELECTOR named('tasks')\n  CLAUSE col(status) = lit('public')\n")
        let titles = Self.accessLenses(harness, harness.uri("policies/tenancy.policy"))
        let access = titles.filter { $0.hasPrefix("vs last commit:") }
        // tenant_isolation (comments, projects, users), tenant_isolation_via_project and open_tasks (tasks).
        #expect(
            access == [
                "vs last commit: access unchanged",
                "vs last commit: widens SELECT on public.tasks for PUBLIC",
                "vs last commit: widens SELECT on public.tasks for PUBLIC",
            ], "\(titles)")
        #expect(titles.first?.hasPrefix("3 tables · proofs: ") == true, "the proof lens stays first")
    }

    /// Outside git there is no comparison, and no lens about it.
    @Test func noLensOutsideGit() throws {
        let harness = try ServerHarness()
        harness.initialize(options: ["proofDelayMs": 50])
        harness.open("policies/tenancy.policy")
        let uri = harness.uri("policies/tenancy.policy")
        _ = harness.diagnostics(uri, version: 1, timeout: 30) { _ in true }
        Thread.sleep(forTimeInterval: 1)
        let lenses = (try? harness.request("textDocument/codeLens", ["textDocument": ["uri": .string(uri)]])?.get())?.array ?? []
        #expect(!lenses.isEmpty)
        #expect(!lenses.contains { $0["command"]?["title"]?.string?.hasPrefix("vs last commit:") == true })
    }
}
