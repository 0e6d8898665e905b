import PolicyConfig
import PolicySemantics
import PolicySyntax

/// One project as an editor sees it: its configuration, schema and `.policy` files on disk,
/// with the editor's open (possibly unsaved) texts laid over them. Every change produces a new
/// immutable `WorkspaceSnapshot`; parsing and checking are reused for files that did not change.
/// It also keeps the latest proof results, moved along with edits until they are proven again.
///
/// A value: the language server owns one per project and changes it on one queue. It reads no
/// disk: the edge (the CLI's loader, the language server, through `WorkspaceFiles`) hands it the
/// files' texts (`init`, `update`, `reset`, `close`) and reads again when `needsFiles` says so.
public struct Workspace: Sendable {
    /// The directory the project is rooted at (pgpe.yaml's directory, or the folder opened).
    public let directory: String
    /// The pgpe.yaml this project reads, or `nil` for the defaults.
    public let configPath: String?
    /// When set, only these `.policy` files make up the project (a file outside every
    /// project's `policies:`, checked on its own as `pgpe check FILE` would).
    public let explicitPolicyPaths: [String]?
    /// The environment for `${VAR}` in pgpe.yaml.
    public let environment: [String: String]

    /// The configuration.
    public internal(set) var configSource: ConfigSource
    /// The schema.
    public internal(set) var schemaSource: SchemaSource
    /// Problems the edge found reading the project (a missing schema file, say); kept in the
    /// snapshot, so the features see them.
    public internal(set) var loadProblems: [Diagnostic] {
        get { snapshot.loadProblems }
        _modify { yield &snapshot.loadProblems }
    }
    /// The texts of the `.policy` files on disk, by absolute path.
    public internal(set) var diskTexts: [String: String]
    /// The files the editor has open, by absolute path.
    public internal(set) var openDocuments: [String: OpenDocument]
    /// The current snapshot.
    public internal(set) var snapshot: WorkspaceSnapshot
    /// Increases with every new snapshot (the snapshot's own `generation`).
    public var generation: Int { snapshot.generation }
    /// Increases whenever the configuration or schema changes (every table must be proven again).
    public internal(set) var contextGeneration: Int
    /// The latest proof results, kept in the snapshot, so the features see them.
    public internal(set) var proofs: ProofResults {
        get { snapshot.proofs }
        _modify { yield &snapshot.proofs }
    }
    /// Whether the workspace needs its files read again (`reset`): the open pgpe.yaml now names
    /// other policy paths or another schema file, or pgpe.yaml or the schema file was closed.
    public internal(set) var needsFiles: Bool

    /// Per-file and per-item check results kept between snapshots.
    let checkCache: CheckCache

    /// Creates a workspace from what was read.
    init(
        directory: String, configPath: String?, explicitPolicyPaths: [String]?, environment: [String: String],
        configSource: ConfigSource, schemaSource: SchemaSource, loadProblems: [Diagnostic], diskTexts: [String: String]
    ) {
        self.directory = directory
        self.configPath = configPath
        self.explicitPolicyPaths = explicitPolicyPaths
        self.environment = environment
        self.configSource = configSource
        self.schemaSource = schemaSource
        self.diskTexts = diskTexts
        self.openDocuments = [:]
        self.checkCache = CheckCache()
        self.snapshot = WorkspaceSnapshot(config: configSource, schema: schemaSource, documents: diskTexts, checkCache: checkCache)
        self.contextGeneration = 0
        self.snapshot.loadProblems = loadProblems
        self.needsFiles = false
    }

    /// The configuration.
    public var config: ProjectConfig { configSource.config }

    /// The policy files and directories that make up the project.
    public var policyPaths: [String] { explicitPolicyPaths ?? config.policyPaths }

    /// The schema file's path, when one is configured.
    public var schemaPath: String? { config.schemaPath }

    /// Whether `path` is this project's pgpe.yaml.
    public func isConfigFile(_ path: String) -> Bool { configPath == path }

    /// Whether `path` is this project's schema file.
    public func isSchemaFile(_ path: String) -> Bool { schemaPath == path }

    /// Whether `path` is one of the project's policy files: a file its policy paths name, or a
    /// `.policy` file on disk or below one of its policy paths.
    public func ownsPolicyFile(_ path: String) -> Bool {
        if path.hasSuffix(".policy") && diskTexts[path] != nil { return true }
        return Workspace.policyPaths(policyPaths, include: path)
    }

    /// Whether `paths` take in `path`: it is one of them (a file named on its own), or a
    /// `.policy` file below one of them.
    static func policyPaths(_ paths: [String], include path: String) -> Bool {
        paths.contains { $0 == path || (path.hasSuffix(".policy") && Workspace.path(path, isWithin: $0)) }
    }

    /// Whether the project reads `path` at all: a policy file, pgpe.yaml or the schema file.
    public func owns(_ path: String) -> Bool {
        isConfigFile(path) || isSchemaFile(path) || ownsPolicyFile(path)
    }

    /// Whether `path` is `container` or lies below it.
    public static func path(_ path: String, isWithin container: String) -> Bool {
        if path == container { return true }
        let prefix = container.hasSuffix("/") ? container : container + "/"
        return path.hasPrefix(prefix)
    }

    /// The current text of a file the project reads: open, else on disk (policy files, pgpe.yaml
    /// and the schema file).
    public func source(_ path: String) -> SourceFile? {
        if let open = openDocuments[path] { return open.source }
        return snapshot.sourceFile(path)
    }

    /// The version of an open document.
    public func version(of path: String) -> Int? { openDocuments[path]?.version }
}
