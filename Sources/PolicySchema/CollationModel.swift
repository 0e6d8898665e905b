/// A collation the schema declares (`CREATE COLLATION`) or a column uses.
///
/// A nondeterministic collation (`deterministic = false`, such as a case-insensitive ICU
/// locale) compares strings equal that are not identical: equality on a column with one is
/// not identity, so the proofs never conclude that two keys differ from it.
public struct CollationModel: Hashable, Sendable {
    /// The collation's name: `schema.name` for one a schema declares, else as written (`C`).
    public var name: String
    /// Whether equal strings under it are identical (every predefined collation is).
    public var isDeterministic: Bool

    /// Creates a collation.
    public init(name: String, isDeterministic: Bool) {
        self.name = name
        self.isDeterministic = isDeterministic
    }
}
