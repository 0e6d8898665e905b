/// A name: a bare identifier, a double-quoted identifier, or a single-quoted string used as a name.
public struct NameSyntax: Hashable, Sendable {
    /// How the name was written.
    public enum Quoting: Hashable, Sendable {
        /// `tenant_id`
        case bare
        /// `"Tenant Id"`
        case double
        /// `'tenant_id'`
        case single
    }

    /// The name's value: quotes removed, doubled quotes collapsed. Bare names keep their case.
    public var text: String
    /// How it was written (the formatter keeps it).
    public var quoting: Quoting
    /// Where it is.
    public var range: SourceRange

    /// The name as PostgreSQL sees it: bare names fold to lower case, as in SQL; quoted names
    /// (single or double quotes) are exact.
    public var identifier: String {
        quoting == .bare ? text.lowercased() : text
    }

    /// Creates a name.
    public init(text: String, quoting: Quoting, range: SourceRange) {
        self.text = text
        self.quoting = quoting
        self.range = range
    }
}
