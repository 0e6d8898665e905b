import Cancellation
import Foundation
import JSON
import JSONRPC
import PolicyEngine
import PolicySyntax

extension LanguageServer {
    /// The workspace that reads the `textDocument` of `params`, and the document's path.
    func document(_ params: JSONValue) throws(ResponseError) -> (workspace: Workspace, path: String)? {
        let uri = try params.required("textDocument").requiredString("uri")
        let path = uris.path(of: uri)
        guard let project = registry.owner(of: path) else { return nil }
        return (project.workspace, path)
    }

    /// The position of `params` as an offset into the document's current text.
    func offset(_ params: JSONValue, in workspace: Workspace, path: String) throws(ResponseError) -> Int? {
        let position = try Position(json: params.required("position"))
        guard let source = workspace.source(path) else { return nil }
        return PositionConverter(source: source, encoding: encoding).offset(position)
    }

    /// Answers a position request: `compute` gets the workspace, path and offset on a worker.
    private func atPosition(
        _ id: RequestID, _ token: CancellationToken, _ params: JSONValue, empty: JSONValue = .null,
        _ compute: @escaping @Sendable (Workspace, String, Int, EngineConversion) throws(ResponseError) -> JSONValue
    ) throws(ResponseError) {
        guard let (workspace, path) = try document(params), let offset = try offset(params, in: workspace, path: path) else {
            respond(id, token: token, .success(empty))
            return
        }
        let conversion = self.conversion(workspace)
        answer(id, token: token) { () throws(ResponseError) -> JSONValue in try compute(workspace, path, offset, conversion) }
    }

    /// Answers a whole-document request.
    private func inDocument(
        _ id: RequestID, _ token: CancellationToken, _ params: JSONValue, empty: JSONValue = .array([]),
        _ compute: @escaping @Sendable (Workspace, String, EngineConversion) throws(ResponseError) -> JSONValue
    ) throws(ResponseError) {
        guard let (workspace, path) = try document(params) else {
            respond(id, token: token, .success(empty))
            return
        }
        let conversion = self.conversion(workspace)
        answer(id, token: token) { () throws(ResponseError) -> JSONValue in try compute(workspace, path, conversion) }
    }

    /// `textDocument/hover`.
    func hover(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        let markdown = capabilities.markdownHover
        try atPosition(id, token, params) { workspace, path, offset, conversion in
            guard let info = HoverProvider.hover(at: offset, in: path, snapshot: workspace.snapshot) else { return .null }
            return Hover(markdown: info.markdown, isMarkdown: markdown, range: conversion.converter(path).range(info.range)).json
        }
    }

    /// `textDocument/definition`.
    func definition(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        try atPosition(id, token, params, empty: .array([])) { workspace, path, offset, conversion in
            DefinitionProvider.definitions(at: offset, in: path, snapshot: workspace.snapshot).map(conversion.location).json
        }
    }

    /// `textDocument/references`.
    func references(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        let include = params["context"]?["includeDeclaration"]?.bool ?? false
        try atPosition(id, token, params, empty: .array([])) { workspace, path, offset, conversion in
            ReferenceProvider.references(at: offset, in: path, snapshot: workspace.snapshot, includeDeclaration: include)
                .map(conversion.location).json
        }
    }

    /// `textDocument/documentSymbol`.
    func documentSymbols(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        try inDocument(id, token, params) { workspace, path, conversion in
            let converter = conversion.converter(path)
            return .array(
                SymbolProvider.documentSymbols(in: path, snapshot: workspace.snapshot)
                    .map { conversion.documentSymbol($0, converter: converter).json })
        }
    }

    /// `workspace/symbol`: every project's symbols.
    func workspaceSymbols(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) {
        let query = params["query"]?.string ?? ""
        let workspaces = registry.projects.map(\.workspace)
        let encoding = self.encoding
        let uris = self.uris
        answer(id, token: token) {
            var result: [JSONValue] = []
            for workspace in workspaces {
                let conversion = EngineConversion(source: { workspace.source($0) }, encoding: encoding, uris: uris)
                for symbol in SymbolProvider.workspaceSymbols(matching: query, snapshot: workspace.snapshot) {
                    result.append(
                        SymbolInformation(
                            name: symbol.name, kind: EngineConversion.symbolKind(symbol.category),
                            location: conversion.location(symbol.location), containerName: symbol.container
                        ).json)
                }
            }
            return .array(result)
        }
    }

    /// `textDocument/foldingRange`.
    func foldingRanges(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        try inDocument(id, token, params) { workspace, path, conversion in
            guard workspace.snapshot.file(path) != nil else { return .array([]) }
            let converter = conversion.converter(path)
            return FoldingProvider.folds(in: path, snapshot: workspace.snapshot).map {
                FoldingRange(startLine: converter.position($0.start).line, endLine: converter.position($0.end).line, kind: $0.kind.rawValue)
            }.json
        }
    }

