import PolicySyntax
import SQLExpression

/// What the side-channel checks need: views, privileges on tables, views and functions, owners
/// of functions (SPEC 11.11).
extension SchemaReaderState {
    // MARK: - Views

    /// `CREATE [OR REPLACE] [RECURSIVE] VIEW name [(columns)] [WITH (options)] AS query` and
    /// `CREATE MATERIALIZED VIEW [IF NOT EXISTS] name [(columns)] [USING m] [WITH (options)] AS query`.
    mutating func readCreateView(_ cursor: inout SQLCursor, materialized: Bool) {
        _ = cursor.accept(words: "if", "not", "exists")
        guard let written = cursor.name() else {
            report(.schemaExpected, "expected a view name", cursor.currentRange)
            return
        }
        var draft = ViewDraft(
            name: creationName(written), location: written.range, isMaterialized: materialized, searchPath: searchPath)
        while let token = cursor.peek(), !token.isWord("as") {
            if token.isWord("with"), cursor.isKind(.leftParen, at: 1) {
                cursor.advance()
                readViewOptions(&cursor, into: &draft, reset: false)
            } else {
                cursor.skipGroupOrToken()
            }
        }
        draft.references = RelationNameScanner.names(in: Array(cursor.tokens[cursor.index..<cursor.end]))
        if let existing = viewIDs[draft.name] {
            // CREATE OR REPLACE keeps the owner and the privileges.
            draft.owner = views[existing].owner
            draft.privileges = views[existing].privileges
            views[existing] = draft
        } else {
            viewIDs[draft.name] = views.count
            views.append(draft)
        }
    }

    /// `(name [= value], ...)` of a view's options; with `reset`, the names are set back to off.
    private func readViewOptions(_ cursor: inout SQLCursor, into draft: inout ViewDraft, reset: Bool) {
        guard let close = cursor.matchingParenEnd() else { return }
        cursor.advance()
        var options = cursor.prefix(upTo: close - 1)
        cursor.move(to: close)
        while !options.isAtEnd {
            guard let name = options.identifier() else {
                options.skipToElementEnd()
                _ = options.accept(.comma)
                continue
            }
            var value = !reset
            if !reset, let equals = options.peek(), equals.kind == .op, equals.text == "=" {
                options.advance()
                if let token = options.peek() {
                    value = ["true", "on", "yes", "1", "t", "y"].contains(token.text.lowercased())
                }
            }
            switch name.text.lowercased() {
            case "security_invoker": draft.securityInvoker = value
            case "security_barrier": draft.securityBarrier = value
            default: break
            }
            options.skipToElementEnd()
            _ = options.accept(.comma)
        }
    }

    /// `ALTER [MATERIALIZED] VIEW [IF EXISTS] name action`.
    mutating func readAlterView(_ cursor: inout SQLCursor) {
        _ = cursor.accept(words: "if", "exists")
        guard let name = cursor.name(), let id = lookupView(name, path: searchPath) else { return }
        readAlterViewAction(&cursor, view: id)
    }

    /// One `ALTER VIEW` action: `OWNER TO`, `SET (...)`, `RESET (...)`, `RENAME TO`, `SET SCHEMA`.
    mutating func readAlterViewAction(_ cursor: inout SQLCursor, view id: Int) {
        if cursor.accept(words: "owner", "to") {
            if let owner = cursor.identifier() { views[id].owner = owner.text }
        } else if cursor.accept(words: "set", "schema") {
            if let schema = cursor.identifier() {
                renameView(id, to: QualifiedName(schema: schema.text, name: views[id].name.name))
            }
        } else if cursor.accept(words: "rename", "to") {
            if let newName = cursor.identifier() {
                renameView(id, to: QualifiedName(schema: views[id].name.schema, name: newName.text))
            }
        } else if cursor.isWord("set") || cursor.isWord("reset"), cursor.isKind(.leftParen, at: 1) {
            let reset = cursor.isWord("reset")
            cursor.advance()
            readViewOptions(&cursor, into: &views[id], reset: reset)
        }
    }

