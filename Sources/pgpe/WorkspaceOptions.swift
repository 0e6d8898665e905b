import ArgumentParser
import Foundation
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

    /// Another policy set to compare with (`analyze --equivalent-to`, `diff --base-dir`): `path`
    /// is a pgpe.yaml, a directory holding one, or a directory (or file) of .policy files read
    /// with this workspace's pgpe.yaml and schema. `option` names the option in errors.
    func loadOther(_ path: String, option: String) throws -> WorkspaceSnapshot {
        let absolute = WorkspaceLoader.absolutePath(path, relativeTo: Terminal.workingDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            throw ToolFailure("\(option): no such file or directory: \(path)")
        }
        do {
            if isDirectory.boolValue {
                let config = (absolute as NSString).appendingPathComponent("pgpe.yaml")
                if FileManager.default.fileExists(atPath: config) {
                    return try WorkspaceLoader.load(configPath: config, directory: absolute)
                }
                return try load(paths: [absolute])
            }
            if absolute.hasSuffix(".yaml") || absolute.hasSuffix(".yml") {
                return try WorkspaceLoader.load(configPath: absolute, directory: (absolute as NSString).deletingLastPathComponent)
            }
            return try load(paths: [absolute])
        } catch let error as WorkspaceLoader.LoadError {
            throw ToolFailure("\(option): \(error.message)")
        }
    }
}

/// A failure of the tool itself (exit code 2), with a message for people.
struct ToolFailure: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
