/// A conjunction of atoms; no atoms means `true`. Equality ignores the origin.
public struct Clause: Hashable, Sendable, CustomStringConvertible {
    /// The atoms (sorted once normalized).
    public var atoms: [Atom]
    /// The source clause it came from (for blame), when known.
    public var origin: ClauseOrigin?

    /// Creates a clause.
    public init(atoms: [Atom], origin: ClauseOrigin? = nil) {
        self.atoms = atoms
        self.origin = origin
    }

    /// Whether the clause is `true` (no atoms).
    public var isTrue: Bool { atoms.isEmpty }

    /// The columns of the enclosing row the clause reads with `outer(c)`, at its own level.
    public var outerColumns: [String] { atoms.flatMap(\.outerColumns) }

    public static func == (lhs: Clause, rhs: Clause) -> Bool { lhs.atoms == rhs.atoms }
    public func hash(into hasher: inout Hasher) { hasher.combine(atoms) }

    /// The clause in the policy language (`true` when empty).
    /// The clause after the text of `path` moved `delta` bytes.
    func shifted(by delta: Int, in path: String) -> Clause {
        Clause(
            atoms: atoms.contains { $0.containsRaw } ? atoms.map { $0.shifted(by: delta, in: path) } : atoms,
            origin: origin?.shifted(by: delta, in: path))
    }

    public var description: String {
        atoms.isEmpty ? "true" : atoms.map(\.description).joined(separator: " AND ")
    }
}
