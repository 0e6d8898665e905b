/// The start offset of every line of a text, for converting between byte offsets and positions.
///
/// Lines end at `\n`, `\r\n` or a lone `\r` (as LSP defines them).
public struct LineTable: Sendable {
    /// The UTF-8 offset where each line starts; the first is always 0.
    public let lineStarts: [Int]
    /// The total number of bytes in the text.
    public let byteCount: Int
    /// Per block of `blockSize` bytes: the UTF-16 code units and the Unicode scalars before it,
    /// so a conversion scans at most a block, not the whole line (a long line would make every
    /// conversion on it, and a document's worth of them quadratic).
    private let utf16Before: [Int]
    private let scalarsBefore: [Int]
    private static let blockSize = 128

    /// Builds the table for `bytes`.
    public init(bytes: [UInt8]) {
        var starts = [0]
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < count, bytes[index + 1] == 0x0A {
                    index += 1
                }
                starts.append(index + 1)
            }
            index += 1
        }
        var utf16: [Int] = []
        var scalars: [Int] = []
        utf16.reserveCapacity(count / LineTable.blockSize + 1)
        scalars.reserveCapacity(count / LineTable.blockSize + 1)
        var units = 0
        var scalarCount = 0
        var block = 0
        while block * LineTable.blockSize <= count {
            utf16.append(units)
            scalars.append(scalarCount)
            let end = min(count, (block + 1) * LineTable.blockSize)
            for position in (block * LineTable.blockSize)..<end where bytes[position] & 0xC0 != 0x80 {
                scalarCount += 1
                units += bytes[position] >= 0xF0 ? 2 : 1
            }
            block += 1
        }
        lineStarts = starts
        byteCount = count
        utf16Before = utf16
        scalarsBefore = scalars
    }

    /// The UTF-16 code units (or scalars) in `bytes[0..<offset]`.
    private func units(before offset: Int, in bytes: [UInt8], utf16: Bool) -> Int {
        let block = offset / LineTable.blockSize
        var count = utf16 ? utf16Before[block] : scalarsBefore[block]
        var index = block * LineTable.blockSize
        while index < offset {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { count += (utf16 && byte >= 0xF0) ? 2 : 1 }
            index += 1
        }
        return count
    }

    /// The number of lines (an empty text has one line).
    public var lineCount: Int { lineStarts.count }

    /// The 0-based index of the line containing `offset` (clamped to the text).
    public func lineIndex(of offset: Int) -> Int {
        let target = min(max(0, offset), byteCount)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= target {
                low = mid
            } else {
                high = mid - 1
            }
        }
        return low
    }

    /// The offset where line `index` ends, before its line terminator.
    public func lineContentEnd(_ index: Int, in bytes: [UInt8]) -> Int {
        guard index + 1 < lineStarts.count else { return byteCount }
        var end = lineStarts[index + 1]
        if end > 0, bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[index], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The 1-based line and Unicode-scalar column of `offset`.
    public func lineColumn(of offset: Int, in bytes: [UInt8]) -> LineColumn {
        let line = lineIndex(of: offset)
        let target = min(max(0, offset), byteCount)
        let scalars = units(before: target, in: bytes, utf16: false) - units(before: lineStarts[line], in: bytes, utf16: false)
        return LineColumn(line: line + 1, column: scalars + 1)
    }

    /// The 0-based position of `offset` with characters counted in `encoding`.
    public func position(of offset: Int, in bytes: [UInt8], encoding: PositionEncoding) -> LinePosition {
        let line = lineIndex(of: offset)
        let target = min(max(0, offset), byteCount)
        let start = lineStarts[line]
        switch encoding {
        case .utf8:
            return LinePosition(line: line, character: target - start)
        case .utf16, .utf32:
            let utf16 = encoding == .utf16
            return LinePosition(
                line: line, character: units(before: target, in: bytes, utf16: utf16) - units(before: start, in: bytes, utf16: utf16))
        }
    }

    /// The offset of a 0-based `position` in `encoding`; positions past a line's end clamp to
    /// its end, lines past the text's end clamp to the end of the text.
    public func offset(of position: LinePosition, in bytes: [UInt8], encoding: PositionEncoding) -> Int {
        if position.line < 0 { return 0 }
        if position.line >= lineStarts.count { return byteCount }
        let start = lineStarts[position.line]
        let end = lineContentEnd(position.line, in: bytes)
        let wanted = max(0, position.character)
        switch encoding {
        case .utf8:
            var offset = wanted >= end - start ? end : start + wanted
            while offset > start, offset < byteCount, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            return offset
        case .utf16, .utf32:
            // Start from the last block boundary on the line that is not past the position (at a
            // character's first byte), then scan.
            let utf16 = encoding == .utf16
            let lineUnits = units(before: start, in: bytes, utf16: utf16)
            let table = utf16 ? utf16Before : scalarsBefore
            var low = (start + LineTable.blockSize - 1) / LineTable.blockSize
            var high = end / LineTable.blockSize
            var index = start
            if low <= high, table[low] - lineUnits <= wanted {
                while low < high {
                    let mid = (low + high + 1) / 2
                    if table[mid] - lineUnits <= wanted { low = mid } else { high = mid - 1 }
                }
                index = low * LineTable.blockSize
                while index > start, index < byteCount, bytes[index] & 0xC0 == 0x80 { index -= 1 }
            }
            var units = self.units(before: index, in: bytes, utf16: utf16) - lineUnits
            while index < end, units < wanted {
                let byte = bytes[index]
                let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let unitCount = (encoding == .utf16 && byte >= 0xF0) ? 2 : 1
                if units + unitCount > wanted { break }
                units += unitCount
                index = min(index + width, end)
            }
            return index
        }
    }
}
