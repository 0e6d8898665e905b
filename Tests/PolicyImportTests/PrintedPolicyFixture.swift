import Foundation
import PolicyConfig
import PolicyImport
import PolicySQL
import PolicySchema
import PolicySyntax
import PolicyWorkloads
import PostgresClient
import TestSupport

/// The policies of Tests/Fixtures/sql-expressions/printed-policies.sql as the real PostgreSQL
/// prints them, with the schema model and the project (`profile: supabase`) lifting reads them in.
struct PrintedPolicyFixture {
    /// One row of `pg_policies`.
    struct Row {
        var table: QualifiedName
        var source: ExpectedPolicy
    }

    var rows: [Row]
    var schema: SchemaModel
    var config: ProjectConfig

    /// The fixture's DDL as the schema reader reads it (its statements other than CREATE POLICY).
    static func schema(from script: String) -> SchemaModel {
        let ddl = script.split(separator: "\n").filter { !$0.hasPrefix("create policy") }.joined(separator: "\n")
        return SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: ddl)).0
    }

    /// A project with the supabase profile.
    static func config() -> ProjectConfig {
        let (config, _, diagnostics) = ConfigLoader.load(text: "profile: supabase\n", path: "/project/pgpe.yaml", environment: [:])
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return config
    }

    static var script: String {
        get throws {
            try String(
                contentsOf: Fixtures.fixtureDirectory.appendingPathComponent("sql-expressions/printed-policies.sql"), encoding: .utf8)
        }
    }

    /// Loads the fixture into `connection` and reads its policies back.
    static func load(into connection: PostgresConnection) throws -> PrintedPolicyFixture {
        let script = try Self.script
        try connection.execute(script)
        return PrintedPolicyFixture(rows: try readPolicies(connection), schema: schema(from: script), config: config())
    }

    /// Every policy of the public and "My Schema" schemas, by name.
    static func readPolicies(_ connection: PostgresConnection, namePrefix: String = "") throws -> [Row] {
        let rows = try connection.query(
            """
            SELECT schemaname, tablename, policyname, permissive, cmd, roles::text[]::text AS roles, qual, with_check
            FROM pg_policies WHERE schemaname IN ('public', 'My Schema') AND policyname LIKE $1 || '%' ORDER BY policyname
            """, [.text(namePrefix)])
        return rows.compactMap { row in
            guard let schema = row["schemaname"]?.string, let table = row["tablename"]?.string, let name = row["policyname"]?.string
            else { return nil }
            let roles = (row["roles"]?.string ?? "{public}").dropFirst().dropLast().split(separator: ",").map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            let source = ExpectedPolicy(
                name: name, permissive: row["permissive"]?.string == "PERMISSIVE", command: row["cmd"]?.string ?? "ALL",
                roles: roles, using: row["qual"]?.string, check: row["with_check"]?.string)
            return Row(table: QualifiedName(schema: schema, name: table), source: source)
        }
    }

    func context(_ row: Row) -> LiftContext? {
        schema.table(row.table).map { LiftContext(table: $0, schema: schema, config: config) }
    }
}
