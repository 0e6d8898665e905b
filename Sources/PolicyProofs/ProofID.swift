/// The proofs of SPEC section 6, each with its id.
public enum ProofID: String, Hashable, Sendable, CaseIterable, Comparable {
    case tenantIsolation = "tenant-isolation"
    case contradiction
    case coverage
    case failClosed = "fail-closed"
    case writeRestriction = "write-restriction"
    case subsumption
    case redundancy
    case traversal
    case roleSeparation = "role-separation"
    case policyEquivalence = "policy-equivalence"

    /// Whether the proof runs unless configured off.
    public var isOnByDefault: Bool {
        switch self {
        case .roleSeparation, .policyEquivalence: return false
        default: return true
        }
    }

    /// Whether a failure is only a hint (something could be simpler), which never fails a run.
    public var isHint: Bool { self == .subsumption || self == .redundancy }

    /// How a failure is reported in diagnostics and SARIF.
    public var failureSeverity: String {
        switch self {
        case .tenantIsolation, .failClosed, .roleSeparation: return "error"
        case .subsumption, .redundancy: return "hint"
        default: return "warning"
        }
    }

    public static func < (lhs: ProofID, rhs: ProofID) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
