import PolicySchema

/// A table of a generated differential-test schema, in `public`. Its first column is `id`,
/// an `integer` primary key.
public struct DifferentialTable: Hashable, Sendable {
    /// The table's name as PostgreSQL stores it (it may need quoting).
    public var name: String
    /// The columns, `id` first.
    public var columns: [DifferentialColumn]

    /// Creates a table.
    public init(name: String, columns: [DifferentialColumn]) {
        self.name = name
        self.columns = columns
    }

    /// The schema-qualified name.
    public var qualified: QualifiedName { QualifiedName(schema: "public", name: name) }

    /// The column called `name`.
    public func column(_ name: String) -> DifferentialColumn? {
        columns.first { $0.name == name }
    }

    /// `CREATE TABLE public."name" (...)` with every identifier quoted.
    public var createStatement: String {
        let definitions = columns.map { column -> String in
            var text = "    " + DifferentialSQL.identifier(column.name) + " " + column.type
            if column.name == "id" {
                text += " PRIMARY KEY"
            } else if column.notNull {
                text += " NOT NULL"
            }
            if let target = column.references {
                text += " REFERENCES public." + DifferentialSQL.identifier(target) + " (id) ON DELETE CASCADE"
            }
            return text
        }
        return "CREATE TABLE public.\(DifferentialSQL.identifier(name)) (\n" + definitions.joined(separator: ",\n") + "\n);"
    }
}
