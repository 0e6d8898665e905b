import PolicySchema
import PolicySemantics
import PolicySyntax

/// Compiles a checked policy set to PostgreSQL (SPEC section 7). Deterministic to the byte.
public struct PolicyCompiler {
    private let policySet: PolicySet
    private let renderer: ExpressionRenderer

    /// Creates a compiler for `policySet`.
    public init(policySet: PolicySet) {
        self.policySet = policySet
        self.renderer = ExpressionRenderer(policySet: policySet)
    }

    /// Compiles every governed (and granted) table.
    public static func compile(_ policySet: PolicySet) -> CompiledProgram {
        PolicyCompiler(policySet: policySet).compile()
    }

    /// Compiles every governed (and granted) table.
    public func compile() -> CompiledProgram {
        var tableNames = Set(policySet.governedTables)
        for grant in policySet.grants { tableNames.formUnion(grant.tables) }
        var diagnostics: [Diagnostic] = []
        var tables: [CompiledTable] = []
        for table in tableNames.sorted() {
            let (compiled, problems) = compile(table: table)
            tables.append(compiled)
            diagnostics += problems
        }
        return CompiledProgram(tables: tables, diagnostics: diagnostics)
    }

    /// The statements of one table, and name collisions found on it.
    public func compile(table: QualifiedName) -> (CompiledTable, [Diagnostic]) {
        let governed = policySet.isGoverned(table)
        let qualified = SQLQuoting.qualified(table)
        var statements: [CompiledStatement] = []
        if governed {
            statements.append(
                CompiledStatement(
                    kind: .enableRLS, table: table,
                    sql: "ALTER TABLE \(qualified) ENABLE ROW LEVEL SECURITY;"))
            statements.append(
                CompiledStatement(
                    kind: .forceRLS, table: table,
                    sql: "ALTER TABLE \(qualified) FORCE ROW LEVEL SECURITY;"))
        }
        for policy in policySet.policies where policy.tables.contains(table) {
            guard let using = policy.using[table], let check = policy.check[table] else { continue }
            statements += policyStatements(for: policy, table: table, using: using.clauses, check: check.clauses)
        }
        let diagnostics = PolicyCompiler.diagnostics(for: PolicyCompiler.nameCollisions(policySet, table: table), in: policySet)
        for grant in policySet.grants where grant.tables.contains(table) {
            let privileges = grant.privileges.map(\.rawValue)
            let roles = grant.roles.map(PolicyCompiler.role)
            statements.append(
                CompiledStatement(
                    kind: .grant, table: table,
                    sql: "GRANT \(privileges.joined(separator: ", ")) ON TABLE \(qualified) TO \(roles.joined(separator: ", "));",
                    grant: ExpectedGrant(privileges: privileges, roles: grant.roles), source: grant.location))
        }
        return (CompiledTable(table: table, isGoverned: governed, statements: statements), diagnostics)
    }

    /// A role in SQL: `PUBLIC` for public, else a quoted-as-needed identifier.
    static func role(_ name: String) -> String {
        name == "public" ? "PUBLIC" : SQLQuoting.identifier(name)
    }

    /// Two policies that compile to one statement name on a table (`"Tenant"` and `tenant`, or
    /// names alike in their first 63 bytes): positions in the set's policies.
    public struct NameCollision: Hashable, Sendable {
        /// The later policy, and the one that got the name first.
        public var policy: Int
        public var other: Int
        public var table: QualifiedName
        public var name: String
    }

    /// What the names of a set's statements depend on, per policy: two sets with equal inputs
    /// have the same collisions (by position), so an edit inside a clause need not recompute them.
    public struct NamingInput: Hashable, Sendable {
        var name: String
        var isForAll: Bool
        var commands: [PolicyCommand]
        var tables: [QualifiedName]

        /// The inputs of every policy of `set`, in order (a policy's unchanged table list
        /// compares by identity).
        public static func of(_ set: PolicySet) -> [NamingInput] {
            set.policies.map { NamingInput(name: $0.ref.name, isForAll: $0.isForAll, commands: $0.commands, tables: $0.tables) }
        }
    }

