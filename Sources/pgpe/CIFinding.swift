/// One finding of a reporting command (`check`, `analyze`, `monitor`, later `diff`) for the CI
/// formats: `GitHubAnnotations` writes the ones with a level as workflow commands, `JUnitReport`
/// writes every one as a test case. Each command builds its list once; the renderers know
/// nothing of diagnostics, verdicts or drift.
struct CIFinding {
    /// The annotation level of a GitHub workflow command.
    enum Level: String {
        case error
        case warning
        case notice
    }

    /// What a JUnit test case says.
    enum Outcome: Equatable {
        /// Nothing wrong (or nothing that fails the run).
        case passed
        /// It fails the run.
        case failed
        /// Undecided (an UNKNOWN verdict that does not fail the run).
        case skipped
    }

    /// The rule or kind (`semantic.unknown-column`, `proof.coverage`, `drift.modified_policy`).
    var rule: String
    /// The annotation level, or `nil` for a finding that is not annotated (a PROVEN verdict).
    var level: Level?
    /// The test case's outcome.
    var outcome: Outcome
    /// A short title (the annotation's title, the failure's message attribute).
    var title: String
    /// The full message.
    var message: String
    /// Where, for people (1-based), when known.
    var position: DiagnosticPrinter.Position?
    /// The JUnit test suite (a file or a table).
    var group: String
    /// The JUnit test case name, unique within its group.
    var name: String
}
