import JSON

/// Text shown inline in the editor.
struct InlayHint: Hashable, Sendable, LSPEncodable {
    /// Where.
    var position: Position
    /// The text.
    var label: String
    /// More text on hover.
    var tooltip: String?

    /// The value as JSON, as the specification spells it.
    var json: JSONValue {
        var object: JSONObject = ["position": position.json, "label": .string(label), "paddingLeft": true]
        if let tooltip { object["tooltip"] = .string(tooltip) }
        return .object(object)
    }
}
