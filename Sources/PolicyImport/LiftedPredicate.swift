import PolicyConfig

/// A USING or WITH CHECK expression lifted into the policy language.
public struct LiftedPredicate: Sendable {
    /// The clauses (each `atom AND atom …`), OR-ed; a top-level OR gives one clause per operand.
    public var clauses: [String]
    /// The sub-expressions kept as `raw('…')`, with their reasons.
    public var notes: [LiftNote]
    /// Session values the clauses read that the project did not declare (for `session:`).
    public var sessions: [SessionKeyDecl]
    /// Functions the clauses call that the project did not declare (for `functions:`).
    public var functions: [FunctionDecl]

    /// Creates a lifted predicate.
    public init(clauses: [String], notes: [LiftNote], sessions: [SessionKeyDecl], functions: [FunctionDecl]) {
        self.clauses = clauses
        self.notes = notes
        self.sessions = sessions
        self.functions = functions
    }

    /// Whether some part stayed raw SQL.
    public var hasRaw: Bool { !notes.isEmpty }

    /// The clauses as a policy writes them: `CLAUSE a AND b OR CLAUSE c`.
    public var dsl: String {
        clauses.map { "CLAUSE " + $0 }.joined(separator: " OR ")
    }
}
