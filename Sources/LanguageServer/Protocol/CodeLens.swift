import JSON

/// A code lens with its command.
struct CodeLens: Hashable, Sendable, LSPEncodable {
    /// Where it is shown.
    var range: LSPRange
    /// What it shows and runs.
    var command: Command

    /// The value as JSON, as the specification spells it.
    var json: JSONValue { ["range": range.json, "command": command.json] }
}
