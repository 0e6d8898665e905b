import JSON

/// A place related to a diagnostic, with a message.
struct DiagnosticRelatedInformation: Hashable, Sendable, LSPEncodable {
    /// Where.
    var location: Location
    /// What about it.
    var message: String

    /// The value as JSON, as the specification spells it.
    var json: JSONValue { ["location": location.json, "message": .string(message)] }
}
