import JSON

/// A diagnostic as LSP sends it (`Diagnostic` in the specification).
struct LSPDiagnostic: Hashable, Sendable, LSPEncodable {
    /// Where.
    var range: LSPRange
    /// 1 error, 2 warning, 3 information, 4 hint.
    var severity: Int
    /// The stable id (`semantic.unknown-column`).
    var code: String
    /// The message.
    var message: String
    /// Related places (notes).
    var relatedInformation: [DiagnosticRelatedInformation]

    /// The value as JSON, as the specification spells it.
    var json: JSONValue {
        var object: JSONObject = [
            "range": range.json,
            "severity": .integer(severity),
            "code": .string(code),
            "source": "pgpe",
            "message": .string(message),
        ]
        if !relatedInformation.isEmpty { object["relatedInformation"] = relatedInformation.json }
        return .object(object)
    }
}
