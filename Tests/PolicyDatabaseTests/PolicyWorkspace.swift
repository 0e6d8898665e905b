import Foundation
import PolicyConfig
import PolicyDatabase
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import TestSupport

/// A policy workspace held in memory (pgpe.yaml text and policy files), checked and compiled
/// against a schema model: the schema SQL's or a live catalog's.
struct PolicyWorkspace {
    /// pgpe.yaml.
    var config: String
    /// Policy files: name → text.
    var policies: [String: String]
    /// The schema SQL the test database is created from.
    var schemaSQL: String

    /// The running example, `examples/saas`.
    static func example() throws -> PolicyWorkspace {
        let directory = Fixtures.exampleDirectory.appendingPathComponent("policies")
        var policies: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".policy") {
            policies[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return PolicyWorkspace(
            config: try Fixtures.exampleText("pgpe.yaml"), policies: policies,
            schemaSQL: try Fixtures.exampleText("schema.sql"))
    }

    /// Loads the schema SQL into `database`.
    func load(into database: TestDatabase) throws {
        try database.connection.execute(schemaSQL)
    }

    /// The checked policy set against `schema`; throws when it has errors.
    func policySet(schema: SchemaModel) throws -> PolicySet {
        let (config, _, configDiagnostics) = ConfigLoader.load(text: self.config, path: "/virtual/pgpe.yaml", environment: [:])
        let files = policies.sorted { $0.key < $1.key }.map { Parser.parse(text: $0.value, path: "/virtual/policies/" + $0.key) }
        let set = Checker.check(files: files, config: config, schema: schema)
        let errors = (configDiagnostics + files.flatMap(\.diagnostics) + set.diagnostics).filter { $0.severity == .error }
        if !errors.isEmpty {
            throw TestDatabaseError("the test workspace has errors: " + errors.map(\.message).joined(separator: "; "))
        }
        return set
    }

    /// The compiled program against `schema`; throws when the policies have errors (warnings,
    /// such as a name cut to 63 bytes, pass).
    func program(schema: SchemaModel) throws -> CompiledProgram {
        let program = PolicyCompiler.compile(try policySet(schema: schema))
        let errors = program.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw TestDatabaseError("compile errors: " + errors.map(\.message).joined(separator: "; "))
        }
        return program
    }

    /// The compiled program against the live catalog (what `desired:` closures take).
    func program(for catalog: LiveCatalog) throws -> CompiledProgram {
        try program(schema: catalog.model)
    }
}
