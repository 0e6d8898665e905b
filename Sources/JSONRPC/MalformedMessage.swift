/// Input that could not be decoded as a message, with the error response it deserves.
public struct MalformedMessage: Error, Hashable, Sendable, CustomStringConvertible {
    /// The error to report: code -32700 for unparsable input or broken framing, -32600 otherwise.
    public var error: ResponseError
    /// The id read from the input, if it had a valid one.
    public var id: RequestID?
    /// Whether the sender should get an error response; false for a malformed response.
    public var expectsReply: Bool

    /// Creates a description of malformed input.
    public init(_ error: ResponseError, id: RequestID?, expectsReply: Bool) {
        self.error = error
        self.id = id
        self.expectsReply = expectsReply
    }

    /// The error response to send (with id `null` when none could be read), or `nil` if none is due.
    public var reply: ResponseMessage? {
        expectsReply ? ResponseMessage(id: id, error: error) : nil
    }

    /// The error and the id, for logs.
    public var description: String {
        "malformed message (id \(id?.description ?? "null")): \(error)"
    }
}
