/// A FAILED verdict whose repro script does not show the leak on PostgreSQL.
public struct VerdictImprecision: Sendable, CustomStringConvertible {
    /// The verdict, as `Verdict.summary` prints it.
    public var verdict: String
    /// What the script printed (`pgpe-repro:` notices without the prefix), or the error that
    /// stopped it.
    public var printed: [String]
    /// The notices it should have printed and did not.
    public var missing: [String]
    /// Whether the search of the live database found the leak all the same (then only the
    /// counterexample is imprecise, not the verdict).
    public var foundBySearch: Bool

    /// The verdict and what the script printed.
    public var description: String {
        "\(verdict)\n  repro printed \(printed), missing \(missing)"
            + (foundBySearch ? "; the search found the leak" : "; the search found no leak either")
    }
}
