import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax

/// Builds schema models in code for tests that need no SQL file.
public enum TestSchema {
    /// A table: columns as `name type` with an optional trailing `not null`, e.g. `"tenant_id uuid not null"`.
    public static func table(
        _ qualified: String, _ columns: [String], primaryKey: [String] = [],
        foreignKeys: [(columns: [String], table: String, referenced: [String])] = [],
        tags: [String] = []
    ) -> TableModel {
        let parts = qualified.split(separator: ".", maxSplits: 1).map(String.init)
        let name = parts.count == 2 ? QualifiedName(schema: parts[0], name: parts[1]) : QualifiedName(schema: "public", name: parts[0])
        let models = columns.map { spec -> ColumnModel in
            var words = spec.split(separator: " ").map(String.init)
            var notNull = false
            if words.count >= 3, words[words.count - 2].lowercased() == "not", words[words.count - 1].lowercased() == "null" {
                notNull = true
                words.removeLast(2)
            }
            let columnName = words[0]
            let type = SQLType.normalize(words.dropFirst().joined(separator: " "))
            return ColumnModel(name: columnName, type: type, notNull: notNull || primaryKey.contains(columnName))
        }
        let keys = foreignKeys.map { fk -> ForeignKeyModel in
            let target = fk.table.split(separator: ".", maxSplits: 1).map(String.init)
            let targetName =
                target.count == 2 ? QualifiedName(schema: target[0], name: target[1]) : QualifiedName(schema: "public", name: target[0])
            return ForeignKeyModel(name: nil, columns: fk.columns, referencedTable: targetName, referencedColumns: fk.referenced)
        }
        return TableModel(name: name, columns: models, primaryKey: primaryKey, foreignKeys: keys, tags: tags)
    }
}

/// Parses inline policy files and checks them.
public enum CheckHarness {
    /// Checks `files` (path → text) against `schema` and `config` (defaults when `nil`).
    public static func check(_ files: [String: String], schema: SchemaModel?, config: ProjectConfig? = nil) -> (PolicySet, [ParsedFile]) {
        let parsed = files.sorted { $0.key < $1.key }.map { Parser.parse(text: $0.value, path: $0.key) }
        let configuration = config ?? ProjectConfig(baseDirectory: "/tmp")
        return (Checker.check(files: parsed, config: configuration, schema: schema), parsed)
    }

    /// Checks one file.
    public static func check(_ text: String, schema: SchemaModel?, config: ProjectConfig? = nil) -> PolicySet {
        check(["test.policy": text], schema: schema, config: config).0
    }
}
