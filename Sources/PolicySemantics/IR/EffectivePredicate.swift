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
    public init(table: QualifiedName, command: PolicyCommand, role: String, side: Side,
                permissive: [PolicyPredicate], restrictive: [PolicyPredicate]) {
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

    /// The predicate in the policy language: `(p1 OR p2) AND r1 AND r2`, clauses deduplicated.
    public var description: String {
        if permissive.isEmpty { return "false" }
        var permissiveClauses: [Clause] = []
        for predicate in permissive {
            for clause in predicate.clauses where !permissiveClauses.contains(clause) { permissiveClauses.append(clause) }
        }
        var parts: [String] = []
        if permissiveClauses.contains(where: \.isTrue) {
            parts.append("true")
        } else if permissiveClauses.isEmpty {
            parts.append("false")
        } else if permissiveClauses.count == 1 {
            parts.append(permissiveClauses[0].description)
        } else {
            parts.append(permissiveClauses.map { "(\($0))" }.joined(separator: " OR "))
        }
        for predicate in restrictive where !predicate.isTrue {
            parts.append(predicate.clauses.count == 1 ? predicate.clauses[0].description : "(\(predicate))")
        }
        return parts.count == 1 ? parts[0] : parts.map { $0.contains(" OR ") && !$0.hasPrefix("(") ? "(\($0))" : $0 }.joined(separator: " AND ")
    }
}
