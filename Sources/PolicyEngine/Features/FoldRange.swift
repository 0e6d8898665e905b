import PolicySyntax

/// A range of lines an editor can fold, given by byte offsets of its first and last lines.
public struct FoldRange: Hashable, Sendable {
    /// What is folded.
    public enum Kind: String, Hashable, Sendable {
        /// A comment.
        case comment
        /// A policy, grant or traversal.
        case region
    }

    /// An offset on the first line.
    public var start: Int
    /// An offset on the last line.
    public var end: Int
    /// What is folded.
    public var kind: Kind

    /// Creates a fold.
    public init(start: Int, end: Int, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}
