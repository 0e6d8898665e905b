import Foundation
import JSONRPC
@testable import LanguageServer
import Testing

@Suite struct DocumentSyncTests {
    @Test func incrementalChangesApplyInOrderAndDiagnosticsCarryTheVersion() throws {
        let harness = try ServerHarness()
        harness.initialize()
        let uri = harness.uri("policies/tenancy.policy")
        harness.open("policies/tenancy.policy")
        #expect(harness.diagnostics(uri, version: 1) != nil)
        // Line 5: "  CLAUSE col('tenant_id') = session('app.tenant_id')"; replace tenant_id (13..<22).
        harness.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 2],
            "contentChanges": [
                ["range": ["start": ["line": 5, "character": 14], "end": ["line": 5, "character": 23]], "text": "tenant"],
                ["range": ["start": ["line": 5, "character": 20], "end": ["line": 5, "character": 20]], "text": "_idd"],
            ],
        ])
        let diagnostics = try #require(harness.diagnostics(uri, version: 2) { !$0.isEmpty })
        #expect(diagnostics.compactMap { $0["code"]?.string } == ["semantic.unknown-column"])
        #expect(diagnostics.first?["range"]?["start"] == ["line": 5, "character": 13])  // the quoted name, quotes included
        #expect(diagnostics.first?["message"]?.string?.contains("'tenant_idd'") == true)
    }
}
