/// Which way two policy sets differ on a row, for `policy-equivalence` (and `pgpe diff`, which
/// asks each way as its own question).
public enum ComparisonDirection: String, Hashable, Sendable {
    /// This set (the first predicate) admits the row and the other does not: access added
    /// compared with the other.
    case added
    /// The other set (the second predicate) admits the row and this one does not: access removed.
    case removed
}
