/// How the rows an observed policy expression admits relate to those of the expected one
/// (SPEC 11.7).
public enum MeaningRelation: String, Hashable, Sendable {
    /// The same rows (by canonical text, or proven by Z3).
    case equivalent
    /// The observed expression admits a subset of the expected one's rows.
    case narrower
    /// The observed expression admits every row the expected one does, and more.
    case wider
    /// Each admits some row the other does not.
    case incomparable
    /// Not decided: raw SQL, an expression the lifter or the checker cannot read, a timeout.
    case unknown
}
