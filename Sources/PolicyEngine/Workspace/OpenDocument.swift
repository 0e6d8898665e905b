import PolicySyntax

/// A file the editor has open: its current (possibly unsaved) text and the editor's version.
public struct OpenDocument: Sendable {
    /// The text, with its line table.
    public var source: SourceFile
    /// The version the editor gave the text (increases with every change).
    public var version: Int

    /// Creates an open document.
    public init(source: SourceFile, version: Int) {
        self.source = source
        self.version = version
    }
}
