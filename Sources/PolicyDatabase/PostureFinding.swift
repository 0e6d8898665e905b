import PolicySchema
import PolicySyntax

/// A weakness of the database's security posture that is not drift: a role or an owner that
/// makes the policies easy to get around.
public struct PostureFinding: Hashable, Sendable {
    /// What kind of finding it is.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A role that can log in and is a superuser or has BYPASSRLS: RLS does not apply to it.
        case privilegedLoginRole = "privileged_login_role"
        /// A governed table is owned by a role that a policy or grant on it names (or that such
        /// a role can act as): sessions of that role can disable RLS and drop the policies.
        case ownerNamedByPolicy = "owner_named_by_policy"
        /// A table pgpe forces RLS on is owned by a role that is neither a superuser nor has
        /// BYPASSRLS: the owner, and the SECURITY DEFINER functions and triggers it owns, pass
        /// through the policies (SPEC 11.5).
        case forcedOwner = "forced_owner"

        /// The diagnostic catalogue's entry for this kind (`posture.<kind>`), a SARIF rule of
        /// `pgpe monitor`.
        public var diagnosticKind: DiagnosticKind {
            switch self {
            case .privilegedLoginRole: return .posturePrivilegedLoginRole
            case .ownerNamedByPolicy: return .postureOwnerNamedByPolicy
            case .forcedOwner: return .postureForcedOwner
            }
        }
    }

    /// The kind.
    public var kind: Kind
    /// How serious it is.
    public var severity: DriftSeverity
    /// The role concerned.
    public var role: String
    /// The table, for ownership findings.
    public var table: QualifiedName?
    /// What is wrong, for people.
    public var description: String
    /// What to do about it, for people (pgpe never runs it).
    public var remediation: String
    /// For `forced_owner`: the owner's SECURITY DEFINER functions and triggers that read or
    /// write the table.
    public var routines: OwnerRoutines?

    /// Creates a finding.
    public init(
        kind: Kind, severity: DriftSeverity, role: String, table: QualifiedName? = nil,
        description: String, remediation: String, routines: OwnerRoutines? = nil
    ) {
        self.routines = routines
        self.kind = kind
        self.severity = severity
        self.role = role
        self.table = table
        self.description = description
        self.remediation = remediation
    }
}
