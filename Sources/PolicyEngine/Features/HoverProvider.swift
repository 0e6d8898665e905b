import PolicyConfig
import PolicyProofs
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax

/// Hover texts (SPEC 10): on a policy, the tables it governs and each one's effective predicate
/// per command as DSL and SQL; on `col`, its type in each table it refers to; on a `rel` table
/// or column, its definition and foreign keys; on `session`, its type and compiled form; on a
/// selector, the tables it matches; on `fn`, its declared signature.
public enum HoverProvider {
    /// How many governed tables a policy hover explains in full.
    public static let explainedTables = 4

    /// The hover at `offset` of the policy file at `path`, or `nil` when there is nothing to say.
    public static func hover(at offset: Int, in path: String, snapshot: WorkspaceSnapshot) -> HoverInfo? {
        guard let file = snapshot.file(path), let hit = SyntaxLookup.hit(at: offset, in: file) else { return nil }
        let text: String?
        switch hit.element {
        case .policyName, .policyHeader:
            text = hit.policy.map { policy(policy: $0, path: path, snapshot: snapshot) }
        case .grantHeader:
            if case .grant(let grant) = hit.item { text = self.grant(grant, path: path, snapshot: snapshot) } else { text = nil }
        case .governHeader:
            if case .govern(let govern) = hit.item { text = self.govern(govern, snapshot: snapshot) } else { text = nil }
        case .role(let role):
            text = self.role(role, snapshot: snapshot)
        case .selector(let selector):
            text = self.selector(selector, snapshot: snapshot)
        case .selectorColumn(let name):
            let tables = snapshot.candidateTables.filter { $0.column(name.identifier) != nil }.map(\.name.description)
            text = "**has_column(\(name.identifier))** matches \(count(tables.count)): \(TableDescription.list(tables))"
        case .typeName(let name):
            let type = SQLType.normalize(name.identifier)
            text = "type **\(type.name)** (\(type.family.rawValue) family)"
        case .column(let name):
            text = column(name, hit: hit, snapshot: snapshot)
        case .outerColumn(let name):
            text = outerColumn(name, hit: hit, snapshot: snapshot)
        case .session(let key):
            text = session(key.value, snapshot: snapshot)
        case .function(let call):
            text = function(call, snapshot: snapshot)
        case .literal:
            text = nil
        case .relation(let relation):
            text = self.relation(relation, hit: hit, snapshot: snapshot)
        case .relationTable(let name, let relation, let isSource):
            text = relationTable(name, relation, isSource: isSource, hit: hit, snapshot: snapshot)
        case .relationColumn(let name, let relation, let isSource):
            text = relationColumn(name, relation, isSource: isSource, hit: hit, snapshot: snapshot)
        case .raw:
            text =
                "**raw SQL**: compiled verbatim (in parentheses); in the analysis an unknown boolean of the row and the session, so a proof that depends on it is UNKNOWN"
        case .constant(let value):
            text =
                value
                ? "**true**: admits every row (`USING (true)`); a policy with a `true` clause is true"
                : "**false**: admits no row (`USING (false)`); in an `OR CLAUSE` it adds nothing"
        case .now:
            text =
                "**now()**: the transaction's timestamp (timestamptz), compiled as `now()`; in the analysis a value of its own per session, never NULL"
        }
        return text.map { HoverInfo(markdown: $0, range: hit.range) }
    }

    private static func count(_ number: Int) -> String { "\(number) table\(number == 1 ? "" : "s")" }

    // MARK: - Policies

