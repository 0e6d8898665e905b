import PolicySyntax

/// A clause of a sub-select the reader keeps as text (`GROUP BY`, `HAVING`, `ORDER BY`,
/// `LIMIT`, `UNION` …), with its keyword and its body.
public struct SQLTrailingClause: Hashable, Sendable {
    /// The keyword in upper case (`GROUP BY`); empty for text the reader could not place.
    public var keyword: String
    /// The body's source text, as written.
    public var text: String
    /// Where the clause is, keyword included.
    public var range: SourceRange

    /// Creates a clause.
    public init(keyword: String, text: String, range: SourceRange) {
        self.keyword = keyword
        self.text = text
        self.range = range
    }
}
