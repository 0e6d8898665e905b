import Foundation
import JSON
import JSONRPC
import Testing

@testable import LanguageServer

@Suite struct LifecycleTests {
    @Test func initializeNegotiatesTheClientsPreferredEncodingAndAdvertisesFeatures() throws {
        let harness = try ServerHarness()
        let result = try #require(harness.initialize(capabilities: ["general": ["positionEncodings": ["utf-8", "utf-16"]]]))
        #expect(result["capabilities"]?["positionEncoding"] == "utf-8")
        #expect(result["serverInfo"]?["name"] == "pgpe")
        let capabilities = try #require(result["capabilities"])
        for feature in [
            "hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider", "workspaceSymbolProvider",
            "foldingRangeProvider", "documentFormattingProvider", "inlayHintProvider",
        ] {
            #expect(capabilities[feature] == true, "\(feature)")
        }
        #expect(capabilities["textDocumentSync"]?["change"] == 2)
        #expect(capabilities["semanticTokensProvider"]?["legend"]?["tokenTypes"]?[0] == "keyword")
        #expect(capabilities["executeCommandProvider"]?["commands"] == ["pgpe.showCompiledSql", "pgpe.analyzeWorkspace"])
    }

    @Test func utf16WhenTheClientOffersNothingElse() throws {
        let harness = try ServerHarness()
        #expect(
            harness.initialize(capabilities: ["general": ["positionEncodings": ["utf-7"]]])?["capabilities"]?["positionEncoding"]
                == "utf-16")
    }

    @Test func theLifecycleRules() throws {
        let harness = try ServerHarness()
        #expect(harness.request("workspace/symbol", ["query": ""]).map(\.errorCode) == -32002)
        harness.initialize()
        #expect(harness.request("initialize", ["capabilities": [:]]).map(\.errorCode) == -32600)
        #expect(harness.request("textDocument/nothing", [:]).map(\.errorCode) == -32601)
        #expect(harness.request("textDocument/hover", ["textDocument": ["uri": 5]]).map(\.errorCode) == -32602)
        #expect(harness.request("workspace/executeCommand", ["command": "pgpe.nope"]).map(\.errorCode) == -32602)
        #expect(harness.request("shutdown").map { (try? $0.get()) == .null } == true)
        #expect(harness.request("workspace/symbol", ["query": ""]).map(\.errorCode) == -32600)
        harness.notify("exit")
        #expect(harness.exitCode() == 0)
    }

    @Test func exitWithoutShutdownIsAnError() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.notify("exit")
        #expect(harness.exitCode() == 1)
    }

    @Test func theServerExitsWhenTheClientsProcessDies() throws {
        var options = LanguageServerOptions()
        options.parentCheckInterval = 0.1
        let harness = try ServerHarness(options: options)
        // A stand-in for the editor: a process that lives until it is told to end.
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/bin/sleep")
        client.arguments = ["60"]
        try client.run()
        // SIGKILL: a child spawned from a test thread inherits its blocked signals, SIGTERM among them.
        defer { if client.isRunning { kill(client.processIdentifier, SIGKILL) } }
        harness.initialize(processId: client.processIdentifier)
        #expect(harness.exitCode(timeout: 0.5) == nil, "the server exited while its client still ran")
        kill(client.processIdentifier, SIGKILL)
        client.waitUntilExit()
        #expect(harness.exitCode(timeout: 10) == 1)
    }

    @Test func garbageIsAnsweredAndTheServerGoesOn() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.write(Array("Content-Length: 3\r\n\r\n{]}".utf8))
        harness.write(Array("Content-Length: nope\r\n\r\n".utf8))
        harness.write([0xFF, 0xFE, 0x00, 0x0A])
        harness.write(Array("Content-Length: 2\r\n\r\n[]".utf8))
        let symbols = harness.request("workspace/symbol", ["query": "tenant_isolation_via"])
        #expect((try? symbols?.get())?.array?.count == 1)
        let parseErrors = harness.messages.filter {
            if case .response(let response) = $0, response.id == nil, case .failure(let error) = response.result {
                return error.code == .parseError
            }
            return false
        }
        #expect(parseErrors.count >= 2)
    }

    @Test func cancellingARequestAnswersMinus32800() throws {
        let harness = try ServerHarness()
        harness.initialize()
        // Cancelled before the server looks at it: it is never run.
        harness.notify("$/cancelRequest", ["id": "slow"])
        let id = harness.send("workspace/executeCommand", ["command": "pgpe.analyzeWorkspace", "arguments": [["fresh": true]]], id: "slow")
        #expect(harness.response(id).map(\.errorCode) == -32800)
        // A normal request afterwards is answered.
        #expect((try? harness.request("workspace/symbol", ["query": "soft"])?.get())?.array?.count == 1)
    }
}

extension Result where Success == JSONValue, Failure == ResponseError {
    /// The error code, or 0 for a success.
    var errorCode: Int {
        if case .failure(let error) = self { return error.code.rawValue }
        return 0
    }
}
