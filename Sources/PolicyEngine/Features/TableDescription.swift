import PolicySchema
import PolicySyntax

/// Texts about tables and columns for hovers: a table's definition (as written in the schema
/// file when it is SQL, else rebuilt from the model) and its foreign keys.
enum TableDescription {
    /// The `CREATE TABLE` statement of `table`.
    static func definition(of table: TableModel, schemaFile: SourceFile?) -> String {
        if let file = schemaFile, file.path.hasSuffix(".sql"), let location = table.location, location.file == file.path,
            let excerpt = excerpt(file, from: location.range.start)
        {
            return excerpt
        }
        var lines = ["CREATE TABLE \(table.name) ("]
        var elements = table.columns.map { "    \($0.name) \($0.type.name)\($0.notNull ? " NOT NULL" : "")" }
        if !table.primaryKey.isEmpty { elements.append("    PRIMARY KEY (\(table.primaryKey.joined(separator: ", ")))") }
        for key in table.foreignKeys {
            elements.append(
                "    FOREIGN KEY (\(key.columns.joined(separator: ", "))) REFERENCES \(key.referencedTable) (\(key.referencedColumns.joined(separator: ", ")))"
            )
        }
        lines.append(elements.joined(separator: ",\n"))
        lines.append(");")
        return lines.joined(separator: "\n")
    }

    /// The statement around `offset`: from the start of its line to the `;` that ends it
    /// (outside parentheses and quotes), at most 60 lines.
    static func excerpt(_ file: SourceFile, from offset: Int) -> String? {
        let table = file.lineTable
        let line = table.lineIndex(of: offset)
        let start = table.lineStarts[line]
        let bytes = file.bytes
        var index = start
        var depth = 0
        var quote: UInt8?
        let limitLine = min(table.lineCount - 1, line + 60)
        let limit = table.lineContentEnd(limitLine, in: bytes)
        while index < limit {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else {
                switch byte {
                case 0x27, 0x22: quote = byte
                case 0x28: depth += 1
                case 0x29: depth -= 1
                case 0x3B where depth <= 0: return file.text(in: SourceRange(start: start, end: index + 1))
                default: break
                }
            }
            index += 1
        }
        return nil
    }

    /// The foreign keys between `table` and `other` in either direction, as
    /// `a.x → b.y` lines; `column` limits them to keys involving that column of `table`.
    static func foreignKeys(of table: TableModel, and other: TableModel?, column: String? = nil, schema: SchemaModel) -> [String] {
        var lines: [String] = []
        for key in table.foreignKeys where other == nil || key.referencedTable == other?.name {
            if let column, !key.columns.contains(column) { continue }
            lines.append(describe(key, from: table.name))
        }
        let others = other.map { [$0] } ?? schema.tables
        for candidate in others where candidate.name != table.name || other != nil {
            for key in candidate.foreignKeys where key.referencedTable == table.name {
                if let column, !key.referencedColumns.contains(column) { continue }
                let line = describe(key, from: candidate.name)
                if !lines.contains(line) { lines.append(line) }
            }
        }
        return lines
    }

    /// `a.x → b.y (name)`.
    static func describe(_ key: ForeignKeyModel, from table: QualifiedName) -> String {
        let from = key.columns.map { "\(table).\($0)" }.joined(separator: ", ")
        let to = key.referencedColumns.map { "\(key.referencedTable).\($0)" }.joined(separator: ", ")
        return "\(from) → \(to)" + (key.name.map { " (\($0))" } ?? "")
    }

    /// `public.a, public.b and 3 more`.
    static func list(_ names: [String], limit: Int = 8) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }
}
