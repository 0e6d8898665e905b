import Testing

@testable import JSONRPC

/// Drains every frame the framer can produce now.
private func drain(_ framer: inout MessageFramer) -> [Frame] {
    var frames: [Frame] = []
    while let frame = framer.next() {
        frames.append(frame)
    }
    return frames
}

/// Feeds `chunks` one at a time, draining after each, and returns all frames.
private func frames(of chunks: [[UInt8]], framer: MessageFramer = MessageFramer()) -> [Frame] {
    var framer = framer
    var frames: [Frame] = []
    for chunk in chunks {
        framer.append(chunk)
        frames += drain(&framer)
    }
    return frames
}

private func bytes(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

/// The frame for a message with `body`, framed by the library's writer.
private func framed(_ body: String) -> [UInt8] {
    MessageFramer.frame(body: bytes(body))
}

/// The error's case, ignoring its payload (which depends on how the input was chunked).
private func kind(_ frame: Frame) -> String {
    switch frame {
    case .body(let body):
        return "body \(String(decoding: body, as: UTF8.self))"
    case .error(.missingContentLength):
        return "error missingContentLength"
    case .error(.invalidContentLength):
        return "error invalidContentLength"
    case .error(.conflictingContentLength):
        return "error conflictingContentLength"
    case .error(.bodyTooLarge):
        return "error bodyTooLarge"
    case .error(.malformedHeaderLine):
        return "error malformedHeaderLine"
    case .error(.headerSectionTooLong):
        return "error headerSectionTooLong"
    case .error(.unexpectedEndOfStream):
        return "error unexpectedEndOfStream"
    }
}

@Suite struct MessageFramerTests {
    let body = #"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"text":"é 😀 \"q\""}}"#

    @Test func writerCountsBytesNotCharacters() {
        #expect(MessageFramer.frame(body: bytes("é")) == bytes("Content-Length: 2\r\n\r\né"))
        #expect(MessageFramer.frame(["a": 1]) == bytes("Content-Length: 7\r\n\r\n{\"a\":1}"))
        let message = Message.notification(NotificationMessage(method: "exit"))
        #expect(MessageFramer.frame(message) == bytes("Content-Length: 33\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"))
    }

    @Test func oneMessage() {
        #expect(frames(of: [framed(body)]) == [.body(bytes(body))])
        #expect(frames(of: [bytes("Content-Length: 0\r\n\r\n")]) == [.body([])])
    }

    @Test func messageSplitAtEveryBytePosition() {
        let message = framed(body)
        for split in 0...message.count {
            let result = frames(of: [Array(message[..<split]), Array(message[split...])])
            #expect(result == [.body(bytes(body))], "split at \(split)")
        }
    }

    @Test func messagesFedOneByteAtATime() {
        let stream = framed(body) + framed("[1]") + framed("{}")
        let result = frames(of: stream.map { [$0] })
        #expect(result == [.body(bytes(body)), .body(bytes("[1]")), .body(bytes("{}"))])
    }

    @Test func threeMessagesInOneChunk() {
        let stream = framed("first") + framed("second message") + framed(body)
        #expect(frames(of: [stream]) == [.body(bytes("first")), .body(bytes("second message")), .body(bytes(body))])
    }

    @Test func messagesStraddlingChunks() {
        let stream = framed("alpha") + framed("beta") + framed("gamma")
        for split in stride(from: 1, to: stream.count, by: 3) {
            let result = frames(of: [Array(stream[..<split]), Array(stream[split...])])
            #expect(result == [.body(bytes("alpha")), .body(bytes("beta")), .body(bytes("gamma"))], "split at \(split)")
        }
    }

    @Test(arguments: [
        "content-length: 5\r\n\r\nhello",
        "CONTENT-LENGTH: 5\r\n\r\nhello",
        "cOnTeNt-LeNgTh:5\r\n\r\nhello",
        "Content-Length:   5 \t\r\n\r\nhello",
        "Content-Length: 5\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\nhello",
        "Content-Type: application/vscode-jsonrpc; charset=utf8\r\nContent-Length: 5\r\n\r\nhello",
        "content-type: x\r\nX-Custom: 1\r\ncontent-length: 5\r\n\r\nhello",
        "Content-Length: 5\r\ncontent-length: 5\r\n\r\nhello",
        "\r\n\r\nContent-Length: 5\r\n\r\nhello",
    ])
    func headerVariantsAreAccepted(frame: String) {
        #expect(frames(of: [bytes(frame)]) == [.body(bytes("hello"))])
        #expect(frames(of: bytes(frame).map { [$0] }) == [.body(bytes("hello"))], "byte by byte")
    }

    @Test(arguments: [
        ("Content-Type: text/plain\r\n\r\n{\"junk\":1}", "error missingContentLength"),
        ("Content-Length: -5\r\n\r\n", "error invalidContentLength"),
        ("Content-Length: abc\r\n\r\n{\"x\":1}", "error invalidContentLength"),
        ("Content-Length: 5.0\r\n\r\nhello", "error invalidContentLength"),
        ("Content-Length: +5\r\n\r\nhello", "error invalidContentLength"),
        ("Content-Length: \r\n\r\nhello", "error invalidContentLength"),
        ("Content-Length: 99999999999999999999999999\r\n\r\nhello", "error bodyTooLarge"),
        ("Content-Length: 2000000\r\n\r\n{\"partial\":", "error bodyTooLarge"),
        ("Content-Length 5\r\n\r\nhello", "error malformedHeaderLine"),
        ("\u{1}\u{2}\r\n\r\nxyz", "error malformedHeaderLine"),
        ("Content-Length: 3\r\nbroken header\r\n\r\nxyz", "error malformedHeaderLine"),
        ("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}", "error malformedHeaderLine"),
        ("Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", "error conflictingContentLength"),
        ("X-Padding: " + String(repeating: "a", count: 300), "error headerSectionTooLong"),
    ])
    func malformedHeaderIsReportedAndTheNextMessageStillArrives(garbage: String, expected: String) {
        let valid = #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#
        let stream = bytes(garbage) + framed(valid)
        let framer = MessageFramer(maximumBodySize: 1 << 20, maximumHeaderSize: 256)
        let whole = frames(of: [stream], framer: framer).map(kind)
        #expect(whole == [expected, "body \(valid)"])
        let trickled = frames(of: stream.map { [$0] }, framer: framer).map(kind)
        #expect(trickled == [expected, "body \(valid)"], "byte by byte")
    }

    @Test(arguments: [
        "Content-Length: junkContent-Length: 5\r\n\r\nhello",
        "Content-Length: abc\r\nContent-Length: 5\r\n\r\nhello",
        "garbage without a line break Content-Length: 5\r\n\r\nhello",
        " Content-Length: 5\r\n\r\nhello",
    ])
    func recoveryFindsAHeaderInsideTheBrokenSection(stream: String) {
        let result = frames(of: [bytes(stream)])
        #expect(result.count == 2)
        #expect(result.last == .body(bytes("hello")))
    }

    @Test func errorPayloadsNameTheProblem() {
        let result = frames(of: [bytes("Content-Length: -5\r\n\r\n") + framed("{}")])
        #expect(result == [.error(.invalidContentLength("-5")), .body(bytes("{}"))])
        #expect(FramingError.invalidContentLength("-5").description == "invalid Content-Length '-5'")
    }

    @Test func bodyCapIsEnforced() {
        let framer = MessageFramer(maximumBodySize: 1024)
        let atLimit = String(repeating: "x", count: 1024)
        #expect(frames(of: [framed(atLimit)], framer: framer) == [.body(bytes(atLimit))])
        let overLimit = String(repeating: "x", count: 1025)
        let result = frames(of: [framed(overLimit) + framed("ok")], framer: framer)
        #expect(result == [.error(.bodyTooLarge(declared: "1025", limit: 1024)), .body(bytes("ok"))])
    }

    @Test func oversizedBodyIsSkippedWithoutBuffering() {
        var framer = MessageFramer(maximumBodySize: 1 << 20)
        framer.append(bytes("Content-Length: 104857600\r\n\r\n"))
        #expect(drain(&framer) == [.error(.bodyTooLarge(declared: "104857600", limit: 1 << 20))])
        // Ten MiB of body arrive in 64 KiB chunks; none of it may be kept.
        let chunk = [UInt8](repeating: UInt8(ascii: "z"), count: 64 << 10)
        var largestBuffer = 0
        for _ in 0..<160 {
            framer.append(chunk)
            #expect(drain(&framer).isEmpty)
            largestBuffer = max(largestBuffer, framer.storedByteCount)
        }
        #expect(largestBuffer < 64)
        framer.append(framed("after"))
        #expect(drain(&framer) == [.body(bytes("after"))])
    }

    @Test func garbageWithoutHeadersIsNotBufferedForever() {
        var framer = MessageFramer()
        var errors = 0
        for _ in 0..<100 {
            framer.append([UInt8](repeating: UInt8(ascii: "{"), count: 4096))
            errors += drain(&framer).count
            #expect(framer.storedByteCount < 4096 + 64)
        }
        #expect(errors == 1, "one error per run of garbage")
    }

    @Test func resynchronizesAcrossChunkBoundaries() {
        // The next header's name is split between chunks while the framer is skipping.
        let stream = bytes("Content-Length: x\r\n\r\nnoise noise") + framed("{}")
        let cut = stream.count - framed("{}").count + 7
        let result = frames(of: [Array(stream[..<cut]), Array(stream[cut...])])
        #expect(result.map(kind) == ["error invalidContentLength", "body {}"])
    }

    @Test func endOfStreamInsideAMessageIsReported() {
        var framer = MessageFramer()
        framer.append(framed("{}") + bytes("Content-Length: 10\r\n\r\n{\"a\""))
        #expect(drain(&framer) == [.body(bytes("{}"))])
        #expect(framer.finish() == .unexpectedEndOfStream(pendingBytes: 4))
        framer.append(bytes("Content-Len"))
        #expect(drain(&framer).isEmpty)
        #expect(framer.finish() == .unexpectedEndOfStream(pendingBytes: 11))
        framer.append(framed("x") + bytes("\r\n"))
        #expect(drain(&framer) == [.body(bytes("x"))])
        #expect(framer.finish() == nil)
    }
}
