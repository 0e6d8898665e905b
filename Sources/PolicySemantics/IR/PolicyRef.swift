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

    /// The reference after the text of `path` moved `delta` bytes.
    func shifted(by delta: Int, in path: String) -> PolicyRef {
        guard location.file == path else { return self }
        return PolicyRef(name: name, location: location.shifted(by: delta, in: path), nameRange: nameRange.shifted(by: delta))
    }
}
