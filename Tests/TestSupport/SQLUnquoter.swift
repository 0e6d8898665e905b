/// Reads a quoted SQL token back byte by byte, as PostgreSQL's scanner (`scan.l`) reads it with
/// `standard_conforming_strings` on, to check the quoting functions independently of them.
///
/// Not modelled: keywords (an unquoted keyword is read as an identifier here; the keyword list
/// is checked against the servers' `pg_get_keywords()` instead) and the truncation of names
/// longer than 63 bytes.
public enum SQLUnquoter {
    private static let quote = UInt8(ascii: "'")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// The value of `token` when it is exactly one string constant (`'...'` or `E'...'`);
    /// nil when it is not, or when PostgreSQL would reject it (a bad escape, a zero byte,
    /// invalid UTF-8).
    public static func literal(_ token: String) -> String? {
        var bytes = ArraySlice(Array(token.utf8))
        var escapes = false
        if let first = bytes.first, first == UInt8(ascii: "E") || first == UInt8(ascii: "e") {
            escapes = true
            bytes.removeFirst()
        }
        guard bytes.popFirst() == quote else { return nil }
        var value: [UInt8] = []
        while let byte = bytes.popFirst() {
            if byte == quote {
                // A doubled quote is one quote; any other quote ends the constant, and the token.
                guard bytes.first == quote else { return bytes.isEmpty ? text(value) : nil }
                bytes.removeFirst()
                value.append(quote)
            } else if escapes && byte == backslash {
                guard let escaped = unescape(&bytes) else { return nil }
                value += escaped
            } else {
                value.append(byte)
            }
        }
        return nil
    }

    /// The name `token` stands for when it is exactly one identifier: a quoted one (`"..."`,
    /// `""` for a quote) or a plain one (letters, digits, `_`, `$`, bytes of non-ASCII
    /// characters; not starting with a digit or `$`), whose ASCII letters are folded to lower
    /// case. Nil when it is not one identifier, or is one PostgreSQL rejects (`""`).
    public static func identifier(_ token: String) -> String? {
        var bytes = ArraySlice(Array(token.utf8))
        guard let first = bytes.first else { return nil }
        if first != doubleQuote {
            func isStart(_ byte: UInt8) -> Bool {
                (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_") || byte >= 0x80
            }
            guard isStart(first), bytes.allSatisfy({ isStart($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "$") }) else {
                return nil
            }
            return text(bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 })
        }
        bytes.removeFirst()
        var name: [UInt8] = []
        while let byte = bytes.popFirst() {
            if byte == doubleQuote {
                guard bytes.first == doubleQuote else { return bytes.isEmpty && !name.isEmpty ? text(name) : nil }
                bytes.removeFirst()
            }
            name.append(byte)
        }
        return nil
    }

    /// The bytes one backslash escape of an `E'...'` constant stands for; `bytes` starts after
    /// the backslash. Nil for an escape PostgreSQL rejects.
    private static func unescape(_ bytes: inout ArraySlice<UInt8>) -> [UInt8]? {
        guard let byte = bytes.popFirst() else { return nil }
        func digits(_ maximum: Int, _ radix: UInt32) -> UInt32? {
            var value: UInt32 = 0
            var count = 0
            while count < maximum, let next = bytes.first, let digit = hexValue(next), digit < radix {
                value = value * radix + digit
                bytes.removeFirst()
                count += 1
            }
            return count == 0 ? nil : value
        }
        switch byte {
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            bytes.insert(byte, at: bytes.startIndex)
            return digits(3, 8).map { [UInt8(truncatingIfNeeded: $0)] }
        case UInt8(ascii: "x"):
            guard let value = digits(2, 16) else { return [byte] }
            return [UInt8(value)]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let length = byte == UInt8(ascii: "u") ? 4 : 8
            guard bytes.count >= length, bytes.prefix(length).allSatisfy({ hexValue($0) != nil }),
                let scalar = digits(length, 16).flatMap(Unicode.Scalar.init)
            else { return nil }
            return Array(String(scalar).utf8)
        default:
            return [byte]
        }
    }

    /// The value of an ASCII hex digit.
    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// `bytes` as text when they are valid UTF-8 without a zero byte (PostgreSQL's text holds
    /// neither).
    private static func text(_ bytes: [UInt8]) -> String? {
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
