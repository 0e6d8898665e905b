/// A strict RFC 8259 parser over a UTF-8 buffer.
///
/// Arrays and objects are built on explicit stacks rather than by recursion, so deep
/// input costs heap, not call stack, on whatever thread parses; nesting is still capped
/// at `maximumDepth` to bound that memory. Strings must be valid UTF-8; a `\u` escape
/// naming a lone surrogate becomes U+FFFD, which keeps the UTF-16 length of the text
/// (what JavaScript clients send for a broken surrogate pair) instead of rejecting the
/// whole message.
///
/// This is the only JSON parser of the package. When asked to record spans (`JSONDocument`),
/// it also notes the byte range of every value and member name, for readers that report
/// problems at the offending value; without that it pays one branch per value.
struct JSONParser {
    /// The kind of each open container, innermost last.
    private enum Container {
        case array
        case object
    }

    /// The spans gathered for one open container.
    private struct SpanFrame {
        /// Where the container starts (its bracket).
        var start: Int
        /// The member names' ranges so far (objects).
        var keyRanges: [Range<Int>] = []
        /// The elements' or member values' spans so far.
        var children: [JSONSpan] = []
        /// The range of the name whose value is being read (objects).
        var pendingKeyRange: Range<Int> = 0..<0
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private let rejectsDuplicateKeys: Bool
    private let allowsByteOrderMark: Bool
    private let recordsSpans: Bool
    private var position = 0
    private var spanFrames: [SpanFrame] = []
    /// The span of the value read last; after `parseDocument`, the whole document's (when recording).
    private(set) var lastSpan = JSONSpan(range: 0..<0)
    /// The range of the member name read last.
    private var lastKeyRange: Range<Int> = 0..<0

    /// Creates a parser over `bytes`, which must stay valid while it runs.
    init(bytes: UnsafeBufferPointer<UInt8>, options: JSONParseOptions, recordsSpans: Bool = false) {
        self.bytes = bytes
        self.maximumDepth = options.maximumDepth
        self.rejectsDuplicateKeys = options.rejectsDuplicateKeys
        self.allowsByteOrderMark = options.allowsByteOrderMark
        self.recordsSpans = recordsSpans
    }

