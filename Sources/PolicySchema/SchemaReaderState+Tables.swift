import PolicySyntax
import SQLExpression

extension SchemaReaderState {
    /// Words that end a `DEFAULT` expression (a `b_expr` in PostgreSQL's grammar).
    private static let defaultExpressionEnd: Set<String> = [
        "constraint", "not", "null", "primary", "unique", "references", "check", "generated", "collate",
        "deferrable", "initially", "default", "compression", "storage",
    ]

    /// Words that start a column constraint (so a column written without a type is noticed).
    private static let columnConstraintStart: Set<String> = [
        "constraint", "not", "null", "primary", "unique", "references", "default", "check", "generated",
    ]

    // MARK: - CREATE TABLE

    /// `CREATE TABLE [IF NOT EXISTS] name (...) [INHERITS (...)] [...]` and `PARTITION OF`.
    mutating func readCreateTable(_ cursor: inout SQLCursor, temporary: Bool) {
        let ifNotExists = cursor.accept(words: "if", "not", "exists")
        guard let written = cursor.name() else {
            report(.schemaExpected, "expected a table name after 'create table'", cursor.currentRange)
            return
        }
        let name = creationName(written, temporary: temporary)
        // CREATE TABLE ... AS (and typed tables, OF type) are not read.
        if cursor.isWord("as") || cursor.isWord("of") || Self.isCreateTableAs(cursor) { return }
        var partitionParent: TableReference?
        if cursor.accept(words: "partition", "of") {
            guard let parent = cursor.name() else {
                report(
                    .schemaExpected, "expected the partitioned table after 'partition of'",
                    cursor.currentRange)
                return
            }
            partitionParent = reference(parent)
        }
        if tableIDs[name] != nil {
            if !ifNotExists {
                report(
                    .schemaDuplicateTable,
                    "table \(name) is created twice; the first definition is kept", written.range)
            }
            return
        }
        let id = tables.count
        var draft = TableDraft(name: name, location: written.range)
        draft.partitionParent = partitionParent
        draft.columnsFromPartitionParent = partitionParent != nil
        tables.append(draft)
        tableIDs[name] = id
        if partitionParent != nil {
            if cursor.isKind(.leftParen) { readTableElements(&cursor, table: id, optionsOnly: true) }
        } else if cursor.isKind(.leftParen) {
            readTableElements(&cursor, table: id, optionsOnly: false)
        } else {
            report(.schemaExpected, "expected '(' and the columns of table \(name)", cursor.currentRange)
            return
        }
        // Tails: INHERITS (...), PARTITION BY ..., USING, WITH (...), TABLESPACE, FOR VALUES ...
        while let token = cursor.peek() {
            if token.isWord("inherits"), cursor.isKind(.leftParen, at: 1) {
                cursor.advance()
                for parent in readNameList(&cursor) { tables[id].parents.append(reference(parent)) }
            } else {
                cursor.skipGroupOrToken()
            }
        }
    }

    /// Whether the statement is `CREATE TABLE name (columns) [WITH (...)] AS ...`.
    private static func isCreateTableAs(_ cursor: SQLCursor) -> Bool {
        var probe = cursor
        while let token = probe.peek() {
            if token.isWord("as") || token.isWord("execute") { return true }
            probe.skipGroupOrToken()
        }
        return false
    }

    /// The `( element, ... )` list of a table; `optionsOnly` for `PARTITION OF` lists, whose
    /// column entries carry options but no types.
    private mutating func readTableElements(_ cursor: inout SQLCursor, table id: Int, optionsOnly: Bool) {
        cursor.advance()
        while true {
            if cursor.accept(.rightParen) { return }
            if cursor.isAtEnd {
                report(
                    .schemaExpected, "expected ')' to close the columns of table \(tables[id].name)",
                    SourceRange.empty(at: cursor.previousRange.end))
                return
            }
            readTableElement(&cursor, table: id, optionsOnly: optionsOnly)
            cursor.skipToElementEnd()
            if !cursor.accept(.comma), !cursor.isKind(.rightParen) { cursor.advance() }
        }
    }

