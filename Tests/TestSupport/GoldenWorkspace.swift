import Foundation
import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import WorkspaceFiles

/// A workspace directory (`pgpe.yaml`, schema file, `.policy` files) read and checked the way
/// `pgpe` reads one, for golden tests that need no `PolicyEngine`.
public struct GoldenWorkspace {
    /// The directory holding `pgpe.yaml`.
    public let directory: URL
    /// The checked policy set.
    public let policySet: PolicySet
    /// Every diagnostic: pgpe.yaml, schema, syntax and semantic ones.
    public let diagnostics: [Diagnostic]
    /// The schema file's text (SQL).
    public let schemaSQL: String

    /// Reads `directory/pgpe.yaml`, its schema file and its policy files, and checks them.
    public static func load(_ directory: URL) throws -> GoldenWorkspace {
        let configPath = directory.appendingPathComponent("pgpe.yaml").path
        let (config, _, configDiagnostics) = try ConfigLoader.load(path: configPath, environment: [:])
        guard let schemaPath = config.schemaPath, let schemaData = FileManager.default.contents(atPath: schemaPath) else {
            throw GoldenError("\(configPath) names no readable schema file")
        }
        let schemaSQL = String(decoding: schemaData, as: UTF8.self)
        let (schema, schemaDiagnostics) = SQLSchemaReader.read(file: SourceFile(path: schemaPath, text: schemaSQL))
        var files: [ParsedFile] = []
        for path in try policyFiles(config.policyPaths) {
            guard let data = FileManager.default.contents(atPath: path) else { throw GoldenError("cannot read \(path)") }
            files.append(Parser.parse(text: String(decoding: data, as: UTF8.self), path: path))
        }
        let policySet = Checker.check(files: files, config: config, schema: schema)
        return GoldenWorkspace(
            directory: directory, policySet: policySet,
            diagnostics: configDiagnostics + schemaDiagnostics + files.flatMap(\.diagnostics) + policySet.diagnostics,
            schemaSQL: schemaSQL)
    }

    /// The error diagnostics, as `file:line: message` lines.
    public var errors: [String] {
        diagnostics.filter { $0.severity == .error }.map { "\($0.location.file): \($0.id): \($0.message)" }
    }

    /// Creates the schema in `database`, its roles once per server (see
    /// `ProofDatabaseProbe.createSchema`).
    public func createSchema(in database: TestDatabase) throws {
        try ProofDatabaseProbe.createSchema(schemaSQL, roles: policySet.schema.roles, in: database)
    }

    /// The roles the compiled SQL names (`TO` roles and grantees), without PUBLIC, sorted.
    public var roles: [String] {
        GoldenRoles.named(by: policySet)
    }

    /// The `.policy` files under `paths` (directories searched recursively), sorted.
    private static func policyFiles(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw GoldenError("policy path not found: \(path)")
            }
            guard isDirectory.boolValue else {
                result.append(path)
                continue
            }
            for case let relative as String in FileManager.default.enumerator(atPath: path)?.allObjects ?? []
            where relative.hasSuffix(".policy") {
                result.append((path as NSString).appendingPathComponent(relative))
            }
        }
        return result.sorted()
    }
}
