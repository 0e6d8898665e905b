import Foundation
import PolicyConfig
import PolicySyntax

extension ConfigLoader {
    /// Reads the file at `path` (relative paths are taken from the working directory).
    ///
    /// - Throws: `ConfigLoadError` when the file cannot be read at all.
    public static func load(
        path: String,
        environment: [String: String]
    ) throws -> (ProjectConfig, SourceFile, [Diagnostic]) {
        let (absolutePath, bytes) = try read(path: path)
        return load(bytes: bytes, path: absolutePath, environment: environment)
    }

    /// The bytes of the file at `path` (relative paths are taken from the working directory)
    /// and its absolute path: what `load(bytes:path:environment:)` reads, for callers that
    /// keep reading the disk apart from reading the file.
    ///
    /// - Throws: `ConfigLoadError` when the file cannot be read at all.
    public static func read(path: String) throws -> (path: String, bytes: [UInt8]) {
        let absolutePath = ConfigPath.absolute(path, relativeTo: ConfigPath.workingDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isDirectory) else {
            throw ConfigLoadError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ConfigLoadError(path: path, reason: "is a directory")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: absolutePath))
        } catch {
            throw ConfigLoadError(path: path, reason: error.localizedDescription)
        }
        return (absolutePath, [UInt8](data))
    }

}
