import PolicySyntax

/// Converts between the engine's UTF-8 offsets and LSP positions in the negotiated encoding,
/// for one text. Out-of-range positions clamp to the text.
struct PositionConverter {
    /// The text.
    let source: SourceFile
    /// The encoding positions count in.
    let encoding: PositionEncoding

    /// The offset of `position`.
    func offset(_ position: Position) -> Int {
        source.lineTable.offset(
            of: LinePosition(line: position.line, character: position.character), in: source.bytes,
            encoding: encoding)
    }

    /// The position of `offset`.
    func position(_ offset: Int) -> Position {
        let position = source.lineTable.position(of: offset, in: source.bytes, encoding: encoding)
        return Position(line: position.line, character: position.character)
    }

    /// The LSP range of `range`.
    func range(_ range: SourceRange) -> LSPRange {
        LSPRange(start: position(range.start), end: position(range.end))
    }

    /// The byte range of `range`.
    func sourceRange(_ range: LSPRange) -> SourceRange {
        let start = offset(range.start)
        return SourceRange(start: start, end: max(start, offset(range.end)))
    }
}
