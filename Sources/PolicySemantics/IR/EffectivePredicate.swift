import PolicySchema
import PolicySyntax

/// The effective predicate of a table for one command, role and side (USING or WITH CHECK):
/// `(OR of permissive) AND (AND of restrictive)`; no permissive policy means no rows.
public struct EffectivePredicate: Hashable, Sendable, CustomStringConvertible {
    /// Which side of a command a predicate is.
    public enum Side: String, Hashable, Sendable {
        /// Existing rows (SELECT, UPDATE, DELETE).
        case using
        /// New rows (INSERT, UPDATE).
        case check
    }

    /// The table.
    public var table: QualifiedName
    /// The command.
    public var command: PolicyCommand
    /// The role (`PUBLIC` stands for any role no policy names).
    public var role: String
    /// USING or WITH CHECK.
    public var side: Side
    /// The applicable permissive policies' predicates, in source order.
    public var permissive: [PolicyPredicate]
    /// The applicable restrictive policies' predicates, in source order.
    public var restrictive: [PolicyPredicate]

    /// Creates an effective predicate.
    public init(
        table: QualifiedName, command: PolicyCommand, role: String, side: Side,
        permissive: [PolicyPredicate], restrictive: [PolicyPredicate]
    ) {
        self.table = table
        self.command = command
        self.role = role
        self.side = side
        self.permissive = permissive
        self.restrictive = restrictive
    }

    /// Whether no permissive policy applies (so nothing is visible or writable).
    public var isDefaultDeny: Bool { permissive.isEmpty }

    /// Every policy that contributes.
    public var policies: [PolicyRef] { (permissive + restrictive).map(\.policy) }

    /// The predicate in the policy language, every grouping written out: the permissive
    /// clauses (deduplicated) `(c1) OR (c2)`, and each restrictive policy joined with `AND`, a
    /// disjunction in parentheses of its own: `((c1) OR (c2)) AND r1 AND ((r2) OR (r3))`.
    public var description: String {
        if permissive.isEmpty { return "false" }
        var permissiveClauses: [Clause] = []
        for predicate in permissive {
            for clause in predicate.clauses where !permissiveClauses.contains(clause) { permissiveClauses.append(clause) }
        }
        let any = permissiveClauses.contains(where: \.isTrue) ? [Clause(atoms: [])] : permissiveClauses
        let all = restrictive.filter { !$0.isTrue }.map(\.clauses)
        if all.isEmpty { return EffectivePredicate.disjunction(any, grouped: false) }
        return ([any] + all).map { EffectivePredicate.disjunction($0, grouped: true) }.joined(separator: " AND ")
    }

    /// Clauses joined with `OR`, each in parentheses when there are several (a clause is a
    /// conjunction), the whole in parentheses too when `grouped` (an operand of `AND`).
    private static func disjunction(_ clauses: [Clause], grouped: Bool) -> String {
        switch clauses.count {
        case 0: return "false"
        case 1: return clauses[0].description
        default:
            let text = clauses.map { "(\($0))" }.joined(separator: " OR ")
            return grouped ? "(\(text))" : text
        }
    }
}
