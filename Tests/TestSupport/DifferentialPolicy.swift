/// A generated policy, kept structured so that a failing case can be shrunk.
public struct DifferentialPolicy: Hashable, Sendable {
    /// The policy's name.
    public var name: String
    /// PERMISSIVE (true) or RESTRICTIVE.
    public var isPermissive: Bool
    /// The commands; empty means `ALL`.
    public var commands: [String]
    /// The `TO` roles; empty means none written (PUBLIC).
    public var roles: [String]
    /// The selector, in the policy language.
    public var selector: String
    /// The USING clauses, each a conjunction of atoms.
    public var using: [[DifferentialAtom]]
    /// The WITH CHECK clauses, when a block is written.
    public var check: [[DifferentialAtom]]?

    /// Creates a policy.
    public init(
        name: String, isPermissive: Bool, commands: [String], roles: [String], selector: String,
        using: [[DifferentialAtom]], check: [[DifferentialAtom]]?
    ) {
        self.name = name
        self.isPermissive = isPermissive
        self.commands = commands
        self.roles = roles
        self.selector = selector
        self.using = using
        self.check = check
    }

    /// The policy in the policy language.
    public var text: String {
        var lines = [
            "POLICY \(name)", "  " + (isPermissive ? "PERMISSIVE" : "RESTRICTIVE"),
            "  FOR " + (commands.isEmpty ? "ALL" : commands.joined(separator: ", ")),
        ]
        if !roles.isEmpty { lines.append("  TO " + roles.map(DifferentialSQL.policyName).joined(separator: ", ")) }
        lines.append("  SELECTOR \(selector)")
        for (index, clause) in using.enumerated() {
            lines.append("  " + (index == 0 ? "" : "OR ") + "CLAUSE " + clause.map(\.description).joined(separator: " AND "))
        }
        for (index, clause) in (check ?? []).enumerated() {
            lines.append("  " + (index == 0 ? "WITH CHECK " : "OR ") + "CLAUSE " + clause.map(\.description).joined(separator: " AND "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The number of atoms in it (for shrinking).
    public var size: Int {
        (using + (check ?? [])).reduce(0) { total, clause in total + clause.reduce(0) { $0 + $1.size } }
    }
}
