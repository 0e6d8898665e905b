import PolicySyntax

extension SourceRange {
    /// Where this range is after `edit` replaced bytes of the same text, or `nil` when the edit
    /// crosses one of its ends (the range no longer means what it did).
    ///
    /// A range entirely before the edit stays; one entirely after it moves by the change in
    /// length; one that encloses the edit grows or shrinks with it.
    public func mapped(through edit: TextEdit) -> SourceRange? {
        let delta = edit.newText.utf8.count - edit.range.length
        if edit.range.end <= start {
            // The edit ends before the range starts (an insertion at `start` pushes it along,
            // unless the range is empty and the insertion is at its start as well as its end).
            if edit.range.start == start && edit.range.isEmpty && isEmpty { return self }
            return SourceRange(start: start + delta, end: end + delta)
        }
        if edit.range.start >= end {
            return self
        }
        if edit.range.start >= start && edit.range.end <= end {
            return SourceRange(start: start, end: end + delta)
        }
        return nil
    }

    /// Whether the range covers no bytes.
    public var isEmpty: Bool { start == end }
}
