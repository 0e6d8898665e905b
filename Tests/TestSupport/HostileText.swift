import PolicyWorkloads

/// Random text made to break quoting that works on grapheme clusters (`Character`s) instead of
/// Unicode scalars or bytes: quotes and backslashes fused with a combining mark after them or a
/// prepend character before them, ZWJ, line breaks (CR, LF, U+2028) and, when asked for, NUL.
public enum HostileText {
    /// The pieces text is built from; the first ones are fused clusters on their own.
    public static let pieces: [String] = [
        "'\u{301}", "\"\u{301}", "\\\u{301}", "\u{600}'", "\u{600}\"", "\u{110BD}'", "\u{110BD}\"", "\u{600}\\",
        "'", "\"", "\\", "\u{301}", "\u{600}", "\u{110BD}", "\u{200D}", "'\u{200D}'",
        "a", "Z", "é", " ", ";", "--", "$$", "\u{2028}",
    ]

    /// Line breaks, which a `.policy` string or name cannot hold.
    public static let lineBreaks: [String] = ["\n", "\r", "\r\n"]

    /// Random text of 1 to `maxPieces` pieces; with `lineBreaks` also CR, LF and CRLF, with
    /// `nul` also NUL (which no PostgreSQL text can hold).
    public static func string(
        using rng: inout SeededGenerator, maxPieces: Int = 8, lineBreaks: Bool = true,
        nul: Bool = false
    ) -> String {
        var alphabet = pieces
        if lineBreaks { alphabet += Self.lineBreaks }
        if nul { alphabet.append("\u{0}") }
        return (0..<rng.int(1...maxPieces)).map { _ in rng.pick(alphabet) }.joined()
    }

    /// `text` cut to at most `bytes` UTF-8 bytes at a scalar boundary (PostgreSQL cuts
    /// identifiers to 63 bytes).
    public static func prefix(_ text: String, bytes: Int) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            guard result.utf8.count + scalar.utf8.count <= bytes else { break }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
