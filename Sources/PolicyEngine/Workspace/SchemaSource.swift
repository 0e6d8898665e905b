import PolicySchema
import PolicySyntax

/// The schema a workspace checks against, and where it came from.
public struct SchemaSource: Sendable {
    /// The model, or `nil` when no schema is configured or it could not be read.
    public var model: SchemaModel?
    /// The schema file's text (SQL or snapshot JSON), for go-to-definition and positions.
    public var file: SourceFile?
    /// Problems reading it.
    public var diagnostics: [Diagnostic]

    /// Creates a schema source.
    public init(model: SchemaModel?, file: SourceFile? = nil, diagnostics: [Diagnostic] = []) {
        self.model = model
        self.file = file
        self.diagnostics = diagnostics
    }

    /// No schema.
    public static let none = SchemaSource(model: nil)

    /// Reads schema text (SQL, or snapshot JSON when `path` ends in `.json`).
    public static func read(text: String, path: String) -> SchemaSource {
        let file = SourceFile(path: path, text: text)
        if path.hasSuffix(".json") {
            let (model, diagnostics) = SchemaSnapshot.decode(text: text, path: path)
            return SchemaSource(model: model, file: file, diagnostics: diagnostics)
        }
        let (model, diagnostics) = SQLSchemaReader.read(file: file)
        return SchemaSource(model: model, file: file, diagnostics: diagnostics)
    }
}
