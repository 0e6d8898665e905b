import PolicyDatabase
import PolicySchema
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// User types that functions in pgpe.yaml may name (SPEC 11.2): enums with their labels in
/// order and composite types are read the same from SQL, from the live catalog and from a
/// snapshot.
@Suite struct UserTypeIntrospectionTests {
    static let sql = """
        CREATE SCHEMA app;
        CREATE TYPE app.role AS ENUM ('viewer', 'owner');
        ALTER TYPE app.role ADD VALUE 'editor' BEFORE 'owner';
        ALTER TYPE app.role ADD VALUE IF NOT EXISTS 'admin';
        CREATE TYPE public.address AS (street text, city text);
        CREATE DOMAIN public.tenant_key AS uuid NOT NULL;
        CREATE TABLE app.members (id integer PRIMARY KEY, role app.role NOT NULL, home public.address);
        """

    static let expected = [
        UserTypeModel(
            name: QualifiedName(schema: "app", name: "role"), kind: .enumeration, labels: ["viewer", "editor", "owner", "admin"]),
        UserTypeModel(name: QualifiedName(schema: "public", name: "address"), kind: .composite),
    ]

    @Test func theSQLReaderKeepsEnumLabelsAndCompositeTypes() {
        let (model, diagnostics) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: Self.sql))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(model.userTypes == Self.expected)
        #expect(model.resolveUserType("role", searchPath: ["app"]) == SQLType(name: "app.role", family: .text))
        #expect(model.resolveUserType("app.role", searchPath: []) == SQLType(name: "app.role", family: .text))
        #expect(model.resolveUserType("address", searchPath: []) == SQLType(name: "public.address", family: .other))
        #expect(model.resolveUserType("tenant_key", searchPath: []) == SQLType(name: "public.tenant_key", family: .uuid))
        #expect(model.resolveUserType("nope", searchPath: ["app"]) == nil)
        // A model without the type list (an older snapshot) still knows the types of its columns.
        let older = SchemaModel(tables: model.tables)
        #expect(older.resolveUserType("app.role", searchPath: []) == SQLType(name: "app.role", family: .text))
        #expect(older.resolveUserType("address", searchPath: ["public"]) == SQLType(name: "public.address", family: .other))
    }

    @Test func theCatalogAndTheSnapshotAgreeWithTheSQLReader() async throws {
        try await withTestDatabase { database in
            try database.connection.execute(Self.sql)
            let catalog = try LiveDatabase.testing(database).introspect()
            #expect(catalog.model.userTypes == Self.expected)
            let text = catalog.snapshot.encode()
            let (read, diagnostics) = SchemaSnapshot.read(text: text, path: "snapshot.json")
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
            #expect(read.model.userTypes == Self.expected)
            #expect(read.encode() == text)
        }
    }
}
