import PolicyEngine
import PolicySyntax

/// Converts engine values (UTF-8 offsets, plain enums) into LSP values, given a way to find each
/// file's text, the negotiated encoding and the client's URIs. The only place offsets become
/// positions.
struct EngineConversion {
    /// Finds the text of a file the engine named.
    let source: @Sendable (String) -> SourceFile?
    /// The negotiated encoding.
    let encoding: PositionEncoding
    /// The client's URIs.
    let uris: URIBook

    /// The converter for `path` (an empty text when the file is unknown, so positions are 0:0).
    func converter(_ path: String) -> PositionConverter {
        PositionConverter(source: source(path) ?? SourceFile(path: path, text: ""), encoding: encoding)
    }

    /// A location.
    func location(_ location: FileLocation) -> Location {
        Location(uri: uris.uri(of: location.file), range: converter(location.file).range(location.range))
    }

    /// A diagnostic, its notes as related information.
    func diagnostic(_ diagnostic: Diagnostic) -> LSPDiagnostic {
        let severity: Int
        switch diagnostic.severity {
        case .error: severity = 1
        case .warning: severity = 2
        case .info: severity = 3
        case .hint: severity = 4
        }
        return LSPDiagnostic(
            range: converter(diagnostic.location.file).range(diagnostic.range), severity: severity,
            code: diagnostic.id, message: diagnostic.message,
            relatedInformation: diagnostic.notes.map { DiagnosticRelatedInformation(location: location($0.location), message: $0.message) })
    }

    /// Edits by file as a workspace edit.
    func workspaceEdit(_ edits: [String: [TextEdit]]) -> WorkspaceEdit {
        var changes: [String: [LSPTextEdit]] = [:]
        for (path, fileEdits) in edits {
            let converter = self.converter(path)
            changes[uris.uri(of: path)] = fileEdits.map { LSPTextEdit(range: converter.range($0.range), newText: $0.newText) }
        }
        return WorkspaceEdit(changes: changes)
    }

    /// The LSP `SymbolKind` of a symbol category.
    static func symbolKind(_ category: SymbolCategory) -> Int {
        switch category {
        case .policy: return 5 // Class
        case .grant: return 20 // Key
        case .govern: return 15 // String
        case .selector: return 7 // Property
        case .clause: return 17 // Boolean
        case .table: return 23 // Struct
        }
    }

    /// The LSP `CompletionItemKind` of a completion kind.
    static func completionKind(_ kind: CompletionEntryKind) -> Int {
        switch kind {
        case .keyword: return 14 // Keyword
        case .function: return 3 // Function
        case .column: return 5 // Field
        case .table: return 22 // Struct
        case .sessionKey: return 6 // Variable
        case .type: return 25 // TypeParameter
        case .role: return 18 // Reference
        case .schema: return 9 // Module
        case .tag: return 12 // Value
        case .value: return 21 // Constant
        case .comparison: return 24 // Operator
        }
    }

    /// A document symbol.
    func documentSymbol(_ symbol: SymbolInfo, converter: PositionConverter) -> DocumentSymbol {
        DocumentSymbol(
            name: symbol.name, detail: symbol.detail, kind: EngineConversion.symbolKind(symbol.category),
            range: converter.range(symbol.range), selectionRange: converter.range(symbol.selectionRange),
            children: symbol.children.map { documentSymbol($0, converter: converter) })
    }

    /// Semantic tokens encoded relative to each other.
    func semanticTokens(_ tokens: [SemanticToken], converter: PositionConverter) -> SemanticTokens {
        var data: [Int] = []
        data.reserveCapacity(tokens.count * 5)
        var previousLine = 0
        var previousCharacter = 0
        for token in tokens {
            let start = converter.position(token.range.start)
            let end = converter.position(token.range.end)
            let length = end.line == start.line ? end.character - start.character : 0
            guard length > 0 else { continue }
            let deltaLine = start.line - previousLine
            let deltaCharacter = deltaLine == 0 ? start.character - previousCharacter : start.character
            var modifiers = 0
            for modifier in token.modifiers { modifiers |= modifier.bit }
            data += [deltaLine, deltaCharacter, length, token.type.index, modifiers]
            previousLine = start.line
            previousCharacter = start.character
        }
        return SemanticTokens(data: data)
    }
}
