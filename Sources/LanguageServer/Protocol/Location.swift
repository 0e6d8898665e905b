import JSON

/// A range in a document.
struct Location: Hashable, Sendable, LSPEncodable {
    /// The document.
    var uri: String
    /// The range.
    var range: LSPRange

    /// The value as JSON, as the specification spells it.
    var json: JSONValue { ["uri": .string(uri), "range": range.json] }
}
