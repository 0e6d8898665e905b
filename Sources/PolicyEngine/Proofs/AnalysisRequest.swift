import PolicyProofs
import PolicySchema

/// What a proof run asks of a snapshot: which proofs, which tables, and what to compare with.
/// The language server's background runs ask for the tables an edit touched; `pgpe analyze`
/// asks for everything, with the command line's choices.
public struct AnalysisRequest: Sendable {
    /// Only these proofs (`--proofs`), or `nil` for the configured ones.
    public var only: [ProofID]?
    /// Proofs left out (`--disable-proofs`).
    public var disabled: [ProofID]
    /// Only these tables, or `nil` for every governed one.
    public var tables: Set<QualifiedName>?
    /// Whether the sound shortcuts may answer before the solver (`--no-shortcuts` turns them off).
    public var useShortcuts: Bool
    /// Another policy set that `policy-equivalence` proves this one equal to, and how reasons
    /// name it (`--equivalent-to`); with it that proof runs unless disabled.
    public var comparison: (snapshot: WorkspaceSnapshot, label: String)?
    /// Whether the comparison asks each direction as its own question (`pgpe diff`, see
    /// `AnalysisOptions.separatesDirections`).
    public var separatesDirections = false

    /// A request for the configured proofs on every governed table.
    public init(
        only: [ProofID]? = nil, disabled: [ProofID] = [], tables: Set<QualifiedName>? = nil, useShortcuts: Bool = true,
        comparison: (snapshot: WorkspaceSnapshot, label: String)? = nil
    ) {
        self.only = only
        self.disabled = disabled
        self.tables = tables
        self.useShortcuts = useShortcuts
        self.comparison = comparison
    }

    /// Whether the request runs `proof` on `snapshot` (its configuration says which are enabled).
    public func runs(_ proof: ProofID, on snapshot: WorkspaceSnapshot) -> Bool {
        options(for: snapshot, jobs: 1).proofs.contains(proof)
    }

    /// The analyzer's options for `snapshot`, with `jobs` worker threads.
    func options(for snapshot: WorkspaceSnapshot, jobs: Int) -> AnalysisOptions {
        var options = AnalysisOptions(config: snapshot.config, only: only, disabled: disabled, jobs: jobs)
        options.timeoutMilliseconds = snapshot.config.analysis.timeoutMilliseconds
        options.tables = tables
        options.useShortcuts = useShortcuts
        options.separatesDirections = separatesDirections
        if comparison != nil, !disabled.contains(.policyEquivalence) { options.proofs.insert(.policyEquivalence) }
        return options
    }
}
