/// How an editor counts characters within a line (LSP `positionEncoding`).
public enum PositionEncoding: String, Sendable, CaseIterable {
    /// UTF-8 code units (bytes).
    case utf8 = "utf-8"
    /// UTF-16 code units: the LSP default.
    case utf16 = "utf-16"
    /// Unicode scalars.
    case utf32 = "utf-32"
}