    private mutating func readTableElement(_ cursor: inout SQLCursor, table id: Int, optionsOnly: Bool) {
        guard let first = cursor.peek() else { return }
        if first.kind == .word {
            switch first.text {
            case "constraint", "primary", "unique", "foreign", "check":
                readTableConstraint(&cursor, table: id)
                return
            case "exclude" where cursor.isWord("using", at: 1) || cursor.isKind(.leftParen, at: 1):
                readTableConstraint(&cursor, table: id)
                return
            case "like":
                cursor.advance()
                if let source = cursor.name() {
                    tables[id].likes.append((tables[id].columns.count, reference(source)))
                } else {
                    report(.schemaExpected, "expected a table name after 'like'", cursor.currentRange)
                }
                return
            default:
                break
            }
        }
        guard let nameToken = cursor.identifier() else {
            report(
                .schemaExpected, "expected a column definition in table \(tables[id].name)",
                cursor.currentRange)
            return
        }
        readColumnDefinition(&cursor, table: id, name: nameToken, optionsOnly: optionsOnly, ifNotExists: false)
    }

    // MARK: - Columns

    /// `name type [constraints]` (or `name [WITH OPTIONS] constraints` when `optionsOnly`);
    /// the column is added to table `id`.
    mutating func readColumnDefinition(
        _ cursor: inout SQLCursor, table id: Int, name nameToken: SQLToken,
        optionsOnly: Bool, ifNotExists: Bool
    ) {
        let tableName = tables[id].name
        var column = ColumnDraft(
            name: nameToken.text, nameRange: nameToken.range, type: nil, notNull: false,
            searchPath: searchPath, isOverride: optionsOnly)
        if optionsOnly {
            _ = cursor.accept(words: "with", "options")
        } else if let token = cursor.peek(), token.kind == .word, Self.columnConstraintStart.contains(token.text) {
            report(
                .schemaExpected, "expected a type for column '\(column.name)' of table \(tableName)",
                token.range)
        } else if let type = cursor.typeSpec() {
            column.type = type
            if type.isSerial { column.notNull = true }
        } else {
            report(
                .schemaExpected, "expected a type for column '\(column.name)' of table \(tableName)",
                cursor.isAtEnd ? SourceRange.empty(at: nameToken.end) : cursor.currentRange)
            return
        }
        readColumnConstraints(&cursor, column: &column, table: id)
        if tables[id].columnIndex(column.name) != nil {
            if !ifNotExists {
                report(
                    .schemaDuplicateColumn,
                    "column '\(column.name)' is declared twice in table \(tableName)", nameToken.range)
            }
            return
        }
        tables[id].columns.append(column)
    }

    private mutating func readColumnConstraints(_ cursor: inout SQLCursor, column: inout ColumnDraft, table id: Int) {
        var constraintName: String?
        while let token = cursor.peek(), token.kind != .comma, token.kind != .rightParen {
            guard token.kind == .word else {
                reportUnexpected(cursor, in: "column '\(column.name)' of table \(tables[id].name)")
                cursor.skipToElementEnd()
                return
            }
            switch token.text {
            case "constraint":
                cursor.advance()
                constraintName = cursor.identifier()?.text
                continue
            case "not":
                if cursor.accept(words: "not", "null") {
                    column.notNull = true
                } else if !(cursor.accept(words: "not", "deferrable") || cursor.accept(words: "not", "enforced")) {
                    reportUnexpected(cursor, in: "column '\(column.name)' of table \(tables[id].name)")
                    cursor.skipToElementEnd()
                    return
                }
            case "null", "deferrable", "enforced":
                cursor.advance()
            case "initially", "compression", "storage":
                cursor.advance()
                cursor.advance()
            case "primary" where cursor.isWord("key", at: 1):
                cursor.advance()
                cursor.advance()
                column.notNull = true
                setPrimaryKey([column.name], name: constraintName, table: id)
            case "unique":
                cursor.advance()
                _ = cursor.accept(words: "nulls", "distinct") || cursor.accept(words: "nulls", "not", "distinct")
                addUniqueKey([column.name], name: constraintName, label: "key", table: id)
            case "references":
                readReferences(&cursor, columns: [column.name], name: constraintName, table: id)
            case "default":
                cursor.advance()
                skipDefaultExpression(&cursor)
            case "check":
                cursor.advance()
                cursor.skipGroupOrToken()
                _ = cursor.accept(words: "no", "inherit")
            case "generated":
                cursor.advance()
                _ = cursor.accept(word: "always") || cursor.accept(words: "by", "default")
                _ = cursor.accept(word: "as")
                if cursor.accept(word: "identity") {
                    column.notNull = true
                    if cursor.isKind(.leftParen) { cursor.skipGroupOrToken() }
                } else {
                    cursor.skipGroupOrToken()
                    _ = cursor.accept(word: "stored") || cursor.accept(word: "virtual")
                }
            case "collate":
                cursor.advance()
                column.collation = cursor.name().map(collationName)
            case "include", "with":
                // Index parameters of PRIMARY KEY / UNIQUE.
                cursor.advance()
                cursor.skipGroupOrToken()
            case "using" where cursor.isWord("index", at: 1):
                cursor.advance()
                cursor.advance()
                if cursor.accept(word: "tablespace") { cursor.advance() }
            case "no" where cursor.isWord("inherit", at: 1):
                cursor.advance()
                cursor.advance()
            default:
                reportUnexpected(cursor, in: "column '\(column.name)' of table \(tables[id].name)")
                cursor.skipToElementEnd()
                return
            }
            constraintName = nil
        }
    }

