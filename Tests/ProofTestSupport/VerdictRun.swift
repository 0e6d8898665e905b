import PolicyProofs
import TestSupport

/// One project of the verdict-level differential test, analysed and searched on PostgreSQL.
public struct VerdictRun: Sendable, CustomStringConvertible {
    /// The project.
    public var project: VerdictProject
    /// Error diagnostics of the checker; a project with any was not analysed.
    public var errors: [String]
    /// The tenant-isolation and fail-closed verdicts the search judged (PROVEN or FAILED).
    public var verdicts: [Verdict]
    /// PROVEN verdicts PostgreSQL refutes.
    public var contradictions: [VerdictContradiction]
    /// FAILED verdicts whose repro script does not show the leak.
    public var imprecisions: [VerdictImprecision]
    /// Errors of the search that `missing_context` does not explain (a probe that saw nothing).
    public var unexpected: [String]
    /// Counts of what happened (verdicts by proof and status, rows, sessions, leaks found...).
    public var statistics: [String: Int]
    /// The compiled SQL.
    public var compiledSQL: String
    /// The rows the search inserted, as SQL.
    public var rowsSQL: String

    /// Whether the checker accepted the project (so it was analysed and searched).
    public var isValid: Bool { errors.isEmpty }

    /// The project, its compiled SQL, its rows and what PostgreSQL showed: a reproduction.
    public var description: String {
        var lines = [
            project.description, "-- compiled SQL (pgpe compile)", compiledSQL,
            "-- rows (as a superuser, with session_replication_role = replica)", rowsSQL,
        ]
        lines.append(
            "-- roles: \(VerdictProject.roles.joined(separator: ", ")) (NOLOGIN, granted SELECT, INSERT, UPDATE, DELETE on every table); PUBLIC verdicts run as the ones the analysis does not name"
        )
        lines += contradictions.map(\.description)
        lines += unexpected.map { "search error: \($0)" }
        return lines.joined(separator: "\n")
    }
}