    private mutating func renameView(_ id: Int, to newName: QualifiedName) {
        viewIDs[views[id].name] = nil
        views[id].name = newName
        viewIDs[newName] = id
    }

    /// `DROP [MATERIALIZED] VIEW [IF EXISTS] name, ...`.
    mutating func readDropView(_ cursor: inout SQLCursor) {
        _ = cursor.accept(words: "if", "exists")
        while let name = cursor.name() {
            if let id = lookupView(name, path: searchPath) {
                views[id].isDropped = true
                viewIDs[views[id].name] = nil
            }
            guard cursor.accept(.comma) else { break }
        }
    }

    /// The live view `name` denotes under `path`.
    func lookupView(_ name: SQLName, path: [String]) -> Int? {
        if let schema = name.schema { return viewIDs[QualifiedName(schema: schema, name: name.last)] }
        for schema in path where !schema.isEmpty && schema != "$user" {
            if let id = viewIDs[QualifiedName(schema: schema, name: name.last)] { return id }
        }
        return nil
    }

    /// The table or view `name` denotes at the end of the file under `path`.
    func relation(_ name: SQLName, path: [String]) -> QualifiedName? {
        if let id = lookupTable(name, path: path) { return tables[id].name }
        if let id = lookupView(name, path: path) { return views[id].name }
        return nil
    }

    /// The tables and views `names` denote, sorted and without repeats.
    func relations(_ names: [SQLName], path: [String]) -> [QualifiedName] {
        Array(Set(names.compactMap { relation($0, path: path) })).sorted()
    }

    // MARK: - Functions

    /// `ALTER FUNCTION name[(args)] action ...`: `OWNER TO role` and `[EXTERNAL] SECURITY
    /// {DEFINER | INVOKER}` are read, other actions are skipped.
    mutating func readAlterFunction(_ cursor: inout SQLCursor) {
        guard let name = cursor.name() else { return }
        if cursor.isKind(.leftParen) { cursor.skipGroupOrToken() }
        let indices = functionIndices(name)
        while !cursor.isAtEnd {
            if cursor.accept(words: "owner", "to") {
                guard let owner = cursor.identifier() else { return }
                for index in indices { functions[index].owner = owner.text }
            } else if cursor.accept(words: "security", "definer") {
                for index in indices { functions[index].securityDefiner = true }
            } else if cursor.accept(words: "security", "invoker") {
                for index in indices { functions[index].securityDefiner = false }
            } else {
                cursor.skipGroupOrToken()
            }
        }
    }

    /// The functions `name` denotes under `path` (the current search path by default; every
    /// overload: argument types are not compared).
    func functionIndices(_ name: SQLName, path: [String]? = nil) -> [Int] {
        let wanted: [QualifiedName]
        if let schema = name.schema {
            wanted = [QualifiedName(schema: schema, name: name.last)]
        } else {
            wanted = (path ?? searchPath).filter { !$0.isEmpty && $0 != "$user" }.map {
                QualifiedName(schema: $0, name: name.last)
            }
        }
        for candidate in wanted {
            let found = functions.indices.filter { functions[$0].name == candidate }
            if !found.isEmpty { return found }
        }
        return []
    }

    // MARK: - Privileges