    /// `textDocument/semanticTokens/full`.
    func semanticTokens(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        try inDocument(id, token, params, empty: SemanticTokens(data: []).json) { workspace, path, conversion in
            guard workspace.snapshot.file(path) != nil else { return SemanticTokens(data: []).json }
            return conversion.semanticTokens(
                SemanticTokenProvider.tokens(in: path, snapshot: workspace.snapshot),
                converter: conversion.converter(path)
            ).json
        }
    }

    /// `textDocument/completion`.
    func completion(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        try atPosition(id, token, params, empty: ["isIncomplete": false, "items": []]) { workspace, path, offset, conversion in
            let converter = conversion.converter(path)
            let entries = CompletionProvider.completions(at: offset, in: path, snapshot: workspace.snapshot)
            let items = entries.enumerated().map { index, entry in
                CompletionItem(
                    label: entry.label, kind: EngineConversion.completionKind(entry.kind), detail: entry.detail,
                    sortText: String(format: "%05d", index),
                    textEdit: LSPTextEdit(range: converter.range(entry.replaceRange), newText: entry.insertText)
                ).json
            }
            return ["isIncomplete": false, "items": .array(items)]
        }
    }

    /// `textDocument/formatting`: the `pgpe fmt` layout; an error for text with syntax errors.
    func formatting(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        try inDocument(id, token, params, empty: .null) { (workspace, path, conversion) throws(ResponseError) -> JSONValue in
            guard workspace.snapshot.file(path) != nil else { return .null }
            guard let edits = DocumentFormatter.edits(in: path, snapshot: workspace.snapshot) else {
                throw ResponseError(.requestFailed, "the file has syntax errors; fix them before formatting")
            }
            let converter = conversion.converter(path)
            return edits.map { LSPTextEdit(range: converter.range($0.range), newText: $0.newText) }.json
        }
    }

    /// `textDocument/prepareRename`.
    func prepareRename(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        try atPosition(id, token, params) { workspace, path, offset, conversion in
            guard let target = RenameProvider.prepare(at: offset, in: path, snapshot: workspace.snapshot) else { return .null }
            return ["range": conversion.converter(path).range(target.range).json, "placeholder": .string(target.placeholder)]
        }
    }

    /// `textDocument/rename`.
    func rename(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        let newName = try params.requiredString("newName")
        try atPosition(id, token, params) { (workspace, path, offset, conversion) throws(ResponseError) -> JSONValue in
            do throws(RenameError) {
                let edits = try RenameProvider.rename(at: offset, in: path, to: newName, snapshot: workspace.snapshot)
                return conversion.workspaceEdit(edits).json
            } catch {
                throw ResponseError(.requestFailed, error.message)
            }
        }
    }

    /// `textDocument/codeLens`.
    func codeLenses(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        let access = params["textDocument"]?["uri"]?.string.flatMap { registry.owner(of: uris.path(of: $0))?.currentAccessDiff }
        try inDocument(id, token, params) { workspace, path, conversion in
            let converter = conversion.converter(path)
            let uri = conversion.uris.uri(of: path)
            return CodeLensProvider.lenses(in: path, snapshot: workspace.snapshot, access: access).map { lens in
                let command: Command
                if let target = lens.compiledSQL {
                    command = Command(
                        title: lens.title, command: LanguageServer.showCompiledSQLCommand,
                        arguments: [LanguageServer.commandArgument(target, uri: uri)])
                } else {
                    command = Command(title: lens.title, command: LanguageServer.analyzeCommand, arguments: [["uri": .string(uri)]])
                }
                return CodeLens(range: converter.range(lens.range), command: command)
            }.json
        }
    }

    /// `textDocument/inlayHint`.
    func inlayHints(_ id: RequestID, _ token: CancellationToken, _ params: JSONValue) throws(ResponseError) {
        let range = try LSPRange(json: params.required("range"))
        try inDocument(id, token, params) { workspace, path, conversion in
            let converter = conversion.converter(path)
            let hints = InlayHintProvider.hints(in: path, range: converter.sourceRange(range), snapshot: workspace.snapshot)
            return hints.map { InlayHint(position: converter.position($0.offset), label: $0.label, tooltip: $0.tooltip) }.json
        }
    }

    /// The argument object of `pgpe.showCompiledSql`.
    static func commandArgument(_ target: CompiledSQLTarget, uri: String) -> JSONValue {
        switch target {
        case .policy(let name): return ["uri": .string(uri), "policy": .string(name)]
        case .workspace: return ["uri": .string(uri)]
        }
    }
}
