import Foundation
import PolicySyntax

/// Reads pgpe.yaml (SPEC 1.1) into a `ProjectConfig`.
///
/// Problems in the file are diagnostics, never thrown: YAML syntax errors, duplicate keys,
/// unknown keys (with a suggestion), values of the wrong type or out of range, unknown type
/// names and proof ids, unset `${VAR}`s. Each is located at the key or value concerned, as
/// UTF-8 byte ranges of the returned `SourceFile`. Whatever can still be read is read; what
/// cannot keeps its default. The value of `database` (which may hold a password) never
/// appears in a message, nor does any value that came from a `${VAR}` where a value is
/// quoted in a message.
///
/// Conventions: relative paths are relative to the file's directory; a top-level key with an
/// empty value counts as left out; `${VAR}` is expanded in every string value (see
/// `EnvironmentExpansion`), and inside `[ ]` or `{ }` such values must be quoted, as `{` is
/// YAML syntax there. The first of two duplicate keys wins; the second is an error.
/// This module reads no disk: `load(path:environment:)` and `read(path:)` are WorkspaceFiles'
/// (the edges'), which hand the bytes to `load(bytes:path:environment:)`.
public enum ConfigLoader {
    /// Reads pgpe.yaml from its bytes; bytes that are not UTF-8 are read as U+FFFD and
    /// reported. `path` is the file's path, as in `load(text:path:environment:)`.
    public static func load(
        bytes: [UInt8],
        path: String,
        environment: [String: String]
    ) -> (ProjectConfig, SourceFile, [Diagnostic]) {
        let absolutePath = path
        if let text = String(validating: bytes, as: UTF8.self) {
            return load(text: text, path: absolutePath, environment: environment)
        }
        let invalidOffset = firstInvalidUTF8Offset(in: bytes)
        let (config, file, diagnostics) = load(
            text: String(decoding: bytes, as: UTF8.self), path: absolutePath, environment: environment)
        let encoding = Diagnostic(
            .configInvalidEncoding,
            message: "pgpe.yaml is not valid UTF-8; invalid bytes were read as U+FFFD",
            location: FileLocation(file: file.path, range: SourceRange(start: invalidOffset, end: min(invalidOffset + 3, file.bytes.count)))
        )
        return (config, file, [encoding] + diagnostics)
    }

    /// Reads pgpe.yaml from `text` (an unsaved editor buffer, say); `path` is the file's path,
    /// used for locations and for resolving the relative paths inside it.
    public static func load(
        text: String,
        path: String,
        environment: [String: String]
    ) -> (ProjectConfig, SourceFile, [Diagnostic]) {
        let absolutePath = ConfigPath.absolute(path, relativeTo: ConfigPath.workingDirectory)
        var config = ProjectConfig(baseDirectory: ConfigPath.directory(of: absolutePath))
        config.configFile = absolutePath
        let file = SourceFile(path: path, text: text)
        let source = YAMLSource(bytes: file.bytes)
        let composition = YAMLComposer.compose(file, source: source)
        var reader = ConfigReader(file: file, source: source, composition: composition, environment: environment, config: config)
        reader.read(composition.root)
        let diagnostics = (composition.diagnostics + reader.diagnostics).sorted { $0.range < $1.range }
        return (reader.config, file, diagnostics)
    }

    /// The offset of the first byte that does not start valid UTF-8.
    private static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }
}
