import Foundation
import PolicySyntax
import SQLExpression

extension SchemaReaderState {
    private static let argumentModes: Set<String> = ["in", "out", "inout", "variadic"]

    // MARK: - Schemas, types, domains

    /// `CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]` or `CREATE SCHEMA AUTHORIZATION role`.
    mutating func readCreateSchema(_ cursor: inout SQLCursor) {
        _ = cursor.accept(words: "if", "not", "exists")
        let name: SQLToken?
        if cursor.accept(word: "authorization") {
            name = cursor.identifier()
        } else {
            name = cursor.identifier()
        }
        guard let name else {
            report(.schemaExpected, "expected a schema name after 'create schema'", cursor.currentRange)
            return
        }
        if !schemaNames.contains(name.text) { schemaNames.append(name.text) }
    }

    /// `CREATE TYPE name AS ENUM (...)`, and other type forms (recorded as opaque types).
    mutating func readCreateType(_ cursor: inout SQLCursor) {
        guard let name = cursor.name() else {
            report(.schemaExpected, "expected a type name after 'create type'", cursor.currentRange)
            return
        }
        let info: UserTypeInfo
        if cursor.accept(words: "as", "enum") {
            var labels: [String] = []
            if cursor.accept(.leftParen) {
                while let token = cursor.peek(), token.kind != .rightParen {
                    if token.kind == .string { labels.append(token.text) }
                    cursor.advance()
                }
            }
            info = .enumeration(labels)
        } else if cursor.isWord("as"), cursor.isKind(.leftParen, at: 1) {
            info = .composite
        } else {
            info = .other
        }
        userTypes[creationName(name)] = info
    }

    /// `ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label' [BEFORE | AFTER 'other']` on an enum
    /// the file declares: the label joins the enum's labels (other forms change nothing here).
    mutating func readAlterType(_ cursor: inout SQLCursor) {
        guard let name = cursor.name() else { return }
        var qualified = creationName(name)
        if name.schema == nil {
            for schema in searchPath where userTypes[QualifiedName(schema: schema, name: name.last)] != nil {
                qualified = QualifiedName(schema: schema, name: name.last)
                break
            }
        }
        guard case .enumeration(var labels) = userTypes[qualified], cursor.accept(words: "add", "value") else { return }
        _ = cursor.accept(words: "if", "not", "exists")
        guard let label = cursor.peek(), label.kind == .string else { return }
        cursor.advance()
        guard !labels.contains(label.text) else { return }
        var position = labels.endIndex
        let after = cursor.isWord("after")
        if cursor.accept(word: "before") || cursor.accept(word: "after") {
            if let anchor = cursor.peek(), anchor.kind == .string, let index = labels.firstIndex(of: anchor.text) {
                position = after ? index + 1 : index
            }
        }
        labels.insert(label.text, at: position)
        userTypes[qualified] = .enumeration(labels)
    }

    /// `CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT e] [[CONSTRAINT n] NOT NULL | NULL | CHECK (e)] ...`.
    mutating func readCreateDomain(_ cursor: inout SQLCursor) {
        guard let name = cursor.name() else {
            report(.schemaExpected, "expected a domain name after 'create domain'", cursor.currentRange)
            return
        }
        _ = cursor.accept(word: "as")
        guard let base = cursor.typeSpec() else {
            report(.schemaExpected, "expected the base type of domain \(name.last)", cursor.currentRange)
            return
        }
        var draft = DomainDraft(base: base, searchPath: searchPath)
        while !cursor.isAtEnd {
            if cursor.accept(words: "not", "null") {
                draft.notNull = true
            } else if cursor.accept(word: "null") {
                draft.notNull = false
            } else if cursor.accept(word: "collate") {
                draft.collation = cursor.name().map(collationName)
            } else if cursor.isWord("check"), cursor.isKind(.leftParen, at: 1) {
                let start = cursor.currentRange.start
                cursor.advance()
                cursor.skipGroupOrToken()
                draft.checks.append(file.text(in: SourceRange(start: start, end: cursor.previousRange.end)))
            } else {
                cursor.skipGroupOrToken()
            }
        }
        userTypes[creationName(name)] = .domain(draft)
    }

