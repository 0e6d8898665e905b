/// A parsed value together with where it and each of its parts are written, for messages that
/// point at the offending value.
public struct JSONNode: Sendable {
    /// The value.
    public let value: JSONValue
    /// Where the value and its parts are written.
    public let span: JSONSpan

    /// Pairs a value with its span (as `JSONDocument` parses them).
    public init(value: JSONValue, span: JSONSpan) {
        self.value = value
        self.span = span
    }

    /// The value's bytes.
    public var range: Range<Int> { span.range }

    /// The member named `key` when this is an object that has one.
    public func member(_ key: String) -> JSONMember? {
        guard case .object(let object) = value, let index = object.index(forKey: key) else { return nil }
        return member(at: index, of: object)
    }

    /// The members in order when this is an object; otherwise empty.
    public var members: [JSONMember] {
        guard case .object(let object) = value else { return [] }
        return object.members.elements.indices.map { member(at: $0, of: object) }
    }

    /// The elements in order when this is an array; otherwise empty.
    public var elements: [JSONNode] {
        guard case .array(let values) = value else { return [] }
        return zip(values, span.children).map { JSONNode(value: $0, span: $1) }
    }

    private func member(at index: Int, of object: JSONObject) -> JSONMember {
        let element = object.members.elements[index]
        return JSONMember(
            key: element.key, keyRange: span.keyRanges[index],
            value: JSONNode(value: element.value, span: span.children[index]))
    }
}
