/// The three comment forms.
public enum CommentKind: Hashable, Sendable {
    /// `// ...` to the end of the line.
    case doubleSlash
    /// `-- ...` to the end of the line.
    case doubleDash
    /// `/* ... */`, possibly spanning lines.
    case block
}
