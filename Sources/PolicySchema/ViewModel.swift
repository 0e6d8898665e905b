import PolicySyntax

/// A view or materialized view of the schema: what a side-channel check needs to know about it.
public struct ViewModel: Hashable, Sendable {
    /// Its qualified name.
    public var name: QualifiedName
    /// Whether it is a materialized view (its rows are stored; row-level security never applies to them).
    public var isMaterialized: Bool
    /// `security_invoker = true`: the tables it reads are read with the caller's rights, so their
    /// policies apply to the caller (PostgreSQL 15 and later; plain views only).
    public var securityInvoker: Bool
    /// `security_barrier = true`: its conditions run before functions of the caller's query.
    public var securityBarrier: Bool
    /// The owning role, when known.
    public var owner: String?
    /// The tables and views its definition reads (FROM and JOIN), sorted.
    public var references: [QualifiedName]
    /// The roles granted a privilege on it (`public` for PUBLIC), sorted.
    public var grantees: [String]
    /// Where its name is written, when known.
    public var location: FileLocation?

    /// Creates a view.
    public init(
        name: QualifiedName, isMaterialized: Bool = false, securityInvoker: Bool = false, securityBarrier: Bool = false,
        owner: String? = nil, references: [QualifiedName] = [], grantees: [String] = [], location: FileLocation? = nil
    ) {
        self.name = name
        self.isMaterialized = isMaterialized
        self.securityInvoker = securityInvoker
        self.securityBarrier = securityBarrier
        self.owner = owner
        self.references = references
        self.grantees = grantees
        self.location = location
    }

    /// What it is called in messages and SQL: `view` or `materialized view`.
    public var kindName: String { isMaterialized ? "materialized view" : "view" }
}
