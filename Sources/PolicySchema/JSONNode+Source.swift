import JSON
import PolicySyntax

extension JSONNode {
    /// Where the value is written, as a source range for diagnostics.
    var sourceRange: SourceRange {
        SourceRange(start: range.lowerBound, end: range.upperBound)
    }
}
