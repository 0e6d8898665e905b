/// A half-open range of UTF-8 byte offsets into a source text.
public struct SourceRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The offset of the first byte.
    public var start: Int
    /// The offset one past the last byte.
    public var end: Int

    /// Creates a range from `start` up to (not including) `end`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty range at `offset`.
    public static func empty(at offset: Int) -> SourceRange {
        SourceRange(start: offset, end: offset)
    }

    /// The number of bytes covered.
    public var length: Int { end - start }

    /// Whether `offset` lies inside the range (the end counts as inside, for cursor positions).
    public func contains(_ offset: Int) -> Bool { offset >= start && offset <= end }

    /// Whether `other` lies entirely inside this range.
    public func contains(_ other: SourceRange) -> Bool { other.start >= start && other.end <= end }

    /// The smallest range covering both ranges.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    /// The range `delta` bytes later (earlier when negative).
    public func shifted(by delta: Int) -> SourceRange {
        SourceRange(start: start + delta, end: end + delta)
    }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
