import PolicySyntax

/// The kinds of drift between the policies and a live database (SPEC 8, `rls_forced` for
/// `force:`, SPEC 11.5, and `cosmetic_change`, SPEC 11.7, which is not drift).
public enum DriftType: String, Hashable, Sendable, CaseIterable {
    /// RLS is not enabled on a governed table.
    case rlsDisabled = "rls_disabled"
    /// RLS is not forced on a governed table (its owner bypasses the policies).
    case rlsNotForced = "rls_not_forced"
    /// RLS is forced on a governed table that `force:` leaves out (its owner, and the SECURITY
    /// DEFINER functions it owns, pass through the policies).
    case rlsForced = "rls_forced"
    /// An expected policy does not exist.
    case missingPolicy = "missing_policy"
    /// A policy exists under the expected name but its USING, WITH CHECK, roles, command or
    /// type differ.
    case modifiedPolicy = "modified_policy"
    /// A policy pgpe does not manage is on a governed table.
    case extraPolicy = "extra_policy"
    /// A privilege a GRANT item gives is not granted.
    case missingGrant = "missing_grant"
    /// A privilege is granted on a table whose grants pgpe manages, and no GRANT item gives it.
    case extraGrant = "extra_grant"
    /// A managed policy's USING or WITH CHECK is spelled differently from the compiled text but
    /// proven to mean the same (SPEC 11.7): reported as info, not drift, and not repaired.
    case cosmeticChange = "cosmetic_change"

    /// The severity SPEC 8 gives this kind (an item may differ: SPEC 11.7 makes a narrower
    /// `modified_policy` a warning and a wider `extra_policy` critical).
    public var severity: DriftSeverity {
        switch self {
        case .missingPolicy, .modifiedPolicy, .missingGrant, .rlsDisabled: return .critical
        case .rlsNotForced: return .high
        case .extraPolicy, .extraGrant, .rlsForced: return .warning
        case .cosmeticChange: return .info
        }
    }

    /// Whether repairing it removes something pgpe did not create, which needs `--prune`.
    public var needsPrune: Bool {
        self == .extraPolicy || self == .extraGrant
    }

    /// The diagnostic catalogue's entry for this kind (`drift.<type>`), the SARIF rule of
    /// `pgpe monitor`.
    public var diagnosticKind: DiagnosticKind {
        switch self {
        case .rlsDisabled: return .driftRLSDisabled
        case .rlsNotForced: return .driftRLSNotForced
        case .rlsForced: return .driftRLSForced
        case .missingPolicy: return .driftMissingPolicy
        case .modifiedPolicy: return .driftModifiedPolicy
        case .extraPolicy: return .driftExtraPolicy
        case .missingGrant: return .driftMissingGrant
        case .extraGrant: return .driftExtraGrant
        case .cosmeticChange: return .driftCosmeticChange
        }
    }
}
