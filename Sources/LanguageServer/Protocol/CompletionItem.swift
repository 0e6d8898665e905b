import JSON

/// One entry of a completion list.
struct CompletionItem: Hashable, Sendable, LSPEncodable {
    /// The text shown.
    var label: String
    /// `CompletionItemKind`.
    var kind: Int
    /// Extra text.
    var detail: String?
    /// The sort key.
    var sortText: String
    /// The edit that inserts it.
    var textEdit: LSPTextEdit

    /// The value as JSON, as the specification spells it.
    var json: JSONValue {
        var object: JSONObject = [
            "label": .string(label),
            "kind": .integer(kind),
            "sortText": .string(sortText),
            "filterText": .string(textEdit.newText.hasPrefix("'") ? textEdit.newText : label),
            "insertTextFormat": 1,
            "textEdit": textEdit.json,
        ]
        if let detail { object["detail"] = .string(detail) }
        return .object(object)
    }
}
