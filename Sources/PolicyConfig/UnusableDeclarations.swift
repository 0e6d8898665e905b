import PolicySyntax

/// The names pgpe.yaml declares with errors: the diagnostic is at the declaration, and the
/// policies that use the name are not checked against it (no diagnostic per use).
public struct UnusableDeclarations: Hashable, Sendable {
    /// Functions of `functions:` whose entry has errors, with where they are declared.
    public var functions: [String: FileLocation]
    /// Session values of `session:` whose entry has errors, with where they are declared.
    public var sessionKeys: [String: FileLocation]

    /// No unusable declarations.
    public init(functions: [String: FileLocation] = [:], sessionKeys: [String: FileLocation] = [:]) {
        self.functions = functions
        self.sessionKeys = sessionKeys
    }
}
