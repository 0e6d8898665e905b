/// How serious a drift item or posture finding is, most serious first.
public enum DriftSeverity: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Rows may be exposed or writes allowed that the policies forbid.
    case critical
    /// A protection is weaker than declared (the table owner bypasses RLS).
    case high
    /// Something pgpe does not manage is present; worth a look.
    case warning
    /// Not drift: a difference of spelling proven to keep the meaning (`cosmetic_change`).
    case info

    /// Most serious first.
    public static func < (lhs: DriftSeverity, rhs: DriftSeverity) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