    private func skipDefaultExpression(_ cursor: inout SQLCursor) {
        var count = 0
        while let token = cursor.peek(), token.kind != .comma, token.kind != .rightParen {
            if count > 0, token.kind == .word, Self.defaultExpressionEnd.contains(token.text) { return }
            cursor.skipGroupOrToken()
            count += 1
        }
    }

    // MARK: - Constraints

    /// A table constraint: `[CONSTRAINT name] PRIMARY KEY (...) | UNIQUE (...) |
    /// FOREIGN KEY (...) REFERENCES ... | CHECK (...) | EXCLUDE ...`; trailing options are skipped
    /// by the caller.
    mutating func readTableConstraint(_ cursor: inout SQLCursor, table id: Int) {
        var name: String?
        if cursor.accept(word: "constraint") {
            guard let token = cursor.identifier() else {
                report(.schemaExpected, "expected a constraint name after 'constraint'", cursor.currentRange)
                return
            }
            name = token.text
        }
        if cursor.accept(words: "primary", "key") {
            if cursor.accept(words: "using", "index") {
                adoptIndex(&cursor, asPrimaryKey: true, name: name, table: id)
            } else if let columns = readColumnList(&cursor, after: "primary key") {
                setPrimaryKey(columns, name: name, table: id)
            }
        } else if cursor.accept(word: "unique") {
            _ = cursor.accept(words: "nulls", "distinct") || cursor.accept(words: "nulls", "not", "distinct")
            if cursor.accept(words: "using", "index") {
                adoptIndex(&cursor, asPrimaryKey: false, name: name, table: id)
                return
            }
            if let columns = readColumnList(&cursor, after: "unique") {
                addUniqueKey(columns, name: name, label: "key", table: id)
            }
        } else if cursor.accept(words: "foreign", "key") {
            guard let columns = readColumnList(&cursor, after: "foreign key") else { return }
            guard cursor.isWord("references") else {
                report(
                    .schemaExpected, "expected 'references' after the columns of a foreign key",
                    cursor.currentRange)
                return
            }
            readReferences(&cursor, columns: columns, name: name, table: id)
        } else if cursor.accept(words: "not", "null") {
            // PostgreSQL 18: CONSTRAINT name NOT NULL column.
            if let column = cursor.identifier(), let index = tables[id].columnIndex(column.text) {
                tables[id].columns[index].notNull = true
            }
        } else if cursor.accept(word: "check") || cursor.accept(word: "exclude") {
            return
        } else {
            reportUnexpected(cursor, in: "a constraint of table \(tables[id].name)")
        }
    }

    /// `... USING INDEX index`: an existing unique index becomes the constraint (and takes its name).
    private mutating func adoptIndex(_ cursor: inout SQLCursor, asPrimaryKey: Bool, name: String?, table id: Int) {
        guard let index = cursor.identifier(),
            let position = tables[id].uniqueKeys.firstIndex(where: { $0.name == index.text })
        else { return }
        let constraintName = name ?? index.text
        if asPrimaryKey {
            let columns = tables[id].uniqueKeys.remove(at: position).columns
            setPrimaryKey(columns, name: constraintName, table: id)
        } else {
            tables[id].uniqueKeys[position].name = constraintName
        }
    }

