import PolicySyntax
import SQLExpression

extension SchemaReaderState {
    /// Every privilege `GRANT ALL ON TABLE` gives that a snapshot lists.
    static let allTablePrivileges = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"]

    /// `CREATE POLICY name ON table [AS PERMISSIVE|RESTRICTIVE] [FOR cmd] [TO role, ...]
    /// [USING (expr)] [WITH CHECK (expr)]`.
    mutating func readCreatePolicy(_ cursor: inout SQLCursor, statement: Range<Int>) {
        guard let (name, id, _) = policyTarget(&cursor, statement: statement, verb: "create policy") else { return }
        var policy = SnapshotPolicy(
            schema: "", table: "", name: name, permissive: true, roles: ["public"], command: "ALL", qual: nil, withCheck: nil)
        if cursor.accept(word: "as") {
            if cursor.accept(word: "restrictive") {
                policy.permissive = false
            } else if !cursor.accept(word: "permissive") {
                report(.schemaExpected, "expected 'permissive' or 'restrictive' after 'as'", cursor.currentRange)
                return
            }
        }
        if cursor.accept(word: "for") {
            guard let command = cursor.peek(), command.kind == .word,
                ["all", "select", "insert", "update", "delete"].contains(command.text)
            else {
                report(.schemaExpected, "expected all, select, insert, update or delete after 'for'", cursor.currentRange)
                return
            }
            cursor.advance()
            policy.command = command.text.uppercased()
        }
        guard readPolicyClauses(&cursor, into: &policy) else { return }
        policies[id, default: []].removeAll { $0.name == name }
        policies[id, default: []].append(policy)
    }

    /// `ALTER POLICY name ON table RENAME TO new`, or `... [TO roles] [USING (expr)] [WITH CHECK (expr)]`.
    mutating func readAlterPolicy(_ cursor: inout SQLCursor, statement: Range<Int>) {
        guard let (name, id, nameRange) = policyTarget(&cursor, statement: statement, verb: "alter policy") else { return }
        guard let index = policies[id]?.firstIndex(where: { $0.name == name }) else {
            report(.schemaUnknownObject, "no policy \(name) on \(tables[id].name) to alter", nameRange)
            return
        }
        if cursor.accept(words: "rename", "to") {
            guard let newName = cursor.identifier() else {
                report(.schemaExpected, "expected the policy's new name after 'rename to'", cursor.currentRange)
                return
            }
            policies[id]?[index].name = newName.text
            return
        }
        guard var policy = policies[id]?[index] else { return }
        guard readPolicyClauses(&cursor, into: &policy) else { return }
        policies[id]?[index] = policy
    }

    /// `DROP POLICY [IF EXISTS] name ON table [CASCADE|RESTRICT]`.
    mutating func readDropPolicy(_ cursor: inout SQLCursor, statement: Range<Int>) {
        let ifExists = cursor.accept(words: "if", "exists")
        guard let (name, id, nameRange) = policyTarget(&cursor, statement: statement, verb: "drop policy", quiet: ifExists)
        else { return }
        guard policies[id]?.contains(where: { $0.name == name }) == true else {
            if !ifExists { report(.schemaUnknownObject, "no policy \(name) on \(tables[id].name) to drop", nameRange) }
            return
        }
        policies[id]?.removeAll { $0.name == name }
    }

    /// `ENABLE | DISABLE | FORCE | NO FORCE ROW LEVEL SECURITY` inside `ALTER TABLE`.
    mutating func readRowLevelSecuritySwitch(_ cursor: inout SQLCursor, table id: Int) {
        var state = rlsSwitches[id] ?? SnapshotTableState(rlsEnabled: false, rlsForced: false)
        if cursor.accept(word: "enable") {
            guard cursor.accept(words: "row", "level", "security") else { return }
            state.rlsEnabled = true
        } else if cursor.accept(word: "disable") {
            guard cursor.accept(words: "row", "level", "security") else { return }
            state.rlsEnabled = false
        } else if cursor.accept(word: "force") {
            guard cursor.accept(words: "row", "level", "security") else { return }
            state.rlsForced = true
        } else if cursor.accept(words: "no", "force") {
            guard cursor.accept(words: "row", "level", "security") else { return }
            state.rlsForced = false
        } else {
            return
        }
        rlsSwitches[id] = state
    }

