/// PostgreSQL's input functions for the types a session setting is cast to, exactly as
/// PostgreSQL 15 reads text (`int2in`/`int4in`/`int8in`, `boolin`, `uuid_in`): which spellings
/// are accepted, how they read, and which are errors.
enum SettingInput {
    /// The bytes C's `isspace` accepts (PostgreSQL trims these, and only these).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// `text` without leading and trailing ASCII white space.
    static func trimmed(_ text: String) -> ArraySlice<UInt8> {
        var bytes = ArraySlice(Array(text.utf8))
        while let first = bytes.first, isSpace(first) { bytes.removeFirst() }
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        return bytes
    }

    /// An integer of `bits` bits (16, 32 or 64): white space around, an optional sign, at least
    /// one ASCII digit; `nil` for bad syntax, `.outOfRange` past the type's range.
    static func integer(_ text: String, bits: Int) -> IntegerInput {
        var bytes = trimmed(text)
        var negative = false
        if let first = bytes.first, first == 0x2D || first == 0x2B {
            negative = first == 0x2D
            bytes.removeFirst()
        }
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .invalid }
        let positiveLimit: UInt64 = bits >= 64 ? UInt64(Int64.max) : (UInt64(1) << UInt64(bits - 1)) - 1
        let limit = negative ? positiveLimit + 1 : positiveLimit
        var magnitude: UInt64 = 0
        for byte in bytes {
            let (times, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, carried) = times.addingReportingOverflow(UInt64(byte - 0x30))
            if overflowed || carried || sum > limit { return .outOfRange }
            magnitude = sum
        }
        return .value(negative ? Int(truncatingIfNeeded: 0 &- magnitude) : Int(magnitude))
    }

    /// The result of reading an integer.
    enum IntegerInput: Equatable {
        /// A number in range.
        case value(Int)
        /// Not an integer ("invalid input syntax").
        case invalid
        /// An integer past the type's range ("out of range").
        case outOfRange
    }

    /// A boolean as `boolin` reads it: after trimming, any prefix of `true`, `false`, `yes`,
    /// `no`, at least two letters of `on` or `off`, or `1`/`0`; case-insensitive.
    static func boolean(_ text: String) -> Bool? {
        let word = String(decoding: trimmed(text), as: UTF8.self).lowercased()
        guard let first = word.first else { return nil }
        func prefix(of full: String, minimum: Int = 1) -> Bool {
            word.count >= minimum && word.count <= full.count && full.hasPrefix(word)
        }
        switch first {
        case "t": return prefix(of: "true") ? true : nil
        case "f": return prefix(of: "false") ? false : nil
        case "y": return prefix(of: "yes") ? true : nil
        case "n": return prefix(of: "no") ? false : nil
        case "o": return prefix(of: "on", minimum: 2) ? true : prefix(of: "off", minimum: 2) ? false : nil
        case "1": return word == "1" ? true : nil
        case "0": return word == "0" ? false : nil
        default: return nil
        }
    }

    /// A uuid as `uuid_in` reads it, in canonical form: 32 hex digits, optionally in braces,
    /// with at most one hyphen after each group of four digits but the last; no white space.
    static func uuid(_ text: String) -> String? {
        var bytes = ArraySlice(Array(text.utf8))
        var braces = false
        if bytes.first == 0x7B {
            braces = true
            bytes.removeFirst()
        }
        var digits: [UInt8] = []
        while digits.count < 32 {
            guard bytes.count >= 2, let high = hexDigit(bytes[bytes.startIndex]),
                  let low = hexDigit(bytes[bytes.startIndex + 1]) else { return nil }
            digits.append(high)
            digits.append(low)
            bytes.removeFirst(2)
            if bytes.first == 0x2D && digits.count % 4 == 0 && digits.count < 32 { bytes.removeFirst() }
        }
        if braces {
            guard bytes.first == 0x7D else { return nil }
            bytes.removeFirst()
        }
        guard bytes.isEmpty else { return nil }
        let hex = digits.map { String($0, radix: 16) }.joined()
        var canonical = ""
        for (index, character) in hex.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { canonical.append("-") }
            canonical.append(character)
        }
        return canonical
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
