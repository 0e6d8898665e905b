/// An atom of a generated policy, kept structured so that a failing case can be shrunk.
public indirect enum DifferentialAtom: Hashable, Sendable, CustomStringConvertible {
    /// A complete atom in the policy language (`col(n) > lit(1)`, `raw('n > 0')`).
    case text(String)
    /// `exists(rel(_, source, target, targetColumn), {atoms joined by AND})`
    case exists(source: String, target: String, targetColumn: String, clause: [DifferentialAtom])

    /// The atom in the policy language.
    public var description: String {
        switch self {
        case .text(let text):
            return text
        case .exists(let source, let target, let targetColumn, let clause):
            return "exists(rel(_, \(DifferentialSQL.policyName(source)), \(DifferentialSQL.policyName(target)), "
                + "\(DifferentialSQL.policyName(targetColumn))), {\(clause.map(\.description).joined(separator: " AND "))})"
        }
    }

    /// The number of atoms, nested ones included (for shrinking).
    public var size: Int {
        switch self {
        case .text: return 1
        case .exists(_, _, _, let clause): return 1 + clause.reduce(0) { $0 + $1.size }
        }
    }
}
