/// The text of one source file with its UTF-8 bytes and line table.
///
/// Offsets everywhere in PolicySyntax are UTF-8 byte offsets into `bytes`.
public final class SourceFile: Sendable {
    /// The path (or URI) that identifies the file in diagnostics.
    public let path: String
    /// The text.
    public let text: String
    /// The UTF-8 bytes of `text`.
    public let bytes: [UInt8]
    /// Line starts, for converting offsets to positions.
    public let lineTable: LineTable

    /// Creates a source file from its path and text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.bytes = Array(text.utf8)
        self.lineTable = LineTable(bytes: self.bytes)
    }

    /// The text covered by `range`, clamped to the file.
    public func text(in range: SourceRange) -> String {
        let lower = min(max(0, range.start), bytes.count)
        let upper = min(max(lower, range.end), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The 1-based line and column (in Unicode scalars) of `offset`.
    public func position(of offset: Int) -> LineColumn {
        lineTable.lineColumn(of: offset, in: bytes)
    }
}
