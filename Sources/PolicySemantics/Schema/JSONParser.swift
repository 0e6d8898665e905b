import PolicySyntax

/// A strict JSON parser (RFC 8259) that keeps the byte range of every value, so problems in a
/// snapshot can be reported at the offending value. Nesting is capped.
struct JSONParser {
    /// How deeply arrays and objects may nest.
    static let maximumDepth = 128

    private let bytes: [UInt8]
    private var offset = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses a whole document: one value, surrounded by whitespace only.
    static func parse(_ bytes: [UInt8]) -> Result<JSONNode, JSONSyntaxError> {
        var parser = JSONParser(bytes: bytes)
        // A UTF-8 byte order mark is tolerated.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.offset = 3 }
        do {
            let node = try parser.value(depth: 0)
            parser.skipWhitespace()
            if parser.offset < bytes.count {
                throw parser.failure("expected the end of the document after the top-level value")
            }
            return .success(node)
        } catch let failure as JSONSyntaxError {
            return .failure(failure)
        } catch {
            return .failure(JSONSyntaxError(message: "invalid JSON", range: SourceRange.empty(at: 0)))
        }
    }

    private mutating func value(depth: Int) throws -> JSONNode {
        skipWhitespace()
        guard offset < bytes.count else { throw failure("expected a value, found the end of the document") }
        let start = offset
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw failure("objects and arrays nest too deeply") }
            return try object(depth: depth)
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw failure("objects and arrays nest too deeply") }
            return try array(depth: depth)
        case UInt8(ascii: "\""):
            let text = try string()
            return JSONNode(value: .string(text), range: SourceRange(start: start, end: offset))
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONNode(value: .bool(true), range: SourceRange(start: start, end: offset))
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONNode(value: .bool(false), range: SourceRange(start: start, end: offset))
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONNode(value: .null, range: SourceRange(start: start, end: offset))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
            return JSONNode(value: .number(String(decoding: bytes[start..<offset], as: UTF8.self)),
                            range: SourceRange(start: start, end: offset))
        default:
            throw failure("expected a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func object(depth: Int) throws -> JSONNode {
        let start = offset
        offset += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return JSONNode(value: .object(members), range: SourceRange(start: start, end: offset))
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw failure("expected a member name in double quotes")
            }
            let keyStart = offset
            let key = try string()
            let keyRange = SourceRange(start: keyStart, end: offset)
            if members.contains(where: { $0.key == key }) {
                throw JSONSyntaxError(message: "duplicate member \"\(key)\"", range: keyRange)
            }
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the member name")
            }
            offset += 1
            let member = try value(depth: depth + 1)
            members.append(JSONMember(key: key, keyRange: keyRange, value: member))
            skipWhitespace()
            guard offset < bytes.count else { throw failure("expected ',' or '}', found the end of the document") }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            if bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                return JSONNode(value: .object(members), range: SourceRange(start: start, end: offset))
            }
            throw failure("expected ',' or '}' in the object")
        }
    }

    private mutating func array(depth: Int) throws -> JSONNode {
        let start = offset
        offset += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return JSONNode(value: .array(elements), range: SourceRange(start: start, end: offset))
        }
        while true {
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            guard offset < bytes.count else { throw failure("expected ',' or ']', found the end of the document") }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            if bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                return JSONNode(value: .array(elements), range: SourceRange(start: start, end: offset))
            }
            throw failure("expected ',' or ']' in the array")
        }
    }

    /// Reads a string starting at its opening quote; returns the decoded text.
    private mutating func string() throws -> String {
        let start = offset
        offset += 1
        var decoded: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                try escape(into: &decoded)
            case 0..<0x20:
                throw failure("control character in a string; write it as an escape")
            default:
                decoded.append(byte)
                offset += 1
            }
        }
        throw JSONSyntaxError(message: "unterminated string", range: SourceRange(start: start, end: start + 1))
    }

    private mutating func escape(into decoded: inout [UInt8]) throws {
        guard offset < bytes.count else { throw failure("unterminated string") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800..<0xDC00).contains(scalar), offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
               bytes[offset + 1] == UInt8(ascii: "u") {
                offset += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid surrogate pair in \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape (lone surrogate)") }
            decoded.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            offset -= 1
            throw failure("invalid escape in a string")
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A")) + 10
            default: throw failure("expected four hex digits after \\u")
            }
            value = value * 16 + digit
            offset += 1
        }
        return value
    }

    private mutating func number() throws {
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw failure("expected a digit") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw failure("expected a digit after '.'") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw failure("expected a digit in the exponent") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
    }

    private mutating func literal(_ word: String) throws {
        for expected in word.utf8 {
            guard offset < bytes.count, bytes[offset] == expected else {
                throw failure("expected a value (object, array, string, number, true, false or null)")
            }
            offset += 1
        }
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// A failure at the current byte (one character wide, or empty at the end).
    private func failure(_ message: String) -> JSONSyntaxError {
        guard offset < bytes.count else { return JSONSyntaxError(message: message, range: SourceRange.empty(at: bytes.count)) }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return JSONSyntaxError(message: message, range: SourceRange(start: offset, end: end))
    }
}
