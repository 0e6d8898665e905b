/// Serializes `JSONValue`s into UTF-8 bytes, compactly or pretty (see `JSONFormat`).
///
/// The output is always valid JSON: object members keep their order, strings escape
/// `"`, `\` and every control character, and non-finite doubles are written as `null`.
/// This is the only JSON writer of the package.
/// Bytes go into a manually grown buffer, which avoids the uniqueness check that
/// `Array.append` pays on every byte.
final class JSONWriter {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    /// Creates a writer with room for `capacity` bytes before it grows.
    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        storage = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// The bytes written so far.
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: storage, count: count))
    }

    /// Appends the serialization of `value`.
    func write(_ value: JSONValue) {
        switch value {
        case .null:
            appendASCII("null")
        case .bool(let flag):
            appendASCII(flag ? "true" : "false")
        case .integer(let integer):
            writeInteger(integer)
        case .double(let double):
            writeDouble(double)
        case .string(let string):
            writeString(string)
        case .array(let elements):
            append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first {
                    append(UInt8(ascii: ","))
                }
                first = false
                write(element)
            }
            append(UInt8(ascii: "]"))
        case .object(let object):
            append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in object {
                if !first {
                    append(UInt8(ascii: ","))
                }
                first = false
                writeString(key)
                append(UInt8(ascii: ":"))
                write(member)
            }
            append(UInt8(ascii: "}"))
        }
    }

    /// Appends the pretty serialization of `value` (see `JSONFormat.pretty`), without the final
    /// newline, with nested lines indented past `indent` spaces.
    func writePretty(_ value: JSONValue, indent: Int = 0) {
        switch value {
        case .array(let elements):
            if elements.isEmpty || value.isFlatArray {
                write(value, separator: true)
                return
            }
            append(UInt8(ascii: "["))
            append(UInt8(ascii: "\n"))
            for (index, element) in elements.enumerated() {
                appendSpaces(indent + 2)
                writePretty(element, indent: indent + 2)
                if index + 1 < elements.count {
                    append(UInt8(ascii: ","))
                }
                append(UInt8(ascii: "\n"))
            }
            appendSpaces(indent)
            append(UInt8(ascii: "]"))
        case .object(let object):
            if object.members.values.allSatisfy(\.isScalar) {
                write(value, separator: true)
                return
            }
            append(UInt8(ascii: "{"))
            append(UInt8(ascii: "\n"))
            var remaining = object.count
            for (key, member) in object {
                appendSpaces(indent + 2)
                writeString(key)
                appendASCII(": ")
                writePretty(member, indent: indent + 2)
                remaining -= 1
                if remaining > 0 {
                    append(UInt8(ascii: ","))
                }
                append(UInt8(ascii: "\n"))
            }
            appendSpaces(indent)
            append(UInt8(ascii: "}"))
        default:
            write(value)
        }
    }

    /// Appends `value` on one line, with `", "` and `": "` between parts when `separator` is set.
    private func write(_ value: JSONValue, separator: Bool) {
        switch value {
        case .array(let elements):
            append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first {
                    appendASCII(", ")
                }
                first = false
                write(element, separator: true)
            }
            append(UInt8(ascii: "]"))
        case .object(let object):
            append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in object {
                if !first {
                    appendASCII(", ")
                }
                first = false
                writeString(key)
                appendASCII(": ")
                write(member, separator: true)
            }
            append(UInt8(ascii: "}"))
        default:
            write(value)
        }
    }

    /// Appends a line feed (after a pretty document).
    func appendNewline() {
        append(UInt8(ascii: "\n"))
    }

    private func appendSpaces(_ count: Int) {
        reserve(count)
        for offset in 0..<count {
            storage[self.count + offset] = UInt8(ascii: " ")
        }
        self.count += count
    }

    // MARK: - Buffer

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity {
            grow(to: count + extra)
        }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed {
            newCapacity *= 2
        }
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    @inline(__always)
    private func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    private func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        reserve(buffer.count)
        (storage + count).update(from: base, count: buffer.count)
        count += buffer.count
    }

    private func appendASCII(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    // MARK: - Scalars

    private func writeInteger(_ value: Int) {
        // Digits are produced backwards into the reserved space, then moved into place.
        reserve(20)
        var magnitude = value.magnitude
        var digits = 0
        repeat {
            storage[count + digits] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            digits += 1
        } while magnitude > 0
        if value < 0 {
            storage[count + digits] = UInt8(ascii: "-")
            digits += 1
        }
        var low = count
        var high = count + digits - 1
        while low < high {
            let swap = storage[low]
            storage[low] = storage[high]
            storage[high] = swap
            low += 1
            high -= 1
        }
        count += digits
    }

    private func writeDouble(_ value: Double) {
        guard value.isFinite else {
            appendASCII("null")
            return
        }
        // Swift's description is the shortest text that reads back as the same Double,
        // and always matches the JSON number grammar for finite values ("1e-05", "1.0").
        var text = value.description
        text.withUTF8 { append($0) }
    }

    private func writeString(_ string: String) {
        var string = string
        string.withUTF8 { source in
            append(UInt8(ascii: "\""))
            var runStart = 0
            var sawNonASCII = false
            while true {
                let index = ByteScanning.firstSpecialByte(in: source, from: runStart, sawNonASCII: &sawNonASCII)
                guard index < source.count else {
                    break
                }
                append(UnsafeBufferPointer(rebasing: source[runStart..<index]))
                runStart = index + 1
                writeEscape(for: source[index])
            }
            append(UnsafeBufferPointer(rebasing: source[runStart...]))
            append(UInt8(ascii: "\""))
        }
    }

    private func writeEscape(for byte: UInt8) {
        reserve(6)
        storage[count] = UInt8(ascii: "\\")
        let letter: UInt8
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            letter = byte
        case 0x0A:
            letter = UInt8(ascii: "n")
        case 0x0D:
            letter = UInt8(ascii: "r")
        case 0x09:
            letter = UInt8(ascii: "t")
        case 0x08:
            letter = UInt8(ascii: "b")
        case 0x0C:
            letter = UInt8(ascii: "f")
        default:
            let hex: StaticString = "0123456789abcdef"
            storage[count + 1] = UInt8(ascii: "u")
            storage[count + 2] = UInt8(ascii: "0")
            storage[count + 3] = UInt8(ascii: "0")
            storage[count + 4] = hex.utf8Start[Int(byte >> 4)]
            storage[count + 5] = hex.utf8Start[Int(byte & 0x0F)]
            count += 6
            return
        }
        storage[count + 1] = letter
        count += 2
    }
}
