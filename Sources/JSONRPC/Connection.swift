import Foundation
import JSON
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON-RPC connection over two file descriptors: messages in from one, out to the other.
///
/// ``start(handler:)`` starts a reader thread that reads the input, splits it with a
/// ``MessageFramer`` and decodes each body. The handler is called on that thread, one
/// message at a time, in input order; it should hand work off quickly, since input is
/// not read while it runs. When the input ends the handler gets ``IncomingMessage/closed(_:)``
/// last and the thread exits.
///
/// Errors in the input are answered here, because only this module knows JSON-RPC
/// framing: a framing error or unparsable JSON gets a -32700 response with id `null`, an
/// invalid request gets -32600 with its id when it has a readable one. The handler then
/// receives the problem as ``IncomingMessage/malformed(_:)`` to log it. Malformed
/// *responses* are not answered; the handler decides what to do about them.
///
/// ``send(_:)`` may be called from any thread: each message is serialized first and then
/// written whole under a lock, so frames from concurrent senders never interleave.
///
/// The connection neither owns nor closes its descriptors. Writing to a pipe whose reader
/// has gone raises `SIGPIPE`, which ends the process unless the process ignores it; a
/// server should call `signal(SIGPIPE, SIG_IGN)` at startup so that ``send(_:)`` throws
/// instead.
///
/// ```swift
/// signal(SIGPIPE, SIG_IGN)
/// let connection = Connection()
/// connection.start { incoming in
///     switch incoming {
///     case .request(let request):
///         try? connection.reply(to: request.id, error: .methodNotFound)
///     case .notification, .response, .malformed:
///         break
///     case .closed:
///         exit(0)
///     }
/// }
/// connection.waitUntilClosed()
/// ```
public final class Connection: Sendable {
    /// How many bytes one `read` asks for.
    private static let readChunkSize = 64 << 10

    private let input: Int32
    private let output: Int32
    private let maximumBodySize: Int

    /// Held while one frame is written, so frames never interleave.
    private let writeLock = Mutex(())
    /// Whether `start` was called.
    private let started = Atomic(false)
    /// Whether the reader delivered `.closed`; set and waited for under `closedCondition`.
    private let closed = Atomic(false)
    /// Signalled when `closed` is set.
    private let closedCondition = NSCondition()

    /// Creates a connection reading from `input` and writing to `output` (by default stdin and stdout).
    ///
    /// Bodies declared larger than `maximumBodySize` are framing errors and are skipped unread.
    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, maximumBodySize: Int = MessageFramer.defaultMaximumBodySize) {
        self.input = input
        self.output = output
        self.maximumBodySize = maximumBodySize
    }

    /// Starts the reader thread, which calls `handler` for each incoming message in order.
    ///
    /// Call it once; a second call is a programming error.
    public func start(handler: @escaping @Sendable (IncomingMessage) -> Void) {
        let first = started.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged
        precondition(first, "Connection.start called twice")
        let thread = Thread { [self] in
            readLoop(handler: handler)
        }
        thread.name = "jsonrpc-reader"
        thread.start()
    }

    /// Starts the reader thread and returns the incoming messages as a stream, which
    /// finishes after ``IncomingMessage/closed(_:)``. Messages are buffered without limit.
    public func start() -> AsyncStream<IncomingMessage> {
        let (stream, continuation) = AsyncStream.makeStream(of: IncomingMessage.self)
        start { message in
            continuation.yield(message)
            if case .closed = message {
                continuation.finish()
            }
        }
        return stream
    }

    /// Blocks until the reader has delivered ``IncomingMessage/closed(_:)``; call it only after starting.
    public func waitUntilClosed() {
        closedCondition.lock()
        while !closed.load(ordering: .sequentiallyConsistent) {
            closedCondition.wait()
        }
        closedCondition.unlock()
    }

    /// Writes one framed message. Safe to call from any thread.
    public func send(_ message: Message) throws(ConnectionError) {
        let frame = MessageFramer.frame(message)
        try writeLock.withLock { _ throws(ConnectionError) in
            try writeAll(frame)
        }
    }

    /// Sends a successful response to the request `id`.
    public func reply(to id: RequestID, result: JSONValue) throws(ConnectionError) {
        try send(.response(ResponseMessage(id: id, result: result)))
    }

    /// Sends an error response to the request `id` (`nil` when the id is unknown).
    public func reply(to id: RequestID?, error: ResponseError) throws(ConnectionError) {
        try send(.response(ResponseMessage(id: id, error: error)))
    }

    /// Sends a notification.
    public func notify(_ method: String, params: JSONValue? = nil) throws(ConnectionError) {
        try send(.notification(NotificationMessage(method: method, params: params)))
    }

    // MARK: - Reading

    private func readLoop(handler: @Sendable (IncomingMessage) -> Void) {
        var framer = MessageFramer(maximumBodySize: maximumBodySize)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readChunkSize, alignment: 1)
        defer { chunk.deallocate() }
        var failure: ConnectionError?
        while true {
            let count = read(input, chunk.baseAddress, chunk.count)
            if count < 0 {
                let code = errno
                if code == EINTR {
                    continue
                }
                if code == EAGAIN || code == EWOULDBLOCK {
                    waitUntilReady(input, for: Int16(POLLIN))
                    continue
                }
                failure = ConnectionError(.read, code: code)
                break
            }
            if count == 0 {
                break
            }
            framer.append(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            while let frame = framer.next() {
                deliver(frame, to: handler)
            }
        }
        if let leftover = framer.finish() {
            // The peer is gone or broke the stream; there is no one to answer.
            let error = ResponseError(.parseError, "Parse error: \(leftover)")
            handler(.malformed(MalformedMessage(error, id: nil, expectsReply: false)))
        }
        handler(.closed(failure))
        closedCondition.lock()
        closed.store(true, ordering: .sequentiallyConsistent)
        closedCondition.broadcast()
        closedCondition.unlock()
    }

    private func deliver(_ frame: Frame, to handler: @Sendable (IncomingMessage) -> Void) {
        let incoming: IncomingMessage
        switch frame {
        case .error(let error):
            incoming = .malformed(MalformedMessage(ResponseError(.parseError, "Parse error: \(error)"), id: nil, expectsReply: true))
        case .body(let body):
            do {
                switch try Message(parsing: body) {
                case .request(let request):
                    incoming = .request(request)
                case .notification(let notification):
                    incoming = .notification(notification)
                case .response(let response):
                    incoming = .response(response)
                }
            } catch {
                incoming = .malformed(error)
            }
        }
        if case .malformed(let malformed) = incoming, let reply = malformed.reply {
            // A failed write will fail the handler's next send too; nothing more to do here.
            try? send(.response(reply))
        }
        handler(incoming)
    }

    // MARK: - Writing

    private func writeAll(_ bytes: [UInt8]) throws(ConnectionError) {
        let result: ConnectionError? = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let written = write(output, base + offset, raw.count - offset)
                if written < 0 {
                    let code = errno
                    if code == EINTR {
                        continue
                    }
                    if code == EAGAIN || code == EWOULDBLOCK {
                        waitUntilReady(output, for: Int16(POLLOUT))
                        continue
                    }
                    return ConnectionError(.write, code: code)
                }
                offset += written
            }
            return nil
        }
        if let result {
            throw result
        }
    }

    /// Waits for a non-blocking descriptor to become ready.
    private func waitUntilReady(_ descriptor: Int32, for events: Int16) {
        var request = pollfd(fd: descriptor, events: events, revents: 0)
        _ = poll(&request, 1, -1)
    }
}
