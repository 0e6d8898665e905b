import JSON

/// A protocol value that can be sent to the client.
protocol LSPEncodable {
    /// The value as JSON, as the LSP specification spells it.
    var json: JSONValue { get }
}

extension Array where Element: LSPEncodable {
    /// The elements as a JSON array.
    /// The value as JSON, as the specification spells it.
    var json: JSONValue { .array(map(\.json)) }
}
