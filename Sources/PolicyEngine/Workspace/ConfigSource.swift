import PolicyConfig
import PolicySyntax

/// A workspace's configuration, the pgpe.yaml text it came from and its diagnostics.
public struct ConfigSource: Sendable {
    /// The resolved configuration (defaults when there is no pgpe.yaml).
    public var config: ProjectConfig
    /// The pgpe.yaml text, when there is one.
    public var file: SourceFile?
    /// Problems in pgpe.yaml.
    public var diagnostics: [Diagnostic]

    /// Creates a config source.
    public init(config: ProjectConfig, file: SourceFile? = nil, diagnostics: [Diagnostic] = []) {
        self.config = config
        self.file = file
        self.diagnostics = diagnostics
    }
}
