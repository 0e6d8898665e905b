import PolicySQL
import PolicySchema
import PolicySyntax

/// The statements of plans and repairs, and the texts drift items show for policies.
enum RepairSQL {
    /// A role in SQL: `PUBLIC` for everyone, else a quoted-as-needed identifier.
    static func role(_ name: String) -> String {
        name == "public" || name == "PUBLIC" ? "PUBLIC" : SQLQuoting.identifier(name)
    }

    /// `ALTER TABLE t ENABLE ROW LEVEL SECURITY;`
    static func enableRLS(_ table: QualifiedName) -> String {
        "ALTER TABLE \(SQLQuoting.qualified(table)) ENABLE ROW LEVEL SECURITY;"
    }

    /// `ALTER TABLE t FORCE ROW LEVEL SECURITY;`
    static func forceRLS(_ table: QualifiedName) -> String {
        "ALTER TABLE \(SQLQuoting.qualified(table)) FORCE ROW LEVEL SECURITY;"
    }

    /// `ALTER TABLE t NO FORCE ROW LEVEL SECURITY;`
    static func noForceRLS(_ table: QualifiedName) -> String {
        "ALTER TABLE \(SQLQuoting.qualified(table)) NO FORCE ROW LEVEL SECURITY;"
    }

    /// `DROP POLICY p ON t;`
    static func dropPolicy(_ name: String, on table: QualifiedName) -> String {
        "DROP POLICY \(SQLQuoting.identifier(name)) ON \(SQLQuoting.qualified(table));"
    }

    /// `ALTER POLICY p ON t [TO roles] [USING (...)] [WITH CHECK (...)];` with the parts given.
    static func alterPolicy(_ name: String, on table: QualifiedName, roles: [String]?, using: String?, check: String?) -> String {
        var sql = "ALTER POLICY \(SQLQuoting.identifier(name))\n  ON \(SQLQuoting.qualified(table))"
        if let roles { sql += "\n  TO " + (roles.isEmpty ? "PUBLIC" : roles.map(role).joined(separator: ", ")) }
        if let using { sql += "\n  USING (\(using))" }
        if let check { sql += "\n  WITH CHECK (\(check))" }
        return sql + ";"
    }

    /// `GRANT privileges ON TABLE t TO role;`
    static func grant(_ privileges: [String], on table: QualifiedName, to grantee: String) -> String {
        "GRANT \(privileges.joined(separator: ", ")) ON TABLE \(SQLQuoting.qualified(table)) TO \(role(grantee));"
    }

    /// `REVOKE privileges ON TABLE t FROM role;`
    static func revoke(_ privileges: [String], on table: QualifiedName, from grantee: String) -> String {
        "REVOKE \(privileges.joined(separator: ", ")) ON TABLE \(SQLQuoting.qualified(table)) FROM \(role(grantee));"
    }

    /// Privileges in the order of `Privilege.written` (others last, by name).
    static func sortedPrivileges<S: Sequence>(_ privileges: S) -> [String] where S.Element == String {
        privileges.sorted { lhs, rhs in
            switch (Privilege(written: lhs), Privilege(written: rhs)) {
            case (let left?, let right?) where left != right: return left < right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs < rhs
            }
        }
    }

    /// A policy as one line: `AS PERMISSIVE FOR ALL TO public USING (...) WITH CHECK (...)`.
    static func describe(permissive: Bool, command: String, roles: [String], using: String?, check: String?) -> String {
        var text = "AS \(permissive ? "PERMISSIVE" : "RESTRICTIVE") FOR \(command) TO \(roles.joined(separator: ", "))"
        if let using { text += " USING \(parenthesized(using))" }
        if let check { text += " WITH CHECK \(parenthesized(check))" }
        return text
    }

    /// `expression` in parentheses, unless one pair already encloses all of it (as PostgreSQL
    /// prints most expressions).
    static func parenthesized(_ expression: String) -> String {
        isEnclosed(expression) ? expression : "(\(expression))"
    }

    /// Whether the first `(` closes at the last character (quotes respected).
    private static func isEnclosed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")") else { return false }
        var depth = 0
        var quote: UInt8?
        for (index, byte) in bytes.enumerated() {
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""): quote = byte
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 && index != bytes.count - 1 { return false }
            default: break
            }
        }
        return depth == 0
    }
}