    /// Every name collision of `set`, found without compiling.
    public static func nameCollisions(_ set: PolicySet) -> [NameCollision] {
        var names: [QualifiedName: [String: Int]] = [:]
        var collisions: [NameCollision] = []
        for (position, policy) in set.policies.enumerated() {
            for table in policy.tables {
                note(policy, at: position, on: table, names: &names[table, default: [:]], collisions: &collisions)
            }
        }
        return collisions.sorted { ($0.table, $0.policy, $0.name) < ($1.table, $1.policy, $1.name) }
    }

    static func nameCollisions(_ set: PolicySet, table: QualifiedName) -> [NameCollision] {
        var collisions: [NameCollision] = []
        var names: [String: Int] = [:]
        for (position, policy) in set.policies.enumerated() where policy.tables.contains(table) {
            note(policy, at: position, on: table, names: &names, collisions: &collisions)
        }
        return collisions
    }

    /// Names `policy`'s statements on `table`, noting those another policy has.
    private static func note(
        _ policy: CheckedPolicy, at position: Int, on table: QualifiedName, names: inout [String: Int],
        collisions: inout [NameCollision]
    ) {
        let commands: [PolicyCommand?] = policy.isForAll ? [nil] : policy.commands.map { $0 }
        for command in commands {
            let name = PolicyNaming.name(policy: policy.ref.name, table: table.name, command: commands.count == 1 ? nil : command)
            if let other = names[name] {
                if other != position { collisions.append(NameCollision(policy: position, other: other, table: table, name: name)) }
            } else {
                names[name] = position
            }
        }
    }

    /// The errors for `collisions` of `set` (`check` and the language server report them too).
    public static func diagnostics(for collisions: [NameCollision], in set: PolicySet) -> [Diagnostic] {
        collisions.compactMap { collision in
            guard set.policies.indices.contains(collision.policy), set.policies.indices.contains(collision.other) else { return nil }
            let policy = set.policies[collision.policy].ref
            let other = set.policies[collision.other].ref
            return Diagnostic(
                .compileNameCollision,
                message:
                    "policy '\(policy.name)' compiles to the name \(collision.name) on \(collision.table), which policy '\(other.name)' also gets; rename one",
                location: FileLocation(file: policy.location.file, range: policy.nameRange),
                notes: [
                    DiagnosticNote(
                        message: "'\(other.name)' is declared here",
                        location: FileLocation(file: other.location.file, range: other.nameRange))
                ])
        }
    }

    private func policyStatements(for policy: CheckedPolicy, table: QualifiedName, using: [Clause], check: [Clause]) -> [CompiledStatement]
    {
        let usingSQL = renderer.render(using, table: table)
        let checkSQL = renderer.render(check, table: table)
        let checkDiffers = using != check
        var result: [CompiledStatement] = []
        let perCommand: [(PolicyCommand?, String)]
        if policy.isForAll {
            perCommand = [(nil, "ALL")]
        } else {
            perCommand = policy.commands.map { ($0, $0.rawValue) }
        }
        for (command, commandText) in perCommand {
            let name = PolicyNaming.name(
                policy: policy.ref.name, table: table.name,
                command: perCommand.count == 1 ? nil : command)
            let expression: (using: String?, check: String?)
            switch command {
            case .select?, .delete?: expression = (usingSQL, nil)
            case .insert?: expression = (nil, checkSQL)
            case .update?, nil: expression = (usingSQL, checkDiffers ? checkSQL : nil)
            }
            var sql = "CREATE POLICY \(SQLQuoting.identifier(name))\n"
            sql += "  ON \(SQLQuoting.qualified(table))\n"
            sql += "  AS \(policy.kind.rawValue)\n"
            sql += "  FOR \(commandText)"
            if !policy.roles.isEmpty {
                sql += "\n  TO " + policy.roles.map(PolicyCompiler.role).joined(separator: ", ")
            }
            if let using = expression.using { sql += "\n  USING (\(using))" }
            if let check = expression.check { sql += "\n  WITH CHECK (\(check))" }
            sql += ";"
            let expected = ExpectedPolicy(
                name: name, permissive: policy.kind == .permissive, command: commandText,
                roles: policy.roles, using: expression.using, check: expression.check)
            result.append(
                CompiledStatement(
                    kind: .createPolicy, table: table, sql: sql, policy: expected,
                    source: policy.ref.location, sourcePolicy: policy.ref.name))
        }
        return result
    }
}
