import JSON

/// The result of `textDocument/semanticTokens/full`: five integers per token (line delta,
/// start delta, length, type, modifier bits), positions in the negotiated encoding.
struct SemanticTokens: Hashable, Sendable, LSPEncodable {
    /// The encoded tokens.
    var data: [Int]

    /// The value as JSON, as the specification spells it.
    var json: JSONValue { ["data": .array(data.map { .integer($0) })] }
}
