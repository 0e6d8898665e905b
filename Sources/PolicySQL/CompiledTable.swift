import PolicySchema

/// The statements for one table.
public struct CompiledTable: Hashable, Sendable {
    /// The table.
    public var table: QualifiedName
    /// Whether RLS is enabled on it (it is governed).
    public var isGoverned: Bool
    /// Whether RLS is forced on it (governed, and `force:` selects it).
    public var isForced: Bool
    /// The statements, in output order.
    public var statements: [CompiledStatement]

    /// The expected policies on this table.
    public var policies: [ExpectedPolicy] { statements.compactMap(\.policy) }
}
