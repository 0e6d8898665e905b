import PolicyConfig

/// A policy lifted into the policy language, with what it needs declared and its certificates.
public struct ImportedPolicy: Sendable {
    /// The `.policy` text (formatted).
    public var text: String
    /// The lifted USING (nil when the policy has none).
    public var using: LiftedPredicate?
    /// The lifted WITH CHECK (nil when it has none).
    public var check: LiftedPredicate?
    /// Session values to declare in `session:`.
    public var sessions: [SessionKeyDecl]
    /// Functions to declare in `functions:`.
    public var functions: [FunctionDecl]
    /// The USING's certificate.
    public var usingCertificate: LiftCertificate?
    /// The WITH CHECK's certificate.
    public var checkCertificate: LiftCertificate?
    /// The checker's errors on the lifted text (empty when it compiled).
    public var problems: [String]
    /// The lifted policy's `CREATE POLICY` statements (empty when it did not compile).
    public var compiledSQL: [String] = []

    /// Creates an imported policy.
    public init(
        text: String, using: LiftedPredicate?, check: LiftedPredicate?, sessions: [SessionKeyDecl], functions: [FunctionDecl],
        usingCertificate: LiftCertificate?, checkCertificate: LiftCertificate?, problems: [String]
    ) {
        self.text = text
        self.using = using
        self.check = check
        self.sessions = sessions
        self.functions = functions
        self.usingCertificate = usingCertificate
        self.checkCertificate = checkCertificate
        self.problems = problems
    }

    /// The certificates there are.
    public var certificates: [LiftCertificate] { [usingCertificate, checkCertificate].compactMap { $0 } }
}
