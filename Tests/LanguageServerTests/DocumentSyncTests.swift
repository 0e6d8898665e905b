import Foundation
import JSON
import Testing

@testable import LanguageServer

@Suite struct DocumentSyncTests {
    @Test func incrementalChangesApplyInOrderAndDiagnosticsCarryTheVersion() throws {
        let harness = try ServerHarness()
        harness.initialize()
        let uri = harness.uri("policies/tenancy.policy")
        harness.open("policies/tenancy.policy")
        #expect(harness.diagnostics(uri, version: 1) != nil)
        // Line 5: "  CLAUSE col('tenant_id') = session('app.tenant_id')"; replace tenant_id (13..<22).
        harness.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [
                    ["range": ["start": ["line": 5, "character": 14], "end": ["line": 5, "character": 23]], "text": "tenant"],
                    ["range": ["start": ["line": 5, "character": 20], "end": ["line": 5, "character": 20]], "text": "_idd"],
                ],
            ])
        let diagnostics = try #require(harness.diagnostics(uri, version: 2) { !$0.isEmpty })
        #expect(diagnostics.compactMap { $0["code"]?.string } == ["semantic.unknown-column"])
        #expect(diagnostics.first?["range"]?["start"] == ["line": 5, "character": 13]) // the quoted name, quotes included
        #expect(diagnostics.first?["message"]?.string?.contains("'tenant_idd'") == true)
    }

    /// A document edited while pgpe.yaml does not list it, or while its folder is not in the
    /// workspace, stays in sync: when it is read again its unsaved text (and version) count.
    @Test func editsWhileNoProjectReadsADocumentAreKept() throws {
        let harness = try ServerHarness()
        harness.initialize(capabilities: ["workspace": ["workspaceFolders": true]])
        let uri = harness.uri("policies/tenancy.policy")
        harness.open("policies/tenancy.policy")
        #expect(harness.diagnostics(uri, version: 1) != nil)
        let folder: JSONValue = ["uri": .string(harness.directory.absoluteString), "name": "saas"]
        harness.notify("workspace/didChangeWorkspaceFolders", ["event": ["added": [], "removed": [folder]]])
        harness.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                        "text": "POLICY broken (((\n",
                    ]
                ],
            ])
        harness.notify("workspace/didChangeWorkspaceFolders", ["event": ["added": [folder], "removed": []]])
        let diagnostics = try #require(
            harness.diagnostics(uri, version: 2) { list in
                list.contains { $0["code"]?.string?.hasPrefix("syntax.") == true }
            })
        #expect(diagnostics.first?["range"]?["start"]?["line"] == 0)
        let symbols = try #require(try harness.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])?.get())
        #expect(symbols.array?.contains { $0["name"]?.string == "broken" } == true, "\(symbols)")
    }

    /// Editing the open pgpe.yaml to list another directory reads that directory's policy files
    /// from disk (the engine asks for them; the server reads them).
    @Test func anOpenPgpeYamlListingAnotherDirectoryReadsItsFiles() throws {
        let harness = try ServerHarness()
        try FileManager.default.createDirectory(at: harness.directory.appendingPathComponent("more"), withIntermediateDirectories: true)
        try "POLICY extra PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE col(no_such_column) IS NOT NULL\n"
            .write(toFile: harness.path("more/extra.policy"), atomically: true, encoding: .utf8)
        harness.initialize()
        let config = try String(contentsOfFile: harness.path("pgpe.yaml"), encoding: .utf8)
        harness.open("pgpe.yaml", text: config.replacingOccurrences(of: "policies: [policies]", with: "policies: [policies, more]"))
        let diagnostics = try #require(harness.diagnostics(harness.uri("more/extra.policy"), timeout: 10) { !$0.isEmpty })
        #expect(diagnostics.compactMap { $0["code"]?.string } == ["semantic.unknown-column"])
    }

    /// Absurd numbers in `initializationOptions` are clamped instead of trapping a timer.
    @Test func hugeInitializationOptionsAreClamped() {
        let options = LanguageServerOptions().merging([
            "pollIntervalMs": .integer(Int.max), "proofDelayMs": .integer(Int.max),
            "proofJobs": .integer(Int.max),
        ])
        #expect(options.pollInterval == 86_400)
        #expect(options.proofDelay == 86_400)
        #expect(options.proofJobs == 64)
    }
}
