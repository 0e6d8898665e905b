import PolicySyntax

extension SourceFile {
    /// Whether `range` lies inside the text and starts and ends on character boundaries (what
    /// every range a reader reports must do).
    public func holds(_ range: SourceRange) -> Bool {
        guard range.start >= 0, range.end <= bytes.count, range.start <= range.end else { return false }
        let startOK = range.start == bytes.count || bytes[range.start] & 0xC0 != 0x80
        let endOK = range.end == bytes.count || bytes[range.end] & 0xC0 != 0x80
        return startOK && endOK
    }
}
