/// `rel(source, source_column, target, target_column)`: the join of a traversal.
public struct RelationSyntax: Hashable, Sendable {
    /// The source table, or `nil` for `_` (the table being governed, or the enclosing target).
    public var source: TableNameSyntax?
    /// Where the source (`_` or a name) is.
    public var sourceRange: SourceRange
    /// The source column.
    public var sourceColumn: NameSyntax
    /// The target table.
    public var target: TableNameSyntax
    /// The target column.
    public var targetColumn: NameSyntax
    /// The whole `rel(...)`.
    public var range: SourceRange
    /// The `rel` word.
    public var keywordRange: SourceRange

    /// Creates a relation.
    public init(
        source: TableNameSyntax?, sourceRange: SourceRange, sourceColumn: NameSyntax,
        target: TableNameSyntax, targetColumn: NameSyntax, range: SourceRange, keywordRange: SourceRange
    ) {
        self.source = source
        self.sourceRange = sourceRange
        self.sourceColumn = sourceColumn
        self.target = target
        self.targetColumn = targetColumn
        self.range = range
        self.keywordRange = keywordRange
    }
}
