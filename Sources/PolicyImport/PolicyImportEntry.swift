import PolicySchema

/// One policy of an import as `pgpe import` reports it: where it is, its certificate and why.
public struct PolicyImportEntry: Sendable {
    /// The table the policy is on.
    public var table: QualifiedName
    /// The policy's name.
    public var name: String
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`.
    public var command: String
    /// The policy's certificate: the worst of its USING's and WITH CHECK's (DIFFERENT over RAW
    /// over EQUIVALENT).
    public var verdict: LiftCertificate.Verdict
    /// Why the verdict is RAW or DIFFERENT (empty for EQUIVALENT).
    public var reason: String
    /// The original USING and WITH CHECK texts.
    public var originalUsing: String?
    /// The original WITH CHECK text.
    public var originalCheck: String?
    /// The texts the lifted policy compiled back to.
    public var roundTripUsing: String?
    /// The WITH CHECK the lifted policy compiled back to.
    public var roundTripCheck: String?
    /// The policy file it was written to, relative to the project directory.
    public var file: String

    /// Creates an entry.
    public init(
        table: QualifiedName, name: String, command: String, verdict: LiftCertificate.Verdict, reason: String,
        originalUsing: String?, originalCheck: String?, roundTripUsing: String?, roundTripCheck: String?, file: String
    ) {
        self.table = table
        self.name = name
        self.command = command
        self.verdict = verdict
        self.reason = reason
        self.originalUsing = originalUsing
        self.originalCheck = originalCheck
        self.roundTripUsing = roundTripUsing
        self.roundTripCheck = roundTripCheck
        self.file = file
    }
}
