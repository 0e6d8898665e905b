import PolicySyntax

extension SchemaReaderState {
    /// `ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action]...`, plus the `RENAME`,
    /// `SET SCHEMA` and `ATTACH/DETACH PARTITION` forms.
    mutating func readAlterTable(_ cursor: inout SQLCursor, statement: Range<Int>) {
        // PostgreSQL writes IF EXISTS before ONLY; the other order is accepted too.
        _ = cursor.accept(words: "if", "exists")
        _ = cursor.accept(word: "only")
        _ = cursor.accept(words: "if", "exists")
        guard let name = cursor.name() else { return }
        if let star = cursor.peek(), star.kind == .op, star.text == "*" { cursor.advance() }
        // ALTER TABLE works on views too (`ALTER TABLE v SET (security_invoker = true)`).
        if lookupTable(name, path: searchPath) == nil, let view = lookupView(name, path: searchPath) {
            readAlterViewAction(&cursor, view: view)
            return
        }
        guard let id = tableOrDefer(name, statement: statement) else { return }
        if cursor.accept(words: "rename", "to") {
            if let newName = cursor.identifier() {
                move(table: id, to: QualifiedName(schema: tables[id].name.schema, name: newName.text))
            }
            return
        }
        if cursor.accept(word: "rename") {
            readRename(&cursor, table: id)
            return
        }
        if cursor.accept(words: "set", "schema") {
            if let schema = cursor.identifier() {
                move(table: id, to: QualifiedName(schema: schema.text, name: tables[id].name.name))
            }
            return
        }
        if cursor.accept(words: "attach", "partition") {
            guard let partitionName = cursor.name() else { return }
            guard let partition = tableOrDefer(partitionName, statement: statement) else { return }
            tables[partition].partitionParent = TableReference(name: name, searchPath: searchPath, id: id)
            tables[partition].columnsFromPartitionParent = false
            return
        }
        if cursor.accept(words: "detach", "partition") {
            if let partitionName = cursor.name(), let partition = lookupTable(partitionName, path: searchPath) {
                tables[partition].partitionParent = nil
            }
            return
        }
        while !cursor.isAtEnd {
            readAlterAction(&cursor, table: id)
            cursor.skipToElementEnd()
            if !cursor.accept(.comma) { cursor.advance() }
        }
    }

    private mutating func readAlterAction(_ cursor: inout SQLCursor, table id: Int) {
        if cursor.accept(word: "add") {
            if let token = cursor.peek(), token.kind == .word,
                ["constraint", "primary", "unique", "foreign", "check", "exclude"].contains(token.text)
            {
                readTableConstraint(&cursor, table: id)
                return
            }
            _ = cursor.accept(word: "column")
            let ifNotExists = cursor.accept(words: "if", "not", "exists")
            guard let nameToken = cursor.identifier() else {
                report(.schemaExpected, "expected a column definition after 'add'", cursor.currentRange)
                return
            }
            readColumnDefinition(&cursor, table: id, name: nameToken, optionsOnly: false, ifNotExists: ifNotExists)
        } else if cursor.accept(word: "drop") {
            if cursor.accept(word: "constraint") {
                _ = cursor.accept(words: "if", "exists")
                if let constraint = cursor.identifier() { dropConstraint(constraint.text, table: id) }
            } else {
                _ = cursor.accept(word: "column")
                _ = cursor.accept(words: "if", "exists")
                if let column = cursor.identifier() { dropColumn(column.text, table: id) }
            }
        } else if cursor.accept(word: "alter") {
            _ = cursor.accept(word: "column")
            guard let column = cursor.identifier(), let index = tables[id].columnIndex(column.text) else { return }
            if cursor.accept(words: "set", "not", "null") {
                tables[id].columns[index].notNull = true
            } else if cursor.accept(words: "drop", "not", "null") {
                tables[id].columns[index].notNull = false
            } else if cursor.accept(words: "set", "data", "type") || cursor.accept(word: "type") {
                if let type = cursor.typeSpec() {
                    tables[id].columns[index].type = type
                    tables[id].columns[index].searchPath = searchPath
                    tables[id].columns[index].collation = cursor.accept(word: "collate") ? cursor.name().map(collationName) : nil
                }
            } else if cursor.accept(word: "add"), cursor.accept(word: "generated") {
                // ADD GENERATED ... AS IDENTITY makes the column NOT NULL.
                tables[id].columns[index].notNull = true
            }
        } else if cursor.accept(words: "owner", "to") {
            if let owner = cursor.identifier() { tables[id].owner = owner.text }
        } else if !readTriggerSwitch(&cursor, table: id) {
            readRowLevelSecuritySwitch(&cursor, table: id)
        }
    }

    private mutating func readRename(_ cursor: inout SQLCursor, table id: Int) {
        if cursor.accept(word: "constraint") {
            guard let old = cursor.identifier(), cursor.accept(word: "to"), let new = cursor.identifier() else { return }
            if tables[id].primaryKeyName == old.text { tables[id].primaryKeyName = new.text }
            for index in tables[id].uniqueKeys.indices where tables[id].uniqueKeys[index].name == old.text {
                tables[id].uniqueKeys[index].name = new.text
            }
            for index in tables[id].foreignKeys.indices where tables[id].foreignKeys[index].name == old.text {
                tables[id].foreignKeys[index].name = new.text
            }
            return
        }
        _ = cursor.accept(word: "column")
        guard let old = cursor.identifier(), cursor.accept(word: "to"), let new = cursor.identifier(),
            let index = tables[id].columnIndex(old.text)
        else { return }
        let rename = { (name: String) in name == old.text ? new.text : name }
        tables[id].columns[index].name = new.text
        tables[id].primaryKey = tables[id].primaryKey.map(rename)
        for key in tables[id].uniqueKeys.indices {
            tables[id].uniqueKeys[key].columns = tables[id].uniqueKeys[key].columns.map(rename)
        }
        for key in tables[id].indexes.indices {
            tables[id].indexes[key].columns = tables[id].indexes[key].columns.map { $0.map(rename) }
        }
        for key in tables[id].foreignKeys.indices {
            tables[id].foreignKeys[key].columns = tables[id].foreignKeys[key].columns.map(rename)
        }
        // Foreign keys elsewhere that were bound to this table follow the column.
        for other in tables.indices {
            for key in tables[other].foreignKeys.indices where tables[other].foreignKeys[key].target.id == id {
                tables[other].foreignKeys[key].referencedColumns = tables[other].foreignKeys[key].referencedColumns?
                    .map(rename)
            }
        }
    }

