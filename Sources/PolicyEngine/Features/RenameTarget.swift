import PolicySyntax

/// What can be renamed at a position: a policy's name.
public struct RenameTarget: Hashable, Sendable {
    /// The name's bytes.
    public var range: SourceRange
    /// The name as it is now (the text an editor pre-fills).
    public var placeholder: String

    /// Creates a target.
    public init(range: SourceRange, placeholder: String) {
        self.range = range
        self.placeholder = placeholder
    }
}
