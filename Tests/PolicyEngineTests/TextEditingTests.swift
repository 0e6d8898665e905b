import PolicyEngine
import PolicySyntax
import TestSupport
import Testing

@Suite struct TextEditingTests {
    /// The edit between two texts turns one into the other and spans only what changed, in
    /// whole scalars.
    @Test func theDifferenceOfTwoTextsIsTheEditBetweenThem() {
        let cases: [(String, String, SourceRange, String)] = [
            ("abc", "abc", SourceRange(start: 3, end: 3), ""),
            ("abc", "aXc", SourceRange(start: 1, end: 2), "X"),
            ("line\n", "// c\nline\n", SourceRange(start: 0, end: 0), "// c\n"),
            ("a\nb\nb\n", "a\nb\n", SourceRange(start: 4, end: 6), ""),
            // é (C3 A9) and è (C3 A8) share their first byte: the edit takes the whole scalar.
            ("xéy", "xèy", SourceRange(start: 1, end: 3), "è"),
            ("", "new", SourceRange(start: 0, end: 0), "new"),
            ("old", "", SourceRange(start: 0, end: 3), ""),
        ]
        for (old, new, range, text) in cases {
            let edit = TextEditing.difference(from: old, to: new)
            #expect(edit == TextEdit(range: range, newText: text), "\(old.debugDescription) → \(new.debugDescription)")
            #expect(TextEditing.apply(edit, to: old) == new)
        }
        let inputs = FuzzCorpus.inputs(count: 120, seed: 0xD1FF, seeds: [tenancyFixture])
        for (old, new) in zip(inputs, inputs.dropFirst()) {
            let edit = TextEditing.difference(from: old, to: new)
            #expect(TextEditing.apply(edit, to: old) == new)
            #expect(!edit.newText.unicodeScalars.contains("\u{FFFD}") || new.unicodeScalars.contains("\u{FFFD}"))
        }
    }
}
