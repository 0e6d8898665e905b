import PolicySyntax

/// The text of a `raw('...')` atom and where it was written. Two raw atoms are the same atom
/// when their text is the same; the location is kept for "depends on raw SQL at file:line".
public struct RawSQL: Hashable, Sendable {
    /// The SQL text, compiled verbatim.
    public var text: String
    /// Where it was written.
    public var location: FileLocation?

    /// Creates a raw atom's payload.
    public init(text: String, location: FileLocation?) {
        self.text = text
        self.location = location
    }

    public static func == (lhs: RawSQL, rhs: RawSQL) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The raw SQL after the text of `path` moved `delta` bytes.
    func shifted(by delta: Int, in path: String) -> RawSQL {
        RawSQL(text: text, location: location?.shifted(by: delta, in: path))
    }
}
