import ArgumentParser
import PolicyEngine
import WorkspaceFiles

/// Options shared by the commands that read a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The pgpe.yaml to use (default: found upward from the working directory).")
    var config: String?

    /// Loads the workspace, `paths` overriding the config's policies; without `schema:`, the
    /// schema is the catalog of `database` (else of `database:` when pgpe.yaml names one).
    func load(paths: [String] = [], database: String? = nil) throws -> WorkspaceSnapshot {
        let snapshot: WorkspaceSnapshot
        do {
            snapshot = try WorkspaceLoader.load(configPath: config, directory: Terminal.workingDirectory, paths: paths)
        } catch let error as WorkspaceLoader.LoadError {
            throw ToolFailure(error.message)
        }
        return try LiveWorkspace.withLiveSchema(snapshot, database: database)
    }
}

/// A failure of the tool itself (exit code 2), with a message for people.
struct ToolFailure: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
