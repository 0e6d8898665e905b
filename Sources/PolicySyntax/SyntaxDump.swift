/// A compact, deterministic text form of a syntax tree, for golden tests and debugging.
///
/// Names print their identifier (bare names folded) and quoting: `tenant_id`, `"Name"`, `'name'`.
/// Commands and privileges print in canonical order without duplicates, so the dump shows what
/// a file means rather than how it was laid out.
public enum SyntaxDump {
    /// Dumps every item of `tree`, one per line.
    public static func dump(_ tree: FileSyntax) -> String {
        tree.items.map(item).joined(separator: "\n")
    }

    /// Dumps one item.
    public static func item(_ item: ItemSyntax) -> String {
        switch item {
        case .policy(let policy): return self.policy(policy)
        case .grant(let grant): return self.grant(grant)
        case .govern(let govern): return "(govern selector=" + (govern.selector.map(selector) ?? "<missing>") + ")"
        }
    }

    static func policy(_ policy: PolicyDeclSyntax) -> String {
        var parts = ["policy", policy.name.map(name) ?? "<missing>", policy.kind?.rawValue ?? "<missing>"]
        if let commands = policy.commands {
            parts.append("for=" + (commands.isAll ? "ALL" : commands.commands.map(\.rawValue).joined(separator: ",")))
        } else {
            parts.append("for=<missing>")
        }
        if !policy.roles.isEmpty { parts.append("to=" + policy.roles.map(name).joined(separator: ",")) }
        parts.append("selector=" + (policy.selector.map(selector) ?? "<missing>"))
        parts.append("using=[" + policy.using.map(clause).joined(separator: " | ") + "]")
        if let check = policy.check { parts.append("check=[" + check.map(clause).joined(separator: " | ") + "]") }
        return "(" + parts.joined(separator: " ") + ")"
    }

    static func grant(_ grant: GrantDeclSyntax) -> String {
        "(grant " + Array(Set(grant.privileges.map(\.privilege))).sorted().map(\.rawValue).joined(separator: ",")
            + " to=" + grant.roles.map(name).joined(separator: ",")
            + " selector=" + (grant.selector.map(selector) ?? "<missing>") + ")"
    }

    static func name(_ name: NameSyntax) -> String {
        switch name.quoting {
        case .bare: return name.identifier
        case .double: return "\"" + name.text + "\""
        case .single: return "'" + name.text + "'"
        }
    }

    static func table(_ table: TableNameSyntax) -> String {
        (table.schema.map { name($0) + "." } ?? "") + name(table.name)
    }

    /// Dumps a selector.
    public static func selector(_ selector: SelectorSyntax) -> String {
        switch selector.kind {
        case .all: return "ALL"
        case .hasColumn(let column, let type): return "(has_column \(name(column))" + (type.map { " " + name($0) } ?? "") + ")"
        case .inSchema(let schema): return "(in_schema \(name(schema)))"
        case .named(let pattern): return "(named '\(pattern.value)')"
        case .tagged(let tag): return "(tagged '\(tag.value)')"
        case .not(let inner): return "(not \(self.selector(inner)))"
        case .and(let terms): return "(and " + terms.map(self.selector).joined(separator: " ") + ")"
        case .or(let terms): return "(or " + terms.map(self.selector).joined(separator: " ") + ")"
        case .parenthesized(let inner): return self.selector(inner)
        case .missing: return "<missing>"
        }
    }

    /// Dumps a clause.
    public static func clause(_ clause: ClauseSyntax) -> String {
        clause.atoms.map(atom).joined(separator: " & ")
    }

    static func literal(_ literal: LiteralSyntax) -> String {
        switch literal.kind {
        case .string(let value): return "'" + value + "'"
        case .integer(let value): return String(value)
        case .boolean(let value): return value ? "true" : "false"
        case .null: return "null"
        case .list(let elements): return "[" + elements.map(self.literal).joined(separator: ",") + "]"
        case .missing: return "<missing>"
        }
    }

    static func value(_ value: ValueSyntax) -> String {
        switch value.kind {
        case .column(let column): return "col:" + name(column)
        case .outer(let column): return "outer:" + name(column)
        case .session(let key): return "session:'" + key.value + "'"
        case .now: return "now()"
        case .literal(let literal): return "lit:" + self.literal(literal)
        case .function(let call): return functionCall(call)
        case .missing: return "<missing>"
        }
    }

    static func functionCall(_ call: FunctionCallSyntax) -> String {
        "fn:" + name(call.name) + "(" + call.arguments.map(value).joined(separator: ",") + ")"
    }

    static func atom(_ atom: AtomSyntax) -> String {
        switch atom.kind {
        case .comparison(let lhs, let op, let rhs): return "(\(value(lhs)) \(op.rawValue) \(value(rhs)))"
        case .nullTest(let operand, let isNull): return "(\(value(operand)) \(isNull ? "IS NULL" : "IS NOT NULL"))"
        case .exists(let relation, let inner):
            let source = relation.source.map(table) ?? "_"
            return
                "(exists \(source).\(name(relation.sourceColumn))->\(table(relation.target)).\(name(relation.targetColumn)) {\(clause(inner))})"
        case .function(let call): return "(" + functionCall(call) + ")"
        case .raw(let sql): return "(raw '" + sql.value + "')"
        case .constant(let value): return value ? "(true)" : "(false)"
        case .missing: return "<missing>"
        }
    }
}
