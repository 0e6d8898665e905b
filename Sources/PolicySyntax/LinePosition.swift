/// A 0-based line and character offset in some `PositionEncoding`, as LSP uses them.
public struct LinePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 0-based line.
    public var line: Int
    /// The 0-based character offset within the line, in the chosen encoding's code units.
    public var character: Int

    /// Creates a position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: LinePosition, rhs: LinePosition) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.character < rhs.character
    }

    public var description: String { "\(line):\(character)" }
}
