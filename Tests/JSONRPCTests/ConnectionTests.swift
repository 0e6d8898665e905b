import Foundation
import JSON
import JSONRPC
import PolicyWorkloads
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ConnectionTests {
    @Test func messagesArriveInOrderThenEndOfFile() {
        let input = PipePair()
        let output = PipePair()
        let connection = Connection(input: input.readEnd, output: output.writeEnd)
        let inbox = Inbox()
        connection.start { inbox.append($0) }

        var random = SeededGenerator(seed: 42)
        var expected: [IncomingMessage] = []
        var stream: [UInt8] = []
        for index in 0..<200 {
            let padding = String(repeating: "é", count: Int.random(in: 0..<20_000, using: &random))
            let message: Message
            switch index % 3 {
            case 0:
                let request = RequestMessage(
                    id: index % 2 == 0 ? .integer(index) : .string("r\(index)"), method: "m", params: ["pad": .string(padding)])
                message = .request(request)
                expected.append(.request(request))
            case 1:
                let notification = NotificationMessage(method: "n", params: [.integer(index)])
                message = .notification(notification)
                expected.append(.notification(notification))
            default:
                let response = ResponseMessage(id: .integer(index), result: .string(padding))
                message = .response(response)
                expected.append(.response(response))
            }
            stream += MessageFramer.frame(message)
        }
        // Arbitrary chunk sizes, so frames straddle reads.
        var offset = 0
        while offset < stream.count {
            let end = min(stream.count, offset + Int.random(in: 1..<100_000, using: &random))
            input.put(Array(stream[offset..<end]))
            offset = end
        }
        input.closeWriteEnd()
        connection.waitUntilClosed()

        #expect(inbox.messages == expected + [.closed(nil)])
        output.closeWriteEnd()
        #expect(output.takeAll().isEmpty, "valid input needs no answer from the connection")
    }

    @Test func concurrentSendsNeverInterleaveFrames() {
        let input = PipePair()
        let output = PipePair()
        let connection = Connection(input: input.readEnd, output: output.writeEnd)
        let threads = 8
        let perThread = 60

        // Drain the output concurrently: frames are far larger than the pipe's buffer.
        let collected = Inbox()
        let outputRead = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var received: [UInt8] = []
        Thread {
            received = output.takeAll()
            outputRead.signal()
        }.start()

        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var random = SeededGenerator(seed: UInt64(thread))
            for sequence in 0..<perThread {
                // Up to ~200 KB: well past PIPE_BUF, so each frame needs several write() calls.
                let padding = String(
                    repeating: Character(UnicodeScalar(UInt8(65 + thread))), count: Int.random(in: 0..<200_000, using: &random))
                let params: JSONValue = ["thread": .integer(thread), "sequence": .integer(sequence), "padding": .string(padding)]
                do {
                    try connection.notify("test/\(thread)", params: params)
                } catch {
                    collected.append(.closed((error as? ConnectionError) ?? ConnectionError(.write, code: -1)))
                }
            }
        }
        output.closeWriteEnd()
        outputRead.wait()
        #expect(collected.messages.isEmpty, "no send may fail")

        let (messages, problems) = decodeFrames(received)
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(messages.count == threads * perThread)
        var nextSequence = [Int](repeating: 0, count: threads)
        for message in messages {
            guard case .notification(let notification) = message,
                let thread = notification.params?["thread"]?.int,
                let sequence = notification.params?["sequence"]?.int,
                let padding = notification.params?["padding"]?.string
            else {
                Issue.record("unexpected message \(message.json.serializedString().prefix(200))")
                return
            }
            #expect(notification.method == "test/\(thread)")
            #expect(sequence == nextSequence[thread], "each thread's messages arrive in its order")
            #expect(padding.allSatisfy { $0 == Character(UnicodeScalar(UInt8(65 + thread))) })
            nextSequence[thread] = sequence + 1
        }
        #expect(nextSequence == [Int](repeating: perThread, count: threads))
        _ = input
    }

    @Test func malformedInputIsAnsweredAndReported() throws {
        let input = PipePair()
        let output = PipePair()
        let connection = Connection(input: input.readEnd, output: output.writeEnd)
        let inbox = Inbox()
        connection.start { inbox.append($0) }

        input.put(Array("Content-Length: abc\r\n\r\n".utf8))
        input.put(MessageFramer.frame(body: Array("{not json".utf8)))
        input.put(MessageFramer.frame(body: Array(#"{"jsonrpc":"2.0","id":7,"method":1}"#.utf8)))
        input.put(MessageFramer.frame(body: Array(#"{"jsonrpc":"2.0","id":"s","params":[]}"#.utf8)))
        input.put(MessageFramer.frame(body: Array(#"{"jsonrpc":"2.0","id":8,"result":1,"error":{"code":1,"message":"x"}}"#.utf8)))
        input.put(MessageFramer.frame(["jsonrpc": "2.0", "id": 9, "method": "shutdown"]))
        input.closeWriteEnd()
        connection.waitUntilClosed()
        output.closeWriteEnd()

        let (replies, problems) = decodeFrames(output.takeAll())
        #expect(problems.isEmpty)
        let answered = replies.compactMap { message -> (RequestID?, Int)? in
            guard case .response(let response) = message, case .failure(let error) = response.result else { return nil }
            return (response.id, error.code.rawValue)
        }
        #expect(answered.map(\.0) == [nil, nil, .integer(7), .string("s")])
        #expect(answered.map(\.1) == [-32700, -32700, -32600, -32600])
        #expect(replies.count == 4, "a malformed response is not answered")

        let delivered = inbox.messages
        #expect(delivered.count == 7)
        guard delivered.count == 7 else { return }
        for index in 0..<5 {
            guard case .malformed = delivered[index] else {
                Issue.record("expected malformed input at \(index), got \(delivered[index])")
                continue
            }
        }
        if case .malformed(let response) = delivered[4] {
            #expect(response.id == 8)
            #expect(!response.expectsReply)
        }
        #expect(delivered[5] == .request(RequestMessage(id: 9, method: "shutdown")))
        #expect(delivered[6] == .closed(nil))
    }

    @Test func hostileBodiesAreAnsweredAndServingContinues() {
        let input = PipePair()
        let output = PipePair()
        let connection = Connection(input: input.readEnd, output: output.writeEnd, maximumBodySize: 1 << 20)
        let inbox = Inbox()
        connection.start { inbox.append($0) }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        // The message object and its params array are two levels; 510 more reach the cap of 512.
        let capped = String(repeating: "[", count: 510) + String(repeating: "]", count: 510)
        let writer = Thread {
            input.put(MessageFramer.frame(body: [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)))
            input.put(MessageFramer.frame(body: [UInt8](repeating: UInt8(ascii: " "), count: 2 << 20)))
            input.put(MessageFramer.frame(body: Array(#"{"jsonrpc":"2.0","id":1,"method":"deep","params":\#(deep)}"#.utf8)))
            input.put(MessageFramer.frame(body: Array(#"{"jsonrpc":"2.0","id":2,"method":"capped","params":[\#(capped)]}"#.utf8)))
            input.closeWriteEnd()
        }
        writer.start()
        connection.waitUntilClosed()
        output.closeWriteEnd()

        let (replies, problems) = decodeFrames(output.takeAll())
        #expect(problems.isEmpty)
        let codes = replies.compactMap { message -> Int? in
            guard case .response(let response) = message, response.id == nil, case .failure(let error) = response.result else { return nil }
            return error.code.rawValue
        }
        // Too deep, too large, and the deep params (the whole body is rejected, so its id is unknown).
        #expect(codes == [-32700, -32700, -32700])
        let delivered = inbox.messages
        #expect(delivered.count == 5)
        if case .request(let request)? = delivered.dropLast().last {
            #expect(request.id == 2)
            #expect(request.params?[0]?[0]?[0] != nil)
        } else {
            Issue.record("the message at the depth limit should arrive, got \(delivered.last.map { "\($0)" }?.prefix(200) ?? "nothing")")
        }
        #expect(delivered.last == .closed(nil))
    }

    @Test func endOfFileInsideAMessageIsReported() {
        let input = PipePair()
        let output = PipePair()
        let connection = Connection(input: input.readEnd, output: output.writeEnd)
        let inbox = Inbox()
        connection.start { inbox.append($0) }
        input.put(Array("Content-Length: 100\r\n\r\n{\"jsonrpc\"".utf8))
        input.closeWriteEnd()
        connection.waitUntilClosed()
        let delivered = inbox.messages
        #expect(delivered.count == 2)
        if case .malformed(let problem)? = delivered.first {
            #expect(problem.error.code == .parseError)
            #expect(!problem.expectsReply)
        } else {
            Issue.record("expected a malformed message, got \(delivered)")
        }
        #expect(delivered.last == .closed(nil))
        output.closeWriteEnd()
        #expect(output.takeAll().isEmpty)
    }

    @Test func readErrorsCloseTheConnection() {
        let pipe = PipePair()
        // Reading from a pipe's write end fails with EBADF.
        let connection = Connection(input: pipe.writeEnd, output: pipe.writeEnd)
        let inbox = Inbox()
        connection.start { inbox.append($0) }
        connection.waitUntilClosed()
        #expect(inbox.messages == [.closed(ConnectionError(.read, code: EBADF))])
    }

    @Test func sendingToAClosedPipeThrows() {
        signal(SIGPIPE, SIG_IGN)
        let output = PipePair()
        output.closeReadEnd()
        let connection = Connection(input: -1, output: output.writeEnd)
        #expect(throws: ConnectionError(.write, code: EPIPE)) {
            try connection.reply(to: 1, result: .null)
        }
    }

    @Test func asyncStreamDeliversInOrderAndFinishes() async {
        let input = PipePair()
        let output = PipePair()
        let connection = Connection(input: input.readEnd, output: output.writeEnd)
        let stream = connection.start()
        input.put(MessageFramer.frame(.request(RequestMessage(id: "a", method: "initialize", params: [:]))))
        input.put(MessageFramer.frame(.notification(NotificationMessage(method: "initialized"))))
        input.closeWriteEnd()
        var received: [IncomingMessage] = []
        for await message in stream {
            received.append(message)
        }
        #expect(
            received == [
                .request(RequestMessage(id: "a", method: "initialize", params: [:])),
                .notification(NotificationMessage(method: "initialized")),
                .closed(nil),
            ])
    }

    @Test func repliesAreFramedResponses() throws {
        let output = PipePair()
        let connection = Connection(input: -1, output: output.writeEnd)
        try connection.reply(to: 3, result: ["contents": "hover text"])
        try connection.reply(to: "x", error: .requestCancelled)
        try connection.reply(to: nil, error: ResponseError(.parseError, "bad"))
        try connection.notify("window/logMessage", params: ["type": 3, "message": "hi"])
        try connection.send(.request(RequestMessage(id: 100, method: "workspace/configuration", params: ["items": []])))
        output.closeWriteEnd()
        let bytes = output.takeAll()
        let expected = [
            #"{"jsonrpc":"2.0","id":3,"result":{"contents":"hover text"}}"#,
            #"{"jsonrpc":"2.0","id":"x","error":{"code":-32800,"message":"Request cancelled"}}"#,
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}"#,
            #"{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3,"message":"hi"}}"#,
            #"{"jsonrpc":"2.0","id":100,"method":"workspace/configuration","params":{"items":[]}}"#,
        ].flatMap { MessageFramer.frame(body: Array($0.utf8)) }
        #expect(bytes == expected)
    }
}
