import PolicySyntax

/// Applies edits given in UTF-8 byte offsets to text.
public enum TextEditing {
    /// `text` with `edit` applied. The range is clamped to the text; an edit that splits a
    /// multi-byte character leaves U+FFFD in its place rather than failing.
    public static func apply(_ edit: TextEdit, to text: String) -> String {
        let bytes = Array(text.utf8)
        let lower = min(max(0, edit.range.start), bytes.count)
        let upper = min(max(lower, edit.range.end), bytes.count)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count - (upper - lower) + edit.newText.utf8.count)
        result.append(contentsOf: bytes[..<lower])
        result.append(contentsOf: edit.newText.utf8)
        result.append(contentsOf: bytes[upper...])
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` with `edits` applied; the edits' ranges refer to the original text and must not
    /// overlap (as in one LSP `TextEdit[]`).
    public static func apply(_ edits: [TextEdit], to text: String) -> String {
        var result = text
        for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
            result = apply(edit, to: result)
        }
        return result
    }
}