    /// `CREATE COLLATION [IF NOT EXISTS] name (options) | FROM other`: whether it is deterministic
    /// (`deterministic = false` makes it not; `FROM` copies the other's, when the file declares it).
    mutating func readCreateCollation(_ cursor: inout SQLCursor) {
        _ = cursor.accept(words: "if", "not", "exists")
        guard let name = cursor.name() else {
            report(.schemaExpected, "expected a collation name after 'create collation'", cursor.currentRange)
            return
        }
        var deterministic = true
        if cursor.accept(word: "from") {
            if let source = cursor.name() {
                deterministic = collations[collationName(source)] ?? true
            }
        } else if cursor.accept(.leftParen) {
            while let token = cursor.peek(), token.kind != .rightParen {
                if cursor.accept(word: "deterministic") {
                    _ = cursor.accept(.op)
                    if let value = cursor.peek() {
                        deterministic = !["false", "off", "no", "0", "f", "n"].contains(value.text.lowercased())
                        cursor.advance()
                    }
                } else {
                    cursor.skipGroupOrToken()
                }
            }
        }
        collations[creationName(name).description] = deterministic
    }

    /// The name a collation reference stands for: `schema.name` for one the file declares (found
    /// along the search path when unqualified), else as written (`C`, `en_US`).
    func collationName(_ name: SQLName) -> String {
        if let schema = name.schema { return "\(schema).\(name.last)" }
        for schema in searchPath where !schema.isEmpty && schema != "$user" {
            let candidate = "\(schema).\(name.last)"
            if collations[candidate] != nil { return candidate }
        }
        return name.last
    }

    // MARK: - Comments

    /// `COMMENT ON TABLE name IS 'text' | NULL`.
    mutating func readCommentOnTable(_ cursor: inout SQLCursor, statement: Range<Int>) {
        guard let name = cursor.name() else {
            report(.schemaExpected, "expected a table name after 'comment on table'", cursor.currentRange)
            return
        }
        guard cursor.accept(word: "is") else {
            report(
                .schemaExpected, "expected 'is' and a string or NULL after the table name",
                cursor.currentRange)
            return
        }
        let value: String?
        if cursor.accept(word: "null") {
            value = nil
        } else if let token = cursor.peek(), token.kind == .string || token.kind == .dollarString {
            cursor.advance()
            value = token.text
        } else {
            report(.schemaExpected, "expected a string or NULL after 'is'", cursor.currentRange)
            return
        }
        guard let id = tableOrDefer(name, statement: statement) else { return }
        tables[id].comment = value
    }

    // MARK: - Roles

    /// `CREATE ROLE|USER|GROUP name [[WITH] option ...]`.
    mutating func readCreateRole(_ cursor: inout SQLCursor, canLoginByDefault: Bool) {
        guard let name = cursor.identifier() else {
            report(.schemaExpected, "expected a role name", cursor.currentRange)
            return
        }
        var role = RoleModel(name: name.text, canLogin: canLoginByDefault)
        _ = cursor.accept(word: "with")
        readRoleOptions(&cursor, into: &role)
        if !roles.contains(where: { $0.name == role.name }) { roles.append(role) }
    }

    /// `ALTER ROLE|USER name [WITH] option ...` on a role declared earlier.
    mutating func readAlterRole(_ cursor: inout SQLCursor) {
        guard let name = cursor.identifier(), let index = roles.firstIndex(where: { $0.name == name.text }) else { return }
        _ = cursor.accept(word: "with")
        if cursor.isWord("set") || cursor.isWord("reset") || cursor.isWord("rename") || cursor.isWord("in") { return }
        var role = roles[index]
        readRoleOptions(&cursor, into: &role)
        roles[index] = role
    }

    private mutating func readRoleOptions(_ cursor: inout SQLCursor, into role: inout RoleModel) {
        while let token = cursor.peek() {
            guard token.kind == .word else {
                cursor.skipGroupOrToken()
                continue
            }
            cursor.advance()
            switch token.text {
            case "login": role.canLogin = true
            case "nologin": role.canLogin = false
            case "superuser": role.isSuperuser = true
            case "nosuperuser": role.isSuperuser = false
            case "bypassrls": role.bypassesRLS = true
            case "nobypassrls": role.bypassesRLS = false
            case "inherit": noInherit.remove(role.name)
            case "noinherit": noInherit.insert(role.name)
            case "in":
                // IN ROLE a, b / IN GROUP a: the new role is a member of each.
                _ = cursor.accept(word: "role") || cursor.accept(word: "group")
                for parent in roleList(&cursor) { addMembership(role.name, of: parent, inherit: nil) }
            case "role", "admin", "user":
                // ROLE a / ADMIN a / USER a: each becomes a member of the new role.
                for member in roleList(&cursor) { addMembership(member, of: role.name, inherit: nil) }
            default:
                break
            }
        }
    }

    private func roleList(_ cursor: inout SQLCursor) -> [String] {
        var names: [String] = []
        while let name = cursor.identifier() {
            names.append(name.text)
            guard cursor.accept(.comma) else { break }
        }
        return names
    }

