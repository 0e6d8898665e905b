import JSON

/// A foldable range of lines.
struct FoldingRange: Hashable, Sendable, LSPEncodable {
    /// The first line.
    var startLine: Int
    /// The last line.
    var endLine: Int
    /// `comment` or `region`.
    var kind: String

    /// The value as JSON, as the specification spells it.
    var json: JSONValue { ["startLine": .integer(startLine), "endLine": .integer(endLine), "kind": .string(kind)] }
}
