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

    /// Creates an item.
    public init(
        type: DriftType, table: QualifiedName, policy: String? = nil, description: String,
        expected: String? = nil, observed: String? = nil, repair: [PlanAction] = [], source: FileLocation? = nil
    ) {
        self.type = type
        self.table = table
        self.policy = policy
        self.description = description
        self.expected = expected
        self.observed = observed
        self.repair = repair
        self.source = source
    }

    /// The severity of its type.
    public var severity: DriftSeverity { type.severity }

    /// The repair SQL, one statement per line, or `nil` when there is none.
    public var remediation: String? {
        repair.isEmpty ? nil : repair.map(\.sql).joined(separator: "\n")
    }

    /// A key that is the same for the same drift in two checks (for `--watch`).
    public var identity: String {
        [type.rawValue, table.description, policy ?? "", description, observed ?? ""].joined(separator: "\u{1F}")
    }
}