    /// `GRANT privileges ON [TABLE] name, ... TO grantee, ...` and `REVOKE [GRANT OPTION FOR]
    /// privileges ON [TABLE] name, ... FROM grantee, ...`; false when the statement is not about
    /// tables (roles, or another kind of object: then it is left to the role reader or skipped).
    mutating func readTablePrivileges(_ cursor: inout SQLCursor, statement: Range<Int>, granting: Bool) -> Bool {
        var probe = cursor
        while let token = probe.peek(), !token.isWord("on") { probe.advance() }
        guard probe.accept(word: "on") else { return false }
        let objectKinds = [
            "sequence", "schema", "function", "procedure", "routine", "database", "domain", "type", "language",
            "large", "tablespace", "foreign", "all", "parameter",
        ]
        if let kind = probe.peek(), kind.kind == .word, objectKinds.contains(kind.text) { return true }
        if !granting, cursor.accept(words: "grant", "option") {
            // REVOKE GRANT OPTION FOR keeps the privileges.
            return true
        }
        var privileges: [String] = []
        while let token = cursor.peek(), !token.isWord("on") {
            cursor.advance()
            // Column privileges, `SELECT (a, b)`, are not table privileges.
            if cursor.isKind(.leftParen), let close = cursor.matchingParenEnd() {
                cursor.move(to: close)
                continue
            }
            if token.kind == .word, token.text != "privileges" {
                privileges += token.text == "all" ? Self.allTablePrivileges : [token.text.uppercased()]
            }
        }
        _ = cursor.accept(word: "on")
        _ = cursor.accept(word: "table")
        var ids: [Int] = []
        while let name = cursor.name() {
            // Views, sequences and foreign tables are granted on too: an unknown name is no mistake.
            if let id = tableOrDefer(name, statement: statement) { ids.append(id) }
            guard cursor.accept(.comma) else { break }
        }
        guard cursor.accept(word: granting ? "to" : "from") else { return true }
        var grantees: [String] = []
        while let grantee = cursor.identifier() {
            if !grantee.isWord("group") { grantees.append(grantee.kind == .word && grantee.text == "public" ? "PUBLIC" : grantee.text) }
            guard cursor.accept(.comma) else { break }
        }
        for id in ids {
            for grantee in grantees {
                if granting {
                    tableGrants[id, default: [:]][grantee, default: []].formUnion(privileges)
                } else {
                    tableGrants[id, default: [:]][grantee]?.subtract(privileges)
                }
            }
        }
        return true
    }

    /// The live state the statements set: RLS switches, policies and grants, under the tables'
    /// final names (the owner's own privileges left out, as the catalog shows them).
    func liveState() -> (tableStates: [QualifiedName: SnapshotTableState], policies: [SnapshotPolicy], grants: [SnapshotGrant]) {
        var states: [QualifiedName: SnapshotTableState] = [:]
        var snapshotPolicies: [SnapshotPolicy] = []
        var grants: [SnapshotGrant] = []
        for id in tables.indices where !tables[id].isDropped {
            let name = tables[id].name
            states[name] = rlsSwitches[id] ?? SnapshotTableState(rlsEnabled: false, rlsForced: false)
            for var policy in policies[id] ?? [] {
                policy.schema = name.schema
                policy.table = name.name
                snapshotPolicies.append(policy)
            }
            for (grantee, privileges) in tableGrants[id] ?? [:] where grantee != tables[id].owner {
                for privilege in privileges.sorted() {
                    grants.append(SnapshotGrant(schema: name.schema, table: name.name, grantee: grantee, privilege: privilege))
                }
            }
        }
        snapshotPolicies.sort { ($0.schema, $0.table, $0.name) < ($1.schema, $1.table, $1.name) }
        grants.sort { ($0.schema, $0.table, $0.grantee, $0.privilege) < ($1.schema, $1.table, $1.grantee, $1.privilege) }
        return (states, snapshotPolicies, grants)
    }

    // MARK: - Pieces

    /// `name ON table` of a policy statement: the policy's name, the table's id and the name's
    /// range (nil, with a diagnostic, when either is missing; a table not created yet defers the
    /// statement).
    private mutating func policyTarget(_ cursor: inout SQLCursor, statement: Range<Int>, verb: String, quiet: Bool = false)
        -> (String, Int, SourceRange)?
    {
        guard let name = cursor.identifier() else {
            report(.schemaExpected, "expected the policy's name after '\(verb)'", cursor.currentRange)
            return nil
        }
        guard cursor.accept(word: "on"), let tableName = cursor.name() else {
            report(.schemaExpected, "expected 'on' and a table after policy \(name.text)", cursor.currentRange)
            return nil
        }
        guard let id = tableOrDefer(tableName, statement: statement) else {
            if isReadingPending && !quiet {
                report(.schemaUnknownObject, "no table \(tableName.parts.joined(separator: ".")) for policy \(name.text)", tableName.range)
            }
            return nil
        }
        return (name.text, id, name.range)
    }

    /// `[TO role, ...] [USING (expr)] [WITH CHECK (expr)]`; false (with a diagnostic) when
    /// something else follows.
    private mutating func readPolicyClauses(_ cursor: inout SQLCursor, into policy: inout SnapshotPolicy) -> Bool {
        if cursor.accept(word: "to") {
            var roles: [String] = []
            while let role = cursor.identifier() {
                roles.append(role.kind == .word && role.text == "public" ? "public" : role.text)
                guard cursor.accept(.comma) else { break }
            }
            guard !roles.isEmpty else {
                report(.schemaExpected, "expected a role after 'to'", cursor.currentRange)
                return false
            }
            policy.roles = roles.contains("public") ? ["public"] : roles
        }
        if cursor.accept(word: "using") {
            guard let text = parenthesizedText(&cursor, clause: "using") else { return false }
            policy.qual = text
        }
        if cursor.accept(words: "with", "check") {
            guard let text = parenthesizedText(&cursor, clause: "with check") else { return false }
            policy.withCheck = text
        }
        guard cursor.isAtEnd else {
            report(.schemaExpected, "expected 'to', 'using' or 'with check' in policy \(policy.name)", cursor.currentRange)
            return false
        }
        return true
    }

    /// The source text of a parenthesized expression, parentheses included.
    private mutating func parenthesizedText(_ cursor: inout SQLCursor, clause: String) -> String? {
        guard let open = cursor.peek(), cursor.isKind(.leftParen), let close = cursor.matchingParenEnd() else {
            report(.schemaExpected, "expected '(' and an expression after '\(clause)'", cursor.currentRange)
            return nil
        }
        let end = script.tokens[close - 1].end
        cursor.move(to: close)
        return String(decoding: file.bytes[open.start..<end], as: UTF8.self)
    }
}
