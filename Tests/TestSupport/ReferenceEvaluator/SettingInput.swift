/// PostgreSQL's input functions for the types a session setting is cast to, exactly as
/// PostgreSQL reads text (`int2in`/`int4in`/`int8in`, `boolin`, `uuid_in`): which spellings
/// are accepted, how they read, and which are errors. Integers depend on the server's major
/// version (16 added non-decimal prefixes and underscores).
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

    /// An integer of `bits` bits (16, 32 or 64) as PostgreSQL `postgresVersion` reads it:
    /// white space around, an optional sign, then ASCII digits; from 16 on also `0x`/`0o`/`0b`
    /// prefixes and `_` between digits. `.invalid` for bad syntax, `.outOfRange` past the
    /// type's range, decided in the server's order (a number that overflows before a bad
    /// character is out of range).
    static func integer(_ text: String, bits: Int, postgresVersion: Int) -> IntegerInput {
        var bytes = ArraySlice(Array(text.utf8))
        while let first = bytes.first, isSpace(first) { bytes.removeFirst() }
        var negative = false
        if let first = bytes.first, first == 0x2D || first == 0x2B {
            negative = first == 0x2D
            bytes.removeFirst()
        }
        let magnitudeLimit: UInt64 = bits >= 64 ? UInt64(Int64.max) + 1 : UInt64(1) << UInt64(bits - 1)
        var base: UInt64 = 10
        if postgresVersion >= 16, bytes.count >= 2, bytes.first == 0x30 {
            switch bytes[bytes.startIndex + 1] | 0x20 {
            case 0x78: base = 16
            case 0x6F: base = 8
            case 0x62: base = 2
            default: break
            }
            if base != 10 { bytes.removeFirst(2) }
        }
        let firstDigit = bytes.startIndex
        var magnitude: UInt64 = 0
        while let byte = bytes.first {
            if let digit = digitValue(byte, base: base) {
                // PostgreSQL 16+ checks against the limit divided by the base before each
                // digit (the exact range check follows the syntax checks); 15 checks exactly.
                if postgresVersion >= 16 {
                    if magnitude > magnitudeLimit / base { return .outOfRange }
                    magnitude = magnitude * base + digit
                } else {
                    let (times, overflowed) = magnitude.multipliedReportingOverflow(by: base)
                    let (sum, carried) = times.addingReportingOverflow(digit)
                    if overflowed || carried || sum > magnitudeLimit { return .outOfRange }
                    magnitude = sum
                }
                bytes.removeFirst()
            } else if byte == 0x5F, postgresVersion >= 16 {
                // An underscore may not start a decimal number and must be followed by a digit.
                if base == 10 && bytes.startIndex == firstDigit { return .invalid }
                bytes.removeFirst()
                guard let next = bytes.first, digitValue(next, base: base) != nil else { return .invalid }
            } else {
                break
            }
        }
        guard bytes.startIndex != firstDigit else { return .invalid }
        while let first = bytes.first, isSpace(first) { bytes.removeFirst() }
        guard bytes.isEmpty else { return .invalid }
        if negative {
            guard magnitude <= magnitudeLimit else { return .outOfRange }
            return .value(Int(truncatingIfNeeded: 0 &- magnitude))
        }
        guard magnitude < magnitudeLimit else { return .outOfRange }
        return .value(Int(magnitude))
    }

    /// The value of an ASCII digit of `base` (2, 8, 10 or 16), `nil` for any other byte.
    private static func digitValue(_ byte: UInt8, base: UInt64) -> UInt64? {
        let value: UInt64
        switch byte {
        case 0x30...0x39: value = UInt64(byte - 0x30)
        case 0x41...0x46: value = UInt64(byte - 0x41 + 10)
        case 0x61...0x66: value = UInt64(byte - 0x61 + 10)
        default: return nil
        }
        return value < base ? value : nil
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
            guard bytes.count >= 2, let high = digitValue(bytes[bytes.startIndex], base: 16),
                let low = digitValue(bytes[bytes.startIndex + 1], base: 16)
            else { return nil }
            digits.append(UInt8(high))
            digits.append(UInt8(low))
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
}