    /// Parses the whole buffer as one JSON text: a value with optional surrounding whitespace.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if allowsByteOrderMark, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
        }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else {
            throw JSONParseError(.trailingCharacters, at: position)
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        // The innermost open container lives in locals, where appending is cheapest;
        // the containers around it wait on the stacks, innermost last.
        var open: [Container] = []
        var array: [JSONValue] = []
        var object = JSONObject()
        var key = ""
        var outerArrays: [[JSONValue]] = []
        var outerObjects: [JSONObject] = []
        var outerKeys: [String] = []

        var value: JSONValue
        nextValue: while true {
            // Read a scalar or an empty container, or open a container and read its first element.
            let valueStart = position
            switch try peek() {
            case UInt8(ascii: "["):
                guard open.count < maximumDepth else {
                    throw JSONParseError(.nestingTooDeep(limit: maximumDepth), at: position)
                }
                position += 1
                skipWhitespace()
                if try peek() == UInt8(ascii: "]") {
                    position += 1
                    value = .array([])
                    if recordsSpans {
                        lastSpan = JSONSpan(range: valueStart..<position)
                    }
                } else {
                    switch open.last {
                    case .array?:
                        outerArrays.append(array)
                    case .object?:
                        outerObjects.append(object)
                        outerKeys.append(key)
                    case nil:
                        break
                    }
                    array = []
                    open.append(.array)
                    if recordsSpans {
                        spanFrames.append(SpanFrame(start: valueStart))
                    }
                    continue nextValue
                }
            case UInt8(ascii: "{"):
                guard open.count < maximumDepth else {
                    throw JSONParseError(.nestingTooDeep(limit: maximumDepth), at: position)
                }
                position += 1
                skipWhitespace()
                if try peek() == UInt8(ascii: "}") {
                    position += 1
                    value = .object(JSONObject())
                    if recordsSpans {
                        lastSpan = JSONSpan(range: valueStart..<position)
                    }
                } else {
                    switch open.last {
                    case .array?:
                        outerArrays.append(array)
                        array = []
                    case .object?:
                        outerObjects.append(object)
                        outerKeys.append(key)
                    case nil:
                        break
                    }
                    object = JSONObject()
                    key = try parseKey()
                    open.append(.object)
                    if recordsSpans {
                        spanFrames.append(SpanFrame(start: valueStart, pendingKeyRange: lastKeyRange))
                    }
                    continue nextValue
                }
            default:
                value = try parseScalar()
                if recordsSpans {
                    lastSpan = JSONSpan(range: valueStart..<position)
                }
            }
            // Store the value in its container; close every container that ends here.
            while let container = open.last {
                skipWhitespace()
                let byte = try peek()
                switch container {
                case .array:
                    array.append(value)
                    if recordsSpans {
                        spanFrames[spanFrames.count - 1].children.append(lastSpan)
                    }
                    if byte == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                        continue nextValue
                    }
                    guard byte == UInt8(ascii: "]") else {
                        throw unexpected()
                    }
                    position += 1
                    value = .array(array)
                case .object:
                    if recordsSpans {
                        recordMember(replacing: object.index(forKey: key))
                    }
                    object[key] = value
                    if byte == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                        key = try parseKey()
                        if rejectsDuplicateKeys && object[key] != nil {
                            throw JSONParseError(.duplicateKey(key), at: lastKeyRange.lowerBound)
                        }
                        if recordsSpans {
                            spanFrames[spanFrames.count - 1].pendingKeyRange = lastKeyRange
                        }
                        continue nextValue
                    }
                    guard byte == UInt8(ascii: "}") else {
                        throw unexpected()
                    }
                    position += 1
                    value = .object(object)
                }
                if recordsSpans {
                    let frame = spanFrames.removeLast()
                    lastSpan = JSONSpan(range: frame.start..<position, keyRanges: frame.keyRanges, children: frame.children)
                }
                // Reopen the enclosing container.
                open.removeLast()
                switch open.last {
                case .array?:
                    array = outerArrays.removeLast()
                case .object?:
                    object = outerObjects.removeLast()
                    key = outerKeys.removeLast()
                case nil:
                    break
                }
            }
            return value
        }
    }

    /// Files the value just read (`lastSpan`) under the pending member name of the innermost
    /// object; a repeated name keeps its first position and takes the new value's span.
    private mutating func recordMember(replacing existing: Int?) {
        let innermost = spanFrames.count - 1
        if let existing {
            spanFrames[innermost].children[existing] = lastSpan
        } else {
            spanFrames[innermost].keyRanges.append(spanFrames[innermost].pendingKeyRange)
            spanFrames[innermost].children.append(lastSpan)
        }
    }

    /// Reads `"key" :` and the whitespace after it; `lastKeyRange` is where the name is written.
    private mutating func parseKey() throws(JSONParseError) -> String {
        guard try peek() == UInt8(ascii: "\"") else {
            throw unexpected()
        }
        let keyStart = position
        let key = try parseString()
        lastKeyRange = keyStart..<position
        skipWhitespace()
        guard try peek() == UInt8(ascii: ":") else {
            throw unexpected()
        }
        position += 1
        skipWhitespace()
        return key
    }

    private mutating func parseScalar() throws(JSONParseError) -> JSONValue {
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        case let byte:
            throw JSONParseError(.unexpectedByte(byte), at: position)
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count {
            guard position + offset < bytes.count else {
                throw JSONParseError(.unexpectedEnd, at: position + offset)
            }
            guard bytes[position + offset] == expected[offset] else {
                throw JSONParseError(.unexpectedByte(bytes[position + offset]), at: position + offset)
            }
        }
        position += count
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
        }
        // Integer part: 0, or a nonzero digit followed by digits.
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw JSONParseError(.invalidNumber, at: start)
        }
        // Accumulate the integer part while scanning it; most numbers end right there.
        let digitsStart = position
        var magnitude = 0
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) {
                magnitude = magnitude &* 10 &+ Int(bytes[position] &- UInt8(ascii: "0"))
                position += 1
            }
        }
        let endsHere =
            position == bytes.count
            || (bytes[position] != UInt8(ascii: ".") && bytes[position] | 0x20 != UInt8(ascii: "e"))
        if endsHere && position - digitsStart <= Self.safeDigitCount {
            return .integer(start == digitsStart ? magnitude : -magnitude)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw JSONParseError(.invalidNumber, at: start)
            }
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw JSONParseError(.invalidNumber, at: start)
            }
            skipDigits()
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
        if isInteger, let integer = Self.integer(from: text) {
            return .integer(integer)
        }
        guard let double = Double(String(decoding: text, as: UTF8.self)), double.isFinite else {
            throw JSONParseError(.numberOutOfRange, at: start)
        }
        return .double(double)
    }

    /// How many decimal digits always fit in `Int` (18 on 64-bit platforms).
    private static let safeDigitCount = Int.bitWidth == 64 ? 18 : 9

    /// The value of an optional minus sign and decimal digits, or `nil` if it overflows `Int`.
    private static func integer(from text: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative {
            index = 1
        }
        if text.count - index <= Self.safeDigitCount {
            // So few digits cannot overflow.
            var value = 0
            while index < text.count {
                value = value &* 10 &+ Int(text[index] &- UInt8(ascii: "0"))
                index += 1
            }
            return negative ? -value : value
        }
        // Accumulate negatively so that Int.min fits.
        var value = 0
        while index < text.count {
            let digit = Int(text[index] &- UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.subtractingReportingOverflow(digit)
            if overflow1 || overflow2 {
                return nil
            }
            value = next
            index += 1
        }
        if negative {
            return value
        }
        let (positive, overflow) = (0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) {
            position += 1
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: - Strings

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONParseError) -> String {
        let quote = position
        position += 1
        let start = position
        // Fast path: no escapes; UTF-8 validation only when a byte above 0x7F was seen.
        var sawNonASCII = false
        position = ByteScanning.firstSpecialByte(in: bytes, from: position, sawNonASCII: &sawNonASCII)
        guard position < bytes.count else {
            throw JSONParseError(.unexpectedEnd, at: position)
        }
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
            position += 1
            if !sawNonASCII {
                return String(decoding: raw, as: UTF8.self)
            }
            return try Self.string(validating: raw, at: quote)
        }
        if byte == UInt8(ascii: "\\") {
            return try parseEscapedString(quote: quote, start: start)
        }
        throw JSONParseError(.controlCharacterInString, at: position)
    }

    /// Continues a string at its first backslash, decoding escapes into a byte buffer.
    private mutating func parseEscapedString(quote: Int, start: Int) throws(JSONParseError) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(position - start + 16)
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        var runStart = position
        // Escapes always decode to valid UTF-8, so only raw non-ASCII bytes need validation.
        var sawNonASCII = false
        while position < bytes.count {
            position = ByteScanning.firstSpecialByte(in: bytes, from: position, sawNonASCII: &sawNonASCII)
            guard position < bytes.count else {
                break
            }
            let byte = bytes[position]
            if byte < 0x20 {
                throw JSONParseError(.controlCharacterInString, at: position)
            }
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            if byte == UInt8(ascii: "\"") {
                position += 1
                if !sawNonASCII {
                    return String(decoding: decoded, as: UTF8.self)
                }
                return try decoded.withUnsafeBufferPointer { buffer throws(JSONParseError) in
                    try Self.string(validating: buffer, at: quote)
                }
            }
            try decodeEscape(into: &decoded)
            runStart = position
        }
        throw JSONParseError(.unexpectedEnd, at: position)
    }

    /// Decodes one escape sequence starting at its backslash and appends its UTF-8 bytes.
    private mutating func decodeEscape(into decoded: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = position
        position += 1
        guard position < bytes.count else {
            throw JSONParseError(.unexpectedEnd, at: position)
        }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            decoded.append(letter)
        case UInt8(ascii: "b"):
            decoded.append(0x08)
        case UInt8(ascii: "f"):
            decoded.append(0x0C)
        case UInt8(ascii: "n"):
            decoded.append(0x0A)
        case UInt8(ascii: "r"):
            decoded.append(0x0D)
        case UInt8(ascii: "t"):
            decoded.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHexQuad(escapeStart: escapeStart)
            var codePoint: UInt32 = 0xFFFD
            if unit >= 0xD800 && unit < 0xDC00 {
                // A high surrogate counts only when a low surrogate escape follows at once.
                if position + 1 < bytes.count,
                    bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                {
                    let lowStart = position
                    position += 2
                    let low = try readHexQuad(escapeStart: lowStart)
                    if low >= 0xDC00 && low < 0xE000 {
                        codePoint = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        position = lowStart
                    }
                }
            } else if unit < 0xDC00 || unit >= 0xE000 {
                codePoint = unit
            }
            Self.appendUTF8(codePoint, to: &decoded)
        default:
            throw JSONParseError(.invalidEscape, at: escapeStart)
        }
    }

    private mutating func readHexQuad(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else {
            throw JSONParseError(.invalidEscape, at: escapeStart)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"):
                digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONParseError(.invalidEscape, at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Appends the UTF-8 encoding of a Unicode scalar value (never a surrogate).
    private static func appendUTF8(_ value: UInt32, to decoded: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            decoded.append(UInt8(value))
        case 0x80..<0x800:
            decoded.append(UInt8(0xC0 | value >> 6))
            decoded.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            decoded.append(UInt8(0xE0 | value >> 12))
            decoded.append(UInt8(0x80 | value >> 6 & 0x3F))
            decoded.append(UInt8(0x80 | value & 0x3F))
        default:
            decoded.append(UInt8(0xF0 | value >> 18))
            decoded.append(UInt8(0x80 | value >> 12 & 0x3F))
            decoded.append(UInt8(0x80 | value >> 6 & 0x3F))
            decoded.append(UInt8(0x80 | value & 0x3F))
        }
    }

    private static func string(validating raw: UnsafeBufferPointer<UInt8>, at quote: Int) throws(JSONParseError) -> String {
        // The standard library's validator is faster on long text; ours avoids its
        // generic overhead on the many short keys and values of a structured message.
        if raw.count > 64 {
            guard let string = String(validating: raw, as: UTF8.self) else {
                throw JSONParseError(.invalidUTF8, at: quote)
            }
            return string
        }
        guard isValidUTF8(raw) else {
            throw JSONParseError(.invalidUTF8, at: quote)
        }
        // Valid input: the decoding initializer never substitutes anything.
        return String(decoding: raw, as: UTF8.self)
    }

    /// Whether `raw` is well-formed UTF-8: no overlong forms, surrogates, or values above U+10FFFF.
    static func isValidUTF8(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = raw.count
        while index < count {
            let lead = raw[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF:
                length = 2
            case 0xE0:
                length = 3
                secondLow = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF:
                length = 3
            case 0xED:
                length = 3
                secondHigh = 0x9F
            case 0xF0:
                length = 4
                secondLow = 0x90
            case 0xF1...0xF3:
                length = 4
            case 0xF4:
                length = 4
                secondHigh = 0x8F
            default:
                return false
            }
            guard index + length <= count else { return false }
            let second = raw[index + 1]
            guard second >= secondLow && second <= secondHigh else { return false }
            var offset = 2
            while offset < length {
                guard raw[index + offset] & 0xC0 == 0x80 else { return false }
                offset += 1
            }
            index += length
        }
        return true
    }

    // MARK: - Lexical helpers

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09:
                position += 1
            default:
                return
            }
        }
    }

    private func peek() throws(JSONParseError) -> UInt8 {
        guard position < bytes.count else {
            throw JSONParseError(.unexpectedEnd, at: position)
        }
        return bytes[position]
    }

    private func unexpected() -> JSONParseError {
        guard position < bytes.count else {
            return JSONParseError(.unexpectedEnd, at: position)
        }
        return JSONParseError(.unexpectedByte(bytes[position]), at: position)
    }
}