    private mutating func addMembership(_ member: String, of role: String, inherit: Bool?) {
        var list = memberships[member] ?? []
        list.removeAll { $0.role == role }
        list.append((role, inherit))
        memberships[member] = list
    }

    /// `GRANT role [, ...] TO member [, ...] [WITH ADMIN|INHERIT|SET option ...] [GRANTED BY r]`
    /// (a privilege grant, `GRANT ... ON ...`, is not about roles and is skipped).
    mutating func readGrantRole(_ cursor: inout SQLCursor) {
        let granted = roleList(&cursor)
        guard cursor.accept(word: "to") else { return }
        var members: [String] = []
        while let name = cursor.identifier() {
            if !name.isWord("group") { members.append(name.text) }
            guard cursor.accept(.comma) else { break }
        }
        var inherit: Bool?
        while !cursor.isAtEnd {
            if cursor.accept(words: "inherit", "true") || cursor.accept(words: "inherit", "option") {
                inherit = true
            } else if cursor.accept(words: "inherit", "false") {
                inherit = false
            } else {
                cursor.advance()
            }
        }
        for member in members {
            for role in granted { addMembership(member, of: role, inherit: inherit) }
        }
    }

    /// `REVOKE [ADMIN|INHERIT|SET OPTION FOR] role [, ...] FROM member [, ...]`.
    mutating func readRevokeRole(_ cursor: inout SQLCursor) {
        var onlyOption = false
        if cursor.isWord("option", at: 1) && cursor.isWord("for", at: 2) {
            onlyOption = !cursor.isWord("inherit")
            if cursor.isWord("inherit") {
                cursor.advance()
                cursor.advance()
                cursor.advance()
                let revoked = roleList(&cursor)
                guard cursor.accept(word: "from") else { return }
                for member in roleList(&cursor) {
                    for role in revoked { addMembership(member, of: role, inherit: false) }
                }
                return
            }
        }
        guard !onlyOption else { return }
        let revoked = roleList(&cursor)
        guard cursor.accept(word: "from") else { return }
        for member in roleList(&cursor) {
            memberships[member]?.removeAll { revoked.contains($0.role) }
        }
    }

    /// Whether a GRANT or REVOKE is about role memberships: no `ON` comes before `word`.
    static func isAboutRoles(_ cursor: SQLCursor, until word: String) -> Bool {
        var probe = cursor
        while let token = probe.peek() {
            if token.isWord("on") { return false }
            if token.isWord(word) { return true }
            probe.advance()
        }
        return true
    }

    /// The roles with the memberships through which each has other roles' privileges.
    func rolesWithMemberships() -> [RoleModel] {
        var result = roles
        for member in memberships.keys where !result.contains(where: { $0.name == member }) {
            result.append(RoleModel(name: member))
        }
        for index in result.indices {
            let name = result[index].name
            let inheritsByDefault = !noInherit.contains(name)
            result[index].memberOf = (memberships[name] ?? []).filter { $0.inherit ?? inheritsByDefault }.map(\.role).sorted()
        }
        return result.sorted { $0.name < $1.name }
    }

    // MARK: - Functions

    /// `CREATE [OR REPLACE] FUNCTION name(args) [RETURNS type] options`: the signature only.
    mutating func readCreateFunction(_ cursor: inout SQLCursor) {
        guard let written = cursor.name() else {
            report(.schemaExpected, "expected a function name after 'create function'", cursor.currentRange)
            return
        }
        guard let close = cursor.matchingParenEnd() else {
            report(
                .schemaExpected, "expected '(' and the arguments of function \(written.last)",
                cursor.isKind(.leftParen)
                    ? SourceRange.empty(at: cursor.tokens[cursor.end - 1].end)
                    : cursor.currentRange)
            return
        }
        cursor.advance()
        var arguments = cursor.prefix(upTo: close - 1)
        cursor.move(to: close)
        var draft = FunctionDraft(
            name: creationName(written), location: written.range, inputs: [], outputs: [],
            returns: nil, returnsSet: false, returnsTable: false, securityDefiner: false,
            searchPath: searchPath)
        while !arguments.isAtEnd {
            readArgument(&arguments, into: &draft)
            arguments.skipToElementEnd()
            if !arguments.accept(.comma) { arguments.advance() }
        }
        if cursor.accept(word: "returns") {
            if cursor.accept(word: "setof") { draft.returnsSet = true }
            if cursor.isWord("table"), cursor.isKind(.leftParen, at: 1) {
                draft.returnsTable = true
                cursor.advance()
                cursor.skipGroupOrToken()
            } else if let type = cursor.typeSpec() {
                draft.returns = type
            } else {
                report(.schemaExpected, "expected a return type after 'returns'", cursor.currentRange)
                return
            }
        }
        // Options may come before or after the body; a SQL-standard body comes last.
        var language = "sql"
        var body: String?
        while let token = cursor.peek() {
            if token.isWord("begin") || token.isWord("return") { break }
            if token.isWord("security") {
                if cursor.isWord("definer", at: 1) { draft.securityDefiner = true }
                if cursor.isWord("invoker", at: 1) { draft.securityDefiner = false }
            }
            if token.isWord("language"), let name = cursor.peek(1), name.isIdentifier || name.kind == .string {
                language = name.text.lowercased()
            }
            if token.isWord("as"), let text = cursor.peek(1), text.kind == .string || text.kind == .dollarString {
                body = text.text
            }
            cursor.skipGroupOrToken()
        }
        if !cursor.isAtEnd {
            draft.bodyNames = RelationNameScanner.names(in: Array(cursor.tokens[cursor.index..<cursor.end]))
        } else if let body {
            draft.bodyNames = language == "sql" || language == "plpgsql" ? RelationNameScanner.names(inBody: body) : nil
        }
        functions.append(draft)
    }

