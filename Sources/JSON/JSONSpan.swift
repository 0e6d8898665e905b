/// Where a parsed value is written: its byte range and, for an array or object, those of its parts.
public struct JSONSpan: Sendable, Hashable {
    /// The value's bytes, from its first byte to just past its last.
    public var range: Range<Int>
    /// For an object, each member name's bytes (with the quotes), in member order; otherwise empty.
    public var keyRanges: [Range<Int>]
    /// The spans of an array's elements or of an object's member values, in order; otherwise empty.
    public var children: [JSONSpan]

    /// Creates a span.
    public init(range: Range<Int>, keyRanges: [Range<Int>] = [], children: [JSONSpan] = []) {
        self.range = range
        self.keyRanges = keyRanges
        self.children = children
    }
}
