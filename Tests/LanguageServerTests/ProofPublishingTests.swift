import Foundation
import JSON
import JSONRPC
import TestSupport
import Testing

@testable import LanguageServer

/// What background proofs publish, and when: after edits that undo one another, and per table
/// as the tables finish.
@Suite struct ProofPublishingTests {
    private static let leakCode: JSONValue = "proof.tenant-isolation-failed"
    /// A policy that leaks projects, its clause on line 4 (0-based).
    private static let leak =
        "POLICY leak\n  PERMISSIVE\n  FOR SELECT\n  SELECTOR named('projects')\n  CLAUSE col(is_deleted) = lit(false)\n"

    /// Opens `leak` as policies/leak.policy and returns its URI.
    private func openLeak(_ harness: ServerHarness) -> String {
        harness.open("policies/leak.policy", text: Self.leak)
        return harness.uri("policies/leak.policy")
    }

    /// Replaces lines `from..<to` (0-based) of `uri` with `text`, as version `version`.
    private func change(_ harness: ServerHarness, _ uri: String, version: Int, lines from: Int, _ to: Int, _ text: String) {
        harness.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": .integer(version)],
                "contentChanges": [
                    [
                        "range": ["start": ["line": .integer(from), "character": 0], "end": ["line": .integer(to), "character": 0]],
                        "text": .string(text),
                    ]
                ],
            ])
    }

    /// `dd` then `u` in an editor: the blamed clause's line is deleted and put back before the
    /// next proof run starts. The diagnostics dropped with the deletion come back for the
    /// restored text (they stayed away for good: the text was as proven, so nothing ran).
    @Test func aBlamedLineDeletedAndRestoredBeforeTheNextRunGetsItsDiagnosticsBack() throws {
        let harness = try ServerHarness()
        // A delay long enough for both edits to fall inside it.
        harness.initialize(options: ["proofDelayMs": 400])
        let uri = openLeak(harness)
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

    /// An `accept:` entry of pgpe.yaml turns the finding it matches into information (LSP
    /// severity 3, `proof.accepted`) with the entry's reason, where the error was (SPEC 11.8).
    @Test func anAcceptedFindingIsPublishedAsInformationWithItsReason() throws {
        let harness = try ServerHarness()
        let config = harness.path("pgpe.yaml")
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try (text + "accept:\n  - proof: tenant-isolation\n    tables: named('projects')\n    reason: projects are shared\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
        harness.initialize(options: ["proofDelayMs": 10])
        let uri = openLeak(harness)
        let shown = try #require(
            harness.diagnostics(uri, version: 1, timeout: 60) { $0.contains { $0["code"] == "proof.accepted" } })
        let accepted = shown.filter { $0["code"] == "proof.accepted" }
        #expect(accepted.allSatisfy { $0["severity"]?.int == 3 && $0["range"]?["start"]?["line"] == 4 }, "\(accepted)")
        #expect(
            accepted.allSatisfy { $0["message"]?.string?.hasPrefix("accepted (projects are shared): tenant-isolation FAILED") == true },
            "\(accepted)")
        #expect(!shown.contains { $0["code"] == Self.leakCode }, "\(shown)")
    }

    /// A column the policies filter on without an index leading with it is a warning on the
    /// policy that filters on it, with the fix (SPEC 11.11); the indexed example has none.
    @Test func aColumnWithoutAnIndexIsReportedOnThePolicyThatFiltersOnIt() throws {
        let harness = try ServerHarness()
        harness.initialize(options: ["proofDelayMs": 10])
        harness.open(
            "policies/owner.policy",
            text:
                "POLICY by_owner\n  PERMISSIVE\n  FOR SELECT\n  SELECTOR named('projects')\n  CLAUSE col(owner_id) = session('app.tenant_id')\n"
        )
        let uri = harness.uri("policies/owner.policy")
        let shown = try #require(
            harness.diagnostics(uri, version: 1, timeout: 60) { $0.contains { $0["code"] == "performance.missing-index" } })
        let missing = shown.filter { $0["code"] == "performance.missing-index" }
        #expect(missing.count == 1, "\(missing)")
        #expect(missing.first?["severity"]?.int == 2 && missing.first?["range"]?["start"]?["line"] == 0, "\(missing)")
        #expect(
            missing.first?["message"]?.string?.hasSuffix("CREATE INDEX CONCURRENTLY projects_owner_id_idx ON public.projects (owner_id);")
                == true)
    }

    /// The analyze command proves the text as it is: its verdicts are shown as a background
    /// run's would be (without background proofs, the only way to see them).
    @Test func theAnalyzeCommandPublishesItsVerdicts() throws {
        let harness = try ServerHarness()
        harness.initialize(options: ["backgroundProofs": false])
        let uri = openLeak(harness)
        #expect(harness.diagnostics(uri, version: 1) { !$0.contains { $0["code"] == Self.leakCode } } != nil)
        let summary = try #require(
            try harness.request(
                "workspace/executeCommand",
                [
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
        let uri = openLeak(harness)
        #expect(harness.diagnostics(uri, version: 1, timeout: 60) { $0.contains { $0["code"] == Self.leakCode } } != nil)
        harness.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [["text": .string("// a comment\n" + Self.leak)]],
            ])
        // The first publication for the change, made with it (before proofs run again).
        let moved = try #require(harness.diagnostics(uri, version: 2))
        let blamed = moved.filter { $0["code"] == Self.leakCode }
        #expect(!blamed.isEmpty && blamed.allSatisfy { $0["range"]?["start"]?["line"] == 5 }, "\(moved)")
    }

    /// One slow table: the other table's leak is published while the slow one is still being
    /// proven (before the run's progress ends and before the slow table's own leak), and the
    /// progress counts tables.
    @Test func aSlowTableDoesNotHoldBackTheOthersResults() throws {
        let harness = try ServerHarness(example: false)
        try SlowTableWorkspace.write(to: harness.directory)
        harness.initialize(capabilities: ["window": ["workDoneProgress": true]], options: ["proofDelayMs": 10])
        let fast = harness.uri("policies/fast_leak.policy")
        let slow = harness.uri("policies/slow_leak.policy")
        #expect(harness.diagnostics(slow, timeout: 120) { $0.contains { $0["code"] == Self.leakCode } } != nil)
        let ended = harness.wait(timeout: 30) { message -> Bool? in
            if case .notification(let note) = message, note.method == "$/progress", note.params?["value"]?["kind"] == "end" { return true }
            return nil
        }
        #expect(ended == true)
        let messages = harness.messages
        func position(_ match: (NotificationMessage) -> Bool) -> Int? {
            messages.firstIndex { message in
                if case .notification(let note) = message { return match(note) }
                return false
            }
        }
        func leak(in uri: String) -> (NotificationMessage) -> Bool {
            { note in
                note.method == "textDocument/publishDiagnostics" && note.params?["uri"]?.string == uri
                    && note.params?["diagnostics"]?.array?.contains { $0["code"] == Self.leakCode } == true
            }
        }
        let fastLeak = try #require(position(leak(in: fast)))
        let slowLeak = try #require(position(leak(in: slow)))
        let end = try #require(position { $0.method == "$/progress" && $0.params?["value"]?["kind"] == "end" })
        #expect(fastLeak < slowLeak, "z_fast's leak comes before a_slow's")
        #expect(fastLeak < end, "z_fast's leak comes while the run goes on")
        let reports = messages.compactMap { message -> String? in
            guard case .notification(let note) = message, note.method == "$/progress", note.params?["value"]?["kind"] == "report" else {
                return nil
            }
            return note.params?["value"]?["message"]?.string
        }
        #expect(reports.contains { $0.hasSuffix("1/2 tables") }, "\(reports)")
    }
}
