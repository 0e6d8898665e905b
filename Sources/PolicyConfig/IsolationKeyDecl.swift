import PolicySyntax

/// One entry of `isolation:`: sessions that differ in `key` must never share a row of the
/// tables `tables` selects.
public struct IsolationKeyDecl: Hashable, Sendable {
    /// The session key.
    public var key: String
    /// The tables it applies to (`nil` means ALL governed tables).
    public var tables: SelectorSyntax?
    /// The selector as written, for messages.
    public var tablesText: String
    /// Where the entry is in pgpe.yaml.
    public var location: FileLocation?

    /// Creates an entry.
    public init(key: String, tables: SelectorSyntax? = nil, tablesText: String = "ALL", location: FileLocation? = nil) {
        self.key = key
        self.tables = tables
        self.tablesText = tablesText
        self.location = location
    }
}
