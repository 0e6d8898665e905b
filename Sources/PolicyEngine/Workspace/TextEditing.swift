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
        result += bytes[..<lower]
        result += edit.newText.utf8
        result += bytes[upper...]
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

    /// The smallest edit that turns `old` into `new`: the bytes between their common prefix and
    /// their common suffix. A client's whole-text change becomes the edit it really was, so
    /// what is placed in the text (proof diagnostics) moves with it instead of being dropped.
    public static func difference(from old: String, to new: String) -> TextEdit {
        let a = Array(old.utf8)
        let b = Array(new.utf8)
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        // Whole scalars only: the edit's text is a string.
        func continues(_ bytes: [UInt8], _ index: Int) -> Bool { index < bytes.count && bytes[index] & 0xC0 == 0x80 }
        while prefix > 0 && (continues(a, prefix) || continues(b, prefix)) { prefix -= 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        while suffix > 0 && continues(b, b.count - suffix) { suffix -= 1 }
        let inserted = String(decoding: b[prefix..<(b.count - suffix)], as: UTF8.self)
        return TextEdit(range: SourceRange(start: prefix, end: a.count - suffix), newText: inserted)
    }
}
