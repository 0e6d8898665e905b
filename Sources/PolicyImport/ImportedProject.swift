/// A whole project written from the policies that exist (`pgpe import`, SPEC 11.6): the files
/// to write, relative to the project directory, and the report. No I/O: the caller writes them.
public struct ImportedProject: Sendable {
    /// The files, relative path → text, in the order to write them (`pgpe.yaml`, `schema.json`,
    /// then `policies/<schema>.<table>.policy` by table).
    public var files: [(path: String, text: String)]
    /// Every imported policy, by table and name.
    public var policies: [PolicyImportEntry]
    /// Tables governed without a policy (`GOVERN`).
    public var governedWithoutPolicy: [String]
    /// What was left out or could not be merged (tables with policies but RLS off, conflicting
    /// generated `session:`/`functions:` entries, privileges the language does not write).
    public var warnings: [String]

    /// Creates a project.
    public init(
        files: [(path: String, text: String)], policies: [PolicyImportEntry], governedWithoutPolicy: [String],
        warnings: [String]
    ) {
        self.files = files
        self.policies = policies
        self.governedWithoutPolicy = governedWithoutPolicy
        self.warnings = warnings
    }

    /// Whether some policy's certificate is DIFFERENT (`pgpe import` exits 1 then).
    public var hasDifferent: Bool { policies.contains { $0.verdict == .different } }

    /// How many policies have each verdict.
    public func count(_ verdict: LiftCertificate.Verdict) -> Int {
        policies.filter { $0.verdict == verdict }.count
    }
}
