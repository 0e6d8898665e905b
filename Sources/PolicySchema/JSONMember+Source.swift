import JSON
import PolicySyntax

extension JSONMember {
    /// Where the member's name is written (with its quotes), as a source range for diagnostics.
    var keySourceRange: SourceRange {
        SourceRange(start: keyRange.lowerBound, end: keyRange.upperBound)
    }
}
