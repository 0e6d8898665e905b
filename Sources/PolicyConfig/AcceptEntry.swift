import PolicySyntax

/// One entry of `accept:` (SPEC 11.8): the FAILED or UNKNOWN verdicts it matches are reported as
/// ACCEPTED with its reason and do not fail the run.
public struct AcceptEntry: Hashable, Sendable {
    /// The proof ids it accepts (ids of `ProofCatalog.knownIDs`).
    public var proofs: [String]
    /// The tables it applies to (`nil` means every table).
    public var tables: SelectorSyntax?
    /// The selector as written, for messages (`ALL` when left out).
    public var tablesText: String
    /// The commands it applies to (`nil` means every command, and the verdicts about a whole table).
    public var commands: [PolicyCommand]?
    /// The roles it applies to (`nil` means every role; `PUBLIC` is any role no policy names).
    public var roles: [String]?
    /// Why the finding is accepted (required).
    public var reason: String
    /// Where the entry is in pgpe.yaml (the list item).
    public var location: FileLocation

    /// Creates an entry.
    public init(
        proofs: [String], tables: SelectorSyntax? = nil, tablesText: String = "ALL", commands: [PolicyCommand]? = nil,
        roles: [String]? = nil, reason: String, location: FileLocation
    ) {
        self.proofs = proofs
        self.tables = tables
        self.tablesText = tablesText
        self.commands = commands
        self.roles = roles
        self.reason = reason
        self.location = location
    }
}
