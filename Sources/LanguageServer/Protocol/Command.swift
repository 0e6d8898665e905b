import JSON

/// A command the client can run (`Command` in the specification).
struct Command: Hashable, Sendable, LSPEncodable {
    /// The title shown.
    var title: String
    /// The command's identifier.
    var command: String
    /// Its arguments.
    var arguments: [JSONValue]

    /// The value as JSON, as the specification spells it.
    var json: JSONValue {
        var object: JSONObject = ["title": .string(title), "command": .string(command)]
        if !arguments.isEmpty { object["arguments"] = .array(arguments) }
        return .object(object)
    }
}
