import PolicyProofs
import PolicySchema
import PolicySyntax

/// One difference between the policies and the live database, with what repairs it.
public struct DriftItem: Hashable, Sendable {
    /// The kind of drift.
    public var type: DriftType
    /// The table.
    public var table: QualifiedName
    /// The policy, for policy drift.
    public var policy: String?
    /// What differs, for people.
    public var description: String
    /// What the policies say (a policy's canonical text, `enabled`, privileges), when it applies.
    public var expected: String?
    /// What the database has, when it has something.
    public var observed: String?
    /// The statements that repair it (empty when pgpe cannot: the table does not exist).
    public var repair: [PlanAction]
    /// Where the expected policy or grant is declared, when it is.
    public var source: FileLocation?
    /// How serious it is: its type's severity unless drift by meaning says otherwise (SPEC 11.7).
    public var severity: DriftSeverity
    /// A row the live policy admits and the managed policies do not (SPEC 11.7), when one is known.
    public var witness: Counterexample?
    /// Whether its repair runs only with `--prune` (an unmanaged policy that admits the witness
    /// row is dropped without it).
    public var needsPrune: Bool

    /// Creates an item.
    public init(
        type: DriftType, table: QualifiedName, policy: String? = nil, description: String,
        expected: String? = nil, observed: String? = nil, repair: [PlanAction] = [], source: FileLocation? = nil,
        severity: DriftSeverity? = nil, witness: Counterexample? = nil
    ) {
        self.type = type
        self.table = table
        self.policy = policy
        self.description = description
        self.expected = expected
        self.observed = observed
        self.repair = repair
        self.source = source
        self.severity = severity ?? type.severity
        self.witness = witness
        self.needsPrune = type.needsPrune && witness == nil
    }

    /// The repair SQL, one statement per line, or `nil` when there is none.
    public var remediation: String? {
        repair.isEmpty ? nil : repair.map(\.sql).joined(separator: "\n")
    }

    /// A key that is the same for the same drift in two checks (for `--watch`).
    public var identity: String {
        [type.rawValue, table.description, policy ?? "", description, observed ?? ""].joined(separator: "\u{1F}")
    }
}
