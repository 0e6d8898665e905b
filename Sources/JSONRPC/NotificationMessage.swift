import JSON

/// A notification: a call without an id, which is never answered.
public struct NotificationMessage: Hashable, Sendable {
    /// The method name, such as `textDocument/didChange`.
    public var method: String
    /// The parameters (an array or an object), or `nil` if there were none.
    public var params: JSONValue?

    /// Creates a notification.
    public init(method: String, params: JSONValue? = nil) {
        self.method = method
        self.params = params
    }
}
