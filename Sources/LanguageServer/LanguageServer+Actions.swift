import Cancellation
import Foundation
import JSON
import JSONRPC
import PolicyEngine
import PolicySyntax

extension LanguageServer {
    /// `textDocument/codeAction`.
    func codeActions(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        let range = try LSPRange(json: params.required("range"))
        let only = params["context"]?["only"]?.array?.compactMap(\.string)
        let createFiles = capabilities.createFiles
        let compiledSQLFiles = self.compiledSQLFiles
        guard let (workspace, path) = try document(params) else {
            respond(id, token: token, .success(.array([])))
            return
        }
        let conversion = self.conversion(workspace)
        answer(id, token: token) {
            let converter = conversion.converter(path)
            let uri = conversion.uris.uri(of: path)
            var result: [JSONValue] = []
            for action in CodeActionProvider.actions(for: converter.sourceRange(range), in: path, snapshot: workspace.snapshot) {
                let kind: String
                var edit: WorkspaceEdit?
                var command: Command?
                switch action.category {
                case .quickFix:
                    kind = "quickfix"
                    edit = conversion.workspaceEdit(action.edits)
                case .rewrite:
                    kind = "refactor.rewrite"
                    edit = conversion.workspaceEdit(action.edits)
                case .showCompiledSQL:
                    kind = "source"
                    guard let target = action.compiledSQL else { continue }
                    command = Command(
                        title: action.title, command: LanguageServer.showCompiledSQLCommand,
                        arguments: [LanguageServer.commandArgument(target, uri: uri)])
                case .openCompiledSQL:
                    kind = "source"
                    guard createFiles, let target = action.compiledSQL,
                        let sql = CompiledSQLProvider.sql(for: target, snapshot: workspace.snapshot),
                        let path = compiledSQLFiles.path(for: target.name)
                    else { continue }
                    // A fresh private file the server made: overwriting it touches nothing else.
                    let file = DocumentURI.uri(ofPath: path)
                    edit = WorkspaceEdit(documentChanges: [
                        .create(uri: file, overwrite: true),
                        .edit(
                            uri: file, version: nil,
                            edits: [
                                LSPTextEdit(
                                    range: LSPRange(
                                        start: Position(line: 0, character: 0),
                                        end: Position(line: 0, character: 0)),
                                    newText: sql)
                            ]),
                    ])
                }
                guard only.map({ wanted in wanted.contains { kind == $0 || kind.hasPrefix($0 + ".") } }) ?? true else { continue }
                result.append(
                    CodeAction(
                        title: action.title, kind: kind, diagnostics: action.diagnostics.map(conversion.diagnostic),
                        isPreferred: action.isPreferred, edit: edit, command: command
                    ).json)
            }
            return .array(result)
        }
    }

    /// `workspace/executeCommand`: `pgpe.showCompiledSql` returns SQL text; `pgpe.analyzeWorkspace`
    /// proves every governed table (from scratch with `fresh`) and returns a summary. Both take
    /// one argument object with an optional `uri` naming a document of the project.
    func executeCommand(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        let command = try params.requiredString("command")
        let argument = params["arguments"]?[0] ?? [:]
        let project: Project?
        if let uri = argument["uri"]?.string {
            project = registry.owner(of: uris.path(of: uri))
        } else {
            project = registry.projects.first { !$0.isLoose } ?? registry.projects.first
        }
        guard let project else { throw ResponseError(.invalidParams, "no project for this command") }
        let snapshot = project.workspace.snapshot
        switch command {
        case LanguageServer.showCompiledSQLCommand:
            let target: CompiledSQLTarget = argument["policy"]?.string.map { .policy($0) } ?? .workspace
            answer(id, token: token) { () throws(ResponseError) -> JSONValue in
                guard let sql = CompiledSQLProvider.sql(for: target, snapshot: snapshot) else {
                    throw ResponseError(.invalidParams, "no policy named '\(target.name)'")
                }
                return .string(sql)
            }
        case LanguageServer.analyzeCommand:
            let fresh = argument["fresh"]?.bool ?? false
            let session = project.proofSession
            let job = project.workspace.fullProofJob()
            let progressToken = params["workDoneToken"].flatMap { $0.string != nil || $0.int != nil ? $0 : nil }
            let connection = self.connection
            let serial = project.serial
            answer(id, token: token) { () throws(ResponseError) -> JSONValue in
                let reporter = progressToken.map {
                    ProgressReporter(
                        connection: connection, requests: nil, token: $0, title: "pgpe: proving the workspace",
                        message: "\(snapshot.policySet.governedTables.count) tables")
                }
                let result = session.runAll(job, fresh: fresh, cancellation: token) { done, total in
                    reporter?.report(done: done, total: total)
                }
                reporter?.end(result.cancelled ? "cancelled" : "\(result.verdicts.count) verdicts")
                if result.cancelled { throw ResponseError.requestCancelled }
                // The verdicts describe the text while it is unchanged: shown like a background run's.
                self.enqueue { server in
                    guard server.phase == .running, let project = server.registry.project(serial: serial),
                        project.workspace.accept(result)
                    else { return }
                    server.publish(project)
                    server.refreshLenses()
                }
                let count = { (status: String) in result.verdicts.filter { $0.status.rawValue == status }.count }
                return [
                    "verdicts": .integer(result.verdicts.count),
                    "proven": .integer(count("PROVEN")),
                    "failed": .integer(result.verdicts.filter { $0.status == .failed && !$0.proof.isHint }.count),
                    "hints": .integer(result.verdicts.filter { $0.status == .failed && $0.proof.isHint }.count),
                    "unknown": .integer(count("UNKNOWN")),
                    "milliseconds": .double((result.milliseconds * 10).rounded() / 10),
                ]
            }
        default:
            throw ResponseError(.invalidParams, "unknown command '\(command)'")
        }
    }
}
