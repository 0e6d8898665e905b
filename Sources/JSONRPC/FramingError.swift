/// Why a `Content-Length` header section could not be read.
///
/// After one of these the framer skips ahead to the next `Content-Length` header.
public enum FramingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The header section has no `Content-Length` header.
    case missingContentLength
    /// The `Content-Length` value is not a non-negative decimal integer.
    case invalidContentLength(String)
    /// Two `Content-Length` headers disagree.
    case conflictingContentLength
    /// The declared body is larger than the framer accepts.
    case bodyTooLarge(declared: String, limit: Int)
    /// A header line is not `Name: value` with a valid name.
    case malformedHeaderLine(String)
    /// No `\r\n\r\n` ended the header section within the limit.
    case headerSectionTooLong(limit: Int)
    /// The input ended inside a header section or a body.
    case unexpectedEndOfStream(pendingBytes: Int)

    /// A short lower-case explanation.
    public var description: String {
        switch self {
        case .missingContentLength:
            return "header section has no Content-Length"
        case .invalidContentLength(let value):
            return "invalid Content-Length '\(Self.excerpt(value))'"
        case .conflictingContentLength:
            return "conflicting Content-Length headers"
        case .bodyTooLarge(let declared, let limit):
            return "Content-Length \(Self.excerpt(declared)) exceeds the limit of \(limit) bytes"
        case .malformedHeaderLine(let line):
            return "malformed header line '\(Self.excerpt(line))'"
        case .headerSectionTooLong(let limit):
            return "header section longer than \(limit) bytes"
        case .unexpectedEndOfStream(let pendingBytes):
            return "input ended inside a message (\(pendingBytes) bytes pending)"
        }
    }

    /// At most 40 characters of `text`, for messages about hostile input.
    private static func excerpt(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
