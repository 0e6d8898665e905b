import ArgumentParser
import Foundation
import PolicyDatabase
import PolicyEngine
import WorkspaceFiles

/// `pgpe introspect`: writes a snapshot of the live database in the format `schema:` reads, so
/// the policies can be checked and compiled offline against a copy of production.
struct IntrospectCommand: ParsableCommand {
    /// The command's name, abstract and discussion.
    static let configuration = CommandConfiguration(
        commandName: "introspect",
        abstract: "Write a schema snapshot of a live database (exit 0: written, 2: tool failure).",
        discussion: """
            Reads every user schema in a fixed number of catalog queries: tables, columns, keys, \
            comments and tags, owners, RLS switches, policies as pg_policies prints them, grants, \
            roles and function signatures. The snapshot is JSON (docs/snapshot-format.md); name it \
            in pgpe.yaml as 'schema: snapshot.json' to work offline.
            """)

    /// `--config`.
    @OptionGroup var workspace: WorkspaceOptions
    /// `--database`.
    @OptionGroup var connection: DatabaseOptions

    /// Write the snapshot to FILE instead of standard output.
    @Option(name: .long, help: ArgumentHelp("Write the snapshot to FILE instead of standard output.", valueName: "FILE"))
    var out: String?

    /// Runs the command; exit codes as in the abstract.
    func run() throws {
        let config: ConfigSource
        do {
            config = try WorkspaceLoader.loadConfig(explicitPath: workspace.config, directory: Terminal.workingDirectory)
        } catch let error as WorkspaceLoader.LoadError {
            throw ToolFailure(error.message)
        }
        let database = try connection.connect(
            config: config.config.database,
            lockTimeoutMilliseconds: config.config.apply.lockTimeoutMilliseconds)
        let catalog: LiveCatalog
        do {
            catalog = try database.introspect()
        } catch let error as DatabaseError {
            throw ToolFailure(error.description)
        }
        let text = catalog.snapshot.encode()
        guard let out else {
            Terminal.write(text)
            return
        }
        do {
            try OutputFile.write(text, to: WorkspaceLoader.absolutePath(out, relativeTo: Terminal.workingDirectory))
        } catch {
            throw ToolFailure("cannot write \(out): \(error.localizedDescription)")
        }
        let tables = catalog.model.tables.count
        let policies = catalog.snapshot.policies.count
        Terminal.standardError(
            "wrote \(out): \(tables) table\(tables == 1 ? "" : "s"), \(policies) polic\(policies == 1 ? "y" : "ies"), \(catalog.model.roles.count) roles, \(catalog.model.functions.count) functions"
        )
    }
}
