import PolicySyntax

/// A symbol of one document, with its children (an outline entry).
public struct SymbolInfo: Hashable, Sendable {
    /// The name shown.
    public var name: String
    /// Extra text shown beside it.
    public var detail: String?
    /// What it is.
    public var category: SymbolCategory
    /// Its whole extent.
    public var range: SourceRange
    /// The part to select when it is picked (the name).
    public var selectionRange: SourceRange
    /// Nested symbols.
    public var children: [SymbolInfo]

    /// Creates a symbol.
    public init(
        name: String, detail: String? = nil, category: SymbolCategory, range: SourceRange, selectionRange: SourceRange,
        children: [SymbolInfo] = []
    ) {
        self.name = name
        self.detail = detail
        self.category = category
        self.range = range
        self.selectionRange = selectionRange
        self.children = children
    }
}