    /// `REFERENCES table [(columns)] [MATCH ...] [ON DELETE|UPDATE action]...`.
    private mutating func readReferences(_ cursor: inout SQLCursor, columns: [String], name: String?, table id: Int) {
        let start = cursor.currentRange
        cursor.advance()
        guard let target = cursor.name() else {
            report(.schemaExpected, "expected a table name after 'references'", cursor.currentRange)
            return
        }
        var referenced: [String]?
        if cursor.isKind(.leftParen) {
            guard let list = readColumnList(&cursor, after: "references \(target.last)") else { return }
            referenced = list
        }
        while true {
            if cursor.accept(word: "match") {
                cursor.advance()
            } else if cursor.isWord("on"), cursor.isWord("delete", at: 1) || cursor.isWord("update", at: 1) {
                cursor.advance()
                cursor.advance()
                if cursor.accept(words: "no", "action") { continue }
                if cursor.accept(word: "set") {
                    cursor.advance()
                    if cursor.isKind(.leftParen) { cursor.skipGroupOrToken() }
                } else {
                    cursor.advance()
                }
            } else {
                break
            }
        }
        let constraint = name ?? ConstraintNaming.defaultName(table: tables[id].name.name, columns: columns, label: "fkey")
        tables[id].foreignKeys.append(
            ForeignKeyDraft(
                name: constraint, columns: columns, target: reference(target),
                referencedColumns: referenced,
                range: start.union(cursor.previousRange)))
    }

    /// `( column, ... )`; nil (with a diagnostic) when it is missing or malformed.
    mutating func readColumnList(_ cursor: inout SQLCursor, after context: String) -> [String]? {
        guard cursor.isKind(.leftParen) else {
            report(.schemaExpected, "expected '(' and a column list after '\(context)'", cursor.currentRange)
            return nil
        }
        cursor.advance()
        var columns: [String] = []
        while true {
            // PostgreSQL 18 allows `PERIOD column` and `column WITHOUT OVERLAPS`.
            if cursor.isWord("period"), cursor.peek(1)?.isIdentifier == true { cursor.advance() }
            guard let column = cursor.identifier() else {
                report(
                    .schemaExpected, "expected a column name in the list after '\(context)'",
                    cursor.currentRange)
                cursor.skipToElementEnd()
                _ = cursor.accept(.rightParen)
                return nil
            }
            columns.append(column.text)
            cursor.skipToElementEnd()
            if cursor.accept(.comma) { continue }
            if cursor.accept(.rightParen) { return columns }
            report(
                .schemaExpected, "expected ')' to close the column list after '\(context)'",
                SourceRange.empty(at: cursor.previousRange.end))
            return columns
        }
    }

    /// `( name, ... )` of qualified names (INHERITS, DROP lists in parentheses).
    mutating func readNameList(_ cursor: inout SQLCursor) -> [SQLName] {
        guard cursor.accept(.leftParen) else { return [] }
        var names: [SQLName] = []
        while let token = cursor.peek(), token.kind != .rightParen {
            if let name = cursor.name() { names.append(name) } else { cursor.skipGroupOrToken() }
            _ = cursor.accept(.comma)
        }
        _ = cursor.accept(.rightParen)
        return names
    }

    /// Sets the primary key of table `id`.
    mutating func setPrimaryKey(_ columns: [String], name: String?, table id: Int) {
        tables[id].primaryKey = columns
        tables[id].primaryKeyName =
            name
            ?? ConstraintNaming.defaultName(
                table: tables[id].name.name, columns: [],
                label: "pkey")
    }

    /// Adds a unique key to table `id`.
    mutating func addUniqueKey(_ columns: [String], name: String?, label: String, table id: Int) {
        let constraint = name ?? ConstraintNaming.defaultName(table: tables[id].name.name, columns: columns, label: label)
        tables[id].uniqueKeys.append(UniqueKeyDraft(name: constraint, columns: columns))
    }
}
