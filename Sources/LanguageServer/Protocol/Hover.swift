import JSON

/// The result of `textDocument/hover`.
struct Hover: Hashable, Sendable, LSPEncodable {
    /// The text.
    var markdown: String
    /// Whether the client renders Markdown (else the text is sent as plain text).
    var isMarkdown: Bool
    /// The range it is about.
    var range: LSPRange

    /// The value as JSON, as the specification spells it.
    var json: JSONValue {
        ["contents": ["kind": .string(isMarkdown ? "markdown" : "plaintext"), "value": .string(markdown)], "range": range.json]
    }
}
