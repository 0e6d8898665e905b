/// What a ``MessageFramer`` produces: a complete body, or a framing error.
public enum Frame: Hashable, Sendable {
    /// The bytes of one message body, exactly `Content-Length` long.
    case body([UInt8])
    /// Malformed framing; input up to the next `Content-Length` header is being skipped.
    case error(FramingError)
}