    private mutating func move(table id: Int, to newName: QualifiedName) {
        guard tableIDs[newName] == nil else { return }
        tableIDs[tables[id].name] = nil
        tables[id].name = newName
        tableIDs[newName] = id
    }

    private mutating func dropConstraint(_ name: String, table id: Int) {
        if tables[id].primaryKeyName == name {
            tables[id].primaryKey = []
            tables[id].primaryKeyName = nil
        }
        tables[id].uniqueKeys.removeAll { $0.name == name }
        tables[id].foreignKeys.removeAll { $0.name == name }
    }

    private mutating func dropColumn(_ name: String, table id: Int) {
        guard let index = tables[id].columnIndex(name) else { return }
        tables[id].columns.remove(at: index)
        if tables[id].primaryKey.contains(name) {
            tables[id].primaryKey = []
            tables[id].primaryKeyName = nil
        }
        tables[id].uniqueKeys.removeAll { $0.columns.contains(name) }
        tables[id].indexes.removeAll { $0.columns.contains(name) }
        tables[id].foreignKeys.removeAll { $0.columns.contains(name) }
    }

    // MARK: - DROP

    /// `DROP TABLE [IF EXISTS] name, ... [CASCADE|RESTRICT]`.
    mutating func readDropTable(_ cursor: inout SQLCursor) {
        _ = cursor.accept(words: "if", "exists")
        while let name = cursor.name() {
            if let id = lookupTable(name, path: searchPath) {
                tables[id].isDropped = true
                tableIDs[tables[id].name] = nil
            }
            guard cursor.accept(.comma) else { return }
        }
    }

    /// `DROP INDEX [CONCURRENTLY] [IF EXISTS] name, ...`: unique keys from those indexes go.
    mutating func readDropIndex(_ cursor: inout SQLCursor) {
        _ = cursor.accept(word: "concurrently")
        _ = cursor.accept(words: "if", "exists")
        while let name = cursor.name() {
            for id in tables.indices {
                tables[id].uniqueKeys.removeAll { $0.name == name.last }
                tables[id].indexes.removeAll { $0.name == name.last }
            }
            guard cursor.accept(.comma) else { return }
        }
    }

    // MARK: - CREATE INDEX

    /// `CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING m]
    /// (elements) [INCLUDE (…)] [WHERE …]`: the table's index (`TableModel.indexes`), and for a
    /// unique one whose elements are plain columns and that has no WHERE, a unique key.
    mutating func readCreateIndex(_ cursor: inout SQLCursor, unique: Bool, statement: Range<Int>) {
        _ = cursor.accept(word: "concurrently")
        _ = cursor.accept(words: "if", "not", "exists")
        var indexName: String?
        if !cursor.isWord("on") { indexName = cursor.name()?.last }
        guard cursor.accept(word: "on") else {
            report(.schemaExpected, "expected 'on' and a table in 'create index'", cursor.currentRange)
            return
        }
        _ = cursor.accept(word: "only")
        guard let tableName = cursor.name() else {
            report(.schemaExpected, "expected a table name after 'on'", cursor.currentRange)
            return
        }
        guard let id = tableOrDefer(tableName, statement: statement) else { return }
        var method = "btree"
        if cursor.accept(word: "using"), let word = cursor.identifier() { method = word.text }
        guard cursor.isKind(.leftParen), let close = cursor.matchingParenEnd() else {
            report(
                .schemaExpected, "expected '(' and the indexed columns of table \(tables[id].name)",
                cursor.currentRange)
            return
        }
        cursor.advance()
        var elements = cursor.prefix(upTo: close - 1)
        cursor.move(to: close)
        var columns: [String?] = []
        while !elements.isAtEnd {
            // A plain column is an identifier not followed by `(` (a function) or `.`.
            if let column = elements.identifier(), !elements.isKind(.leftParen), !elements.isKind(.dot) {
                columns.append(column.text)
            } else {
                columns.append(nil)
            }
            elements.skipToElementEnd()
            if !elements.accept(.comma) { elements.advance() }
        }
        var isPartial = false
        while let token = cursor.peek() {
            if token.isWord("where") { isPartial = true }
            cursor.skipGroupOrToken()
        }
        guard !columns.isEmpty else { return }
        let name =
            indexName
            ?? ConstraintNaming.defaultName(
                table: tables[id].name.name, columns: columns.map { $0 ?? "expr" }, label: unique ? "key" : "idx")
        tables[id].indexes.removeAll { $0.name == name }
        tables[id].indexes.append(IndexModel(name: name, columns: columns, isUnique: unique, isPartial: isPartial, method: method))
        let plain = columns.compactMap { $0 }
        guard unique, !isPartial, plain.count == columns.count else { return }
        addUniqueKey(plain, name: indexName, label: "idx", table: id)
    }
}
