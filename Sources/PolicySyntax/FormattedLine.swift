/// One line the formatter prints, anchored to the source bytes it came from (for placing comments).
struct FormattedLine {
    /// Indentation in spaces.
    var indent: Int
    /// The text, without indentation.
    var text: String
    /// The first source byte printed on the line.
    var anchorStart: Int
    /// One past the last source byte printed on the line.
    var anchorEnd: Int
    /// Whether the line starts an item (a blank line separates items).
    var startsItem: Bool = false
    /// Comments to print before the line.
    var leading: [Comment] = []
    /// Comments to print after the line's text.
    var trailing: [Comment] = []
}
