import JSON

/// One entry of a workspace edit's `documentChanges`.
enum DocumentChange: Hashable, Sendable, LSPEncodable {
    /// Edits to one document (`TextDocumentEdit`; version `nil` means any).
    case edit(uri: String, version: Int?, edits: [LSPTextEdit])
    /// Create a file (`CreateFile`), replacing an existing one when `overwrite`.
    case create(uri: String, overwrite: Bool)

    /// The value as JSON, as the specification spells it.
    var json: JSONValue {
        switch self {
        case .edit(let uri, let version, let edits):
            return ["textDocument": ["uri": .string(uri), "version": version.map { .integer($0) } ?? .null], "edits": edits.json]
        case .create(let uri, let overwrite):
            return [
                "kind": "create", "uri": .string(uri), "options": ["overwrite": .bool(overwrite), "ignoreIfExists": .bool(!overwrite)],
            ]
        }
    }
}
