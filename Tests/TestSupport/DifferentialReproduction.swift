/// A failing differential case written out so that a person can replay it by hand: the
/// files `pgpe` reads, the SQL it compiled, the rows, and the failing check.
public struct DifferentialReproduction: CustomStringConvertible {
    /// The (shrunk) case.
    public var testCase: DifferentialCase
    /// The mismatch it shows.
    public var mismatch: DifferentialMismatch
    /// The compiled SQL of the case.
    public var compiledSQL: String

    /// Creates a reproduction.
    public init(testCase: DifferentialCase, mismatch: DifferentialMismatch, compiledSQL: String) {
        self.testCase = testCase
        self.mismatch = mismatch
        self.compiledSQL = compiledSQL
    }

    /// The reproduction as text.
    public var description: String {
        let roles = DifferentialGenerator.roles.map(DifferentialSQL.identifier).joined(separator: ", ")
        var lines = [
            "differential mismatch (\(testCase.label)); minimal reproduction:",
            "-- pgpe.yaml", testCase.configYAML,
            "-- policies/case.policy", testCase.policyText,
            "-- schema.sql", testCase.schemaSQL,
            "-- compiled SQL (pgpe compile)", compiledSQL,
            "-- rows and grants (as a superuser)",
            testCase.rowsSQL
                + "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(roles);\n",
        ]
        if let session = mismatch.session {
            var setup = ["SET ROLE \(DifferentialSQL.identifier(session.role));"]
            for (key, value) in session.settings.sorted(by: { $0.key < $1.key }) {
                setup.append("SELECT set_config(\(DifferentialSQL.literal(key)), \(DifferentialSQL.literal(value)), true);")
            }
            lines += ["-- the session", setup.joined(separator: "\n") + "\n"]
        }
        lines += ["-- the check", mismatch.description]
        return lines.joined(separator: "\n")
    }
}
