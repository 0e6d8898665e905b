import PolicyProofs
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax

/// What a finding (a FAILED or UNKNOWN verdict) is, independent of where its text sits: the
/// proof, table, command, role, side, isolation key and status, and a hash of the normal form
/// of the responsible clauses. Reformatting a `.policy` file or moving its lines keeps it;
/// changing what the blamed clauses mean changes it. `pgpe analyze --baseline` compares these
/// (docs/baseline.md).
public struct FindingIdentity: Hashable, Sendable, Comparable {
    /// The proof id.
    public var proof: String
    /// The table.
    public var table: String
    /// The command, or `nil` for a verdict about the whole table.
    public var command: String?
    /// The role (`PUBLIC` for any role no policy names).
    public var role: String
    /// `using` or `check`.
    public var side: String
    /// The isolation key, when the proof is about one.
    public var key: String?
    /// FAILED or UNKNOWN (an accepted verdict's own status).
    public var status: String
    /// 8 hex digits of the FNV-1a hash of the responsible clauses' normal form (`clauseText`).
    public var clauses: String

    /// Creates an identity from its parts (read from a baseline file).
    public init(
        proof: String, table: String, command: String?, role: String, side: String, key: String?, status: String, clauses: String
    ) {
        self.proof = proof
        self.table = table
        self.command = command
        self.role = role
        self.side = side
        self.key = key
        self.status = status
        self.clauses = clauses
    }

    /// The identity of `verdict` in `policySet`.
    public init(_ verdict: Verdict, policySet: PolicySet) {
        self.init(
            proof: verdict.proof.rawValue, table: verdict.table.description, command: verdict.command?.rawValue,
            role: verdict.role, side: verdict.side.rawValue, key: verdict.key,
            status: (verdict.acceptance?.status ?? verdict.status).rawValue,
            clauses: PolicyNaming.hash(FindingIdentity.clauseText(verdict, policySet: policySet)))
    }

    /// The normal form of the clauses to blame for `verdict` (each blamed policy's name and
    /// clause, sorted), or, with nothing to blame, of the effective predicate the verdict is about.
    public static func clauseText(_ verdict: Verdict, policySet: PolicySet) -> String {
        guard !verdict.blame.isEmpty else {
            guard let command = verdict.command else { return "" }
            return policySet.effective(verdict.table, command, role: verdict.role, side: verdict.side).description
        }
        let blamed = Set(verdict.blame.map(\.location))
        var parts = Set<String>()
        for policy in policySet.policies(governing: verdict.table) {
            for normalized in [policy.using[verdict.table], policy.check[verdict.table]].compactMap({ $0 }) {
                for clause in normalized.clauses + normalized.contradictory {
                    guard let origin = clause.origin, blamed.contains(origin.location) else { continue }
                    parts.insert("\(policy.ref.name): \(clause)")
                }
            }
            // Blame at a whole policy (no clause of its own to point at).
            if verdict.blame.contains(where: { $0.policy == policy.ref.name })
                && !parts.contains(where: { $0.hasPrefix("\(policy.ref.name): ") })
            {
                parts.insert("\(policy.ref.name)")
            }
        }
        return parts.sorted().joined(separator: "\n")
    }

    /// The text of the identity for messages and sorting: `proof table command role side key status clauses`.
    public var description: String {
        [proof, table, command ?? "-", role, side, key ?? "-", status, clauses].joined(separator: " ")
    }

    public static func < (lhs: FindingIdentity, rhs: FindingIdentity) -> Bool {
        lhs.description < rhs.description
    }
}
