/// One `"key": value` member of a parsed object, with where its name is written.
public struct JSONMember: Sendable {
    /// The name, decoded.
    public var key: String
    /// The name's bytes, with its quotes.
    public var keyRange: Range<Int>
    /// The value and where it is written.
    public var value: JSONNode
}
