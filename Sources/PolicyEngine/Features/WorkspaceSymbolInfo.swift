import PolicySyntax

/// A symbol found by a workspace-wide search.
public struct WorkspaceSymbolInfo: Hashable, Sendable {
    /// The name.
    public var name: String
    /// What it is.
    public var category: SymbolCategory
    /// Where it is.
    public var location: FileLocation
    /// What contains it (a policy's file name, a table's schema).
    public var container: String?

    /// Creates a symbol.
    public init(name: String, category: SymbolCategory, location: FileLocation, container: String? = nil) {
        self.name = name
        self.category = category
        self.location = location
        self.container = container
    }
}
