import JSONRPC

/// A code lens with its command.
struct CodeLens: Hashable, Sendable, LSPEncodable {
    /// Where it is shown.
    var range: LSPRange
    /// What it shows and runs.
    var command: Command

    var json: JSONValue { ["range": range.json, "command": command.json] }
}
