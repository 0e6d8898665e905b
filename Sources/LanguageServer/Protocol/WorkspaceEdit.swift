import JSON

/// Changes to several documents: plain `changes` by URI, or ordered `documentChanges` (which
/// can create files).
struct WorkspaceEdit: Hashable, Sendable, LSPEncodable {
    /// Edits by document URI.
    var changes: [String: [LSPTextEdit]] = [:]
    /// Ordered operations, used instead of `changes` when not empty.
    var documentChanges: [DocumentChange] = []

    /// The value as JSON, as the specification spells it.
    var json: JSONValue {
        if !documentChanges.isEmpty { return ["documentChanges": documentChanges.json] }
        var object = JSONObject()
        for uri in changes.keys.sorted() { object[uri] = (changes[uri] ?? []).json }
        return ["changes": .object(object)]
    }
}
