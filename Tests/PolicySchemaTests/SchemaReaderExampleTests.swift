import Foundation
import PolicySchema
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// The running example, `examples/saas/schema.sql`, reads into exactly the model SPEC.md uses.
@Suite struct SchemaReaderExampleTests {
    private static func column(_ name: String, _ type: SQLType, notNull: Bool) -> ColumnModel {
        ColumnModel(name: name, type: type, notNull: notNull)
    }

    private static func foreignKey(_ table: String, _ column: String, _ target: String) -> ForeignKeyModel {
        ForeignKeyModel(
            name: "\(table)_\(column)_fkey", columns: [column],
            referencedTable: QualifiedName(schema: "public", name: target), referencedColumns: ["id"])
    }

    private static func table(
        _ name: String, _ columns: [ColumnModel], primaryKey: [String] = ["id"],
        foreignKeys: [ForeignKeyModel] = [], comment: String? = nil,
        tags: [String] = [], indexed: String? = nil
    ) -> TableModel {
        var model = TableModel(
            name: QualifiedName(schema: "public", name: name), columns: columns, primaryKey: primaryKey,
            foreignKeys: foreignKeys, comment: comment, tags: tags)
        // The example indexes the column its policies filter on, with PostgreSQL's default name.
        model.indexes = indexed.map { [IndexModel(name: "\(name)_\($0)_idx", columns: [$0])] } ?? []
        return model
    }

    static let expected = SchemaModel(
        tables: [
            table(
                "tenants",
                [
                    column("id", .uuid, notNull: true), column("name", .text, notNull: true),
                    column("plan", .text, notNull: true),
                ]),
            table(
                "users",
                [
                    column("id", .uuid, notNull: true), column("tenant_id", .uuid, notNull: true),
                    column("email", .text, notNull: true), column("role", .text, notNull: true),
                ], foreignKeys: [foreignKey("users", "tenant_id", "tenants")], indexed: "tenant_id"),
            table(
                "projects",
                [
                    column("id", .uuid, notNull: true), column("tenant_id", .uuid, notNull: true),
                    column("name", .text, notNull: true), column("owner_id", .uuid, notNull: false),
                    column("is_deleted", .boolean, notNull: true),
                ], foreignKeys: [foreignKey("projects", "owner_id", "users"), foreignKey("projects", "tenant_id", "tenants")],
                indexed: "tenant_id"),
            table(
                "tasks",
                [
                    column("id", .uuid, notNull: true), column("project_id", .uuid, notNull: true),
                    column("title", .text, notNull: true), column("assignee_id", .uuid, notNull: false),
                    column("status", .text, notNull: true),
                ], foreignKeys: [foreignKey("tasks", "assignee_id", "users"), foreignKey("tasks", "project_id", "projects")],
                indexed: "project_id"),
            table(
                "comments",
                [
                    column("id", .uuid, notNull: true), column("tenant_id", .uuid, notNull: true),
                    column("task_id", .uuid, notNull: true), column("author_id", .uuid, notNull: false),
                    column("body", .text, notNull: true),
                ],
                foreignKeys: [
                    foreignKey("comments", "author_id", "users"), foreignKey("comments", "task_id", "tasks"),
                    foreignKey("comments", "tenant_id", "tenants"),
                ], comment: "User-written content. @pgpe:tags pii", tags: ["pii"], indexed: "tenant_id"),
            table(
                "files",
                [
                    column("id", .uuid, notNull: true), column("project_id", .uuid, notNull: true),
                    column("name", .text, notNull: true), column("size", .bigint, notNull: true),
                ], foreignKeys: [foreignKey("files", "project_id", "projects")], indexed: "project_id"),
            table(
                "config", [column("key", .text, notNull: true), column("value", .text, notNull: false)],
                primaryKey: ["key"]),
        ], origin: "<compared>")

    /// The line of each table's name and of each of its columns in schema.sql.
    static let expectedLines: [String: (table: Int, columns: [Int])] = [
        "tenants": (5, [6, 7, 8]),
        "users": (11, [12, 13, 14, 15]),
        "projects": (18, [19, 20, 21, 22, 23]),
        "tasks": (26, [27, 28, 29, 30, 31]),
        "comments": (34, [35, 36, 37, 38, 39]),
        "files": (42, [43, 44, 45, 46]),
        "config": (49, [50, 51]),
    ]

    @Test func exampleSchemaReadsIntoTheExpectedModel() throws {
        let text = try Fixtures.exampleText("schema.sql")
        let (model, diagnostics, _) = SchemaReaderHelpers.read(text, path: "examples/saas/schema.sql")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(model.tables.count == 7)
        let actual = SchemaReaderHelpers.comparable(model)
        #expect(
            actual == Self.expected,
            "read:\n\(SchemaReaderHelpers.describe(actual))\nexpected:\n\(SchemaReaderHelpers.describe(Self.expected))")
        #expect(model.origin == "examples/saas/schema.sql")
        #expect(model.table(QualifiedName(schema: "public", name: "comments"))?.tags == ["pii"])
        #expect(model.schemaNames == ["public"])
    }

    @Test func exampleLocationsPointAtTheNames() throws {
        let text = try Fixtures.exampleText("schema.sql")
        let (model, _, file) = SchemaReaderHelpers.read(text, path: "examples/saas/schema.sql")
        for table in model.tables {
            let location = try #require(table.location, "\(table.name) has no location")
            #expect(location.file == "examples/saas/schema.sql")
            #expect(file.text(in: location.range) == "public.\(table.name.name)")
            let lines = try #require(Self.expectedLines[table.name.name])
            #expect(
                file.position(of: location.range.start) == LineColumn(line: lines.table, column: 14),
                "table \(table.name)")
            #expect(table.columns.count == lines.columns.count)
            for (column, line) in zip(table.columns, lines.columns) {
                let columnLocation = try #require(column.location, "\(table.name).\(column.name) has no location")
                #expect(file.text(in: columnLocation.range) == column.name)
                #expect(
                    file.position(of: columnLocation.range.start) == LineColumn(line: line, column: 5),
                    "column \(table.name).\(column.name)")
            }
        }
    }

    @Test func crlfLineEndingsAndNonASCIINamesReadTheSame() throws {
        let text =
            try Fixtures.exampleText("schema.sql").replacingOccurrences(of: "\n", with: "\r\n")
            + "\r\nCREATE TABLE public.\"Über\" (größe int, \"Straße\" text);\r\n"
        let (model, diagnostics, file) = SchemaReaderHelpers.read(text)
        #expect(diagnostics.isEmpty)
        let umlaut = try #require(model.table(QualifiedName(schema: "public", name: "Über")))
        #expect(umlaut.columns.map(\.name) == ["größe", "Straße"])
        let original = SchemaReaderHelpers.comparable(model).tables.filter { $0.name.name != "Über" }
        #expect(original == Self.expected.tables)
        let users = try #require(model.table(QualifiedName(schema: "public", name: "users"))?.location)
        #expect(file.position(of: users.range.start) == LineColumn(line: 11, column: 14))
        let size = try #require(umlaut.column("Straße")?.location)
        #expect(file.text(in: size.range) == "\"Straße\"")
    }
}
