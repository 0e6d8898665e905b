import Cancellation
import Foundation
import JSON
import JSONRPC

extension LanguageServer {
    /// Handles a request on `queue`: the lifecycle rules, then the method.
    func handle(_ request: RequestMessage, token: CancellationToken) {
        let params = request.params ?? .null
        switch phase {
        case .uninitialized:
            guard request.method == "initialize" else {
                respond(request.id, token: token, .failure(.serverNotInitialized))
                return
            }
            respond(request.id, token: token, Result { () throws(ResponseError) -> JSONValue in try initialize(params) })
            return
        case .shutDown:
            respond(request.id, token: token, .failure(ResponseError(.invalidRequest, "the server is shut down; only 'exit' is accepted")))
            return
        case .running:
            break
        }
        do throws(ResponseError) {
            switch request.method {
            case "initialize":
                throw ResponseError(.invalidRequest, "initialize was already sent")
            case "shutdown":
                shutdown()
                respond(request.id, token: token, .success(.null))
            case "textDocument/hover": try hover(request.id, token, params)
            case "textDocument/definition": try definition(request.id, token, params)
            case "textDocument/references": try references(request.id, token, params)
            case "textDocument/documentSymbol": try documentSymbols(request.id, token, params)
            case "workspace/symbol": workspaceSymbols(request.id, token, params)
            case "textDocument/foldingRange": try foldingRanges(request.id, token, params)
            case "textDocument/semanticTokens/full": try semanticTokens(request.id, token, params)
            case "textDocument/completion": try completion(request.id, token, params)
            case "textDocument/formatting": try formatting(request.id, token, params)
            case "textDocument/prepareRename": try prepareRename(request.id, token, params)
            case "textDocument/rename": try rename(request.id, token, params)
            case "textDocument/codeLens": try codeLenses(request.id, token, params)
            case "textDocument/inlayHint": try inlayHints(request.id, token, params)
            case "textDocument/codeAction": try codeActions(request.id, token, params)
            case "workspace/executeCommand": try executeCommand(request.id, token, params)
            default:
                throw ResponseError(.methodNotFound, "method not found: \(request.method)")
            }
        } catch {
            respond(request.id, token: token, .failure(error))
        }
    }

    /// Handles a notification on `queue`.
    func handle(_ notification: NotificationMessage) {
        let params = notification.params ?? .null
        if notification.method == "exit" {
            finish(exitCode: phase == .shutDown ? 0 : 1)
            return
        }
        guard phase == .running else { return }
        do throws(ResponseError) {
            switch notification.method {
            case "initialized": initialized()
            case "textDocument/didOpen": try didOpen(params)
            case "textDocument/didChange": try didChange(params)
            case "textDocument/didClose": try didClose(params)
            case "textDocument/didSave": try didSave(params)
            case "workspace/didChangeWatchedFiles": try didChangeWatchedFiles(params)
            case "workspace/didChangeWorkspaceFolders": try didChangeWorkspaceFolders(params)
            default:
                break // $/setTrace, $/progress, workspace/didChangeConfiguration, …: nothing to do.
            }
        } catch {
            ServerLog.write("ignored \(notification.method): \(error.message)")
        }
    }
}
