import JSON

/// A request: a call that expects exactly one response with the same id.
public struct RequestMessage: Hashable, Sendable {
    /// The id the response must carry.
    public var id: RequestID
    /// The method name, such as `textDocument/hover`.
    public var method: String
    /// The parameters (an array or an object), or `nil` if there were none.
    public var params: JSONValue?

    /// Creates a request.
    public init(id: RequestID, method: String, params: JSONValue? = nil) {
        self.id = id
        self.method = method
        self.params = params
    }
}
