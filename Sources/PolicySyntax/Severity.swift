/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    /// A hint: something that could be simpler.
    case hint
    /// Information worth knowing.
    case info
    /// Probably a mistake, but the policies still compile.
    case warning
    /// The policies cannot be compiled or proven as written.
    case error

    private var rank: Int {
        switch self {
        case .hint: return 0
        case .info: return 1
        case .warning: return 2
        case .error: return 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
