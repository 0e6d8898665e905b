/// Splits a byte stream into message bodies using LSP's `Content-Length` framing.
///
/// Feed it chunks of any size with ``append(_:)`` and drain it with ``next()`` until that
/// returns `nil`. A message may be split at any byte, and one chunk may hold several
/// messages. Each message is a header section of `Name: value` lines ended by
/// `\r\n\r\n`, then exactly `Content-Length` bytes of body. Header names are matched
/// without regard to case; headers other than `Content-Length` (such as `Content-Type`)
/// are accepted and ignored. Stray `\r` and `\n` bytes between messages are skipped.
///
/// Malformed framing produces one ``Frame/error(_:)``; the framer then discards input
/// until the next `Content-Length` (in any case, anywhere) and starts over there, so a
/// broken frame costs that frame only. Memory stays bounded: a header section may be at
/// most `maximumHeaderSize` bytes and a body at most `maximumBodySize` bytes, and input
/// being skipped is not kept.
///
/// The framer is a value with no locking; one reader owns it.
public struct MessageFramer: Sendable {
    /// The default limit on one message body: 64 MiB.
    public static let defaultMaximumBodySize = 64 << 20
    /// The default limit on one header section: 8 KiB.
    public static let defaultMaximumHeaderSize = 8 << 10

    /// The largest body accepted; larger declared lengths are framing errors.
    public let maximumBodySize: Int
    /// The longest header section accepted, separator included.
    public let maximumHeaderSize: Int

    private enum State: Sendable {
        case header
        case body(length: Int)
        case resynchronizing
    }

    private enum HeaderResult {
        case needMoreInput
        case complete(bodyLength: Int, headerEnd: Int)
        case failed(FramingError, resumeAt: Int)
    }

    private var buffer: [UInt8] = []
    private var start = 0
    private var state = State.header

    /// Creates a framer with the given limits.
    public init(
        maximumBodySize: Int = MessageFramer.defaultMaximumBodySize, maximumHeaderSize: Int = MessageFramer.defaultMaximumHeaderSize
    ) {
        self.maximumBodySize = max(0, maximumBodySize)
        self.maximumHeaderSize = max(32, maximumHeaderSize)
    }

    /// How many received bytes are held, waiting to complete a header or a body.
    public var bufferedByteCount: Int {
        buffer.count - start
    }

    /// How many bytes the internal buffer holds, consumed ones included (for tests of memory use).
    var storedByteCount: Int {
        buffer.count
    }

    /// Adds received bytes; call ``next()`` until it returns `nil` afterwards.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes from raw memory; call ``next()`` until it returns `nil` afterwards.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete body or framing error, or `nil` when more input is needed.
    public mutating func next() -> Frame? {
        while true {
            switch state {
            case .resynchronizing:
                guard resynchronize() else {
                    compact()
                    return nil
                }
                state = .header
            case .header:
                while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A {
                    start += 1
                }
                switch readHeader() {
                case .needMoreInput:
                    compact()
                    return nil
                case .complete(let length, let headerEnd):
                    start = headerEnd
                    state = .body(length: length)
                case .failed(let error, let resumeAt):
                    start = resumeAt
                    state = .resynchronizing
                    compact()
                    return .error(error)
                }
            case .body(let length):
                guard bufferedByteCount >= length else {
                    compact()
                    if buffer.capacity < start + length {
                        buffer.reserveCapacity(start + length)
                    }
                    return nil
                }
                let body = Array(buffer[start..<start + length])
                start += length
                state = .header
                compact()
                return .body(body)
            }
        }
    }

    /// Reports input left incomplete at the end of the stream, and resets the framer.
    ///
    /// Returns `nil` when the stream ended between messages (or while skipping input
    /// after an error that was already reported).
    public mutating func finish() -> FramingError? {
        var pending = 0
        switch state {
        case .header:
            pending = buffer[start...].count { $0 != 0x0D && $0 != 0x0A }
        case .body:
            pending = bufferedByteCount
        case .resynchronizing:
            pending = 0
        }
        buffer.removeAll()
        start = 0
        state = .header
        return pending > 0 ? .unexpectedEndOfStream(pendingBytes: pending) : nil
    }

    // MARK: - Header section

