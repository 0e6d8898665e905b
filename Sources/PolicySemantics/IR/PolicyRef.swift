import PolicySyntax

/// A reference to a source policy: its name and where it is declared.
public struct PolicyRef: Hashable, Sendable, CustomStringConvertible {
    /// The policy's name.
    public var name: String
    /// The declaration (from `POLICY` to its end).
    public var location: FileLocation
    /// The name's range.
    public var nameRange: SourceRange

    /// Creates a reference.
    public init(name: String, location: FileLocation, nameRange: SourceRange) {
        self.name = name
        self.location = location
        self.nameRange = nameRange
    }

    public var description: String { name }
}
