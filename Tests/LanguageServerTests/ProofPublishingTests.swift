import Foundation
import JSONRPC
@testable import LanguageServer
import Testing

/// What background proofs publish, and when: after edits that undo one another, and per table
/// as the tables finish.
@Suite struct ProofPublishingTests {
    private static let leakCode: JSONValue = "proof.tenant-isolation-failed"

    /// Replaces lines `from..<to` (0-based) of `uri` with `text`, as version `version`.
    private func change(_ harness: ServerHarness, _ uri: String, version: Int, lines from: Int, _ to: Int, _ text: String) {
        harness.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": .integer(version)],
            "contentChanges": [["range": ["start": ["line": .integer(from), "character": 0], "end": ["line": .integer(to), "character": 0]],
                                "text": .string(text)]],
        ])
    }

    /// `dd` then `u` in an editor: the blamed clause's line is deleted and put back before the
    /// next proof run starts. The diagnostics dropped with the deletion come back for the
    /// restored text (they stayed away for good: the text was as proven, so nothing ran).
    @Test func aBlamedLineDeletedAndRestoredBeforeTheNextRunGetsItsDiagnosticsBack() throws {
        let harness = try ServerHarness()
        // A delay long enough for both edits to fall inside it.
        harness.initialize(options: ["proofDelayMs": 400])
        let leak = "POLICY leak\n  PERMISSIVE\n  FOR SELECT\n  SELECTOR named('projects')\n  CLAUSE col(is_deleted) = lit(false)\n"
        harness.open("policies/leak.policy", text: leak)
        let uri = harness.uri("policies/leak.policy")
        let before = try #require(harness.diagnostics(uri, version: 1, timeout: 60) { $0.contains { $0["code"] == Self.leakCode } })
        let blamed = before.filter { $0["code"] == Self.leakCode }
        #expect(blamed.allSatisfy { $0["range"]?["start"]?["line"] == 4 })

        change(harness, uri, version: 2, lines: 4, 5, "")
        change(harness, uri, version: 3, lines: 4, 4, "  CLAUSE col(is_deleted) = lit(false)\n")
        let deleted = try #require(harness.diagnostics(uri, version: 2))
        #expect(!deleted.contains { $0["code"] == Self.leakCode }, "the deleted line's diagnostics go with it")
        let restored = harness.diagnostics(uri, version: 3, timeout: 20) { $0.contains { $0["code"] == Self.leakCode } }
        #expect(restored?.filter { $0["code"] == Self.leakCode } == blamed)
    }

    /// The analyze command proves the text as it is: its verdicts are shown as a background
    /// run's would be (without background proofs, the only way to see them).
    @Test func theAnalyzeCommandPublishesItsVerdicts() throws {
        let harness = try ServerHarness()
        harness.initialize(options: ["backgroundProofs": false])
        let leak = "POLICY leak\n  PERMISSIVE\n  FOR SELECT\n  SELECTOR named('projects')\n  CLAUSE col(is_deleted) = lit(false)\n"
        harness.open("policies/leak.policy", text: leak)
        let uri = harness.uri("policies/leak.policy")
        #expect(harness.diagnostics(uri, version: 1) { !$0.contains { $0["code"] == Self.leakCode } } != nil)
        let summary = try #require(try harness.request("workspace/executeCommand", [
            "command": .string(LanguageServer.analyzeCommand), "arguments": [["uri": .string(uri)]],
        ])?.get())
        #expect(summary["failed"]?.int ?? 0 > 0, "\(summary)")
        let shown = harness.diagnostics(uri, version: 1, timeout: 10) { $0.contains { $0["code"] == Self.leakCode } }
        #expect(shown?.contains { $0["code"] == Self.leakCode && $0["range"]?["start"]?["line"] == 4 } == true)
    }

    /// A client that sends whole texts: each change counts as the edit it really was, so proof
    /// diagnostics move with it (they were all dropped, as if every line had been rewritten).
    @Test func aWholeTextChangeMovesProofDiagnosticsLikeTheEditItWas() throws {
        let harness = try ServerHarness()
        harness.initialize(options: ["proofDelayMs": 10])
        let leak = "POLICY leak\n  PERMISSIVE\n  FOR SELECT\n  SELECTOR named('projects')\n  CLAUSE col(is_deleted) = lit(false)\n"
        harness.open("policies/leak.policy", text: leak)
        let uri = harness.uri("policies/leak.policy")
        #expect(harness.diagnostics(uri, version: 1, timeout: 60) { $0.contains { $0["code"] == Self.leakCode } } != nil)
        harness.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 2],
            "contentChanges": [["text": .string("// a comment\n" + leak)]],
        ])
        // The first publication for the change, made with it (before proofs run again).
        let moved = try #require(harness.diagnostics(uri, version: 2))
        let blamed = moved.filter { $0["code"] == Self.leakCode }
        #expect(!blamed.isEmpty && blamed.allSatisfy { $0["range"]?["start"]?["line"] == 5 }, "\(moved)")
    }
}
