import Foundation
import PolicyWorkloads
import TestSupport
import Testing

@testable import LanguageServer

@Suite struct WorkspaceTests {
    /// Writes a project with a pgpe.yaml that declares `key` as the only session key.
    private func project(_ root: URL, key: String) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("policies"), withIntermediateDirectories: true)
        try "policies: [policies]\nschema: schema.sql\nsession:\n  \(key): uuid\n".write(
            to: root.appendingPathComponent("pgpe.yaml"), atomically: true, encoding: .utf8)
        try Fixtures.exampleText("schema.sql").write(to: root.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        try "POLICY p PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(tenant_id) = session('app.tenant_id')\n"
            .write(to: root.appendingPathComponent("policies/p.policy"), atomically: true, encoding: .utf8)
    }

    @Test func eachRootHasItsOwnConfigAndFilesOnDiskArePublished() throws {
        let harness = try ServerHarness(example: false)
        let one = harness.directory.appendingPathComponent("one")
        let two = harness.directory.appendingPathComponent("two")
        try project(one, key: "app.tenant_id")
        try project(two, key: "app.other")
        _ = harness.request(
            "initialize",
            [
                "processId": .null, "capabilities": [:], "initializationOptions": ["backgroundProofs": false],
                "workspaceFolders": [
                    ["uri": .string(one.absoluteString), "name": "one"],
                    ["uri": .string(two.absoluteString), "name": "two"],
                ],
            ])
        harness.notify("initialized", [:])
        // Not opened: diagnostics for files on disk come after `initialized`.
        let first = harness.diagnostics(one.appendingPathComponent("policies/p.policy").absoluteString)
        let second = harness.diagnostics(two.appendingPathComponent("policies/p.policy").absoluteString) { !$0.isEmpty }
        #expect(first?.isEmpty == true)
        #expect(second?.compactMap { $0["code"]?.string } == ["semantic.unknown-session-key"])
    }

    @Test func aFileOutsideEveryProjectIsCheckedOnItsOwnAndForgottenWhenClosed() throws {
        let harness = try ServerHarness()
        harness.initialize()
        let loose = harness.directory.appendingPathComponent("scratch/loose.policy")
        let uri = loose.absoluteString
        harness.notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(uri), "languageId": "pgpe", "version": 1,
                    "text": "POLICY q PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(nope) = lit(1)\n",
                ]
            ])
        let diagnostics = harness.diagnostics(uri, version: 1) { !$0.isEmpty }
        // Checked against the example's pgpe.yaml and schema (found upward), without the example's policies.
        #expect(diagnostics?.compactMap { $0["code"]?.string } == ["semantic.unknown-column"])
        let symbols = try #require(try harness.request("workspace/symbol", ["query": "q"])?.get().array)
        #expect(symbols.contains { $0["name"] == "q" })
        harness.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        #expect(harness.diagnostics(uri) { $0.isEmpty } != nil)
    }

    @Test func watchedFileChangesAreReadFromDisk() throws {
        let harness = try ServerHarness()
        harness.initialize()
        let added = harness.path("policies/added.policy")
        try "POLICY added PERMISSIVE FOR SELECT SELECTOR named('config') CLAUSE col(nope) = lit('x')\n"
            .write(toFile: added, atomically: true, encoding: .utf8)
        harness.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(harness.uri("policies/added.policy")), "type": 1]]])
        let diagnostics = harness.diagnostics(harness.uri("policies/added.policy")) { !$0.isEmpty }
        #expect(diagnostics?.first?["code"] == "semantic.unknown-column")
        try FileManager.default.removeItem(atPath: added)
        harness.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(harness.uri("policies/added.policy")), "type": 3]]])
        #expect(harness.diagnostics(harness.uri("policies/added.policy")) { $0.isEmpty } != nil)
    }

    @Test func pollingNoticesChangesWhenTheClientCannotWatch() throws {
        var options = LanguageServerOptions()
        options.backgroundProofs = false
        let harness = try ServerHarness(options: options)
        harness.initialize(options: ["backgroundProofs": false, "pollIntervalMs": 100])
        Thread.sleep(forTimeInterval: 0.3)
        try "POLICY polled PERMISSIVE FOR SELECT SELECTOR named('config') CLAUSE col(nope) = lit('x')\n"
            .write(toFile: harness.path("policies/polled.policy"), atomically: true, encoding: .utf8)
        #expect(harness.diagnostics(harness.uri("policies/polled.policy"), timeout: 10) { !$0.isEmpty } != nil)
    }

    @Test func fullTextChangesAndClosingRevertToDisk() throws {
        let harness = try ServerHarness()
        harness.initialize()
        let uri = harness.uri("policies/soft_delete.policy")
        harness.open("policies/soft_delete.policy")
        harness.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [["text": "POLICY broken PERMISSIVE FOR"]],
            ])
        #expect(harness.diagnostics(uri, version: 2) { $0.contains { $0["code"]?.string?.hasPrefix("syntax.") == true } } != nil)
        harness.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        #expect(harness.diagnostics(uri) { $0.isEmpty } != nil)
    }

    @Test func backgroundProofsReportProgressAndPublishALeak() throws {
        let harness = try ServerHarness()
        harness.initialize(capabilities: ["window": ["workDoneProgress": true]], options: ["proofDelayMs": 10])
        let leak = "POLICY leak PERMISSIVE FOR SELECT SELECTOR named('projects') CLAUSE col(is_deleted) = lit(false)\n"
        harness.open("policies/leak.policy", text: leak)
        let uri = harness.uri("policies/leak.policy")
        let diagnostics = harness.diagnostics(uri, version: 1, timeout: 60) {
            $0.contains { $0["code"] == "proof.tenant-isolation-failed" }
        }
        let found = try #require(diagnostics?.first { $0["code"] == "proof.tenant-isolation-failed" })
        // Blamed on the clause, from its CLAUSE keyword.
        let clause = try #require(leak.range(of: "CLAUSE"))
        #expect(found["range"]?["start"]?["character"]?.int == leak.utf16.distance(from: leak.startIndex, to: clause.lowerBound))
        #expect(found["message"]?.string?.contains("session 2") == true)
        let created = harness.wait { message -> Bool? in
            if case .request(let request) = message, request.method == "window/workDoneProgress/create" { return true }
            return nil
        }
        #expect(created == true)
        let ended = harness.wait(timeout: 10) { message -> Bool? in
            if case .notification(let note) = message, note.method == "$/progress", note.params?["value"]?["kind"] == "end" { return true }
            return nil
        }
        #expect(ended == true)
    }
}
