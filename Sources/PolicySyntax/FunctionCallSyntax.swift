/// `fn(name, [arguments])`: a call of a function declared in `pgpe.yaml`.
public struct FunctionCallSyntax: Hashable, Sendable {
    /// The function's name.
    public var name: NameSyntax
    /// The arguments.
    public var arguments: [ValueSyntax]
    /// The whole call.
    public var range: SourceRange
    /// The `fn` word.
    public var keywordRange: SourceRange

    /// Creates a call.
    public init(name: NameSyntax, arguments: [ValueSyntax], range: SourceRange, keywordRange: SourceRange) {
        self.name = name
        self.arguments = arguments
        self.range = range
        self.keywordRange = keywordRange
    }
}