    /// One argument: `[mode] [name] [mode] type [DEFAULT expr | = expr]`.
    private mutating func readArgument(_ cursor: inout SQLCursor, into draft: inout FunctionDraft) {
        var mode = "in"
        if let token = cursor.peek(), token.kind == .word, Self.argumentModes.contains(token.text),
            cursor.peek(1)?.isIdentifier == true
        {
            mode = token.text
            cursor.advance()
        }
        if let first = cursor.peek(), first.isIdentifier, let second = cursor.peek(1), second.isIdentifier,
            !second.isWord("default"), !SQLCursor.startsMultiWordType(first, second)
        {
            cursor.advance()
            if let token = cursor.peek(), token.kind == .word, Self.argumentModes.contains(token.text),
                cursor.peek(1)?.isIdentifier == true
            {
                mode = token.text
                cursor.advance()
            }
        }
        guard let type = cursor.typeSpec() else {
            report(.schemaExpected, "expected an argument type of function \(draft.name)", cursor.currentRange)
            return
        }
        if mode != "out" { draft.inputs.append(type) }
        if mode == "out" || mode == "inout" { draft.outputs.append(type) }
    }

    // MARK: - Search path

    /// `SET [SESSION|LOCAL] search_path {TO|=} schema, ... | DEFAULT`.
    mutating func readSet(_ cursor: inout SQLCursor) {
        _ = cursor.accept(word: "session") || cursor.accept(word: "local")
        guard cursor.accept(word: "search_path") else { return }
        if let token = cursor.peek(), token.isWord("to") || (token.kind == .op && token.text == "=") {
            cursor.advance()
        } else {
            return
        }
        if cursor.accept(word: "default") {
            searchPath = Self.defaultSearchPath
            return
        }
        var path: [String] = []
        while let token = cursor.peek() {
            if token.isIdentifier || token.kind == .string { path.append(token.text) }
            cursor.advance()
            guard cursor.accept(.comma) else { break }
        }
        searchPath = path
    }

    /// `SELECT [pg_catalog.]set_config('search_path', 'list', bool)`, as pg_dump writes it.
    mutating func readSetConfig(_ cursor: inout SQLCursor) {
        guard let function = cursor.name(), function.last == "set_config",
            function.schema == nil || function.schema == "pg_catalog",
            cursor.accept(.leftParen),
            let setting = cursor.peek(), setting.kind == .string, setting.text.lowercased() == "search_path"
        else {
            return
        }
        cursor.advance()
        guard cursor.accept(.comma), let value = cursor.peek(), value.kind == .string else { return }
        searchPath = Self.parseSearchPathList(value.text)
    }

    /// Splits a search path setting (`"$user", public`) into schema names: unquoted names fold to
    /// lower case, double quotes keep case.
    static func parseSearchPathList(_ text: String) -> [String] {
        // Split at commas outside double quotes.
        // Scalars, not Characters: a quote fused with a combining mark is still a quote.
        var items: [String] = []
        var current = ""
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle() }
            if scalar == ",", !inQuotes {
                items.append(current)
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        items.append(current)
        return items.compactMap { raw -> String? in
            let item = raw.trimmingSpaces()
            let scalars = item.unicodeScalars
            guard !scalars.isEmpty else { return nil }
            guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return item.asciiLowercased() }
            return String(scalars.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        var slice = Substring(self).unicodeScalars
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }

    /// The string with ASCII letters in lower case, as PostgreSQL folds identifiers.
    fileprivate func asciiLowercased() -> String {
        String(decoding: utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
