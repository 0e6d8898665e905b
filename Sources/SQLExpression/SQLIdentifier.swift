import PolicySyntax

/// One name in SQL text: an unquoted word (folded to lower case, as PostgreSQL folds it) or a
/// `"quoted"` identifier (case, spaces and dots kept, `""` undoubled).
public struct SQLIdentifier: Hashable, Sendable {
    /// The name as PostgreSQL sees it.
    public var name: String
    /// Whether the source wrote it in double quotes.
    public var quoted: Bool
    /// Where it is.
    public var range: SourceRange

    /// Creates an identifier.
    public init(name: String, quoted: Bool, range: SourceRange) {
        self.name = name
        self.quoted = quoted
        self.range = range
    }
}
