import PolicyConfig
import PolicySemantics
import PolicySyntax

/// One generated project of the verdict-level differential test: a schema of two to four tables
/// linked by foreign keys, a `pgpe.yaml` with several session keys of several types (some of
/// them isolation keys) and a policy file. Plain data, so that a project whose verdict
/// PostgreSQL contradicts can be shrunk and printed.
public struct VerdictProject: Hashable, Sendable, CustomStringConvertible {
    /// Where the project came from (seed and number), for messages.
    public var label: String
    /// The tables, in creation order (a foreign key references an earlier table).
    public var tables: [DifferentialTable]
    /// The policies, in source order.
    public var policies: [DifferentialPolicy]
    /// The selectors of `GOVERN SELECTOR …` items, written after the policies.
    public var governs: [String]
    /// `missing_context` in pgpe.yaml.
    public var missingContext: MissingContext
    /// The declared session keys.
    public var keys: [VerdictKey]

    /// Creates a project.
    public init(
        label: String, tables: [DifferentialTable], policies: [DifferentialPolicy], missingContext: MissingContext,
        keys: [VerdictKey], governs: [String] = []
    ) {
        self.governs = governs
        self.label = label
        self.tables = tables
        self.policies = policies
        self.missingContext = missingContext
        self.keys = keys
    }

    /// The roles policies may name in `TO` (the first two) and the one that stands for every
    /// other role (named by no policy): the differential test's roles.
    public static let roles = DifferentialGenerator.roles

    /// `schema.sql`.
    public var schemaSQL: String {
        tables.map(\.createStatement).joined(separator: "\n\n") + "\n"
    }

    /// `pgpe.yaml`.
    public var configYAML: String {
        var lines = ["policies: [policies]", "schema: schema.sql", "missing_context: \(missingContext.rawValue)", "session:"]
        for key in keys { lines.append("  \(key.name): \(key.type)") }
        let isolated = keys.filter(\.isolation)
        if !isolated.isEmpty {
            lines.append("isolation:")
            for key in isolated {
                lines.append("  - key: \(key.name)")
                if let tables = key.isolationTables { lines.append("    tables: \"\(tables)\"") }
            }
        }
        lines.append("analysis:")
        lines.append("  timeout_ms: 4000")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The policy file.
    public var policyText: String {
        (policies.map(\.text) + governs.map { "GOVERN SELECTOR \($0)\n" }).joined(separator: "\n")
    }

    /// Parses and checks the project the way `pgpe` would read it from files.
    public func check() -> (policySet: PolicySet, diagnostics: [Diagnostic]) {
        DifferentialCase.check(configYAML: configYAML, schemaSQL: schemaSQL, policyText: policyText)
    }

    /// The three files, as a person would write them to replay the project.
    public var description: String {
        ["-- \(label)", "-- pgpe.yaml", configYAML, "-- schema.sql", schemaSQL, "-- policies/case.policy", policyText].joined(
            separator: "\n")
    }
}
