import PolicySyntax

/// A project's configuration: `pgpe.yaml` resolved (paths absolute, variables expanded), or the
/// defaults when there is none.
public struct ProjectConfig: Hashable, Sendable {
    /// The absolute path of pgpe.yaml, or `nil` for defaults.
    public var configFile: String?
    /// The directory relative paths are resolved against (pgpe.yaml's directory, or the working directory).
    public var baseDirectory: String
    /// Absolute paths of policy directories (searched recursively for `*.policy`) and files.
    public var policyPaths: [String]
    /// The absolute path of the offline schema (SQL or snapshot JSON), when configured.
    public var schemaPath: String?
    /// The live database (libpq URL or key=value string), when configured.
    public var database: String?
    /// The governed schemas.
    public var schemas: [String]
    /// Declared session values: the profile's first, then those of `session:` in file order
    /// (an entry of `session:` replaces the profile's value of the same key). The built-in ones
    /// (`SessionKeyDecl.builtIn`) are not listed here; `sessionKey(_:)` and `sessionValues` add them.
    public var sessionKeys: [SessionKeyDecl]
    /// The preset of session values (`profile:`), when one is chosen.
    public var profile: SessionProfile?
    /// What an unset session key means.
    public var missingContext: MissingContext
    /// What tenant isolation means here.
    public var isolation: [IsolationKeyDecl]
    /// The `fn()` allowlist.
    public var functions: [FunctionDecl]
    /// Functions and session values whose declaration has errors (reported there, once): uses
    /// of these names get no diagnostic of their own, so one mistake in pgpe.yaml does not
    /// cascade into every policy that uses it.
    public var unusableDeclarations: UnusableDeclarations
    /// Analysis settings.
    public var analysis: AnalysisSettings
    /// Apply settings.
    public var apply: ApplySettings
    /// How compiled policies are named (`naming:`, SPEC 11.4).
    public var naming: PolicyNamingMode
    /// The governed tables that get `FORCE ROW LEVEL SECURITY` (`force:`, SPEC 11.5); `nil`
    /// means ALL.
    public var force: SelectorSyntax?
    /// `force:` as written, for messages.
    public var forceText: String
    /// The accepted findings (`accept:`, SPEC 11.8), in file order; entries with errors are left out.
    public var accept: [AcceptEntry]

    /// The defaults, with paths relative to `baseDirectory`.
    public init(baseDirectory: String) {
        self.configFile = nil
        self.baseDirectory = baseDirectory
        self.policyPaths = [baseDirectory]
        self.schemaPath = nil
        self.database = nil
        self.schemas = ["public"]
        self.sessionKeys = []
        self.profile = nil
        self.missingContext = .deny
        self.isolation = []
        self.functions = []
        self.unusableDeclarations = UnusableDeclarations()
        self.analysis = AnalysisSettings()
        self.apply = ApplySettings()
        self.naming = .suffixed
        self.force = nil
        self.forceText = "ALL"
        self.accept = []
    }

    /// `path` relative to the project directory when it lies below it (as blame prints files),
    /// else as it is.
    public func displayPath(_ path: String) -> String {
        let base = baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// The declaration of a session key: a declared one, else a built-in one.
    public func sessionKey(_ key: String) -> SessionKeyDecl? {
        sessionKeys.first { $0.key == key } ?? SessionKeyDecl.builtIn.first { $0.key == key }
    }

    /// Every session value policies may read: the declared ones, then the built-in ones.
    public var sessionValues: [SessionKeyDecl] {
        sessionKeys + SessionKeyDecl.builtIn.filter { builtIn in !sessionKeys.contains { $0.key == builtIn.key } }
    }

    /// The declaration of an allowed function.
    public func function(_ name: String) -> FunctionDecl? {
        functions.first { $0.name == name }
    }

    /// Whether the proof `id` is on, given its default.
    public func isProofEnabled(_ id: String, default enabled: Bool) -> Bool {
        analysis.proofs[id] ?? enabled
    }
}