    private func readHeader() -> HeaderResult {
        let available = buffer.count - start
        guard available > 0 else { return .needMoreInput }
        let searchEnd = start + min(available, maximumHeaderSize)
        guard let terminator = findTerminator(from: start, to: searchEnd) else {
            if let (error, lineStart) = firstImplausibleLine(from: start, to: searchEnd) {
                return .failed(error, resumeAt: lineStart + 1)
            }
            if available >= maximumHeaderSize {
                return .failed(.headerSectionTooLong(limit: maximumHeaderSize), resumeAt: start + 1)
            }
            return .needMoreInput
        }
        let headerEnd = terminator + 4
        var length: Int?
        var lineStart = start
        while lineStart < terminator {
            let lineEnd = findCRLF(from: lineStart, to: terminator) ?? terminator
            // On an error, skipping resumes just past where it was found: a garbage line
            // may run straight into the next real header.
            guard let colon = nameEnd(from: lineStart, to: lineEnd) else {
                return .failed(.malformedHeaderLine(text(lineStart, lineEnd)), resumeAt: lineStart + 1)
            }
            if isContentLength(from: lineStart, to: colon) {
                switch contentLength(from: colon + 1, to: lineEnd) {
                case .success(let value):
                    if let length, length != value {
                        return .failed(.conflictingContentLength, resumeAt: colon + 1)
                    }
                    length = value
                case .failure(let error):
                    return .failed(error, resumeAt: colon + 1)
                }
            }
            lineStart = lineEnd + 2
        }
        guard let length else {
            return .failed(.missingContentLength, resumeAt: headerEnd)
        }
        return .complete(bodyLength: length, headerEnd: headerEnd)
    }

    /// The index of the first `\r\n\r\n` in `from..<to`, if any.
    private func findTerminator(from: Int, to end: Int) -> Int? {
        var index = from
        while index + 3 < end {
            if buffer[index + 3] != 0x0A {
                index += buffer[index + 3] == 0x0D ? 1 : 4
                continue
            }
            if buffer[index] == 0x0D && buffer[index + 1] == 0x0A && buffer[index + 2] == 0x0D {
                return index
            }
            index += 1
        }
        return nil
    }

    private func findCRLF(from: Int, to end: Int) -> Int? {
        var index = from
        while index + 1 < end {
            if buffer[index] == 0x0D && buffer[index + 1] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The index of the colon ending a non-empty header name in the line `from..<to`, or `nil`.
    private func nameEnd(from: Int, to end: Int) -> Int? {
        var index = from
        while index < end, Self.isTokenByte(buffer[index]) {
            index += 1
        }
        guard index > from, index < end, buffer[index] == UInt8(ascii: ":") else { return nil }
        return index
    }

    /// Checks an unterminated header section early, so that input which can never become
    /// a header (a JSON body without headers, say) fails now rather than at the size limit.
    private func firstImplausibleLine(from: Int, to end: Int) -> (FramingError, lineStart: Int)? {
        var lineStart = from
        while lineStart < end {
            var index = lineStart
            while index < end, Self.isTokenByte(buffer[index]) {
                index += 1
            }
            if index == end {
                return nil
            }
            if buffer[index] == 0x0D && index == lineStart && index + 1 == end {
                return nil
            }
            guard index > lineStart, buffer[index] == UInt8(ascii: ":") else {
                let lineEnd = findCRLF(from: lineStart, to: end) ?? end
                return (.malformedHeaderLine(text(lineStart, lineEnd)), lineStart)
            }
            guard let lineEnd = findCRLF(from: index, to: end) else {
                return nil
            }
            lineStart = lineEnd + 2
        }
        return nil
    }

    private func isContentLength(from: Int, to end: Int) -> Bool {
        let name: StaticString = "content-length"
        guard end - from == name.utf8CodeUnitCount else { return false }
        for offset in 0..<name.utf8CodeUnitCount where buffer[from + offset] | 0x20 != name.utf8Start[offset] {
            return false
        }
        return true
    }

    private func contentLength(from: Int, to end: Int) -> Result<Int, FramingError> {
        var low = from
        var high = end
        while low < high, buffer[low] == 0x20 || buffer[low] == 0x09 {
            low += 1
        }
        while high > low, buffer[high - 1] == 0x20 || buffer[high - 1] == 0x09 {
            high -= 1
        }
        guard low < high, buffer[low..<high].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return .failure(.invalidContentLength(text(low, high)))
        }
        var value = 0
        for index in low..<high {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.addingReportingOverflow(Int(buffer[index] - 0x30))
            guard !overflow1, !overflow2, next <= maximumBodySize else {
                return .failure(.bodyTooLarge(declared: text(low, high), limit: maximumBodySize))
            }
            value = next
        }
        return .success(value)
    }

    /// A header token character (RFC 9110 `tchar`).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private func text(_ from: Int, _ end: Int) -> String {
        String(decoding: buffer[from..<min(end, from + 80)], as: UTF8.self)
    }

    // MARK: - Recovery and memory

    /// Skips to the next `Content-Length` (any case); returns false if none is buffered yet.
    private mutating func resynchronize() -> Bool {
        let name: StaticString = "content-length"
        let length = name.utf8CodeUnitCount
        var index = start
        while index + length <= buffer.count {
            if buffer[index] | 0x20 == UInt8(ascii: "c") {
                var offset = 1
                while offset < length, buffer[index + offset] | 0x20 == name.utf8Start[offset] {
                    offset += 1
                }
                if offset == length {
                    start = index
                    return true
                }
            }
            index += 1
        }
        // Keep only a tail that could be the start of a split match.
        start = max(start, buffer.count - (length - 1))
        return false
    }

    /// Drops consumed bytes once they make up half of the buffer (or all of it).
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
            start = 0
        } else if start >= 4096 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }
}
