import PolicyConfig
import PolicySQL
import PolicySemantics
import PolicySyntax

/// An immutable view of a workspace: configuration, schema, parsed policy files, the checked
/// policy set, the problems met reading the project and the latest proof results. The CLI and
/// the language server answer every question from a snapshot; every feature provider takes one.
public struct WorkspaceSnapshot: Sendable {
    /// The configuration.
    public let configSource: ConfigSource
    /// The schema.
    public let schemaSource: SchemaSource
    /// Parsed `.policy` files, sorted by path.
    public let files: [ParsedFile]
    /// The checked policy set.
    public let policySet: PolicySet
    /// Policies that would compile to one SQL name on a table.
    public let nameCollisions: [PolicyCompiler.NameCollision]
    /// What those depend on (kept to reuse them while an edit does not change it).
    private let namingInputs: [PolicyCompiler.NamingInput]
    /// Which snapshot of its workspace this is (0 for the first; each edit adds one).
    public internal(set) var generation = 0
    /// Problems the edge found reading the project (a missing schema file, say).
    public internal(set) var loadProblems: [Diagnostic] = []
    /// The latest proof results when the snapshot was taken (moved along with edits until the
    /// proofs run again; `proofState` says whether they describe this text).
    public internal(set) var proofs = ProofResults()

    /// Builds a snapshot from documents (path → text). Files whose text equals the same path's
    /// text in `previous` are not parsed again, and with a `checkCache` (kept by the caller
    /// between snapshots) not checked again either. A changed file whose text is that of its
    /// entry in `sources` (an editor's document) is parsed from that source file (its bytes and
    /// line table are not made again).
    public init(
        config: ConfigSource, schema: SchemaSource, documents: [String: String], previous: WorkspaceSnapshot? = nil,
        checkCache: CheckCache? = nil, sources: [String: SourceFile] = [:]
    ) {
        var reused: [String: ParsedFile] = [:]
        if let previous {
            for file in previous.files { reused[file.source.path] = file }
        }
        var files: [ParsedFile] = []
        for (path, text) in documents {
            if let old = reused[path], old.source.text == text {
                files.append(old)
            } else if let source = sources[path], source.text == text {
                files.append(Parser.parse(source))
            } else {
                files.append(Parser.parse(text: text, path: path))
            }
        }
        files.sort { $0.source.path < $1.source.path }
        self.configSource = config
        self.schemaSource = schema
        self.files = files
        self.policySet = Checker.check(files: files, config: config.config, schema: schema.model, cache: checkCache)
        let inputs = PolicyCompiler.NamingInput.of(policySet)
        self.namingInputs = inputs
        if let previous, previous.namingInputs == inputs {
            self.nameCollisions = previous.nameCollisions
        } else {
            self.nameCollisions = PolicyCompiler.nameCollisions(policySet)
        }
    }

    /// The configuration.
    public var config: ProjectConfig { configSource.config }

    /// The parsed file at `path`.
    /// (A binary search: `files` is sorted by path, and `fmt` or a provider over every file asks
    /// once per file.)
    public func file(_ path: String) -> ParsedFile? {
        var low = 0
        var high = files.count
        while low < high {
            let middle = (low + high) / 2
            if files[middle].source.path < path { low = middle + 1 } else { high = middle }
        }
        return low < files.count && files[low].source.path == path ? files[low] : nil
    }

    /// The source text of any file the snapshot knows: policy files, pgpe.yaml, the schema file.
    public func sourceFile(_ path: String) -> SourceFile? {
        if let file = file(path) { return file.source }
        if let config = configSource.file, config.path == path { return config }
        if let schema = schemaSource.file, schema.path == path { return schema }
        return nil
    }

    /// Every diagnostic of the workspace: pgpe.yaml, schema, syntax and semantic ones, and
    /// policies whose SQL names would collide.
    public var diagnostics: [Diagnostic] {
        configSource.diagnostics + schemaSource.diagnostics + files.flatMap(\.diagnostics) + policySet.diagnostics
            + PolicyCompiler.diagnostics(for: nameCollisions, in: policySet)
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The compiled SQL.
    public func compile() -> CompiledProgram {
        PolicyCompiler.compile(policySet)
    }
}
