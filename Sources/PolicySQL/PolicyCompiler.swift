import PolicyConfig
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
        }
        let forced = policySet.isForced(table)
        if forced {
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
        return (CompiledTable(table: table, isGoverned: governed, isForced: forced, statements: statements), diagnostics)
    }

    /// A role in SQL: `PUBLIC` for public, else a quoted-as-needed identifier.
    static func role(_ name: String) -> String {
        name == "public" ? "PUBLIC" : SQLQuoting.identifier(name)
    }

    /// A problem with the name of a policy's statement on a table, by positions in the set's
    /// policies: two policies that compile to one name (`"Tenant"` and `tenant`, or names alike
    /// in their first 63 bytes); under `naming: exact`, two commands of one policy whose names
    /// are alike in their first 63 bytes (`other == policy`), or a name PostgreSQL would cut to
    /// 63 bytes (`written` is set).
    public struct NameCollision: Hashable, Sendable {
        /// The later policy, and the one that got the name first.
        public var policy: Int
        public var other: Int
        public var table: QualifiedName
        public var name: String
        /// For a name cut to 63 bytes under `naming: exact`: the name as written (a warning,
        /// not a collision).
        public var written: String? = nil
    }

    /// What the names of a set's statements depend on, per policy: two sets with equal inputs
    /// have the same collisions (by position), so an edit inside a clause need not recompute them.
    public struct NamingInput: Hashable, Sendable {
        var name: String
        var isForAll: Bool
        var commands: [PolicyCommand]
        var tables: [QualifiedName]
        var mode: PolicyNamingMode

        /// The inputs of every policy of `set`, in order (a policy's unchanged table list
        /// compares by identity).
        public static func of(_ set: PolicySet) -> [NamingInput] {
            set.policies.map {
                NamingInput(
                    name: $0.ref.name, isForAll: $0.isForAll, commands: $0.commands, tables: $0.tables, mode: set.config.naming)
            }
        }
    }

    /// Every name collision of `set`, found without compiling.
    public static func nameCollisions(_ set: PolicySet) -> [NameCollision] {
        var names: [QualifiedName: [String: Int]] = [:]
        var collisions: [NameCollision] = []
        for (position, policy) in set.policies.enumerated() {
            for table in policy.tables {
                note(
                    policy, at: position, on: table, mode: set.config.naming, names: &names[table, default: [:]],
                    collisions: &collisions)
            }
        }
        return collisions.sorted { ($0.table, $0.policy, $0.name) < ($1.table, $1.policy, $1.name) }
    }

    static func nameCollisions(_ set: PolicySet, table: QualifiedName) -> [NameCollision] {
        var collisions: [NameCollision] = []
        var names: [String: Int] = [:]
        for (position, policy) in set.policies.enumerated() where policy.tables.contains(table) {
            note(policy, at: position, on: table, mode: set.config.naming, names: &names, collisions: &collisions)
        }
        return collisions
    }

    /// Names `policy`'s statements on `table`, noting those another policy has (and, under
    /// `exact`, names cut to 63 bytes and commands of one policy whose cut names agree).
    private static func note(
        _ policy: CheckedPolicy, at position: Int, on table: QualifiedName, mode: PolicyNamingMode,
        names: inout [String: Int], collisions: inout [NameCollision]
    ) {
        let commands: [PolicyCommand?] = policy.isForAll ? [nil] : policy.commands.map { $0 }
        for command in commands {
            let suffix = commands.count == 1 ? nil : command
            let name = PolicyNaming.name(policy: policy.ref.name, table: table.name, command: suffix, mode: mode)
            if mode == .exact {
                let written = PolicyNaming.written(policy: policy.ref.name, command: suffix)
                // The name does not depend on the table: one warning, on the policy's first table.
                if written != name, table == policy.tables.first {
                    collisions.append(NameCollision(policy: position, other: position, table: table, name: name, written: written))
                }
            }
            if let other = names[name] {
                if other != position || mode == .exact {
                    collisions.append(NameCollision(policy: position, other: other, table: table, name: name))
                }
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
            let location = FileLocation(file: policy.location.file, range: policy.nameRange)
            if let written = collision.written {
                return Diagnostic(
                    .compileNameTruncated,
                    message:
                        "the name \(SQLQuoting.identifier(written)) is \(written.utf8.count) bytes; PostgreSQL keeps \(PolicyNaming.maximumBytes) bytes, so the policy is named \(SQLQuoting.identifier(collision.name)); shorten the name",
                    location: location)
            }
            if collision.policy == collision.other {
                return Diagnostic(
                    .compileNameCollision,
                    message:
                        "policy '\(policy.name)' compiles to the name \(SQLQuoting.identifier(collision.name)) on \(collision.table) for two of its commands once PostgreSQL cuts the names to \(PolicyNaming.maximumBytes) bytes; shorten the name",
                    location: location)
            }
            return Diagnostic(
                .compileNameCollision,
                message:
                    "policy '\(policy.name)' compiles to the name \(collision.name) on \(collision.table), which policy '\(other.name)' also gets; rename one",
                location: location,
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
                command: perCommand.count == 1 ? nil : command, mode: policySet.config.naming)
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
