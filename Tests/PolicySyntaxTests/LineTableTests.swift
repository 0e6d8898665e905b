import PolicySyntax
import Testing

@Suite struct LineTableTests {
    @Test func lineAndColumnCountScalarsAndHandleAllLineBreaks() {
        // Line 1: "ab\r\n", line 2: "ü日🙂x\n", line 3: "\r" (lone CR), line 4: "z"
        let file = SourceFile(path: "t", text: "ab\r\nü日🙂x\n\rz")
        let bytes = file.bytes
        #expect(file.lineTable.lineCount == 4)
        let xOffset = Array("ab\r\nü日🙂".utf8).count
        #expect(file.position(of: xOffset) == LineColumn(line: 2, column: 4))
        #expect(file.position(of: 0) == LineColumn(line: 1, column: 1))
        #expect(file.position(of: bytes.count - 1) == LineColumn(line: 4, column: 1))
        // UTF-16: ü=1, 日=1, 🙂=2 code units.
        let utf16 = file.lineTable.position(of: xOffset, in: bytes, encoding: .utf16)
        #expect(utf16 == LinePosition(line: 1, character: 4))
        let utf8 = file.lineTable.position(of: xOffset, in: bytes, encoding: .utf8)
        #expect(utf8 == LinePosition(line: 1, character: 2 + 3 + 4))
        let utf32 = file.lineTable.position(of: xOffset, in: bytes, encoding: .utf32)
        #expect(utf32 == LinePosition(line: 1, character: 3))
    }

    @Test func offsetsRoundTripThroughEveryEncoding() {
        let text = "POLICY \"Tënant 🙂\"\r\n  PERMISSIVE\r\n  FOR ALL -- 日本\nSELECTOR ALL\rCLAUSE raw('é')"
        let file = SourceFile(path: "t", text: text)
        let bytes = file.bytes
        for encoding in PositionEncoding.allCases {
            var offset = 0
            while offset <= bytes.count {
                if offset < bytes.count, bytes[offset] & 0xC0 == 0x80 {
                    offset += 1
                    continue
                }
                let position = file.lineTable.position(of: offset, in: bytes, encoding: encoding)
                let back = file.lineTable.offset(of: position, in: bytes, encoding: encoding)
                // Offsets inside a CRLF pair map to the end of the line's content.
                let lineEnd = file.lineTable.lineContentEnd(position.line, in: bytes)
                #expect(back == min(offset, lineEnd), "offset \(offset) in \(encoding)")
                offset += 1
            }
        }
    }

    @Test func positionsPastTheEndClamp() {
        let file = SourceFile(path: "t", text: "ab\ncd")
        let bytes = file.bytes
        #expect(file.lineTable.offset(of: LinePosition(line: 0, character: 99), in: bytes, encoding: .utf16) == 2)
        #expect(file.lineTable.offset(of: LinePosition(line: 9, character: 0), in: bytes, encoding: .utf16) == 5)
        #expect(file.lineTable.offset(of: LinePosition(line: -1, character: 0), in: bytes, encoding: .utf16) == 0)
        // A UTF-16 position in the middle of a surrogate pair stays before the scalar.
        let emoji = SourceFile(path: "t", text: "🙂x")
        #expect(emoji.lineTable.offset(of: LinePosition(line: 0, character: 1), in: emoji.bytes, encoding: .utf16) == 0)
        #expect(emoji.lineTable.offset(of: LinePosition(line: 0, character: 2), in: emoji.bytes, encoding: .utf16) == 4)
    }

    /// On long lines of mixed text the block index gives what a scan from the line start gives,
    /// in every encoding and both ways, and huge characters clamp (no overflow).
    @Test func longMixedLinesAgreeWithAPlainScan() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "ü", "日", "🙂", " ", "\r\n", "\n", "\r", "xyz", "é🙂é"]
        for round in 0..<20 {
            var text = ""
            for _ in 0..<(round * 40 + 10) { text += pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
            text += String(repeating: "b🙂", count: 300)
            let bytes = Array(text.utf8)
            let table = LineTable(bytes: bytes)
            for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
                for offset in 0...bytes.count where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
                    let line = table.lineIndex(of: offset)
                    var expected = 0
                    for byte in bytes[table.lineStarts[line]..<offset] where encoding == .utf8 || byte & 0xC0 != 0x80 {
                        expected += (encoding == .utf16 && byte >= 0xF0) ? 2 : 1
                    }
                    let position = table.position(of: offset, in: bytes, encoding: encoding)
                    #expect(position == LinePosition(line: line, character: expected), "round \(round) offset \(offset) \(encoding)")
                    // Offsets inside a line terminator come back as the line's end.
                    let back = table.offset(of: position, in: bytes, encoding: encoding)
                    #expect(back == min(offset, table.lineContentEnd(line, in: bytes)), "round \(round) offset \(offset) \(encoding)")
                }
                let last = table.lineCount - 1
                #expect(table.offset(of: LinePosition(line: last, character: Int.max), in: bytes, encoding: encoding) == bytes.count)
            }
        }
    }
}
