import PolicyConfig
import PolicySyntax

extension Workspace {
    /// Creates a workspace from what the edge read: `config` is its pgpe.yaml (see
    /// `ConfigSource.read` and `ConfigSource.defaults`), `files` the schema file and the policy
    /// files, `problems` what could not be read. Files the configuration does not name are left
    /// out. `explicitPolicyPaths` replaces the configuration's `policies:` (a loose file).
    public init(
        directory: String, configPath: String?, explicitPolicyPaths: [String]? = nil,
        environment: [String: String], config: ConfigSource, files: [FileChange], problems: [LoadProblem] = []
    ) {
        let schemaPath = config.config.schemaPath
        let policyPaths = explicitPolicyPaths ?? config.config.policyPaths
        var schema = SchemaSource.none
        var texts: [String: String] = [:]
        for file in files {
            guard let text = file.text else { continue }
            if file.path == schemaPath {
                schema = SchemaSource.read(text: text, path: file.path)
            }
            // A file the policy paths name is a policy file, even when it is pgpe.yaml or the
            // schema file as well (`pgpe check schema.sql` checks it, as it always did).
            if Workspace.policyPaths(policyPaths, include: file.path) {
                texts[file.path] = text
            }
        }
        let problemFile = configPath ?? directory
        self.init(
            directory: directory, configPath: configPath, explicitPolicyPaths: explicitPolicyPaths, environment: environment,
            configSource: config, schemaSource: schema,
            loadProblems: problems.compactMap { Workspace.diagnostic($0, file: problemFile, loose: explicitPolicyPaths != nil) },
            diskTexts: texts)
    }

    /// Takes files that changed on disk (created, changed or deleted): the schema file replaces
    /// the schema (its earlier problem goes away), a policy file is taken (or forgotten); other
    /// files are left out.
    /// pgpe.yaml goes through `reset` instead, as it decides which files make up the project.
    /// An open schema file keeps its editor text. `problems` are added. Call `rebuild()` after.
    public mutating func update(_ changes: [FileChange], problems: [LoadProblem] = []) {
        for change in changes where !isConfigFile(change.path) {
            if isSchemaFile(change.path) && openDocuments[change.path] == nil {
                loadProblems.removeAll { $0.kind == .workspaceUnreadableSchema }
                schemaSource = change.text.map { SchemaSource.read(text: $0, path: change.path) } ?? .none
                contextGeneration += 1
            }
            if diskTexts[change.path] != nil || Workspace.policyPaths(policyPaths, include: change.path) {
                diskTexts[change.path] = change.text
            }
        }
        loadProblems += problems.compactMap { Workspace.diagnostic($0, file: configPath ?? directory, loose: explicitPolicyPaths != nil) }
    }

    /// Replaces everything read from disk: the configuration (an open pgpe.yaml keeps its editor
    /// text), the schema file (likewise) and policy files, and the problems. Open documents stay.
    /// Call `rebuild()` after.
    public mutating func reset(config: ConfigSource, files: [FileChange], problems: [LoadProblem] = []) {
        if let configPath, let open = openDocuments[configPath] {
            configSource = ConfigSource.read(text: open.source.text, path: configPath, environment: environment)
        } else {
            configSource = config
        }
        if let schemaPath, let open = openDocuments[schemaPath] {
            schemaSource = SchemaSource.read(text: open.source.text, path: schemaPath)
        } else {
            schemaSource = .none
        }
        diskTexts = [:]
        loadProblems = []
        needsFiles = false
        update(files, problems: problems)
        contextGeneration += 1
    }

    /// The diagnostic for a problem reading the project, at the top of `file`; `nil` for a
    /// policy path of a loose file (one that exists only in the editor is not a problem).
    static func diagnostic(_ problem: LoadProblem, file: String, loose: Bool) -> Diagnostic? {
        switch problem {
        case .config(let message): return Workspace.problem(.workspaceUnreadableConfig, message, file: file)
        case .schema(let message):
            return Workspace.problem(.workspaceUnreadableSchema, "\(message); only schema-free checks run", file: file)
        case .policies(let message): return loose ? nil : Workspace.problem(.workspaceUnreadablePolicies, message, file: file)
        }
    }

    /// A problem reading the project, at the top of `file`.
    static func problem(_ kind: DiagnosticKind, _ message: String, file: String) -> Diagnostic {
        Diagnostic(kind, message: message, location: FileLocation(file: file, range: .empty(at: 0)))
    }
}

extension Workspace {
    /// The names pgpe.yaml may have.
    public static var configFileNames: [String] { ConfigDiscovery.fileNames }

    /// What a file watcher should look at: pgpe.yaml, the schema file and the policy paths
    /// (directories are searched for `.policy` files).
    public var watchedPaths: [String] {
        var paths: [String] = []
        if let configPath { paths.append(configPath) }
        if let schemaPath { paths.append(schemaPath) }
        return paths + policyPaths
    }
}
