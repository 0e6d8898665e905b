/// How strictly the parser reads a JSON text beyond RFC 8259's grammar.
public struct JSONParseOptions: Sendable, Hashable {
    /// How deeply arrays and objects may nest; deeper input is rejected at the opening bracket.
    public var maximumDepth: Int
    /// Whether a repeated member name is an error (at its key) rather than replacing the earlier value.
    public var rejectsDuplicateKeys: Bool
    /// Whether a UTF-8 byte order mark before the value is skipped rather than rejected.
    public var allowsByteOrderMark: Bool

    /// Creates options; the defaults are those of JSON-RPC messages.
    public init(
        maximumDepth: Int = JSONValue.defaultMaximumDepth, rejectsDuplicateKeys: Bool = false,
        allowsByteOrderMark: Bool = false
    ) {
        self.maximumDepth = maximumDepth
        self.rejectsDuplicateKeys = rejectsDuplicateKeys
        self.allowsByteOrderMark = allowsByteOrderMark
    }
}
