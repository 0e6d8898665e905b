/// A piece of text an editor shows inline, after the byte at `offset`.
public struct InlayHintInfo: Hashable, Sendable {
    /// Where it is shown.
    public var offset: Int
    /// The text.
    public var label: String
    /// More text on hover.
    public var tooltip: String?

    /// Creates a hint.
    public init(offset: Int, label: String, tooltip: String? = nil) {
        self.offset = offset
        self.label = label
        self.tooltip = tooltip
    }
}