    /// `GRANT privileges ON object TO roles` and `REVOKE [GRANT OPTION FOR] privileges ON object
    /// FROM roles`, for what `readTablePrivileges` leaves: views, functions, and privileges on
    /// some columns of a table.
    mutating func readObjectPrivileges(_ cursor: inout SQLCursor, granting: Bool) {
        // Revoking only the grant option leaves the privilege.
        if !granting && cursor.isWord("grant") && cursor.isWord("option", at: 1) { return }
        var tablePrivileges = Set<String>()
        var columnPrivileges: [(privilege: String, columns: [String])] = []
        while let token = cursor.peek(), !token.isWord("on") {
            if token.isWord("all") {
                cursor.advance()
                _ = cursor.accept(word: "privileges")
                if cursor.isKind(.leftParen), let columns = readColumnList(&cursor, after: "all") {
                    for privilege in ["SELECT", "INSERT", "UPDATE", "REFERENCES"] {
                        columnPrivileges.append((privilege, columns))
                    }
                } else {
                    tablePrivileges.formUnion(Self.allTablePrivileges)
                    tablePrivileges.insert("EXECUTE")
                }
            } else if token.kind == .word {
                cursor.advance()
                let privilege = token.text.uppercased()
                if cursor.isKind(.leftParen), let columns = readColumnList(&cursor, after: token.text) {
                    columnPrivileges.append((privilege, columns))
                } else {
                    tablePrivileges.insert(privilege)
                }
            } else {
                cursor.advance()
            }
            _ = cursor.accept(.comma)
        }
        guard cursor.accept(word: "on") else { return }
        if cursor.accept(word: "function") || cursor.accept(word: "procedure") || cursor.accept(word: "routine") {
            var names: [SQLName] = []
            while let name = cursor.name() {
                names.append(name)
                if cursor.isKind(.leftParen) { cursor.skipGroupOrToken() }
                guard cursor.accept(.comma) else { break }
            }
            guard tablePrivileges.contains("EXECUTE"), let roles = grantees(&cursor, granting: granting) else { return }
            for name in names {
                for index in functionIndices(name) {
                    if granting {
                        functions[index].executors.formUnion(roles)
                    } else {
                        functions[index].executors.subtract(roles)
                    }
                }
            }
            return
        }
        guard !cursor.isWord("all") else { return } // ALL TABLES IN SCHEMA: not read
        _ = cursor.accept(word: "table")
        if let token = cursor.peek(), token.kind == .word,
            ["sequence", "schema", "database", "domain", "type", "language", "foreign", "large", "tablespace", "parameter"]
                .contains(token.text)
        {
            return
        }
        var names: [SQLName] = []
        while let name = cursor.name() {
            names.append(name)
            guard cursor.accept(.comma) else { break }
        }
        tablePrivileges.remove("EXECUTE")
        guard let roles = grantees(&cursor, granting: granting) else { return }
        for name in names {
            if lookupTable(name, path: searchPath) == nil, let view = lookupView(name, path: searchPath) {
                for role in roles { Self.change(&views[view].privileges[role, default: []], tablePrivileges, granting) }
                continue
            }
            // Table privileges are `readTablePrivileges`' (which defers a table declared later).
            guard let id = lookupTable(name, path: searchPath) else { continue }
            for role in roles {
                // Revoking a privilege on the table revokes it on each of its columns too.
                if !granting {
                    for privilege in tablePrivileges { tables[id].columnGrants["\(role)|\(privilege)"] = nil }
                }
                for (privilege, columns) in columnPrivileges {
                    Self.change(&tables[id].columnGrants["\(role)|\(privilege)", default: []], Set(columns), granting)
                }
            }
        }
    }

    private static func change(_ set: inout Set<String>, _ items: Set<String>, _ adding: Bool) {
        if adding { set.formUnion(items) } else { set.subtract(items) }
    }

    /// `TO roles` (granting) or `FROM roles`; `public` stands for PUBLIC.
    private func grantees(_ cursor: inout SQLCursor, granting: Bool) -> Set<String>? {
        guard cursor.accept(word: granting ? "to" : "from") else { return nil }
        var roles = Set<String>()
        while let name = cursor.identifier() {
            if name.isWord("group"), let next = cursor.identifier() {
                roles.insert(next.text)
            } else {
                roles.insert(name.text)
            }
            guard cursor.accept(.comma) else { break }
        }
        return roles
    }
}
