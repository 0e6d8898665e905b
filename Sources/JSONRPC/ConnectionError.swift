#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed read or write on a connection's file descriptors.
public struct ConnectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which direction failed.
    public enum Operation: String, Hashable, Sendable {
        /// Reading input.
        case read
        /// Writing output.
        case write
    }

    /// Which direction failed.
    public var operation: Operation
    /// The `errno` value.
    public var code: Int32

    /// Creates an error for `operation` with `errno` value `code`.
    public init(_ operation: Operation, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// The operation and the system's explanation of the code.
    public var description: String {
        "\(operation.rawValue) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