    private static func policy(policy declaration: PolicyDeclSyntax, path: String, snapshot: WorkspaceSnapshot) -> String {
        let name = declaration.name?.identifier ?? "(unnamed)"
        var header = "**POLICY \(name)**"
        if let kind = declaration.kind { header += " · \(kind.rawValue)" }
        if let commands = declaration.commands {
            header += " · FOR " + (commands.isAll ? "ALL" : commands.commands.map(\.rawValue).joined(separator: ", "))
        }
        header += " · TO " + (declaration.roles.isEmpty ? "PUBLIC" : declaration.roles.map(\.identifier).joined(separator: ", "))
        var lines = [header]
        guard let checked = snapshot.checkedPolicy(declaration, in: path) else {
            lines.append("")
            lines.append("not checked: the declaration is incomplete")
            return lines.joined(separator: "\n")
        }
        let tables = checked.tables
        lines.append("")
        lines.append("governs \(count(tables.count))" + (tables.isEmpty ? "" : ": " + TableDescription.list(tables.map(\.description))))
        if let status = CodeLensProvider.status(of: checked, snapshot: snapshot) {
            lines.append("")
            lines.append("proofs: \(status)")
        }
        if checked.hasErrors {
            lines.append("")
            lines.append("the policy has errors; it is left out of the effective predicates until they are fixed")
            return lines.joined(separator: "\n")
        }
        let roles =
            checked.roles.isEmpty || checked.roles.contains("public")
            ? [PolicySet.publicRole] : checked.roles.filter { snapshot.policySet.roles.contains($0) }
        for table in tables.prefix(explainedTables) {
            lines.append("")
            lines.append("#### \(table)")
            if let normalized = checked.using[table] {
                lines.append(
                    "this policy: `\(describe(normalized.clauses))`"
                        + (checked.hasCheck ? ", WITH CHECK `\(describe(checked.check[table]?.clauses ?? []))`" : ""))
            }
            let explanation = Explanation(table: table, snapshot: snapshot, commands: checked.commands, roles: roles)
            for entry in explanation.entries {
                let side = entry.side == .using ? "USING" : "WITH CHECK"
                let role = roles.count > 1 || entry.role != PolicySet.publicRole ? " as \(entry.role)" : ""
                lines.append("- **\(entry.command.rawValue)** \(side)\(role): `\(entry.dsl)`")
                lines.append("  ```sql")
                lines.append("  \(entry.sql)")
                lines.append("  ```")
            }
        }
        if tables.count > explainedTables {
            lines.append("")
            lines.append("… and \(tables.count - explainedTables) more tables (`pgpe explain TABLE` shows any of them)")
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ clauses: [Clause]) -> String {
        if clauses.isEmpty { return "false" }
        return clauses.map(\.description).joined(separator: " OR ")
    }

    private static func grant(_ grant: GrantDeclSyntax, path: String, snapshot: WorkspaceSnapshot) -> String {
        var lines = [
            "**GRANT** " + grant.privileges.map(\.privilege.rawValue).joined(separator: ", ")
                + " TO " + grant.roles.map(\.identifier).joined(separator: ", ")
        ]
        if let checked = snapshot.checkedGrant(grant, in: path) {
            lines.append("")
            lines.append("on \(count(checked.tables.count)): " + TableDescription.list(checked.tables.map(\.description)))
        }
        return lines.joined(separator: "\n")
    }

    private static func govern(_ govern: GovernDeclSyntax, snapshot: WorkspaceSnapshot) -> String {
        var lines = [
            "**GOVERN**: row-level security on, no policy from this item: default deny for every role without BYPASSRLS (FORCE applies it to the owner too)"
        ]
        if let selector = govern.selector {
            let tables = snapshot.tables(matching: selector).map(\.name.description)
            lines.append("")
            lines.append("on \(count(tables.count))" + (tables.isEmpty ? "" : ": " + TableDescription.list(tables)))
        }
        return lines.joined(separator: "\n")
    }

    private static func role(_ role: NameSyntax, snapshot: WorkspaceSnapshot) -> String {
        let name = role.identifier
        if name == "public" { return "role **PUBLIC**: every role" }
        guard let model = snapshot.policySet.schema.role(name) else {
            return "role **\(name)**" + (snapshot.policySet.schema.roles.isEmpty ? "" : " (not in the schema's roles)")
        }
        var traits: [String] = []
        if model.canLogin { traits.append("can log in") }
        if model.isSuperuser { traits.append("superuser") }
        if model.bypassesRLS { traits.append("BYPASSRLS: row-level security does not apply to it") }
        return "role **\(name)**" + (traits.isEmpty ? "" : ": " + traits.joined(separator: ", "))
    }

    private static func selector(_ selector: SelectorSyntax, snapshot: WorkspaceSnapshot) -> String {
        guard snapshot.policySet.hasSchema else { return "selector: no schema is configured, so it matches nothing yet" }
        let tables = snapshot.tables(matching: selector).map(\.name.description)
        let text = Formatter.selector(selector)
        return "**\(text)** matches \(count(tables.count))" + (tables.isEmpty ? "" : ": " + TableDescription.list(tables, limit: 12))
    }

    // MARK: - Values

    private static func column(_ name: NameSyntax, hit: SyntaxHit, snapshot: WorkspaceSnapshot) -> String {
        let header = "**col(\(name.identifier))**" + (hit.traversals.isEmpty ? " on " : " of the traversal's target")
        return columnLines(name, header: header, tables: snapshot.columnScope(of: hit), countTables: hit.traversals.isEmpty)
    }

    private static func outerColumn(_ name: NameSyntax, hit: SyntaxHit, snapshot: WorkspaceSnapshot) -> String {
        guard !hit.traversals.isEmpty else {
            return "**outer(\(name.identifier))**: only allowed inside an exists() block"
        }
        let what = hit.traversals.count == 1 ? "the governed row" : "the enclosing traversal's target row"
        let header = "**outer(\(name.identifier))**: a column of the row the traversal starts from (\(what)), on "
        return columnLines(name, header: header, tables: snapshot.outerScope(of: hit), countTables: true)
    }

    /// A column's header and its type on each of `tables` (at most ten), with the tables missing it.
    private static func columnLines(_ name: NameSyntax, header: String, tables: [TableModel], countTables: Bool) -> String {
        let column = name.identifier
        var lines = [header + (countTables ? count(tables.count) : "")]
        var missing: [String] = []
        var shown = 0
        for table in tables {
            guard let model = table.column(column) else {
                missing.append(table.name.description)
                continue
            }
            if shown < 10 {
                lines.append("- \(table.name).\(model.name): `\(model.type.name)`\(model.notNull ? " NOT NULL" : "")")
            }
            shown += 1
        }
        if shown > 10 { lines.append("- … and \(shown - 10) more") }
        if !missing.isEmpty { lines.append("missing on " + TableDescription.list(missing)) }
        return lines.joined(separator: "\n")
    }

    private static func session(_ key: String, snapshot: WorkspaceSnapshot) -> String {
        let set = snapshot.policySet
        let type = set.sessionType(key)
        let origin: String
        if let declaration = snapshot.config.sessionKey(key) {
            origin = SessionKeyDecl.builtIn.contains(declaration) ? "built in" : "declared in pgpe.yaml"
        } else if set.sessionTypes[key] != nil {
            origin = "inferred from the columns it is compared with"
        } else {
            origin = "not declared: text"
        }
        let compiled = ExpressionRenderer(policySet: set).session(key, type: type)
        var lines = ["**session('\(key)')**: `\(type.name)` (\(origin))", "", "compiles to `\(compiled)`"]
        if snapshot.config.isolation.contains(where: { $0.key == key }) {
            lines.append("")
            lines.append("an isolation key: sessions that differ in it must never share a row")
        }
        return lines.joined(separator: "\n")
    }

    private static func function(_ call: FunctionCallSyntax, snapshot: WorkspaceSnapshot) -> String {
        let name = call.name.identifier
        // The checker's configuration: user types resolved against the schema.
        guard let declaration = snapshot.policySet.config.function(name) else {
            if snapshot.policySet.config.unusableDeclarations.functions[name] != nil {
                return "**fn(\(name))**: its entry under `functions:` in pgpe.yaml has errors (reported there)"
            }
            return "**fn(\(name))**: not declared under `functions:` in pgpe.yaml"
        }
        var lines = ["**fn(\(name))**: `\(declaration.signature)`", ""]
        if declaration.volatility == .volatile {
            lines.append("volatile: called wherever it appears, never wrapped in `(SELECT …)`")
        } else {
            lines.append(
                "\(declaration.volatility.rawValue): a call without `col()` arguments compiles to `(SELECT \(declaration.schema).\(name)(…))`, evaluated once per query"
            )
        }
        let qualified = QualifiedName(schema: declaration.schema, name: declaration.name)
        if let signature = snapshot.policySet.schema.functions.first(where: { $0.name == qualified }) {
            lines.append("")
            lines.append(
                "in the schema: `\(signature.name)(\(signature.argumentTypes.map(\.name).joined(separator: ", "))) returns \(signature.returnType.name)`"
                    + (signature.securityDefiner ? ", SECURITY DEFINER" : ""))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Traversals

    private static func relation(_ relation: RelationSyntax, hit: SyntaxHit, snapshot: WorkspaceSnapshot) -> String {
        let target = snapshot.table(relation.target)
        var lines = [
            "**exists(rel(…))**: true when a row of \(target?.name.description ?? relation.target.name.identifier) with "
                + "\(relation.targetColumn.identifier) equal to this row's \(relation.sourceColumn.identifier) satisfies the inner clause; "
                + "that table's own row-level security applies inside"
        ]
        for source in snapshot.relationSources(relation, at: hit).prefix(1) {
            let keys = TableDescription.foreignKeys(of: source, and: target, schema: snapshot.policySet.schema)
            lines.append("")
            lines.append(
                keys.isEmpty
                    ? "no foreign key links \(source.name) and \(target?.name.description ?? "the target")"
                    : "foreign key: " + keys.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    private static func relationTable(
        _ name: TableNameSyntax, _ relation: RelationSyntax, isSource: Bool, hit: SyntaxHit,
        snapshot: WorkspaceSnapshot
    ) -> String? {
        guard let table = snapshot.table(name) else { return "unknown table **\(name.name.identifier)**" }
        var lines = [
            "**\(table.name)**" + (snapshot.policySet.isGoverned(table.name) ? " (governed)" : ""), "```sql",
            TableDescription.definition(of: table, schemaFile: snapshot.schemaSource.file), "```",
        ]
        let others = isSource ? [snapshot.table(relation.target)].compactMap { $0 } : snapshot.relationSources(relation, at: hit)
        var keys: [String] = []
        for other in others.prefix(8) {
            for key in TableDescription.foreignKeys(of: table, and: other, schema: snapshot.policySet.schema) where !keys.contains(key) {
                keys.append(key)
            }
        }
        if !keys.isEmpty { lines.append("foreign key: " + keys.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }

    private static func relationColumn(
        _ name: NameSyntax, _ relation: RelationSyntax, isSource: Bool, hit: SyntaxHit,
        snapshot: WorkspaceSnapshot
    ) -> String? {
        let tables = isSource ? snapshot.relationSources(relation, at: hit) : snapshot.table(relation.target).map { [$0] } ?? []
        var lines: [String] = []
        for table in tables.prefix(6) {
            guard let column = table.column(name.identifier) else {
                lines.append("- no column **\(name.identifier)** on \(table.name)")
                continue
            }
            lines.append("**\(table.name).\(column.name)**: `\(column.type.name)`\(column.notNull ? " NOT NULL" : "")")
            for key in TableDescription.foreignKeys(of: table, and: nil, column: column.name, schema: snapshot.policySet.schema).prefix(6) {
                lines.append("- foreign key \(key)")
            }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
