import Foundation
import PolicyConfig
import PolicySchema
import PolicySyntax

/// Reads a workspace from disk: finds and loads pgpe.yaml, lists the `.policy` files, reads the
/// schema file. The only place in the engine that touches the file system.
public enum WorkspaceLoader {
    /// A problem that stops the tool (exit 2): an unreadable file, a missing config.
    public struct LoadError: Error, CustomStringConvertible {
        /// What went wrong, for people.
        public var message: String
        /// Creates an error.
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// Loads the configuration: `explicitPath` (`--config`), else pgpe.yaml found upward from
    /// `directory`, else the defaults rooted at `directory`.
    public static func loadConfig(explicitPath: String?, directory: String,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ConfigSource {
        let path: String?
        if let explicitPath {
            let absolute = absolutePath(explicitPath, relativeTo: directory)
            guard FileManager.default.fileExists(atPath: absolute) else {
                throw LoadError("config file not found: \(explicitPath)")
            }
            path = absolute
        } else {
            path = ConfigDiscovery.find(from: directory)
        }
        guard let path else { return ConfigSource(config: ProjectConfig(baseDirectory: directory)) }
        do {
            let (config, file, diagnostics) = try ConfigLoader.load(path: path, environment: environment)
            return ConfigSource(config: config, file: file, diagnostics: diagnostics)
        } catch {
            throw LoadError("cannot read \(path): \(error)")
        }
    }

    /// Loads the schema file named by the config (SQL, or a snapshot when it ends in `.json`).
    public static func loadSchema(path: String?) throws -> SchemaSource {
        guard let path else { return .none }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError("cannot read schema file \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        return schema(text: text, path: path)
    }

    /// Reads schema text (SQL, or snapshot JSON when `path` ends in `.json`).
    public static func schema(text: String, path: String) -> SchemaSource {
        let file = SourceFile(path: path, text: text)
        if path.hasSuffix(".json") {
            let (model, diagnostics) = SchemaSnapshot.decode(text: text, path: path)
            return SchemaSource(model: model, file: file, diagnostics: diagnostics)
        }
        let (model, diagnostics) = SQLSchemaReader.read(file: file)
        return SchemaSource(model: model, file: file, diagnostics: diagnostics)
    }

    /// The `.policy` files under `paths` (directories searched recursively, files taken as they
    /// are), sorted, as absolute paths.
    public static func policyFiles(in paths: [String]) throws -> [String] {
        var result = Set<String>()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LoadError("policy path not found: \(path)")
            }
            if !isDirectory.boolValue {
                result.insert(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else { continue }
            for case let relative as String in enumerator where relative.hasSuffix(".policy") {
                result.insert((path as NSString).appendingPathComponent(relative))
            }
        }
        return result.sorted()
    }

    /// Reads the policy files' texts.
    public static func readDocuments(_ paths: [String]) throws -> [String: String] {
        var documents: [String: String] = [:]
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LoadError("cannot read \(path)")
            }
            documents[path] = String(decoding: data, as: UTF8.self)
        }
        return documents
    }

    /// Loads a whole workspace for the CLI: config, schema and policies (`paths` override the
    /// config's `policies:`).
    public static func load(configPath: String?, directory: String, paths: [String] = [],
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> WorkspaceSnapshot {
        let config = try loadConfig(explicitPath: configPath, directory: directory, environment: environment)
        let schema = try loadSchema(path: config.config.schemaPath)
        let policyPaths = paths.isEmpty ? config.config.policyPaths : paths.map { absolutePath($0, relativeTo: directory) }
        let documents = try readDocuments(try policyFiles(in: policyPaths))
        return WorkspaceSnapshot(config: config, schema: schema, documents: documents)
    }

    /// `path` made absolute against `directory` and standardized.
    public static func absolutePath(_ path: String, relativeTo directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }
}
