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

    /// pgpe.yaml read from its bytes (a file the edge read).
    public static func read(bytes: [UInt8], path: String, environment: [String: String]) -> ConfigSource {
        let (config, file, diagnostics) = ConfigLoader.load(bytes: bytes, path: path, environment: environment)
        return ConfigSource(config: config, file: file, diagnostics: diagnostics)
    }

    /// pgpe.yaml read from text (an open editor buffer).
    public static func read(text: String, path: String, environment: [String: String]) -> ConfigSource {
        let (config, file, diagnostics) = ConfigLoader.load(text: text, path: path, environment: environment)
        return ConfigSource(config: config, file: file, diagnostics: diagnostics)
    }

    /// The configuration when pgpe.yaml is absent (`path` is `nil`) or could not be read: the
    /// defaults rooted at `directory`.
    public static func defaults(directory: String, path: String?) -> ConfigSource {
        var config = ProjectConfig(baseDirectory: directory)
        if let path { config.configFile = path }
        return ConfigSource(config: config)
    }
}
