import Foundation
import JSONRPC
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `pipe()`, with helpers to write all bytes to it and read it to end of file.
final class PipePair: Sendable {
    let readEnd: Int32
    let writeEnd: Int32
    private let closedEnds = Mutex<Set<Int32>>([])

    init() {
        var descriptors: [Int32] = [0, 0]
        let result = pipe(&descriptors)
        precondition(result == 0, "pipe() failed: \(errno)")
        readEnd = descriptors[0]
        writeEnd = descriptors[1]
    }

    deinit {
        closeReadEnd()
        closeWriteEnd()
    }

    /// Writes every byte to the write end.
    func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(writeEnd, raw.baseAddress! + offset, raw.count - offset)
                precondition(written > 0 || errno == EINTR, "write failed: \(errno)")
                offset += max(written, 0)
            }
        }
    }

    /// Reads the read end until end of file.
    func takeAll() -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR {
                continue
            }
            precondition(count >= 0, "read failed: \(errno)")
            if count == 0 {
                return result
            }
            result += chunk[0..<count]
        }
    }

    func closeWriteEnd() {
        closeOnce(writeEnd)
    }

    func closeReadEnd() {
        closeOnce(readEnd)
    }

    private func closeOnce(_ descriptor: Int32) {
        closedEnds.withLock { closedEnds in
            if closedEnds.insert(descriptor).inserted {
                _ = close(descriptor)
            }
        }
    }
}

/// Collects what a connection delivers on its reader thread.
final class Inbox: Sendable {
    private let stored = Mutex<[IncomingMessage]>([])

    func append(_ message: IncomingMessage) {
        stored.withLock { $0.append(message) }
    }

    var messages: [IncomingMessage] {
        stored.withLock { $0 }
    }
}

/// Splits framed output into decoded messages, recording an issue for anything malformed.
func decodeFrames(_ bytes: [UInt8]) -> (messages: [Message], problems: [String]) {
    var framer = MessageFramer()
    framer.append(bytes)
    var messages: [Message] = []
    var problems: [String] = []
    while let frame = framer.next() {
        switch frame {
        case .body(let body):
            do {
                messages.append(try Message(parsing: body))
            } catch {
                problems.append("\(error)")
            }
        case .error(let error):
            problems.append("\(error)")
        }
    }
    if let error = framer.finish() {
        problems.append("\(error)")
    }
    return (messages, problems)
}
