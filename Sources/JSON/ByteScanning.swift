/// Word-at-a-time searches over UTF-8 buffers for the bytes JSON strings treat specially.
enum ByteScanning {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is zero; exact as a yes/no answer.
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }

    /// Whether any byte of `word` is `"`, `\` or a control character below 0x20.
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word & highBits
        return hasZeroByte(quote) || hasZeroByte(backslash) || control != 0
    }

    /// The first index at or after `start` holding `"`, `\` or a byte below 0x20, or `buffer.count`;
    /// `sawNonASCII` becomes true if a byte above 0x7F lies before it.
    @inline(__always)
    static func firstSpecialByte(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, sawNonASCII: inout Bool) -> Int {
        var index = start
        let count = buffer.count
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            var union: UInt64 = 0
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if hasSpecialByte(word) {
                    break
                }
                union |= word
                index += 8
            }
            if union & highBits != 0 {
                sawNonASCII = true
            }
        }
        while index < count {
            let byte = buffer[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return index
            }
            if byte >= 0x80 {
                sawNonASCII = true
            }
            index += 1
        }
        return count
    }
}
