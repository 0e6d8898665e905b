import Foundation
import PolicyConfig
import PolicyEngine
import PolicySchema
import PolicySyntax

/// Reads a workspace from disk for the engine: finds and reads pgpe.yaml, lists the `.policy`
/// files, reads the schema file. With `Workspace+Files`, the only place that touches the file
/// system for the CLI and the language server; the engine is handed what it reads.
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
    public static func loadConfig(
        explicitPath: String?, directory: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ConfigSource {
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
        guard let path else { return ConfigSource.defaults(directory: directory, path: nil) }
        do {
            let (absolute, bytes) = try ConfigLoader.read(path: path)
            return ConfigSource.read(bytes: bytes, path: absolute, environment: environment)
        } catch {
            throw LoadError("cannot read \(path): \(error)")
        }
    }

    /// Loads the schema file named by the config (SQL, or a snapshot when it ends in `.json`).
    public static func loadSchema(path: String?) throws -> SchemaSource {
        guard let path else { return .none }
        return SchemaSource.read(text: String(decoding: try readSchemaFile(path), as: UTF8.self), path: path)
    }

    /// The bytes of the schema file at `path`.
    static func readSchemaFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError("cannot read schema file \(path)")
        }
        return [UInt8](data)
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

    /// Reads the policy files.
    public static func readFiles(_ paths: [String]) throws -> [FileChange] {
        try paths.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LoadError("cannot read \(path)")
            }
            return FileChange(path: path, bytes: [UInt8](data))
        }
    }

    /// Reads the policy files' texts.
    public static func readDocuments(_ paths: [String]) throws -> [String: String] {
        var documents: [String: String] = [:]
        for file in try readFiles(paths) { documents[file.path] = file.text }
        return documents
    }

    /// Loads a whole workspace for the CLI: config, schema and policies (`paths` override the
    /// config's `policies:`), through the engine's `Workspace` as the language server does.
    public static func load(
        configPath: String?, directory: String, paths: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> WorkspaceSnapshot {
        let config = try loadConfig(explicitPath: configPath, directory: directory, environment: environment)
        var files: [FileChange] = []
        if let schemaPath = config.config.schemaPath {
            files.append(FileChange(path: schemaPath, bytes: try readSchemaFile(schemaPath)))
        }
        let policyPaths = paths.isEmpty ? config.config.policyPaths : paths.map { absolutePath($0, relativeTo: directory) }
        files += try readFiles(try policyFiles(in: policyPaths))
        let workspace = Workspace(
            directory: directory, configPath: config.config.configFile,
            explicitPolicyPaths: paths.isEmpty ? nil : policyPaths,
            environment: environment, config: config, files: files)
        return workspace.snapshot
    }

    /// `path` made absolute against `directory` and standardized.
    public static func absolutePath(_ path: String, relativeTo directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }
}
