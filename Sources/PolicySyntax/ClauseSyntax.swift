/// A clause: atoms joined by `AND`.
public struct ClauseSyntax: Hashable, Sendable {
    /// The atoms, in source order.
    public var atoms: [AtomSyntax]
    /// The atoms' extent (and the `CLAUSE` keyword when there is one).
    public var range: SourceRange
    /// The `CLAUSE` keyword (absent for the clause inside `exists(..., {...})`).
    public var keywordRange: SourceRange?

    /// Creates a clause.
    public init(atoms: [AtomSyntax], range: SourceRange, keywordRange: SourceRange?) {
        self.atoms = atoms
        self.range = range
        self.keywordRange = keywordRange
    }
}
