import PolicyConfig
import PolicySchema

/// What `Analyzer` runs and how.
public struct AnalysisOptions: Sendable {
    /// The proofs to run.
    public var proofs: Set<ProofID>
    /// Per solver query; past it the verdict is UNKNOWN.
    public var timeoutMilliseconds: Int
    /// Worker threads, each with its own Z3 context.
    public var jobs: Int
    /// Only these tables (nil: every governed table).
    public var tables: Set<QualifiedName>?
    /// Whether the theorem-style shortcuts may answer without the solver (every permissive
    /// clause pins the key; every way to write is syntactically a way to read). Off, every such
    /// question goes to Z3: the tests compare both.
    public var useShortcuts: Bool
    /// Whether `policy-equivalence` asks each direction as a question of its own, so both are
    /// answered (`pgpe diff`: access added and access removed), each verdict with its
    /// `direction`; a table governed in only one set is then compared with every row (row-level
    /// security off) in the other, instead of failing without a question.
    public var separatesDirections = false

    /// The proofs `config` turns on, narrowed by `only` and `disabled` (`--proofs`, `--disable-proofs`).
    public init(config: ProjectConfig, only: [ProofID]? = nil, disabled: [ProofID] = [], jobs: Int? = nil) {
        var enabled = Set(ProofID.allCases.filter { config.isProofEnabled($0.rawValue, default: $0.isOnByDefault) })
        if let only { enabled = Set(only) }
        enabled.subtract(disabled)
        self.proofs = enabled
        self.timeoutMilliseconds = config.analysis.timeoutMilliseconds
        self.jobs = max(1, jobs ?? 2)
        self.tables = nil
        self.useShortcuts = true
    }
}
