import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax

/// One generated case of the differential test: a small schema, a policy set over it, rows,
/// sessions and writes. Everything is plain data so that a failing case can be shrunk and
/// printed as a reproduction.
public struct DifferentialCase: Hashable, Sendable {
    /// Where the case came from (seed and number), for messages.
    public var label: String
    /// The tables, in creation order (a foreign key references an earlier table).
    public var tables: [DifferentialTable]
    /// The policies, in source order.
    public var policies: [DifferentialPolicy]
    /// The selectors of `GOVERN SELECTOR …` items, written after the policies.
    public var governs: [String]
    /// `missing_context` in pgpe.yaml.
    public var missingContext: MissingContext
    /// The declared type of `app.k` (`text` or `uuid`).
    public var keyType: String
    /// The declared type of `app.n` (`integer` or `bigint`; columns `n` are either).
    public var numberType: String
    /// Rows per table name, inserted in table order.
    public var rows: [String: [[String: SQLValue]]]
    /// The sessions every read and write runs as.
    public var sessions: [DifferentialSession]
    /// The writes, each run (and rolled back) as every session.
    public var operations: [DifferentialOperation]

    /// Creates a case.
    public init(
        label: String, tables: [DifferentialTable], policies: [DifferentialPolicy], missingContext: MissingContext,
        keyType: String, numberType: String, rows: [String: [[String: SQLValue]]], sessions: [DifferentialSession],
        operations: [DifferentialOperation], governs: [String] = []
    ) {
        self.governs = governs
        self.label = label
        self.tables = tables
        self.policies = policies
        self.missingContext = missingContext
        self.keyType = keyType
        self.numberType = numberType
        self.rows = rows
        self.sessions = sessions
        self.operations = operations
    }

    /// The session keys the generator uses, in order.
    public static let sessionKeys = ["app.f", "app.k", "app.n", "app.s"]

    /// The declared function: same parity of two integers (NULL when either is NULL); the second
    /// has a default (0), which calls may leave out (SPEC 11.2).
    public static let functionSQL = """
        CREATE FUNCTION public.same_parity(a integer, b integer DEFAULT 0) RETURNS boolean
            LANGUAGE sql IMMUTABLE AS $$ SELECT a % 2 = b % 2 $$;
        """

    /// The schema: the tables and the function.
    public var schemaSQL: String {
        (tables.map(\.createStatement) + [DifferentialCase.functionSQL]).joined(separator: "\n\n") + "\n"
    }

    /// pgpe.yaml (`app.s` is left undeclared so its type is inferred).
    public var configYAML: String {
        """
        policies: [policies]
        schema: schema.sql
        missing_context: \(missingContext.rawValue)
        session:
          app.k: \(keyType)
          app.n: \(numberType)
          app.f: boolean
        functions:
          same_parity: {args: [integer, {type: integer, default: true}], returns: boolean, schema: public, volatility: immutable}

        """
    }

    /// The policy file.
    public var policyText: String {
        (policies.map(\.text) + governs.map { "GOVERN SELECTOR \($0)\n" }).joined(separator: "\n")
    }

    /// `INSERT` statements for the rows, in table order.
    public var rowsSQL: String {
        var statements: [String] = []
        for table in tables {
            for row in rows[table.name] ?? [] {
                let operation = DifferentialOperation.insert(table: table.name, row: row, returning: false)
                statements.append(operation.sql(in: tables) + ";")
            }
        }
        return statements.joined(separator: "\n") + (statements.isEmpty ? "" : "\n")
    }

    /// The rows as the reference evaluator sees them.
    public var database: EvaluationDatabase {
        var result: [QualifiedName: [[String: SQLValue]]] = [:]
        for table in tables { result[table.qualified] = rows[table.name] ?? [] }
        return EvaluationDatabase(rows: result)
    }

    /// The number of atoms, rows, sessions and writes: what shrinking makes smaller.
    public var size: Int {
        policies.reduce(0) { $0 + 1 + $1.size } + governs.count + rows.values.reduce(0) { $0 + $1.count } + sessions.count
            + operations.count
    }

    /// Parses and checks the case the way `pgpe` would read it from files.
    public func check() -> (policySet: PolicySet, diagnostics: [Diagnostic]) {
        DifferentialCase.check(configYAML: configYAML, schemaSQL: schemaSQL, policyText: policyText)
    }

    /// Parses and checks a generated project (pgpe.yaml, schema.sql and one policy file) the way
    /// `pgpe` would read it from files.
    public static func check(configYAML: String, schemaSQL: String, policyText: String)
        -> (policySet: PolicySet, diagnostics: [Diagnostic])
    {
        let base = "/pgpe-differential"
        let (config, _, configDiagnostics) = ConfigLoader.load(text: configYAML, path: base + "/pgpe.yaml", environment: [:])
        let (schema, schemaDiagnostics) = SQLSchemaReader.read(file: SourceFile(path: base + "/schema.sql", text: schemaSQL))
        let file = Parser.parse(text: policyText, path: base + "/policies/case.policy")
        let policySet = Checker.check(files: [file], config: config, schema: schema)
        return (policySet, configDiagnostics + schemaDiagnostics + file.diagnostics + policySet.diagnostics)
    }

    /// How the reference evaluator reads `fn(same_parity, [a, b])` and `fn(same_parity, [a])`
    /// (b defaults to 0), as the SQL function does.
    public static func interpretFunction(_ name: String, _ arguments: [SQLValue]) throws -> SQLValue {
        guard name == "same_parity", (1...2).contains(arguments.count) else { throw EvaluationError("no interpretation for fn(\(name))") }
        let second = arguments.count == 2 ? arguments[1] : .int(0)
        guard case .int(let a) = arguments[0], case .int(let b) = second else { return .null }
        return .bool(a % 2 == b % 2)
    }

    /// The raw SQL atoms the generator writes, and how the reference evaluator reads them.
    public static let rawAtoms = ["n > 0", "id % 2 = 0"]

    /// How the reference evaluator reads a raw atom on a row (every table has `id` and `n`).
    public static func interpretRaw(_ sql: String, _ row: [String: SQLValue], _ session: EvaluationSession) throws -> Bool {
        switch sql {
        case "n > 0":
            if case .int(let n) = row["n"] ?? .null { return n > 0 }
            return false
        case "id % 2 = 0":
            if case .int(let id) = row["id"] ?? .null { return id % 2 == 0 }
            return false
        default:
            throw EvaluationError("no interpretation for raw('\(sql)')")
        }
    }
}
