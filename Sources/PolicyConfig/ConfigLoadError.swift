/// pgpe.yaml could not be read at all (missing, unreadable, a directory): a tool failure, as
/// opposed to problems inside the file, which are diagnostics.
public struct ConfigLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path that was being read.
    public var path: String
    /// Why it could not be read, for a person.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot read <path>: <reason>`.
    public var description: String { "cannot read \(path): \(reason)" }
}
