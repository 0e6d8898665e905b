import ArgumentParser
import Foundation
import PolicyConfig
import PolicyDatabase
import PolicyEngine
import PolicySQL
import PolicySyntax
import WorkspaceFiles

/// A workspace whose schema may be the live catalog: pgpe.yaml and the policy files are read
/// from disk once; the schema is the configured file, or (when `schema:` is absent) the catalog
/// the database commands read inside their transaction.
final class LiveWorkspace {
    /// pgpe.yaml and its diagnostics.
    let configSource: ConfigSource
    /// The policy files' texts by path.
    let documents: [String: String]
    /// The schema file, or `nil` when the live catalog is the schema.
    let fileSchema: SchemaSource?
    /// The last snapshot built (for positions in output).
    private(set) var snapshot: WorkspaceSnapshot

    /// Loads pgpe.yaml and the policy files, and the schema file when one is configured; exit
    /// code 2 when a file cannot be read.
    init(options: WorkspaceOptions) throws {
        do {
            let directory = Terminal.workingDirectory
            configSource = try WorkspaceLoader.loadConfig(explicitPath: options.config, directory: directory)
            let config = configSource.config
            documents = try WorkspaceLoader.readDocuments(try WorkspaceLoader.policyFiles(in: config.policyPaths))
            fileSchema = try config.schemaPath.map { try WorkspaceLoader.loadSchema(path: $0) }
        } catch let error as WorkspaceLoader.LoadError {
            throw ToolFailure(error.message)
        }
        snapshot = WorkspaceSnapshot(config: configSource, schema: fileSchema ?? .none, documents: documents)
    }

    /// The configuration.
    var config: ProjectConfig { configSource.config }

    /// Whether the live catalog is the schema.
    var usesLiveSchema: Bool { fileSchema == nil }

    /// The compiled policies of `snapshot` (a workspace's against its schema file); prints the
    /// errors and exits 1 when the policies have any.
    static func compiledOffline(_ snapshot: WorkspaceSnapshot) throws -> CompiledProgram {
        try rejectIfInvalid(snapshot)
        return try compile(snapshot)
    }

    /// Starts compiling against the schema file in the background, or returns `nil` when the
    /// live catalog is the schema (compiling must wait for it).
    func startCompiling() -> PendingProgram? {
        usesLiveSchema ? nil : PendingProgram(snapshot)
    }

    /// What the database commands compare with: the program `pending` compiles, or the
    /// policies compiled against each catalog read.
    func desired(_ pending: PendingProgram?) -> (LiveCatalog) throws -> CompiledProgram {
        if let pending { return { _ in try pending.wait() } }
        return program(for:)
    }

    /// Connects with `connect`; when that fails, errors in the policies (exit 1) take
    /// precedence over the connection failure (exit 2).
    func connect(_ pending: PendingProgram?, _ connect: () throws -> LiveDatabase) throws -> LiveDatabase {
        do {
            let database = try connect()
            database.readsSchemaModel = usesLiveSchema
            database.meaningConfig = config
            database.meaningSchema = fileSchema?.model
            return database
        } catch {
            _ = try pending?.wait()
            throw error
        }
    }

    /// The compiled policies, checked against the schema file or against `catalog`; prints the
    /// errors and exits 1 when the policies have any. Not thread-safe: one caller at a time.
    func program(for catalog: LiveCatalog) throws -> CompiledProgram {
        if usesLiveSchema {
            snapshot = WorkspaceSnapshot(
                config: configSource, schema: Self.schemaSource(catalog), documents: documents,
                previous: snapshot)
        }
        try Self.rejectIfInvalid(snapshot)
        return try Self.compile(snapshot)
    }

    private static func compile(_ snapshot: WorkspaceSnapshot) throws -> CompiledProgram {
        let program = snapshot.compile()
        if !program.diagnostics.isEmpty {
            let printer = DiagnosticPrinter(snapshot: snapshot)
            Terminal.standardError(printer.text(program.diagnostics, color: Terminal.colorEnabled(fileDescriptor: 2)))
            throw ExitCode(1)
        }
        return program
    }

    /// The live catalog as the engine's schema source.
    static func schemaSource(_ catalog: LiveCatalog) -> SchemaSource {
        SchemaSource(model: catalog.model)
    }

    /// `snapshot` checked against the live catalog of `database` (else `database:` of pgpe.yaml)
    /// when pgpe.yaml names no `schema:` (SPEC 1.1: the schema comes from the database);
    /// `snapshot` itself otherwise. Exit code 2 when the database cannot be read.
    static func withLiveSchema(_ snapshot: WorkspaceSnapshot, database: String? = nil) throws -> WorkspaceSnapshot {
        let config = snapshot.config
        guard config.schemaPath == nil, let target = database ?? config.database else { return snapshot }
        let catalog: LiveCatalog
        do {
            catalog = try LiveDatabase.connect(target, lockTimeoutMilliseconds: config.apply.lockTimeoutMilliseconds).introspect()
        } catch let error as DatabaseError {
            throw ToolFailure(error.description)
        }
        let documents = Dictionary(snapshot.files.map { ($0.source.path, $0.source.text) }, uniquingKeysWith: { first, _ in first })
        return WorkspaceSnapshot(
            config: snapshot.configSource, schema: schemaSource(catalog), documents: documents,
            previous: snapshot)
    }

    private static func rejectIfInvalid(_ snapshot: WorkspaceSnapshot) throws {
        guard snapshot.hasErrors else { return }
        let printer = DiagnosticPrinter(snapshot: snapshot)
        let diagnostics = snapshot.diagnostics.filter { $0.severity == .error }
        Terminal.standardError(printer.text(diagnostics, color: Terminal.colorEnabled(fileDescriptor: 2)))
        Terminal.standardError("stopped: \(printer.summary(snapshot.diagnostics)); the database was not changed")
        throw ExitCode(1)
    }
}
