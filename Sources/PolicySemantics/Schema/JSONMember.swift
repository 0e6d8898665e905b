import PolicySyntax

/// One `"key": value` member of a JSON object.
struct JSONMember: Sendable {
    /// The key, decoded.
    var key: String
    /// Where the key is written (with its quotes).
    var keyRange: SourceRange
    /// The value.
    var value: JSONNode
}
