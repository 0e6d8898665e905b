import PolicySyntax
import Yams

/// Converts Yams positions to UTF-8 byte ranges of the YAML text.
///
/// Yams reports libYAML's marks: 1-based lines and 1-based columns counted in Unicode
/// scalars. libYAML breaks lines at `\r\n`, `\r`, `\n` and also at NEL (U+0085), LS (U+2028)
/// and PS (U+2029), which `LineTable` does not; so marks are converted with line starts
/// computed libYAML's way, and the resulting byte offsets are exact whatever the text holds.
/// A leading byte order mark is cut off before parsing, so line 1 starts after it. Yams gives
/// only the start of a node; its end is found by scanning the text from there.
struct YAMLSource {
    /// The UTF-8 bytes of the text.
    let bytes: [UInt8]
    /// 3 when the text starts with a UTF-8 byte order mark (which is not given to libYAML,
    /// as it would count it as indentation), else 0.
    let byteOrderMarkLength: Int
    /// Where each libYAML line starts.
    private let lineStarts: [Int]

    /// Prepares `bytes` for conversions.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        byteOrderMarkLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [byteOrderMarkLength]
        var index = byteOrderMarkLength
        while index < bytes.count {
            let width = YAMLSource.breakWidth(at: index, in: bytes)
            if width > 0 {
                index += width
                starts.append(index)
            } else {
                index += 1
            }
        }
        lineStarts = starts
    }

    /// The byte offset of a 1-based line and scalar column, clamped to the line and the text.
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        var offset = lineStarts[line - 1]
        let end = contentEnd(ofLineStartingAt: offset)
        var remaining = column - 1
        while remaining > 0, offset < end {
            offset += 1
            while offset < end, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    /// The byte offset of a Yams mark (0 when the node has none).
    func offset(of mark: Mark?) -> Int {
        guard let mark else { return 0 }
        return offset(line: mark.line, column: mark.column)
    }

    /// The offset where the line holding `offset` starts.
    func lineStart(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return lineStarts[low]
    }

    /// The byte offset where `node` starts.
    func start(of node: Node) -> Int {
        offset(of: node.mark)
    }

    /// The bytes `node` covers: a scalar as written (quotes included), a flow collection up to
    /// its closing bracket, a block collection's first line.
    func range(of node: Node) -> SourceRange {
        let start = start(of: node)
        switch node {
        case .scalar(let scalar):
            return SourceRange(start: start, end: scalarEnd(scalar, from: start))
        case .mapping, .sequence, .alias:
            if start < bytes.count, bytes[start] == UInt8(ascii: "[") || bytes[start] == UInt8(ascii: "{") {
                return SourceRange(start: start, end: flowCollectionEnd(from: start))
            }
            return SourceRange(start: start, end: lineContentEnd(from: start))
        }
    }

    /// Whether the text at `offset` is exactly `value` (so positions inside `value` map
    /// one-to-one to bytes of the file).
    func isVerbatim(_ value: String, at offset: Int) -> Bool {
        let utf8 = Array(value.utf8)
        guard offset >= 0, offset + utf8.count <= bytes.count else { return false }
        return bytes[offset..<(offset + utf8.count)].elementsEqual(utf8)
    }

    /// The offset of the first character libYAML refuses (control characters, U+FFFE, U+FFFF),
    /// if any.
    func firstDisallowedCharacter() -> Int? {
        var offset = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            let allowed =
                value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0x7E).contains(value)
                || value == 0x85 || (0xA0...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
                || (0x10000...0x10FFFF).contains(value)
            if !allowed { return offset }
            offset += UTF8.width(scalar)
        }
        return nil
    }

    // MARK: - Ends

    private func scalarEnd(_ scalar: Node.Scalar, from start: Int) -> Int {
        guard start < bytes.count else { return start }
        switch scalar.style {
        case .singleQuoted where bytes[start] == UInt8(ascii: "'"):
            return quotedEnd(from: start, quote: UInt8(ascii: "'"))
        case .doubleQuoted where bytes[start] == UInt8(ascii: "\""):
            return quotedEnd(from: start, quote: UInt8(ascii: "\""))
        case .literal, .folded:
            return lineContentEnd(from: start)
        default:
            if scalar.string.isEmpty { return start }
            if isVerbatim(scalar.string, at: start) { return start + scalar.string.utf8.count }
            return lineContentEnd(from: start)
        }
    }

    /// The end of a quoted scalar: past the closing quote, or the end of the text.
    func quotedEnd(from start: Int, quote: UInt8) -> Int {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == quote {
                if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    /// The end of a flow collection: past its matching bracket (quotes and comments skipped),
    /// or the end of the text.
    private func flowCollectionEnd(from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return index + 1 }
            case UInt8(ascii: "'") where startsScalar(at: index), UInt8(ascii: "\"") where startsScalar(at: index):
                index = quotedEnd(from: index, quote: byte)
                continue
            case UInt8(ascii: "#") where index > 0 && (bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09):
                while index < bytes.count, YAMLSource.breakWidth(at: index, in: bytes) == 0 { index += 1 }
                continue
            default:
                break
            }
            index += 1
        }
        return bytes.count
    }

    /// Whether a quote at `index` opens a quoted scalar (rather than sitting inside a plain one).
    private func startsScalar(at index: Int) -> Bool {
        guard index > 0 else { return true }
        switch bytes[index - 1] {
        case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), 0x20, 0x09, 0x0A, 0x0D:
            return true
        default:
            return false
        }
    }

    /// The end of the content from `start` to the end of its line: a trailing comment and
    /// trailing blanks are left out, but never so much that the range becomes empty.
    private func lineContentEnd(from start: Int) -> Int {
        let end = contentEnd(ofLineStartingAt: start)
        var contentEnd = end
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "#"), index > start, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 {
                contentEnd = index
                break
            }
            index += 1
        }
        while contentEnd > start, bytes[contentEnd - 1] == 0x20 || bytes[contentEnd - 1] == 0x09 {
            contentEnd -= 1
        }
        return contentEnd > start ? contentEnd : end
    }

    /// The offset of the first line break at or after `offset` (or the end of the text).
    func contentEnd(ofLineStartingAt offset: Int) -> Int {
        var index = max(0, offset)
        while index < bytes.count, YAMLSource.breakWidth(at: index, in: bytes) == 0 { index += 1 }
        return min(index, bytes.count)
    }

    /// The byte length of the libYAML line break at `index` (0 when there is none).
    private static func breakWidth(at index: Int, in bytes: [UInt8]) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x0A:
            return 1
        case 0x0D:
            return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2:
            return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
        default:
            return 0
        }
    }
}
