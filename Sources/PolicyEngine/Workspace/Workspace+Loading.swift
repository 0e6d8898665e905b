import Foundation
import PolicyConfig
import PolicySyntax

extension Workspace {
    /// Reads a project from disk. `configPath` is its pgpe.yaml (`nil`: the defaults rooted at
    /// `directory`); `policyPaths` replaces the configuration's `policies:` (a loose file).
    /// Never throws: what cannot be read becomes a diagnostic (at the top of pgpe.yaml, or of
    /// the first policy file when there is no pgpe.yaml).
    public static func load(directory: String, configPath: String?, policyPaths: [String]? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> Workspace {
        var problems: [Diagnostic] = []
        let config = readConfig(directory: directory, configPath: configPath, environment: environment, problems: &problems)
        let schema = readSchema(config.config, problemFile: configPath ?? directory, problems: &problems)
        let texts = readPolicies(explicitPolicyPaths: policyPaths, config: config.config, problemFile: configPath ?? directory,
                                 problems: &problems)
        return Workspace(directory: directory, configPath: configPath, explicitPolicyPaths: policyPaths, environment: environment,
                         configSource: config, schemaSource: schema, loadProblems: problems, diskTexts: texts)
    }

    /// Reads again what changed on disk: `paths` are files that were created, changed or
    /// deleted. pgpe.yaml reloads everything; the schema file reloads the schema; a policy file
    /// is read again (or forgotten). Open documents keep their editor texts. Rebuilds the snapshot.
    public mutating func reload(changedPaths paths: [String]) {
        if paths.contains(where: { isConfigFile($0) }) {
            reloadAll()
            return
        }
        var problems = loadProblems
        if let schemaPath, paths.contains(schemaPath), openDocuments[schemaPath] == nil {
            problems.removeAll { $0.id == "workspace.unreadable-schema" }
            schemaSource = Workspace.readSchema(config, problemFile: configPath ?? directory, problems: &problems)
            contextGeneration += 1
        }
        for path in paths where path.hasSuffix(".policy") {
            let owned = diskTexts[path] != nil || policyPaths.contains { Workspace.path(path, isWithin: $0) }
            guard owned else { continue }
            if let texts = try? WorkspaceLoader.readDocuments([path]), let text = texts[path] {
                diskTexts[path] = text
            } else {
                diskTexts[path] = nil
            }
        }
        loadProblems = problems
        rebuild()
    }

    /// Reads the configuration, schema and policy files again, keeping open documents.
    public mutating func reloadAll() {
        var problems: [Diagnostic] = []
        if let configPath, let open = openDocuments[configPath] {
            configSource = Workspace.config(text: open.source.text, path: configPath, environment: environment)
        } else {
            configSource = Workspace.readConfig(directory: directory, configPath: configPath, environment: environment, problems: &problems)
        }
        if let schemaPath, let open = openDocuments[schemaPath] {
            schemaSource = WorkspaceLoader.schema(text: open.source.text, path: schemaPath)
        } else {
            schemaSource = Workspace.readSchema(config, problemFile: configPath ?? directory, problems: &problems)
        }
        diskTexts = Workspace.readPolicies(explicitPolicyPaths: explicitPolicyPaths, config: config,
                                           problemFile: configPath ?? directory, problems: &problems)
        loadProblems = problems
        contextGeneration += 1
        rebuild()
    }

    /// pgpe.yaml read from text (an open editor buffer).
    static func config(text: String, path: String, environment: [String: String]) -> ConfigSource {
        let (config, file, diagnostics) = ConfigLoader.load(text: text, path: path, environment: environment)
        return ConfigSource(config: config, file: file, diagnostics: diagnostics)
    }

    /// A problem reading the project, at the top of `file`.
    static func problem(_ id: String, _ message: String, file: String) -> Diagnostic {
        Diagnostic(id: "workspace.\(id)", severity: .error, message: message, location: FileLocation(file: file, range: .empty(at: 0)))
    }

    /// pgpe.yaml from disk (the defaults without one); an unreadable file becomes a problem.
    static func readConfig(directory: String, configPath: String?, environment: [String: String],
                           problems: inout [Diagnostic]) -> ConfigSource {
        guard let configPath else { return ConfigSource(config: ProjectConfig(baseDirectory: directory)) }
        do {
            return try WorkspaceLoader.loadConfig(explicitPath: configPath, directory: directory, environment: environment)
        } catch {
            problems.append(problem("unreadable-config", "\(error)", file: configPath))
            var config = ProjectConfig(baseDirectory: directory)
            config.configFile = configPath
            return ConfigSource(config: config)
        }
    }

    /// The schema file from disk; an unreadable one becomes a problem.
    static func readSchema(_ config: ProjectConfig, problemFile: String, problems: inout [Diagnostic]) -> SchemaSource {
        do {
            return try WorkspaceLoader.loadSchema(path: config.schemaPath)
        } catch {
            problems.append(problem("unreadable-schema", "\(error); only schema-free checks run", file: problemFile))
            return .none
        }
    }

    /// The texts of the `.policy` files under the policy paths; a missing path becomes a problem.
    static func readPolicies(explicitPolicyPaths: [String]?, config: ProjectConfig, problemFile: String,
                             problems: inout [Diagnostic]) -> [String: String] {
        var texts: [String: String] = [:]
        for path in explicitPolicyPaths ?? config.policyPaths {
            do {
                let files = try WorkspaceLoader.policyFiles(in: [path])
                for (file, text) in try WorkspaceLoader.readDocuments(files) { texts[file] = text }
            } catch {
                // A loose file that exists only in the editor is not a problem.
                if explicitPolicyPaths == nil {
                    problems.append(problem("unreadable-policies", "\(error)", file: problemFile))
                }
            }
        }
        return texts
    }
}

extension Workspace {
    /// The names pgpe.yaml may have.
    public static var configFileNames: [String] { ConfigDiscovery.fileNames }

    /// The nearest pgpe.yaml in `directory` or above it.
    public static func findConfig(from directory: String) -> String? {
        ConfigDiscovery.find(from: directory)
    }

    /// What a file watcher should look at: pgpe.yaml, the schema file and the policy paths
    /// (directories are searched for `.policy` files).
    public var watchedPaths: [String] {
        var paths: [String] = []
        if let configPath { paths.append(configPath) }
        if let schemaPath { paths.append(schemaPath) }
        return paths + policyPaths
    }
}
