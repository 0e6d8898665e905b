/// What a ``Connection`` delivers to its handler, in the order the input arrived.
public enum IncomingMessage: Hashable, Sendable {
    /// A request; the handler must answer it with a response carrying `request.id`.
    case request(RequestMessage)
    /// A notification; never answered.
    case notification(NotificationMessage)
    /// A response to a request this side sent.
    case response(ResponseMessage)
    /// Input that was not a valid message. When `expectsReply` is true the connection has
    /// already sent `reply`; a malformed response is left to the handler (which may fail
    /// the pending request with that id). Delivered so that it can be logged.
    case malformed(MalformedMessage)
    /// The input ended: `nil` at end of file, or the read error. Always the last delivery.
    case closed(ConnectionError?)
}
