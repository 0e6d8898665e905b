/// Why a rename cannot be done, for people.
public struct RenameError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The explanation.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The explanation.
    public var description: String { message }
}
