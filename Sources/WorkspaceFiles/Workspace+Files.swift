import Foundation
import PolicyConfig
import PolicyEngine
import PolicySyntax

extension Workspace {
    /// Reads a project from disk. `configPath` is its pgpe.yaml (`nil`: the defaults rooted at
    /// `directory`); `policyPaths` replaces the configuration's `policies:` (a loose file).
    /// Never throws: what cannot be read becomes a diagnostic (at the top of pgpe.yaml, or of
    /// the first policy file when there is no pgpe.yaml).
    public static func load(
        directory: String, configPath: String?, policyPaths: [String]? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Workspace {
        var problems: [LoadProblem] = []
        let config = readConfig(directory: directory, configPath: configPath, environment: environment, problems: &problems)
        let files = readFiles(config: config.config, explicitPolicyPaths: policyPaths, schema: true, problems: &problems)
        return Workspace(
            directory: directory, configPath: configPath, explicitPolicyPaths: policyPaths, environment: environment,
            config: config, files: files, problems: problems)
    }

    /// Reads again what changed on disk: `paths` are files that were created, changed or
    /// deleted. pgpe.yaml reloads everything; the schema file reloads the schema; a policy file
    /// is read again (or forgotten). Open documents keep their editor texts. Rebuilds the snapshot.
    public mutating func reload(changedPaths paths: [String]) {
        if paths.contains(where: { isConfigFile($0) }) {
            reloadAll()
            return
        }
        var changes: [FileChange] = []
        var problems: [LoadProblem] = []
        if let schemaPath, paths.contains(schemaPath), openDocuments[schemaPath] == nil {
            changes.append(Workspace.readSchema(schemaPath, problems: &problems))
        }
        for path in paths where path.hasSuffix(".policy") {
            changes.append((try? WorkspaceLoader.readFiles([path]))?.first ?? FileChange(path: path, bytes: nil))
        }
        update(changes, problems: problems)
        rebuild()
    }

    /// Reads the configuration, schema and policy files again, keeping open documents.
    public mutating func reloadAll() {
        var problems: [LoadProblem] = []
        var config = configSource
        if configPath.map({ openDocuments[$0] == nil }) ?? true {
            config = Workspace.readConfig(directory: directory, configPath: configPath, environment: environment, problems: &problems)
        }
        reset(config: config, files: [], problems: problems)
        problems = []
        let schemaOpen = schemaPath.map { openDocuments[$0] != nil } ?? false
        let files = Workspace.readFiles(
            config: self.config, explicitPolicyPaths: explicitPolicyPaths, schema: !schemaOpen,
            problems: &problems)
        update(files, problems: problems)
        rebuild()
    }

    /// The editor closed `path`: the file on disk counts again. Rebuilds the snapshot.
    public mutating func close(_ path: String) {
        let disk = path.hasSuffix(".policy") ? (try? WorkspaceLoader.readFiles([path]))?.first?.text : nil
        close(path, diskText: disk)
        readFilesIfNeeded()
    }

    /// Reads the project again when the workspace asks for it (`needsFiles`: the open pgpe.yaml
    /// names other files, or pgpe.yaml or the schema file was closed).
    public mutating func readFilesIfNeeded() {
        if needsFiles { reloadAll() }
    }

    /// The nearest pgpe.yaml in `directory` or above it.
    public static func findConfig(from directory: String) -> String? {
        ConfigDiscovery.find(from: directory)
    }

    /// pgpe.yaml from disk (the defaults without one); an unreadable file becomes a problem.
    static func readConfig(
        directory: String, configPath: String?, environment: [String: String],
        problems: inout [LoadProblem]
    ) -> ConfigSource {
        guard let configPath else { return ConfigSource.defaults(directory: directory, path: nil) }
        do {
            return try WorkspaceLoader.loadConfig(explicitPath: configPath, directory: directory, environment: environment)
        } catch {
            problems.append(.config("\(error)"))
            return ConfigSource.defaults(directory: directory, path: configPath)
        }
    }

    /// The schema file (unless `schema` is false: the editor has it open) and the `.policy`
    /// files under the policy paths; what cannot be read becomes a problem.
    static func readFiles(
        config: ProjectConfig, explicitPolicyPaths: [String]?, schema: Bool,
        problems: inout [LoadProblem]
    ) -> [FileChange] {
        var files: [FileChange] = []
        if schema, let schemaPath = config.schemaPath { files.append(readSchema(schemaPath, problems: &problems)) }
        for path in explicitPolicyPaths ?? config.policyPaths {
            do {
                files += try WorkspaceLoader.readFiles(try WorkspaceLoader.policyFiles(in: [path]))
            } catch {
                problems.append(.policies("\(error)"))
            }
        }
        return files
    }

    /// The schema file from disk; an unreadable one becomes a problem (and no schema).
    static func readSchema(_ path: String, problems: inout [LoadProblem]) -> FileChange {
        do {
            return FileChange(path: path, bytes: try WorkspaceLoader.readSchemaFile(path))
        } catch {
            problems.append(.schema("\(error)"))
            return FileChange(path: path, bytes: nil)
        }
    }
}
