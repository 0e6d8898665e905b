/// A check on which PostgreSQL and the reference evaluator disagree.
public struct DifferentialMismatch: Hashable, Sendable, CustomStringConvertible {
    /// What was checked, without the session: `setup`, `cast app.n`, `read alpha`,
    /// `write update alpha`. Shrinking keeps a case only while a mismatch of this kind remains.
    public var check: String
    /// The session it ran as (`nil` for setup).
    public var session: DifferentialSession?
    /// The settings PostgreSQL reported for that session, as the evaluator was given them.
    public var observedSettings: [String: String]
    /// The statement run.
    public var statement: String
    /// What PostgreSQL did.
    public var postgres: String
    /// What the reference evaluator expected.
    public var expected: String

    /// Creates a mismatch.
    public init(
        check: String, session: DifferentialSession?, observedSettings: [String: String], statement: String,
        postgres: String, expected: String
    ) {
        self.check = check
        self.session = session
        self.observedSettings = observedSettings
        self.statement = statement
        self.postgres = postgres
        self.expected = expected
    }

    /// A one-paragraph summary.
    public var description: String {
        var text = "\(check): \(statement)\n"
        if let session {
            let observed = observedSettings.sorted { $0.key < $1.key }.map { "\($0.key) = \(DifferentialSQL.literal($0.value))" }
            text +=
                "  as \(session.role); settings made: \(session.description); PostgreSQL then reported: "
                + (observed.isEmpty ? "(none set)" : observed.joined(separator: ", ")) + "\n"
        }
        text += "  PostgreSQL:         \(postgres)\n  reference evaluator: \(expected)"
        return text
    }
}
