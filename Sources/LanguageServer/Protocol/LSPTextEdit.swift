import JSON

/// A replacement of a range with new text (`TextEdit` in the specification).
struct LSPTextEdit: Hashable, Sendable, LSPEncodable {
    /// What is replaced.
    var range: LSPRange
    /// The new text.
    var newText: String

    /// The value as JSON, as the specification spells it.
    var json: JSONValue { ["range": range.json, "newText": .string(newText)] }
}
