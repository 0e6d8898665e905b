/// The `analysis:` section of pgpe.yaml.
public struct AnalysisSettings: Hashable, Sendable {
    /// Per solver query; past it the verdict is UNKNOWN.
    public var timeoutMilliseconds: Int
    /// The deepest `exists()` nesting allowed.
    public var maxDepth: Int
    /// Per-proof on/off overrides by proof id.
    public var proofs: [String: Bool]
    /// Roles to compare in the `role-separation` proof (pairs are formed from this list).
    public var separateRoles: [String]

    /// The defaults: 5 s, depth 2, no overrides.
    public init(timeoutMilliseconds: Int = 5000, maxDepth: Int = 2, proofs: [String: Bool] = [:], separateRoles: [String] = []) {
        self.timeoutMilliseconds = timeoutMilliseconds
        self.maxDepth = maxDepth
        self.proofs = proofs
        self.separateRoles = separateRoles
    }
}
