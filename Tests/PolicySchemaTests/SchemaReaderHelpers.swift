import PolicySchema
import PolicySyntax

/// Helpers shared by the schema reader and snapshot tests.
enum SchemaReaderHelpers {
    /// Reads `text` as a SQL schema file named `path`.
    static func read(_ text: String, path: String = "schema.sql") -> (SchemaModel, [Diagnostic], SourceFile) {
        let file = SourceFile(path: path, text: text)
        let (model, diagnostics) = SQLSchemaReader.read(file: file)
        return (model, diagnostics, file)
    }

    /// The model without locations, origin or owners, for comparing models read from different sources.
    static func comparable(_ model: SchemaModel, keepOwners: Bool = false) -> SchemaModel {
        let tables = model.tables.map { table -> TableModel in
            var copy = table
            copy.location = nil
            if !keepOwners { copy.owner = nil }
            copy.columns = table.columns.map { column in
                var stripped = column
                stripped.location = nil
                return stripped
            }
            return copy
        }
        let functions = model.functions.map { function -> FunctionSignature in
            var copy = function
            copy.location = nil
            if !keepOwners { copy.owner = nil }
            return copy
        }
        // CHECK texts differ between the source and pg_dump's printing; their number does not.
        let domains = model.domains.map { domain -> DomainModel in
            var copy = domain
            copy.checks = domain.checks.map { _ in "CHECK" }
            return copy
        }
        return SchemaModel(
            tables: tables, functions: functions, roles: model.roles, schemaNames: model.schemaNames,
            origin: "<compared>", domains: domains, collations: model.collations)
    }

    /// A readable listing of a model, so a failed comparison shows what differs.
    static func describe(_ model: SchemaModel) -> String {
        var lines: [String] = []
        for table in model.tables {
            lines.append(
                "table \(table.name) pk=\(table.primaryKey) unique=\(table.uniqueKeys) "
                    + "comment=\(table.comment ?? "-") tags=\(table.tags) owner=\(table.owner ?? "-")")
            for column in table.columns {
                lines.append("  \(column.name) \(column.type.name) (\(column.type.family))\(column.notNull ? " not null" : "")")
            }
            for key in table.foreignKeys {
                lines.append("  fk \(key.name ?? "-") \(key.columns) -> \(key.referencedTable) \(key.referencedColumns)")
            }
        }
        for function in model.functions {
            lines.append(
                "function \(function.name)(\(function.argumentTypes.map(\.name).joined(separator: ", "))) "
                    + "-> \(function.returnType.name)\(function.securityDefiner ? " security definer" : "")")
        }
        for role in model.roles {
            lines.append("role \(role.name) login=\(role.canLogin) super=\(role.isSuperuser) bypass=\(role.bypassesRLS)")
        }
        lines.append("schemas \(model.schemaNames)")
        return lines.joined(separator: "\n")
    }
}
