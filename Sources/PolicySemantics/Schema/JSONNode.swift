import PolicySyntax

/// A parsed JSON value and where it is written.
struct JSONNode: Sendable {
    /// The value.
    var value: JSONValue
    /// Its byte range in the document.
    var range: SourceRange

    /// The member named `key` when this is an object.
    func member(_ key: String) -> JSONMember? {
        guard case let .object(members) = value else { return nil }
        return members.first { $0.key == key }
    }
}
