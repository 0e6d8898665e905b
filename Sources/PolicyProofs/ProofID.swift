import PolicySyntax

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

    /// The diagnostic a FAILED verdict of this proof is reported as (`proof.<id>-failed`); its
    /// severity is how serious the failure is.
    public var failedKind: DiagnosticKind {
        switch self {
        case .tenantIsolation: return .proofTenantIsolationFailed
        case .contradiction: return .proofContradictionFailed
        case .coverage: return .proofCoverageFailed
        case .failClosed: return .proofFailClosedFailed
        case .writeRestriction: return .proofWriteRestrictionFailed
        case .subsumption: return .proofSubsumptionFailed
        case .redundancy: return .proofRedundancyFailed
        case .traversal: return .proofTraversalFailed
        case .roleSeparation: return .proofRoleSeparationFailed
        case .policyEquivalence: return .proofPolicyEquivalenceFailed
        }
    }

    /// The diagnostic an UNKNOWN verdict of this proof is reported as (`proof.<id>-unknown`).
    public var unknownKind: DiagnosticKind {
        switch self {
        case .tenantIsolation: return .proofTenantIsolationUnknown
        case .contradiction: return .proofContradictionUnknown
        case .coverage: return .proofCoverageUnknown
        case .failClosed: return .proofFailClosedUnknown
        case .writeRestriction: return .proofWriteRestrictionUnknown
        case .subsumption: return .proofSubsumptionUnknown
        case .redundancy: return .proofRedundancyUnknown
        case .traversal: return .proofTraversalUnknown
        case .roleSeparation: return .proofRoleSeparationUnknown
        case .policyEquivalence: return .proofPolicyEquivalenceUnknown
        }
    }

    /// The SARIF rule a FAILED verdict is reported under by `pgpe analyze` (`proof.<id>`).
    public var sarifKind: DiagnosticKind {
        switch self {
        case .tenantIsolation: return .proofTenantIsolation
        case .contradiction: return .proofContradiction
        case .coverage: return .proofCoverage
        case .failClosed: return .proofFailClosed
        case .writeRestriction: return .proofWriteRestriction
        case .subsumption: return .proofSubsumption
        case .redundancy: return .proofRedundancy
        case .traversal: return .proofTraversal
        case .roleSeparation: return .proofRoleSeparation
        case .policyEquivalence: return .proofPolicyEquivalence
        }
    }

    public static func < (lhs: ProofID, rhs: ProofID) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
