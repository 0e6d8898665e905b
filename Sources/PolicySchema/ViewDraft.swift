import PolicySyntax

/// A view or materialized view while the file is being read.
struct ViewDraft: Sendable {
    /// Its current name.
    var name: QualifiedName
    /// Where its name is written.
    var location: SourceRange
    /// `CREATE MATERIALIZED VIEW`.
    var isMaterialized: Bool
    /// `security_invoker`.
    var securityInvoker = false
    /// `security_barrier`.
    var securityBarrier = false
    /// The owner.
    var owner: String?
    /// The relation names its definition reads, with the search path in force.
    var references: [SQLName] = []
    /// The search path at the statement.
    var searchPath: [String]
    /// The privileges granted on it, by role.
    var privileges: [String: Set<String>] = [:]
    /// Whether `DROP VIEW` removed it.
    var isDropped = false
}
