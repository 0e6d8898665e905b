import JSON

/// A workspace symbol with its location.
struct SymbolInformation: Hashable, Sendable, LSPEncodable {
    /// The name.
    var name: String
    /// `SymbolKind`.
    var kind: Int
    /// Where it is.
    var location: Location
    /// What contains it.
    var containerName: String?

    /// The value as JSON, as the specification spells it.
    var json: JSONValue {
        var object: JSONObject = ["name": .string(name), "kind": .integer(kind), "location": location.json]
        if let containerName { object["containerName"] = .string(containerName) }
        return .object(object)
    }
}
