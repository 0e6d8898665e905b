import JSON

/// An outline entry of a document.
struct DocumentSymbol: Hashable, Sendable, LSPEncodable {
    /// The name.
    var name: String
    /// Extra text.
    var detail: String?
    /// `SymbolKind`.
    var kind: Int
    /// Its whole extent.
    var range: LSPRange
    /// What to select.
    var selectionRange: LSPRange
    /// Nested entries.
    var children: [DocumentSymbol]

    /// The value as JSON, as the specification spells it.
    var json: JSONValue {
        var object: JSONObject = [
            "name": .string(name), "kind": .integer(kind), "range": range.json,
            "selectionRange": selectionRange.json,
        ]
        if let detail, !detail.isEmpty { object["detail"] = .string(detail) }
        if !children.isEmpty { object["children"] = children.json }
        return .object(object)
    }
}
