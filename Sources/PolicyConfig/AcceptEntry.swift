import PolicySyntax

/// One entry of `accept:` (SPEC 11.8): the FAILED or UNKNOWN verdicts of its proofs (`proof:`),
/// or the findings of its kinds (`finding:`, the `sidechannel.*` and `performance.*` diagnostics
/// of SPEC 11.11), that it matches are reported as ACCEPTED with its reason and do not fail the run.
public struct AcceptEntry: Hashable, Sendable {
    /// The proof ids it accepts (ids of `ProofCatalog.knownIDs`); empty for a `finding:` entry.
    public var proofs: [String]
    /// The finding kinds it accepts (acceptable ids of the diagnostic catalogue); empty for a
    /// `proof:` entry.
    public var findings: [String]
    /// The object a finding must be about (a LIKE pattern over `DiagnosticSubject.object`, as
    /// in `named()`), or `nil` for any.
    public var object: String?
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
        proofs: [String], findings: [String] = [], object: String? = nil, tables: SelectorSyntax? = nil, tablesText: String = "ALL",
        commands: [PolicyCommand]? = nil, roles: [String]? = nil, reason: String, location: FileLocation
    ) {
        self.proofs = proofs
        self.findings = findings
        self.object = object
        self.tables = tables
        self.tablesText = tablesText
        self.commands = commands
        self.roles = roles
        self.reason = reason
        self.location = location
    }

    /// The finding kinds `finding:` may name: the acceptable kinds of the catalogue.
    public static var acceptableFindings: [String] {
        DiagnosticCatalog.all.filter(\.isAcceptable).map(\.id)
    }
}
