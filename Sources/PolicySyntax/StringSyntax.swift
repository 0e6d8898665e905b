/// A single-quoted string literal with its value.
public struct StringSyntax: Hashable, Sendable {
    /// The string's value (quotes removed, `''` collapsed).
    public var value: String
    /// Where it is, quotes included.
    public var range: SourceRange

    /// Creates a string.
    public init(value: String, range: SourceRange) {
        self.value = value
        self.range = range
    }
}
