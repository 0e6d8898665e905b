/// The semantic token modifiers, in legend order (bit `index` of the modifier set).
public enum SemanticTokenModifier: String, CaseIterable, Hashable, Sendable {
    /// The name where something is declared (a policy's name).
    case declaration

    /// The bit of the modifier set sent to editors.
    public var bit: Int { 1 << (SemanticTokenModifier.allCases.firstIndex(of: self) ?? 0) }
}
