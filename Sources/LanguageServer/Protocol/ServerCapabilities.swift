import JSON
import PolicyEngine
import PolicySyntax

/// What the server offers, as sent in the `initialize` result.
enum ServerCapabilities {
    /// The commands of `workspace/executeCommand`.
    static let commands = [LanguageServer.showCompiledSQLCommand, LanguageServer.analyzeCommand]

    /// The capabilities for `encoding`.
    static func json(encoding: PositionEncoding) -> JSONValue {
        [
            "positionEncoding": .string(encoding.rawValue),
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "documentSymbolProvider": true,
            "workspaceSymbolProvider": true,
            "foldingRangeProvider": true,
            "semanticTokensProvider": [
                "legend": [
                    "tokenTypes": .array(SemanticTokenType.allCases.map { .string($0.rawValue) }),
                    "tokenModifiers": .array(SemanticTokenModifier.allCases.map { .string($0.rawValue) }),
                ],
                "full": true,
                "range": false,
            ],
            "completionProvider": ["triggerCharacters": ["(", "'", ",", "[", "{", "."], "resolveProvider": false],
            "documentFormattingProvider": true,
            "renameProvider": ["prepareProvider": true],
            "codeLensProvider": ["resolveProvider": false],
            "inlayHintProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix", "refactor.rewrite", "source"]],
            "executeCommandProvider": ["commands": .array(commands.map { .string($0) })],
            "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
        ]
    }
}
