/// The kinds of values the differential test's generated columns and session keys hold.
public enum DifferentialFamily: String, Hashable, Sendable, CaseIterable {
    /// `integer` or `bigint`.
    case int
    /// `text`.
    case text
    /// `uuid`.
    case uuid
    /// `boolean`.
    case bool
}
